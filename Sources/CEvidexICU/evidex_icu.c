// ICU lives only in this file; the public header shows no ICU types (see evidex_icu.h).
// ICU's renaming macros (ubrk_open -> ubrk_open_72) work here, unlike in Swift.
#include "evidex_icu.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

// Texts are segmented in chunks of at most this many UTF-8 bytes, cut at a newline or space when
// possible, so that scratch memory stays bounded however long the text is.
#define EVX_CHUNK_BYTES (256 * 1024)
#define EVX_SPLIT_WINDOW (16 * 1024)

typedef struct {
    int32_t start, end;
} EvxSpan;

struct EvidexSegmenter {
    UBreakIterator *bi;
    const UNormalizer2 *nfkc_cf;
    const UNormalizer2 *nfd;
    const UNormalizer2 *nfc;

    // Current text.
    const uint8_t *text;
    int32_t length;
    int32_t pos;

    // Per chunk: UTF-16 text, and for each UTF-16 unit the UTF-8 offsets of its code point.
    UChar *u16;
    int32_t *map_start;
    int32_t *map_end;
    int32_t unit_cap;
    EvxSpan *raw;
    int32_t raw_cap;
    int32_t *out;
    int32_t out_cap; // in tokens

    // Folding scratch.
    UChar *f1;
    int32_t f1_cap;
    UChar *f2;
    int32_t f2_cap;
};

static int evx_grow(void **p, int32_t *cap, int32_t need, size_t elem) {
    if (need <= *cap) return 1;
    int32_t nc = *cap > 0 ? *cap : 64;
    while (nc < need) nc = nc > (INT32_MAX / 2) ? need : nc * 2;
    void *q = realloc(*p, (size_t)nc * elem);
    if (!q) return 0;
    *p = q;
    *cap = nc;
    return 1;
}

const char *evidex_icu_error_name(int32_t error_code) {
    return u_errorName((UErrorCode)error_code);
}

EvidexSegmenter *evidex_segmenter_open(const char *locale, int32_t *error_code) {
    UErrorCode e = U_ZERO_ERROR;
    EvidexSegmenter *g = calloc(1, sizeof(EvidexSegmenter));
    if (!g) {
        if (error_code) *error_code = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    g->nfkc_cf = unorm2_getNFKCCasefoldInstance(&e);
    if (U_SUCCESS(e)) g->nfd = unorm2_getNFDInstance(&e);
    if (U_SUCCESS(e)) g->nfc = unorm2_getNFCInstance(&e);
    if (U_SUCCESS(e)) g->bi = ubrk_open(UBRK_WORD, locale ? locale : "", NULL, 0, &e);
    if (U_FAILURE(e)) {
        if (error_code) *error_code = (int32_t)e;
        evidex_segmenter_close(g);
        return NULL;
    }
    if (error_code) *error_code = 0;
    return g;
}

void evidex_segmenter_close(EvidexSegmenter *g) {
    if (!g) return;
    if (g->bi) ubrk_close(g->bi);
    free(g->u16);
    free(g->map_start);
    free(g->map_end);
    free(g->raw);
    free(g->out);
    free(g->f1);
    free(g->f2);
    free(g);
}

// Characters hidden from the break iterator: they must never split a word. NFKC_Casefold
// removes them from terms (they are default ignorable).
static inline int evx_is_zero_width(UChar32 c) {
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0x00AD || c == 0xFEFF;
}

static inline int evx_is_number_joiner(UChar c) {
    return c == '-' || c == '/' || c == 0x2010 || c == 0x2011;
}

static inline int evx_is_apostrophe_joiner(UChar c) {
    // ICU already keeps ' and U+2019 inside words (MidNumLet / Single_Quote).
    return c == 0x2018 || c == 0x2032;
}

static inline int evx_is_percent(UChar c) {
    return c == '%' || c == 0x2030 || c == 0xFF05 || c == 0x066A;
}

static inline int evx_is_digit(UChar32 c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return u_isdigit(c);
}

static inline int evx_is_alpha(UChar32 c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return u_isalpha(c);
}

static inline UChar32 evx_first_cp(const UChar *u, EvxSpan t) {
    UChar32 c;
    int32_t i = t.start;
    U16_NEXT(u, i, t.end, c);
    return c;
}

static inline UChar32 evx_last_cp(const UChar *u, EvxSpan t) {
    UChar32 c;
    int32_t i = t.end;
    U16_PREV(u, t.start, i, c);
    return c;
}

// Emoji that ICU gives a word status (keycaps such as 1️⃣ are digit + U+FE0F + U+20E3).
static int evx_is_emoji_token(const UChar *u, EvxSpan t) {
    int has_keycap = 0, has_other = 0;
    for (int32_t i = t.start; i < t.end;) {
        UChar32 c;
        U16_NEXT(u, i, t.end, c);
        if (c == 0x20E3) {
            has_keycap = 1;
        } else if (c < 0x80) {
            has_other = 1;
        } else if (!u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) &&
                   !u_hasBinaryProperty(c, UCHAR_EMOJI_COMPONENT)) {
            has_other = 1;
        }
    }
    return has_keycap || !has_other;
}

