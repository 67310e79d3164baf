#ifndef EVIDEX_SCAN_H
#define EVIDEX_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Decodes `n` bytes of valid UTF-8 (a Swift string's storage) into code points at `dst`,
/// which has room for `n`; returns how many code points were written. Sets `*quote_bytes` to 1
/// when the text holds a byte that may belong to a quotation mark (`"`, `'` or any non-ASCII
/// byte) and leaves it alone otherwise. ASCII runs are widened sixteen bytes at a time.
size_t evx_utf8_decode(const uint8_t *src, size_t n, uint32_t *dst, int *quote_bytes);

/// The number of code points in `n` bytes of valid UTF-8 (bytes that are not continuation
/// bytes); `*ascii` is set to 1 when every byte is ASCII, else 0.
size_t evx_utf8_count(const uint8_t *src, size_t n, int *ascii);

/// The first index in `from..<end` whose code point is `target`, or `end`.
size_t evx_index_of_u32(const uint32_t *text, size_t from, size_t end, uint32_t target);

/// The first index in `from..<end` whose code point is neither a space (U+0020) nor in
/// `low...high`, or `end`: skips the ordinary text between two rare kinds of scalar.
size_t evx_index_outside_u32(const uint32_t *text, size_t from, size_t end, uint32_t low, uint32_t high);

#endif
