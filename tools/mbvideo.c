/*
 * mbvideo IN OUT [WIDTHxHEIGHTxDEPTH]: copy a multiboot kernel, turning
 * on flag bit 2 of its multiboot header ("give me a video mode"), so that
 * a loader that can (syslinux's mboot.c32, GRUB) sets a linear
 * framebuffer mode before the kernel runs. The header's checksum is made
 * right again; everything else in the file stays byte for byte.
 *
 * tern's header (kernel/arch/x86_64/boot.S) already holds the video
 * fields (mode_type 0, 1024x768x32) with the bit off, so tern.elf boots
 * in VGA text mode and tern-fb.elf, made by this tool at build time, in
 * a framebuffer. WIDTHxHEIGHTxDEPTH replaces the preferred mode (0x0x0:
 * the loader's choice).
 *
 * The bit cannot be a kernel argument: the mode is set by the loader,
 * in real mode through the VBE BIOS, before the kernel runs.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MB_MAGIC        0x1BADB002u
#define MB_SEARCH       8192            /* the header lies in the file's first 8 KiB */
#define MB_AOUT_KLUDGE  (1u << 16)
#define MB_VIDEO        (1u << 2)
#define MB_HEADER_LEN   48              /* with the four video fields */
#define FILE_MAX        (64u << 20)

static uint32_t get32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "mbvideo: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	unsigned char *buf = malloc(FILE_MAX);
	size_t n = buf ? fread(buf, 1, FILE_MAX, f) : 0;
	int more = buf && fgetc(f) != EOF;
	fclose(f);
	if (!buf || more) {
		fprintf(stderr, "mbvideo: %s: larger than %u MiB\n", path, FILE_MAX >> 20);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* The first valid multiboot header's offset, or -1. */
static long find_header(const unsigned char *b, size_t len)
{
	for (size_t o = 0; o + 12 <= len && o + 12 <= MB_SEARCH; o += 4)
		if (get32(b + o) == MB_MAGIC && get32(b + o) + get32(b + o + 4) + get32(b + o + 8) == 0)
			return (long)o;
	return -1;
}

static int parse_mode(const char *s, uint32_t mode[3])
{
	char *end;
	for (int i = 0; i < 3; i++) {
		unsigned long v = strtoul(s, &end, 10);
		if (end == s || v > 65535 || *end != (i < 2 ? 'x' : '\0'))
			return -1;
		mode[i] = (uint32_t)v;
		s = end + 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	uint32_t mode[3];
	if ((argc != 3 && argc != 4) || (argc == 4 && parse_mode(argv[3], mode))) {
		fprintf(stderr, "usage: mbvideo IN OUT [WIDTHxHEIGHTxDEPTH]\n");
		return 2;
	}
	size_t len;
	unsigned char *b = read_all(argv[1], &len);
	if (!b)
		return 1;
	long o = find_header(b, len);
	if (o < 0 || (size_t)o + MB_HEADER_LEN > len) {
		fprintf(stderr, "mbvideo: %s: no multiboot header in the first 8 KiB\n", argv[1]);
		return 1;
	}
	unsigned char *h = b + o;
	uint32_t flags = get32(h + 4);
	/* Without the a.out kludge the loader would not read the address
	 * fields, and the video fields after them would be elsewhere. */
	if (!(flags & MB_AOUT_KLUDGE) || (flags & MB_VIDEO)) {
		fprintf(stderr, "mbvideo: %s: header flags %#x: want the a.out kludge and no video mode yet\n",
			argv[1], flags);
		return 1;
	}
	flags |= MB_VIDEO;
	put32(h + 4, flags);
	put32(h + 8, -(MB_MAGIC + flags));
	if (argc == 4) {
		put32(h + 32, 0);
		for (int i = 0; i < 3; i++)
			put32(h + 36 + 4 * i, mode[i]);
	}
	if (get32(h + 32) != 0) {
		fprintf(stderr, "mbvideo: %s: mode_type %u, not 0 (linear graphics)\n", argv[1], get32(h + 32));
		return 1;
	}
	FILE *f = fopen(argv[2], "wb");
	if (!f || fwrite(b, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "mbvideo: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	free(b);
	return 0;
}
