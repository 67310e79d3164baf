#include "evidex_memory.h"

// <stdlib.h> first: __GLIBC__ is defined by the C library's own headers, so testing it before
// including one was always false and every call below did nothing.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void evx_memory_fix_mmap_threshold(long bytes) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, (int)bytes);
    mallopt(M_TRIM_THRESHOLD, (int)(bytes * 4));
#else
    (void)bytes;
#endif
}

void evx_memory_limit_arenas(int arenas) {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
#endif
}

void evx_memory_trim(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

int evx_memory_controls_allocator(void) {
#if defined(__GLIBC__)
    return 1;
#else
    return 0;
#endif
}