// Chooses where the chunk starting at g->pos ends.
static int32_t evx_chunk_end(const uint8_t *s, int32_t pos, int32_t len) {
    if (len - pos <= EVX_CHUNK_BYTES) return len;
    int32_t limit = pos + EVX_CHUNK_BYTES;
    int32_t lo = limit - EVX_SPLIT_WINDOW;
    for (int32_t i = limit; i > lo; i--)
        if (s[i - 1] == '\n') return i;
    for (int32_t i = limit; i > lo; i--)
        if (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\r') return i;
    for (int32_t i = limit; i - 3 >= lo; i--) // U+3002 IDEOGRAPHIC FULL STOP
        if (s[i - 3] == 0xE3 && s[i - 2] == 0x80 && s[i - 1] == 0x82) return i;
    int32_t i = limit;
    while (i > pos + 1 && (s[i] & 0xC0) == 0x80) i--; // cut before a code point
    return i;
}

void evidex_segment_begin(EvidexSegmenter *g, const uint8_t *utf8, int32_t length) {
    g->text = utf8;
    g->length = utf8 ? (length > 0 ? length : 0) : 0;
    g->pos = 0;
}

// Segments text[from, to) into g->out. Returns the number of tokens or -error.
static int32_t evx_segment_chunk(EvidexSegmenter *g, int32_t from, int32_t to) {
    int32_t bytes = to - from;
    if (bytes + 1 > g->unit_cap) {
        int32_t c1 = g->unit_cap, c2 = g->unit_cap, c3 = g->unit_cap;
        if (!evx_grow((void **)&g->u16, &c1, bytes + 1, sizeof(UChar)) ||
            !evx_grow((void **)&g->map_start, &c2, c1, sizeof(int32_t)) ||
            !evx_grow((void **)&g->map_end, &c3, c1, sizeof(int32_t)))
            return -U_MEMORY_ALLOCATION_ERROR;
        g->unit_cap = c1;
    }
    const uint8_t *s = g->text;
    UChar *u = g->u16;
    int32_t *ms = g->map_start, *me = g->map_end;

    // UTF-8 -> UTF-16 with offset maps; zero-width characters are left out.
    int32_t n = 0;
    for (int32_t i = from; i < to;) {
#if defined(__SSE2__)
        // Sixteen ASCII bytes at once (most text): widened to UTF-16, their maps counted up
        // from i. Byte by byte this loop was a third of this function.
        if (to - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            if (_mm_movemask_epi8(v) == 0) {
                __m128i zero = _mm_setzero_si128();
                _mm_storeu_si128((__m128i *)(u + n), _mm_unpacklo_epi8(v, zero));
                _mm_storeu_si128((__m128i *)(u + n + 8), _mm_unpacklo_epi8(_mm_srli_si128(v, 8), zero));
                __m128i at = _mm_add_epi32(_mm_set1_epi32(i), _mm_setr_epi32(0, 1, 2, 3));
                __m128i four = _mm_set1_epi32(4), one = _mm_set1_epi32(1);
                for (int q = 0; q < 4; q++) {
                    _mm_storeu_si128((__m128i *)(ms + n + 4 * q), at);
                    _mm_storeu_si128((__m128i *)(me + n + 4 * q), _mm_add_epi32(at, one));
                    at = _mm_add_epi32(at, four);
                }
                n += 16;
                i += 16;
                continue;
            }
        }
#endif
        uint8_t b = s[i];
        if (b < 0x80) {
            u[n] = b;
            ms[n] = i;
            me[n] = i + 1;
            n++;
            i++;
            continue;
        }
        int32_t st = i;
        UChar32 c;
        U8_NEXT(s, i, to, c);
        if (c < 0) c = 0xFFFD;
        if (evx_is_zero_width(c)) continue;
        if (c <= 0xFFFF) {
            u[n] = (UChar)c;
            ms[n] = st;
            me[n] = i;
            n++;
        } else {
            u[n] = U16_LEAD(c);
            u[n + 1] = U16_TRAIL(c);
            ms[n] = ms[n + 1] = st;
            me[n] = me[n + 1] = i;
            n += 2;
        }
    }
    if (n == 0) return 0;

    UErrorCode e = U_ZERO_ERROR;
    ubrk_setText(g->bi, u, n, &e);
    if (U_FAILURE(e)) return -(int32_t)e;

    if (!evx_grow((void **)&g->raw, &g->raw_cap, n, sizeof(EvxSpan))) return -U_MEMORY_ALLOCATION_ERROR;
    EvxSpan *raw = g->raw;
    int32_t nraw = 0;
    int32_t prev = ubrk_first(g->bi);
    for (int32_t b = ubrk_next(g->bi); b != UBRK_DONE; prev = b, b = ubrk_next(g->bi)) {
        int32_t status = ubrk_getRuleStatus(g->bi);
        if (status < UBRK_WORD_NUMBER || status >= UBRK_WORD_IDEO_LIMIT) continue;
        raw[nraw].start = prev;
        raw[nraw].end = b;
        nraw++;
    }

    if (!evx_grow((void **)&g->out, &g->out_cap, 2 * nraw + 2, sizeof(int32_t))) return -U_MEMORY_ALLOCATION_ERROR;
    int32_t *out = g->out;
    int32_t k = 0;
    for (int32_t i = 0; i < nraw; i++) {
        EvxSpan t = raw[i];
        // Joins: 2021-06-08, 08/06/2021 (digit groups); letters around U+2018 / U+2032.
        while (i + 1 < nraw && raw[i + 1].start == t.end + 1) {
            UChar j = u[t.end];
            EvxSpan nx = raw[i + 1];
            if (evx_is_number_joiner(j)) {
                if (!evx_is_digit(evx_last_cp(u, t)) || !evx_is_digit(evx_first_cp(u, nx))) break;
            } else if (evx_is_apostrophe_joiner(j)) {
                if (!evx_is_alpha(evx_last_cp(u, t)) || !evx_is_alpha(evx_first_cp(u, nx))) break;
            } else {
                break;
            }
            t.end = nx.end;
            i++;
        }
        // Amounts: a currency symbol before a number, a percent sign after it.
        if (t.start > 0 && !U16_IS_SURROGATE(u[t.start - 1]) &&
            u_charType(u[t.start - 1]) == U_CURRENCY_SYMBOL && evx_is_digit(evx_first_cp(u, t)))
            t.start--;
        if (t.end < n && evx_is_percent(u[t.end]) && evx_is_digit(evx_last_cp(u, t))) t.end++;
        if ((u[t.start] >= 0x80 || u[t.end - 1] >= 0x80) && evx_is_emoji_token(u, t)) continue;
        out[2 * k] = ms[t.start];
        out[2 * k + 1] = me[t.end - 1];
        k++;
    }
    return k;
}

int32_t evidex_segment_next(EvidexSegmenter *g, const int32_t **tokens) {
    while (g->text && g->pos < g->length) {
        int32_t from = g->pos;
        int32_t to = evx_chunk_end(g->text, from, g->length);
        g->pos = to;
        int32_t k = evx_segment_chunk(g, from, to);
        if (k < 0) {
            g->pos = g->length;
            return k;
        }
        if (k > 0) {
            *tokens = g->out;
            return k;
        }
    }
    // Do not keep a pointer into a text that may be freed; ubrk still points at our own buffer.
    g->text = NULL;
    return 0;
}

uint32_t evidex_term_flags(const uint8_t *s, int32_t len) {
    uint32_t f = 0;
    int32_t i = 0, index = 0;
    int leading_currency = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0) continue;
        int digit;
        if (c < 0x80) {
            digit = c >= '0' && c <= '9';
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') f |= EVIDEX_TERM_HAS_LETTER;
            else if (digit) f |= EVIDEX_TERM_HAS_DIGIT;
            else if (c == '.') f |= EVIDEX_TERM_HAS_DOT;
        } else {
            digit = u_isdigit(c);
            if (digit) {
                f |= EVIDEX_TERM_HAS_DIGIT;
            } else if (u_isalpha(c)) {
                f |= EVIDEX_TERM_HAS_LETTER;
                UErrorCode e = U_ZERO_ERROR;
                UScriptCode sc = uscript_getScript(c, &e);
                if (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) f |= EVIDEX_TERM_NON_LATIN;
            }
        }
        if (index == 0) {
            if (digit) f |= EVIDEX_TERM_NUMERIC;
            else if (c >= 0x80 && u_charType(c) == U_CURRENCY_SYMBOL) leading_currency = 1;
            else if (c == '$') leading_currency = 1;
        } else if (index == 1 && leading_currency && digit) {
            f |= EVIDEX_TERM_NUMERIC;
        }
        index++;
    }
    return f;
}

