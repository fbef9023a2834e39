/* kernel/lib/lz4.c: frames the real lz4 tool makes decode to the bytes
 * that went in (block sizes, linked blocks, checksums, stored blocks), and
 * hostile frames (truncated, bit-flipped, hand-made bad offsets and
 * lengths) fail with a reason, never writing outside the buffer (ASan). */
#include "unit.h"
#include <lz4.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N 200000

/* Text with repeats, a run, and noise: every kind of sequence. */
static uint8_t *sample(size_t n)
{
	uint8_t *p = malloc(n);
	uint32_t x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		if (i % 4096 < 1000)
			p[i] = "tern: the quick brown fox "[i % 26];
		else if (i % 4096 < 1500)
			p[i] = 0;
		else
			p[i] = (uint8_t)(x >> 16);
	}
	return p;
}

/* The lz4 tool's frame of data[0..n) with ARGS, malloc'd, or 0. */
static uint8_t *lz4_tool(const uint8_t *data, size_t n, const char *args, size_t *len)
{
	char in[] = "/tmp/tern-lz4-XXXXXX", cmd[256];
	int fd = mkstemp(in);
	if (fd < 0)
		return 0;
	if (write(fd, data, n) != (ssize_t)n) {
		close(fd);
		unlink(in);
		return 0;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "lz4 -q %s -c %s > x.tar", args, in);
	uint8_t *f = unit_tar_from_shell(cmd, len);
	unlink(in);
	return f;
}

static int roundtrip(const char *args, size_t n)
{
	uint8_t *data = sample(n), *out = malloc(n + 1);
	size_t len = 0;
	uint8_t *f = lz4_tool(data, n, args, &len);
	uint64_t size = 0;
	int ok = f && lz4_is_frame(f, len) && !lz4_frame_size(f, len, &size) && size == n &&
		 !lz4_frame_decode(f, len, out, n + 1) && !memcmp(out, data, n);
	free(data);
	free(out);
	free(f);
	return ok;
}

TEST(lz4_best_one_block)
{
	CHECK(roundtrip("-12 -B7 --content-size --no-frame-crc", N));
}

TEST(lz4_fast_small_blocks_checksums)
{
	CHECK(roundtrip("-1 -B4 -BX --content-size", N));
}

TEST(lz4_linked_blocks)
{
	CHECK(roundtrip("-9 -B4 -BD --content-size", N));
}

/* The tool writes no content size for an empty input, which we refuse:
 * an empty initramfs has no init anyway. */
TEST(lz4_empty_refused_tiny_decoded)
{
	CHECK(!roundtrip("--content-size", 0));
	CHECK(roundtrip("--content-size", 1));
	CHECK(roundtrip("--content-size", 13));
}

TEST(lz4_incompressible_is_stored)
{
	uint8_t *data = malloc(70000), *out = malloc(70000);
	for (int i = 0; i < 70000; i++)
		data[i] = (uint8_t)((i * 2654435761u) >> 13);
	size_t len = 0;
	uint8_t *f = lz4_tool(data, 70000, "-B4 --content-size", &len);
	CHECK(f);
	CHECK(!lz4_frame_decode(f, len, out, 70000));
	CHECK(!memcmp(out, data, 70000));
	free(data);
	free(out);
	free(f);
}

TEST(lz4_no_content_size_refused)
{
	uint8_t d[100] = { 1, 2, 3 };
	size_t len = 0;
	uint8_t *f = lz4_tool(d, sizeof(d), "--no-content-size", &len);
	uint64_t size;
	CHECK(f);
	CHECK(lz4_is_frame(f, len));
	CHECK(lz4_frame_size(f, len, &size));
	free(f);
}

TEST(lz4_every_truncation_fails)
{
	uint8_t *data = sample(20000), *out = malloc(20000);
	size_t len = 0;
	uint8_t *f = lz4_tool(data, 20000, "-12 -B4 --content-size", &len);
	CHECK(f && len > 20);
	for (size_t cut = 0; cut < len; cut++) {
		/* A copy of exactly cut bytes, so ASan sees any read past it. */
		uint8_t *t = malloc(cut ? cut : 1);
		memcpy(t, f, cut);
		const char *why = lz4_frame_decode(t, cut, out, 20000);
		free(t);
		CHECK(why);
	}
	free(data);
	free(out);
	free(f);
}

