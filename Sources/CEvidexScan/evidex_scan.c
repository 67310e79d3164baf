#include "evidex_scan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Whether any byte of an ASCII word is '"' or '\'' (the classic zero-byte test on w XOR the mark).
static inline int has_quote_byte(uint64_t w) {
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t a = w ^ (ones * '"'), b = w ^ (ones * '\'');
    return (((a - ones) & ~a) | ((b - ones) & ~b)) & highs ? 1 : 0;
}

// Swift's SIMD types compiled the widening of bytes to 32-bit lanes into scalar shifts (six
// instructions a byte); SSE2's unpack instructions do sixteen bytes in eight.
size_t evx_utf8_decode(const uint8_t *src, size_t n, uint32_t *dst, int *quote_bytes) {
    size_t i = 0, k = 0;
    int quotes = 0;
    while (i < n) {
#if defined(__SSE2__)
        const __m128i zero = _mm_setzero_si128();
        const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\'');
        while (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(src + i));
            if (_mm_movemask_epi8(v)) break;   // a non-ASCII byte: decoded below
            if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, sq)))) quotes = 1;
            __m128i lo = _mm_unpacklo_epi8(v, zero), hi = _mm_unpackhi_epi8(v, zero);
            _mm_storeu_si128((__m128i *)(dst + k), _mm_unpacklo_epi16(lo, zero));
            _mm_storeu_si128((__m128i *)(dst + k + 4), _mm_unpackhi_epi16(lo, zero));
            _mm_storeu_si128((__m128i *)(dst + k + 8), _mm_unpacklo_epi16(hi, zero));
            _mm_storeu_si128((__m128i *)(dst + k + 12), _mm_unpackhi_epi16(hi, zero));
            i += 16;
            k += 16;
        }
        if (i >= n) break;
#endif
        // Eight ASCII bytes at a time (the whole text without SSE2, the tail with it).
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, src + i, 8);
            if (w & 0x8080808080808080ULL) break;
            if (has_quote_byte(w)) quotes = 1;
            for (int j = 0; j < 8; j++) dst[k + j] = src[i + j];
            i += 8;
            k += 8;
        }
        if (i >= n) break;
        uint32_t b0 = src[i];
        uint32_t v;
        if (b0 < 0x80) {
            if (b0 == '"' || b0 == '\'') quotes = 1;
            v = b0;
            i += 1;
        } else {
            quotes = 1;
            if (b0 < 0xE0) {
                v = (b0 & 0x1F) << 6 | (src[i + 1] & 0x3F);
                i += 2;
            } else if (b0 < 0xF0) {
                v = (b0 & 0x0F) << 12 | (uint32_t)(src[i + 1] & 0x3F) << 6 | (src[i + 2] & 0x3F);
                i += 3;
            } else {
                v = (b0 & 0x07) << 18 | (uint32_t)(src[i + 1] & 0x3F) << 12
                    | (uint32_t)(src[i + 2] & 0x3F) << 6 | (src[i + 3] & 0x3F);
                i += 4;
            }
        }
        dst[k++] = v;
    }
    if (quotes) *quote_bytes = 1;
    return k;
}

size_t evx_index_of_u32(const uint32_t *text, size_t from, size_t end, uint32_t target) {
    size_t i = from;
#if defined(__SSE2__)
    const __m128i t = _mm_set1_epi32((int)target);
    while (i + 8 <= end) {
        __m128i a = _mm_loadu_si128((const __m128i *)(text + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(text + i + 4));
        int m = _mm_movemask_epi8(_mm_packs_epi32(_mm_cmpeq_epi32(a, t), _mm_cmpeq_epi32(b, t)));
        if (m) return i + (size_t)(__builtin_ctz((unsigned)m) / 2);
        i += 8;
    }
#endif
    while (i < end && text[i] != target) i++;
    return i;
}

size_t evx_index_outside_u32(const uint32_t *text, size_t from, size_t end, uint32_t low, uint32_t high) {
    size_t i = from;
    const uint32_t width = high - low;
#if defined(__SSE2__)
    // unsigned v - low > width, as a signed compare after flipping the sign bits
    const __m128i bias = _mm_set1_epi32((int)0x80000000u);
    const __m128i lo = _mm_set1_epi32((int)low);
    const __m128i w = _mm_set1_epi32((int)(width ^ 0x80000000u));
    const __m128i space = _mm_set1_epi32(0x20);
    while (i + 8 <= end) {
        __m128i a = _mm_loadu_si128((const __m128i *)(text + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(text + i + 4));
        __m128i oa = _mm_andnot_si128(_mm_cmpeq_epi32(a, space),
                                      _mm_cmpgt_epi32(_mm_xor_si128(_mm_sub_epi32(a, lo), bias), w));
        __m128i ob = _mm_andnot_si128(_mm_cmpeq_epi32(b, space),
                                      _mm_cmpgt_epi32(_mm_xor_si128(_mm_sub_epi32(b, lo), bias), w));
        int m = _mm_movemask_epi8(_mm_packs_epi32(oa, ob));
        if (m) return i + (size_t)(__builtin_ctz((unsigned)m) / 2);
        i += 8;
    }
#endif
    while (i < end && (text[i] - low <= width || text[i] == 0x20)) i++;
    return i;
}

size_t evx_utf8_count(const uint8_t *src, size_t n, int *ascii) {
    size_t i = 0, continuation = 0;
    int high = 0;
#if defined(__SSE2__)
    const __m128i mask = _mm_set1_epi8((char)0xC0), cont = _mm_set1_epi8((char)0x80);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(src + i));
        int m = _mm_movemask_epi8(v);
        if (m) {
            high = 1;
            continuation += (size_t)__builtin_popcount(
                (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, mask), cont)));
        }
        i += 16;
    }
#endif
    // Eight bytes at a time (the whole text without SSE2, the tail with it): continuation
    // bytes are 10xxxxxx, so bit 7 set and bit 6 clear.
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, src + i, 8);
        if (w & 0x8080808080808080ULL) {
            high = 1;
            continuation += (size_t)__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ULL);
        }
        i += 8;
    }
    for (; i < n; i++) {
        if (src[i] >= 0x80) high = 1;
        if ((src[i] & 0xC0) == 0x80) continuation++;
    }
    *ascii = !high;
    return n - continuation;
}
