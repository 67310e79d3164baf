#include "evidex_memory.h"

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

