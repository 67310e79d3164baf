#ifndef EVIDEX_SCAN_H
#define EVIDEX_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Decodes `n` bytes of valid UTF-8 (a Swift string's storage) into code points at `dst`,
/// which has room for `n`; returns how many code points were written. Sets `*quote_bytes` to 1
/// when the text holds a byte that may belong to a quotation mark (`"`, `'` or any non-ASCII
/// byte) and leaves it alone otherwise. ASCII runs are widened sixteen bytes at a time.
size_t evx_utf8_decode(const uint8_t *src, size_t n, uint32_t *dst, int *quote_bytes);

#endif
