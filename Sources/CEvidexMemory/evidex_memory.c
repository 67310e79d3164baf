#define _GNU_SOURCE
#include "evidex_memory.h"
#include <errno.h>
#include <unistd.h>

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

long evx_copy_file_range(int in_fd, long long *in_offset, int out_fd, unsigned long len) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 27))
    loff_t off = (loff_t)*in_offset;
    ssize_t n = copy_file_range(in_fd, &off, out_fd, NULL, (size_t)len, 0);
    *in_offset = (long long)off;
    return (long)n;
#else
    (void)in_fd; (void)in_offset; (void)out_fd; (void)len;
    errno = ENOSYS;
    return -1;
#endif
}