// Normalizes src into *dst (grown as needed). Returns the length or -1 (error in *err).
static int32_t evx_normalize(const UNormalizer2 *norm, const UChar *src, int32_t len, UChar **dst,
                             int32_t *cap, UErrorCode *err) {
    if (!evx_grow((void **)dst, cap, len + 16, sizeof(UChar))) {
        *err = U_MEMORY_ALLOCATION_ERROR;
        return -1;
    }
    for (;;) {
        UErrorCode e = U_ZERO_ERROR;
        int32_t r = unorm2_normalize(norm, src, len, *dst, *cap, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR) {
            if (!evx_grow((void **)dst, cap, r + 16, sizeof(UChar))) {
                *err = U_MEMORY_ALLOCATION_ERROR;
                return -1;
            }
            continue;
        }
        if (U_FAILURE(e)) {
            *err = e;
            return -1;
        }
        return r;
    }
}

int32_t evidex_fold(EvidexSegmenter *g, const uint8_t *s, int32_t len, uint8_t *out, int32_t cap,
                    uint32_t *flags) {
    if (len <= 0) {
        if (flags) *flags = 0;
        return 0;
    }
    int ascii = 1;
    for (int32_t i = 0; i < len; i++)
        if (s[i] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii) { // NFKC_Casefold of ASCII is ASCII lower case.
        if (len > cap) return len;
        for (int32_t i = 0; i < len; i++) {
            uint8_t b = s[i];
            out[i] = (b >= 'A' && b <= 'Z') ? (uint8_t)(b + 32) : b;
        }
        if (flags) *flags = evidex_term_flags(out, len);
        return len;
    }

    UErrorCode e = U_ZERO_ERROR;
    if (!evx_grow((void **)&g->f1, &g->f1_cap, len + 16, sizeof(UChar))) return -U_MEMORY_ALLOCATION_ERROR;
    int32_t n1 = 0;
    u_strFromUTF8WithSub(g->f1, g->f1_cap, &n1, (const char *)s, len, 0xFFFD, NULL, &e);
    if (U_FAILURE(e)) return -(int32_t)e;

    int32_t n2 = evx_normalize(g->nfkc_cf, g->f1, n1, &g->f2, &g->f2_cap, &e);
    if (n2 < 0) return -(int32_t)e;

    // Accent folding: decompose, drop nonspacing marks after Latin/Greek/Cyrillic bases, recompose.
    int has_non_ascii = 0;
    for (int32_t i = 0; i < n2; i++)
        if (g->f2[i] >= 0x80) {
            has_non_ascii = 1;
            break;
        }
    if (has_non_ascii) {
        n1 = evx_normalize(g->nfd, g->f2, n2, &g->f1, &g->f1_cap, &e);
        if (n1 < 0) return -(int32_t)e;
        UChar *f = g->f1;
        int32_t w = 0;
        int foldable_base = 0;
        for (int32_t i = 0; i < n1;) {
            int32_t st = i;
            UChar32 c;
            U16_NEXT(f, i, n1, c);
            if (u_charType(c) == U_NON_SPACING_MARK) {
                if (foldable_base) continue;
            } else {
                UErrorCode se = U_ZERO_ERROR;
                UScriptCode sc = uscript_getScript(c, &se);
                foldable_base = sc == USCRIPT_LATIN || sc == USCRIPT_GREEK || sc == USCRIPT_CYRILLIC;
            }
            while (st < i) f[w++] = f[st++];
        }
        n2 = evx_normalize(g->nfc, g->f1, w, &g->f2, &g->f2_cap, &e);
        if (n2 < 0) return -(int32_t)e;
    }
    for (int32_t i = 0; i < n2; i++) {
        UChar c = g->f2[i];
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032) g->f2[i] = '\'';
    }

    int32_t n8 = 0;
    e = U_ZERO_ERROR;
    u_strToUTF8((char *)out, cap, &n8, g->f2, n2, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) return n8;
    if (U_FAILURE(e)) return -(int32_t)e;
    if (flags) *flags = evidex_term_flags(out, n8);
    return n8;
}
