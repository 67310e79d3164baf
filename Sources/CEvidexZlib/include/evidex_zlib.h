#ifndef EVIDEX_ZLIB_H
#define EVIDEX_ZLIB_H
#include <stddef.h>
#include <stdint.h>

/* A narrow seam over zlib: gzip decoding for ingestion, raw deflate for the
   document store, and CRC-32 for file checksums. Return codes: 0 = ok,
   -1 = corrupt input, -2 = output limit exceeded, -3 = out of memory. */

/* Decodes a gzip stream (concatenated members allowed). On success *out is a
   malloc'd buffer the caller releases with evx_free. Stops with -2 when the
   decoded size would pass max_out. */
int evx_gunzip(const uint8_t *in, size_t in_len, uint8_t **out, size_t *out_len, size_t max_out);

/* Worst-case compressed size for evx_deflate. */
size_t evx_deflate_bound(size_t in_len);

/* Raw deflate (no header) of in into out (capacity *out_len); *out_len receives the size. */
int evx_deflate(const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len, int level);

/* Raw inflate into out, whose size out_len must be the exact decoded size. */
int evx_inflate(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_len);

uint32_t evx_crc32(uint32_t crc, const uint8_t *buf, size_t len);

/* The CRC-32 of A followed by B, from crc1 = CRC of A, crc2 = CRC of B and
   len2 = the length of B. */
uint32_t evx_crc32_combine(uint32_t crc1, uint32_t crc2, uint64_t len2);

void evx_free(void *p);

#endif