TEST(lz4_bit_flips_stay_in_bounds)
{
	uint8_t *data = sample(8000);
	size_t len = 0;
	uint8_t *f = lz4_tool(data, 8000, "-12 --content-size", &len);
	CHECK(f);
	for (size_t i = 0; i < len; i++) {
		for (int b = 0; b < 8; b++) {
			uint8_t *t = malloc(len), *out = malloc(8000);
			memcpy(t, f, len);
			t[i] ^= (uint8_t)(1 << b);
			/* The size field may now say more: give only 8000. */
			lz4_frame_decode(t, len, out, 8000);
			free(t);
			free(out);
		}
	}
	free(data);
	free(f);
}

/* A frame header with content size n, then the given block bytes. */
static size_t frame(uint8_t *f, uint64_t n, const uint8_t *blk, uint32_t blen)
{
	static const uint8_t hdr[6] = { 0x04, 0x22, 0x4D, 0x18, 0x48, 0x70 };
	memcpy(f, hdr, 6);
	for (int i = 0; i < 8; i++)
		f[6 + i] = (uint8_t)(n >> (8 * i));
	f[14] = 0;      /* header checksum: not checked */
	for (int i = 0; i < 4; i++)
		f[15 + i] = (uint8_t)(blen >> (8 * i));
	memcpy(f + 19, blk, blen);
	memset(f + 19 + blen, 0, 4);
	return 19 + blen + 4;
}

TEST(lz4_handmade_good)
{
	/* "ab" then a match of 6 at offset 2 (overlapping): "abababab". */
	static const uint8_t blk[] = { 0x22, 'a', 'b', 2, 0, 0x00 };
	uint8_t f[64], out[8];
	size_t len = frame(f, 8, blk, sizeof(blk));
	CHECK(!lz4_frame_decode(f, len, out, sizeof(out)));
	CHECK(!memcmp(out, "abababab", 8));
}

TEST(lz4_handmade_bad)
{
	uint8_t f[64], out[64];
	static const uint8_t zero_off[] = { 0x10, 'a', 0, 0, 0x00 };
	static const uint8_t far_off[] = { 0x10, 'a', 2, 0, 0x00 };
	static const uint8_t long_lit[] = { 0xF0, 255, 255, 'a' };
	static const uint8_t long_match[] = { 0x1F, 'a', 1, 0, 255, 255, 255, 10, 0x00 };
	static const uint8_t no_last[] = { 0x10, 'a', 1, 0 };
	static const uint8_t short_out[] = { 0x20, 'a', 'b' };
	CHECK(lz4_frame_decode(f, frame(f, 8, zero_off, sizeof(zero_off)), out, 64));
	CHECK(lz4_frame_decode(f, frame(f, 8, far_off, sizeof(far_off)), out, 64));
	CHECK(lz4_frame_decode(f, frame(f, 64, long_lit, sizeof(long_lit)), out, 64));
	CHECK(lz4_frame_decode(f, frame(f, 64, long_match, sizeof(long_match)), out, 64));
	CHECK(lz4_frame_decode(f, frame(f, 5, no_last, sizeof(no_last)), out, 64));
	CHECK(lz4_frame_decode(f, frame(f, 3, short_out, sizeof(short_out)), out, 64));
	/* Content bigger than the buffer, or than anything we accept. */
	static const uint8_t ok[] = { 0x20, 'a', 'b' };
	CHECK(!lz4_frame_decode(f, frame(f, 2, ok, sizeof(ok)), out, 2));
	CHECK(lz4_frame_decode(f, frame(f, 2, ok, sizeof(ok)), out, 1));
	uint64_t size;
	CHECK(lz4_frame_size(f, frame(f, LZ4_CONTENT_MAX + 1, ok, sizeof(ok)), &size));
	/* Reserved bits, a dictionary, a stored block longer than the frame. */
	frame(f, 2, ok, sizeof(ok));
	f[4] |= 0x02;
	CHECK(lz4_frame_decode(f, 26, out, 64));
	frame(f, 2, ok, sizeof(ok));
	f[4] |= 0x01;
	CHECK(lz4_frame_decode(f, 26, out, 64));
	size_t len = frame(f, 2, ok, sizeof(ok));
	f[18] = 0x80;
	f[15] = 40;
	CHECK(lz4_frame_decode(f, len, out, 64));
}
