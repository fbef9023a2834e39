/*
 * LZ4 frame decoder, for the initramfs the images carry compressed
 * (initramfs/initramfs.mk makes it with `lz4 -12 --content-size`). Pure:
 * no allocation, no kernel calls, so ci/unit/test_lz4.c runs it on the
 * host against the real tool's output and against hostile frames.
 *
 * Frame: magic, FLG, BD, [content size 8], [dict id 4], header checksum;
 * then blocks, each a 32-bit size (top bit: stored, not compressed), its
 * data and [block checksum 4]; a zero size ends them; [content checksum 4].
 * The checksums (xxHash32) are skipped, not verified: a corrupt archive
 * still decodes only within the buffer, and the tar and ELF readers after
 * us check what they read. Dictionaries are refused.
 *
 * Block: sequences of a token (literal length : match length - 4, a
 * nibble each; 15 means more length bytes follow, each added, until one
 * is below 255), the literals, a 16-bit little-endian offset back into the
 * output and the match. The last sequence has literals only. Matches may
 * reach into earlier blocks (linked blocks) since all output is in one
 * buffer; every offset is checked against what has been written.
 */
#include <lz4.h>

#define FLG_VERSION_MASK 0xC0
#define FLG_VERSION 0x40
#define FLG_BLOCK_CSUM 0x10
#define FLG_CONTENT_SIZE 0x08
#define FLG_CONTENT_CSUM 0x04
#define FLG_RESERVED 0x02
#define FLG_DICT_ID 0x01
#define BD_RESERVED 0x8F
#define BLOCK_STORED 0x80000000u
#define MIN_MATCH 4

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* n bytes from src to dst, 8 at a time (a word load and store each):
 * unpacking the initramfs a byte at a time was 5.5 million of the 39
 * million instructions to the prompt. The ranges must not overlap closer
 * than 8 bytes (a match with a shorter offset repeats its bytes: copy()
 * is not for it). */
static void copy(uint8_t *dst, const uint8_t *src, uint64_t n)
{
	uint64_t k = 0;
	for (; k + 8 <= n; k += 8)
		__builtin_memcpy(dst + k, src + k, 8);
	for (; k < n; k++)
		dst[k] = src[k];
}

int lz4_is_frame(const uint8_t *in, uint64_t len)
{
	return len >= 4 && get32(in) == LZ4_FRAME_MAGIC;
}

/* The header's length (7 + 8 with the content size), or 0 if malformed. */
static uint64_t header_len(const uint8_t *in, uint64_t len, const char **why)
{
	if (!lz4_is_frame(in, len)) {
		*why = "not an LZ4 frame";
		return 0;
	}
	if (len < 7) {
		*why = "truncated frame header";
		return 0;
	}
	uint8_t flg = in[4], bd = in[5];
	if ((flg & FLG_VERSION_MASK) != FLG_VERSION || (flg & FLG_RESERVED) || (bd & BD_RESERVED)) {
		*why = "unknown frame version or reserved bits set";
		return 0;
	}
	if (flg & FLG_DICT_ID) {
		*why = "frame needs a dictionary";
		return 0;
	}
	if (!(flg & FLG_CONTENT_SIZE)) {
		*why = "frame does not say its content size (lz4 --content-size)";
		return 0;
	}
	if (len < 15) {
		*why = "truncated frame header";
		return 0;
	}
	return 15;
}

const char *lz4_frame_size(const uint8_t *in, uint64_t len, uint64_t *size)
{
	const char *why = 0;
	if (!header_len(in, len, &why))
		return why;
	*size = get64(in + 6);
	if (*size > LZ4_CONTENT_MAX)
		return "content size too large";
	return 0;
}

/* Adds length bytes (15 already in *n) from in[*i..end); 0 or a reason. */
static const char *more_length(const uint8_t *in, uint64_t *i, uint64_t end, uint64_t *n)
{
	uint8_t b;
	do {
		if (*i >= end)
			return "block ends inside a length";
		b = in[(*i)++];
		*n += b;
		if (*n > LZ4_CONTENT_MAX)
			return "length too large";
	} while (b == 255);
	return 0;
}

/* One compressed block in[i..end) appended at out[*o..cap). */
static const char *block(const uint8_t *in, uint64_t i, uint64_t end, uint8_t *out, uint64_t *o, uint64_t cap)
{
	const char *why;
	for (;;) {
		if (i >= end)
			return "block ends before its last sequence";
		uint8_t token = in[i++];
		uint64_t lit = token >> 4;
		if (lit == 15 && (why = more_length(in, &i, end, &lit)))
			return why;
		if (lit > end - i)
			return "literals run past the block";
		if (lit > cap - *o)
			return "output larger than the content size";
		copy(out + *o, in + i, lit);
		*o += lit;
		i += lit;
		if (i == end)
			return 0;       /* the last sequence: literals only */
		if (end - i < 2)
			return "block ends inside an offset";
		uint64_t off = (uint64_t)in[i] | (uint64_t)in[i + 1] << 8;
		i += 2;
		if (off == 0 || off > *o)
			return "match offset before the start of the output";
		uint64_t mlen = token & 15;
		if (mlen == 15 && (why = more_length(in, &i, end, &mlen)))
			return why;
		mlen += MIN_MATCH;
		if (mlen > cap - *o)
			return "output larger than the content size";
		/* A match closer than 8 bytes repeats what it is writing:
		 * byte by byte, each byte written before it is read again. */
		if (off >= 8) {
			copy(out + *o, out + *o - off, mlen);
			*o += mlen;
		} else {
			for (uint64_t k = 0; k < mlen; k++, (*o)++)
				out[*o] = out[*o - off];
		}
	}
}

const char *lz4_frame_decode(const uint8_t *in, uint64_t len, uint8_t *out, uint64_t cap)
{
	uint64_t size;
	const char *why = lz4_frame_size(in, len, &size);
	if (why)
		return why;
	if (size > cap)
		return "content larger than the buffer";
	uint8_t flg = in[4];
	uint64_t i = 15, o = 0;
	for (;;) {
		if (len - i < 4)
			return "truncated: no block size";
		uint32_t bs = get32(in + i);
		i += 4;
		if (bs == 0)
			break;
		uint64_t n = bs & ~BLOCK_STORED;
		if (n > len - i)
			return "block runs past the end of the frame";
		if (bs & BLOCK_STORED) {
			if (n > size - o)
				return "output larger than the content size";
			copy(out + o, in + i, n);
			o += n;
		} else if ((why = block(in, i, i + n, out, &o, size))) {
			return why;
		}
		i += n;
		if (flg & FLG_BLOCK_CSUM) {
			if (len - i < 4)
				return "truncated: no block checksum";
			i += 4;
		}
	}
	if ((flg & FLG_CONTENT_CSUM) && len - i < 4)
		return "truncated: no content checksum";
	if (o != size)
		return "output shorter than the content size";
	return 0;
}
