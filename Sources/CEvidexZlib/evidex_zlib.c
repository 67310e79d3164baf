#include "evidex_zlib.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int evx_gunzip(const uint8_t *in, size_t in_len, uint8_t **out, size_t *out_len, size_t max_out) {
    *out = NULL;
    *out_len = 0;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    /* 16 + MAX_WBITS: gzip wrapper only. */
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return -3;
    size_t cap = in_len * 4 + 4096;
    if (cap > max_out + 1) cap = max_out + 1;
    uint8_t *buf = malloc(cap);
    if (!buf) { inflateEnd(&zs); return -3; }
    size_t used = 0;
    zs.next_in = (Bytef *)in;
    zs.avail_in = (uInt)(in_len > UINT32_MAX ? UINT32_MAX : in_len);
    size_t in_left = in_len - zs.avail_in;
    int rc = Z_OK;
    for (;;) {
        if (used == cap) {
            if (cap > max_out) { free(buf); inflateEnd(&zs); return -2; }
            size_t ncap = cap * 2;
            if (ncap > max_out + 1) ncap = max_out + 1;
            uint8_t *nb = realloc(buf, ncap);
            if (!nb) { free(buf); inflateEnd(&zs); return -3; }
            buf = nb;
            cap = ncap;
        }
        zs.next_out = buf + used;
        zs.avail_out = (uInt)((cap - used) > UINT32_MAX ? UINT32_MAX : (cap - used));
        size_t before = zs.avail_out;
        rc = inflate(&zs, Z_NO_FLUSH);
        used += before - zs.avail_out;
        if (used > max_out) { free(buf); inflateEnd(&zs); return -2; }
        if (zs.avail_in == 0 && in_left > 0) {
            size_t chunk = in_left > UINT32_MAX ? UINT32_MAX : in_left;
            zs.avail_in = (uInt)chunk;
            in_left -= chunk;
        }
        if (rc == Z_STREAM_END) {
            /* Another gzip member may follow (as `cat a.gz b.gz` makes). */
            if (zs.avail_in == 0 && in_left == 0) break;
            if (inflateReset(&zs) != Z_OK) { free(buf); inflateEnd(&zs); return -1; }
            continue;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0 && in_left == 0) { free(buf); inflateEnd(&zs); return -1; }
        if (rc != Z_OK && rc != Z_BUF_ERROR) { free(buf); inflateEnd(&zs); return -1; }
    }
    inflateEnd(&zs);
    *out = buf;
    *out_len = used;
    return 0;
}

size_t evx_deflate_bound(size_t in_len) {
    return (size_t)compressBound((uLong)in_len) + 64;
}

int evx_deflate(const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len, int level) {
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -3;
    zs.next_in = (Bytef *)in;
    zs.avail_in = (uInt)in_len;
    zs.next_out = out;
    zs.avail_out = (uInt)*out_len;
    int rc = deflate(&zs, Z_FINISH);
    if (rc != Z_STREAM_END) { deflateEnd(&zs); return -2; }
    *out_len = zs.total_out;
    deflateEnd(&zs);
    return 0;
}

int evx_inflate(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_len) {
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) return -3;
    zs.next_in = (Bytef *)in;
    zs.avail_in = (uInt)in_len;
    zs.next_out = out;
    zs.avail_out = (uInt)out_len;
    int rc = inflate(&zs, Z_FINISH);
    size_t produced = zs.total_out;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END || produced != out_len) return -1;
    return 0;
}

uint32_t evx_crc32(uint32_t crc, const uint8_t *buf, size_t len) {
    uLong c = crc;
    while (len > 0) {
        uInt chunk = len > 0x40000000u ? 0x40000000u : (uInt)len;
        c = crc32(c, buf, chunk);
        buf += chunk;
        len -= chunk;
    }
    return (uint32_t)c;
}

uint32_t evx_crc32_combine(uint32_t crc1, uint32_t crc2, uint64_t len2) {
    return (uint32_t)crc32_combine((uLong)crc1, (uLong)crc2, (z_off_t)len2);  /* z_off_t is 64-bit on LP64 */
}

void evx_free(void *p) { free(p); }
