/*
 * A PPM (P6, what QEMU's screendump writes) to PNG converter that needs no
 * library: the image data goes into "stored" (uncompressed) deflate
 * blocks, which every PNG reader takes. A 720x400 text screen makes a
 * PNG of about 850 KiB, for a person to look at in build/ci/logs/.
 */
#include "png.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];

static uint32_t crc(uint32_t c, const uint8_t *p, size_t n)
{
	if (!crc_table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t v = i;
			for (int k = 0; k < 8; k++)
				v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
			crc_table[i] = v;
		}
	c ^= 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++)
		c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

static void be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static int chunk(FILE *f, const char *type, const uint8_t *data, size_t n)
{
	uint8_t hdr[8], tail[4];
	be32(hdr, (uint32_t)n);
	memcpy(hdr + 4, type, 4);
	uint32_t c = crc(crc(0, hdr + 4, 4), data, n);
	be32(tail, c);
	return fwrite(hdr, 1, 8, f) != 8 || (n && fwrite(data, 1, n, f) != n) || fwrite(tail, 1, 4, f) != 4;
}

/* Skip blanks and # comments in a PPM header, then read a number. */
static int ppm_num(FILE *f, unsigned *v)
{
	int c;
	while ((c = fgetc(f)) != EOF) {
		if (c == '#')
			while ((c = fgetc(f)) != EOF && c != '\n')
				;
		else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
	}
	if (c < '0' || c > '9')
		return -1;
	*v = 0;
	while (c >= '0' && c <= '9') {
		*v = *v * 10 + (unsigned)(c - '0');
		if (*v > 100000)
			return -1;
		c = fgetc(f);
	}
	return 0;               /* the one blank after the number is consumed */
}

int ppm_to_png(const char *in, const char *out, const char **why)
{
	unsigned w, h, max;
	FILE *f = fopen(in, "rb");
	if (!f) {
		*why = "cannot open the PPM";
		return -1;
	}
	if (fgetc(f) != 'P' || fgetc(f) != '6' || ppm_num(f, &w) || ppm_num(f, &h) || ppm_num(f, &max) ||
	    max != 255 || !w || !h) {
		fclose(f);
		*why = "not a P6 PPM with maxval 255";
		return -1;
	}
	size_t row = (size_t)w * 3, raw_n = (row + 1) * h;
	uint8_t *raw = malloc(raw_n);
	for (unsigned y = 0; raw && y < h; y++) {
		raw[y * (row + 1)] = 0;                 /* filter: none */
		if (fread(raw + y * (row + 1) + 1, 1, row, f) != row) {
			free(raw);
			raw = 0;
		}
	}
	fclose(f);
	if (!raw) {
		*why = "short PPM";
		return -1;
	}
	/* zlib stream: header, stored blocks of at most 65535 bytes, Adler-32. */
	size_t nblocks = raw_n / 65535 + 1, z_n = 2 + raw_n + nblocks * 5 + 4, z = 0;
	uint8_t *zb = malloc(z_n);
	zb[z++] = 0x78;
	zb[z++] = 0x01;
	uint32_t a = 1, b = 0;
	for (size_t off = 0; off < raw_n || off == 0;) {
		size_t n = raw_n - off > 65535 ? 65535 : raw_n - off;
		zb[z++] = off + n == raw_n;             /* BFINAL, BTYPE 00 */
		zb[z++] = (uint8_t)n;
		zb[z++] = (uint8_t)(n >> 8);
		zb[z++] = (uint8_t)~n;
		zb[z++] = (uint8_t)(~n >> 8);
		memcpy(zb + z, raw + off, n);
		z += n;
		for (size_t i = off; i < off + n; i++) {
			a = (a + raw[i]) % 65521;
			b = (b + a) % 65521;
		}
		off += n;
		if (off == raw_n)
			break;
	}
	be32(zb + z, b << 16 | a);
	z += 4;
	free(raw);

	FILE *o = fopen(out, "wb");
	uint8_t ihdr[13];
	be32(ihdr, w);
	be32(ihdr + 4, h);
	ihdr[8] = 8;            /* bits per channel */
	ihdr[9] = 2;            /* RGB */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	int bad = !o || fwrite("\x89PNG\r\n\x1a\n", 1, 8, o) != 8 || chunk(o, "IHDR", ihdr, 13) ||
		  chunk(o, "IDAT", zb, z) || chunk(o, "IEND", 0, 0);
	if (o && fclose(o))
		bad = 1;
	free(zb);
	if (bad)
		*why = "cannot write the PNG";
	return bad ? -1 : 0;
}
