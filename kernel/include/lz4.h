/* LZ4 frames (the lz4 tool's format), decoded into a buffer we own. */
#pragma once
#include <stdint.h>

#define LZ4_FRAME_MAGIC 0x184D2204u
/* Larger content is refused before anything is allocated for it. */
#define LZ4_CONTENT_MAX (256ull << 20)

/* 1 if in[0..len) starts with the frame magic: the caller then insists
 * that the rest decodes, and does not fall back to reading it as is. */
int lz4_is_frame(const uint8_t *in, uint64_t len);
/* The frame's content size from its header (we require the header to
 * carry one, `lz4 --content-size`): 0 and *size, or a reason. */
const char *lz4_frame_size(const uint8_t *in, uint64_t len, uint64_t *size);
/* Decode the whole frame into out[0..cap). Succeeds (0) only if the
 * frame is well formed and its output fills exactly its content size,
 * which must be <= cap; otherwise a reason, with out partly written. */
const char *lz4_frame_decode(const uint8_t *in, uint64_t len, uint8_t *out, uint64_t cap);
