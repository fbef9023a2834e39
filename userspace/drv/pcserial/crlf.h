/*
 * A terminal's output processing (proto/stream.h): "\n" goes out as
 * "\r\n" unless the byte written just before it on that terminal was
 * '\r', so programs write plain "\n" and old callers that still send
 * "\r\n" are not doubled. The last byte is remembered across writes (a
 * "\r" at the end of one write and "\n" at the start of the next).
 * Pure code: ci/unit/test_pcserial.c.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Expand n bytes of in into out (room for 2 * n bytes); *last_cr is the
 * terminal's "last byte was '\r'", read and updated. Returns out's length. */
size_t crlf_expand(bool *last_cr, const uint8_t *in, size_t n, uint8_t *out);
