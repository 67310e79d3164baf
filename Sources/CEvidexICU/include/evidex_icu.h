#ifndef EVIDEX_ICU_H
#define EVIDEX_ICU_H

/*
 * A small C seam over the system ICU (word breaking and folding) for EvidexText.
 *
 * This header deliberately shows no ICU types: a module that exposes the ICU headers collides with
 * Foundation's own ICU (_FoundationICU) on a clean build. Only evidex_icu.c includes ICU.
 * All offsets are UTF-8 byte offsets (int32). Texts must be shorter than 2^31 bytes.
 */

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opaque handle: one word-break iterator plus scratch buffers. Not thread-safe. */
typedef struct EvidexSegmenter EvidexSegmenter;

/* Opens a segmenter (ICU word break for `locale`, e.g. "en"). On failure returns NULL and stores
 * the ICU error code in *error_code (a positive value). */
EvidexSegmenter *evidex_segmenter_open(const char *locale, int32_t *error_code);
void evidex_segmenter_close(EvidexSegmenter *seg);

/* Human-readable name of an ICU error code (static storage). */
const char *evidex_icu_error_name(int32_t error_code);

/*
 * Word segmentation, in batches so memory stays bounded for huge texts.
 *   evidex_segment_begin(seg, utf8, length);
 *   while ((n = evidex_segment_next(seg, &tokens)) > 0) { tokens[2*i], tokens[2*i+1] ... }
 * Each batch gives n tokens as (start, end) UTF-8 byte offsets into `utf8` (absolute, ascending).
 * `tokens` stays valid until the next call on `seg`. The text must stay alive and unchanged until
 * the iteration ends. Returns 0 at the end, or a negative value (-ICU error code) on failure.
 *
 * Tokens are ICU UBRK_WORD segments with a word status (number, letter, kana, ideograph), with:
 *  - zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, soft hyphen, BOM) hidden from the break
 *    iterator, so they never split a word; they may lie inside a token's range, never at its ends;
 *  - digit groups joined by '-', '/', U+2010 or U+2011 (no spaces) merged: 2021-06-08, 08/06/2021;
 *  - letter groups joined by U+2018 or U+2032 merged (ICU already joins ' and U+2019);
 *  - a currency symbol (Sc) right before a token starting with a digit included: £1,200, $3.5bn;
 *  - a percent sign (% U+2030 U+FF05 U+066A) right after a token ending in a digit included: 17%;
 *  - tokens made only of emoji / pictographic symbols dropped.
 */
void evidex_segment_begin(EvidexSegmenter *seg, const uint8_t *utf8, int32_t length);
int32_t evidex_segment_next(EvidexSegmenter *seg, const int32_t **tokens);

/* Flags describing a (folded) term, from evidex_term_flags / evidex_fold. */
#define EVIDEX_TERM_HAS_LETTER 1u /* at least one alphabetic code point */
#define EVIDEX_TERM_HAS_DIGIT 2u  /* at least one decimal digit (Nd) */
#define EVIDEX_TERM_NON_LATIN 4u  /* a letter whose script is not Latin (nor Common/Inherited) */
#define EVIDEX_TERM_HAS_DOT 8u    /* a '.' (acronyms such as u.s, numbers such as 1.61) */
#define EVIDEX_TERM_NUMERIC 16u   /* starts with a digit, or a currency symbol then a digit */

/* Classifies UTF-8 text (see the flags above). */
uint32_t evidex_term_flags(const uint8_t *utf8, int32_t length);

/*
 * Folds UTF-8 text: NFKC_Casefold (which also drops default-ignorable code points such as ZWSP,
 * ZWJ, soft hyphen, BOM), then nonspacing marks that follow a Latin, Greek or Cyrillic base are
 * removed (cafe\u0301 = café -> cafe), then U+2019 U+2018 U+02BC U+2032 become '\''. Result is NFC.
 * Writes up to `capacity` bytes to `out` and returns the folded length; if that is larger than
 * `capacity`, nothing useful was written: call again with a bigger buffer. Returns a negative
 * value (-ICU error code) on failure. If `flags` is not NULL it receives evidex_term_flags of
 * the result (only when the result fitted).
 */
int32_t evidex_fold(EvidexSegmenter *seg, const uint8_t *utf8, int32_t length,
                    uint8_t *out, int32_t capacity, uint32_t *flags);

#ifdef __cplusplus
}
#endif

#endif
