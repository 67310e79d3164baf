#ifndef EVIDEX_MEMORY_H
#define EVIDEX_MEMORY_H

/// Keeps blocks of at least `bytes` mapped on their own (glibc's mmap threshold, fixed so it
/// no longer rises as large blocks are freed), so that freeing them returns memory to the
/// system. No effect on other C libraries.
void evx_memory_fix_mmap_threshold(long bytes);

/// Caps the malloc arenas (glibc's M_ARENA_MAX). Each thread that allocates otherwise gets an
/// arena of its own, and their free but unreturned pages count against the memory budget.
void evx_memory_limit_arenas(int arenas);
/// Returns free heap memory to the system where the allocator can (glibc malloc_trim).
void evx_memory_trim(void);

/// 1 when the functions above act on the C library's allocator (glibc), 0 where they do
/// nothing. A test holds it to 1 on Linux: these functions were once compiled as no-ops.
int evx_memory_controls_allocator(void);

/// copy_file_range(2) where the C library has it (glibc declares it only with _GNU_SOURCE,
/// which Swift's Glibc module does not set): copies `len` bytes from `in_fd` at *in_offset
/// (advanced) to `out_fd` at its file position. Returns the bytes copied or -1 with errno;
/// ENOSYS where unavailable.
long evx_copy_file_range(int in_fd, long long *in_offset, int out_fd, unsigned long len);

/// Asks the CPU to bring the cache line holding `p` in for writing (no fault if `p` is not
/// mapped). Inline, so a Swift loop that issues many pays no call for each.
static inline void evx_prefetch_write(const void *p) { __builtin_prefetch(p, 1, 3); }
/// The same for reading.
static inline void evx_prefetch_read(const void *p) { __builtin_prefetch(p, 0, 3); }
#endif
