/*
 * The screen and the keyboard of a QEMU target, through QEMU's monitor on
 * a UNIX socket of ours (tern-run.c's header has the scenario commands).
 * A VGA text screen is read as 80x25 cells from 0xB8000 with the
 * monitor's `xp /4000bx 0xb8000`; a framebuffer from a screendump, cut
 * into 8x16 cells matched against the kernel's font. A lab machine has
 * none of this (labboot.c refuses these commands there).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "png.h"
#include "run.h"

#define SCREEN_COLS 80
#define SCREEN_ROWS 25
#define SCREEN_TEXT_MAX (512 * 1024)    /* a framebuffer's text: 4096x4096 pixels in 8x16 cells */

void monitor_cleanup(struct run *r)
{
	if (r->mon >= 0)
		close(r->mon);
	r->mon = -1;
	if (r->mondir[0]) {
		char path[128];
		snprintf(path, sizeof(path), "%s/mon.sock", r->mondir);
		unlink(path);
		rmdir(r->mondir);
		r->mondir[0] = '\0';
	}
}


static void monitor_connect(struct run *r)
{
	if (r->mon >= 0)
		return;
	if (!r->mondir[0])
		finish(r, 0, "no monitor: boot first");
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	snprintf(a.sun_path, sizeof(a.sun_path), "%s/mon.sock", r->mondir);
	double end = now() + 10 * r->scale;
	for (;;) {
		int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd >= 0 && !connect(fd, (struct sockaddr *)&a, sizeof(a))) {
			r->mon = fd;
			break;
		}
		if (fd >= 0)
			close(fd);
		if (now() > end)
			finish(r, 0, "cannot connect to QEMU's monitor at %s: %s", a.sun_path, strerror(errno));
		if (!pump(r, 0.05) && r->exited)
			finish(r, 0, "QEMU ended before its monitor could be reached");
	}
}

/* Read from the monitor until its "(qemu) " prompt; what came before it. */
static char *monitor_read(struct run *r)
{
	size_t n = 0, cap = 65536;
	char *buf = malloc(cap);
	double end = now() + 30 * r->scale;
	for (;;) {
		if (n >= 7 && !memcmp(buf + n - 7, "(qemu) ", 7)) {
			buf[n - 7] = '\0';
			return buf;
		}
		if (now() > end)
			finish(r, 0, "QEMU's monitor did not answer");
		struct pollfd p[2] = { { r->mon, POLLIN, 0 }, { r->from_guest, POLLIN, 0 } };
		if (poll(p, r->exited ? 1 : 2, 200) < 0 && errno != EINTR)
			finish(r, 0, "poll: %s", strerror(errno));
		if (p[1].revents && !r->exited)
			pump(r, 0);     /* keep the serial line flowing meanwhile */
		if (!(p[0].revents & (POLLIN | POLLHUP)))
			continue;
		if (n + 4096 > cap)
			buf = realloc(buf, cap *= 2);
		ssize_t got = read(r->mon, buf + n, cap - n - 1);
		if (got <= 0)
			finish(r, 0, "QEMU's monitor closed");
		n += (size_t)got;
		buf[n] = '\0';
	}
}

/* Run one monitor command; its output (without the echo of the command). */
static char *monitor(struct run *r, const char *cmd)
{
	if (r->exited)
		finish(r, 0, "QEMU has ended; no monitor for \"%s\"", cmd);
	if (r->mon < 0) {
		monitor_connect(r);
		free(monitor_read(r));          /* the greeting */
	}
	char line[1024];
	int len = snprintf(line, sizeof(line), "%s\n", cmd);
	if (write(r->mon, line, (size_t)len) != len)
		finish(r, 0, "cannot write to QEMU's monitor: %s", strerror(errno));
	char *out = monitor_read(r);
	/* The monitor echoes the command as it is typed, up to a CR LF. */
	char *nl = strstr(out, "\r\n");
	char *res = strdup(nl ? nl + 2 : "");
	free(out);
	return res;
}

/* A VGA text screen as text: 25 lines of 80 characters, trailing blanks cut. */
static void screen_vga_text(struct run *r, char *text, size_t size)
{
	char *out = monitor(r, "xp /4000bx 0xb8000");
	unsigned char cells[SCREEN_COLS * SCREEN_ROWS * 2];
	size_t got = 0;
	for (char *line = strtok(out, "\r\n"); line; line = strtok(0, "\r\n")) {
		char *colon = strchr(line, ':');
		if (!colon || strncmp(line, "00000000000b8", 13))
			continue;               /* an error, not a dump line */
		for (char *p = colon + 1; got < sizeof(cells);) {
			char *e;
			while (*p == ' ')
				p++;
			if (strncmp(p, "0x", 2))
				break;
			unsigned long v = strtoul(p, &e, 16);
			if (e == p)
				break;
			cells[got++] = (unsigned char)v;
			p = e;
		}
	}
	if (got != sizeof(cells))
		finish(r, 0, "cannot read the screen: the monitor gave %zu of %zu bytes: %.200s", got,
		       sizeof(cells), out);
	free(out);
	size_t n = 0;
	for (int y = 0; y < SCREEN_ROWS; y++) {
		size_t start = n;
		for (int x = 0; x < SCREEN_COLS && n + 2 < size; x++) {
			unsigned char c = cells[(y * SCREEN_COLS + x) * 2];
			text[n++] = c == 0 ? ' ' : c < 0x20 || c >= 0x7F ? '?' : (char)c;
		}
		while (n > start && text[n - 1] == ' ')
			n--;
		if (n + 1 < size)
			text[n++] = '\n';
	}
	text[n] = '\0';
}

extern const unsigned char font8x16[128][16];   /* the kernel's font (tools/psf2c) */

/* Read a P6 PPM with maxval 255; its pixels (RGB), or 0. */
static unsigned char *read_ppm(const char *path, unsigned *w, unsigned *h)
{
	FILE *f = fopen(path, "rb");
	unsigned max = 0;
	if (!f)
		return 0;
	if (fscanf(f, "P6 %u %u %u", w, h, &max) != 3 || max != 255 || fgetc(f) == EOF || *w > 10000 ||
	    *h > 10000) {
		fclose(f);
		return 0;
	}
	size_t n = (size_t)*w * *h * 3;
	unsigned char *px = malloc(n);
	if (fread(px, 1, n, f) != n) {
		free(px);
		px = 0;
	}
	fclose(f);
	return px;
}

/*
 * A framebuffer screen as text: the picture (screendump) cut into 8x16
 * cells from the top left, as the kernel draws them, each matched against
 * the glyphs of the kernel's font. A pixel is lit when it is not the
 * colour of the cell's top left pixel (the font's top row is blank); a
 * cell of one colour is a blank, and one that is no glyph reads as '?'.
 */
static void screen_fb_text(struct run *r, char *text, size_t size)
{
	char ppm[128], cmd[160];
	snprintf(ppm, sizeof(ppm), "%s/screen.ppm", r->mondir);
	snprintf(cmd, sizeof(cmd), "screendump %s", ppm);
	char *out = monitor(r, cmd);
	unsigned w, h;
	unsigned char *px = read_ppm(ppm, &w, &h);
	unlink(ppm);
	if (!px)
		finish(r, 0, "cannot read the screen (screendump): %.200s", out);
	free(out);
	size_t n = 0;
	for (unsigned cy = 0; cy < h / 16; cy++) {
		size_t start = n;
		for (unsigned cx = 0; cx < w / 8 && n + 2 < size; cx++) {
			unsigned char bits[16] = { 0 };
			const unsigned char *bg = px + ((size_t)cy * 16 * w + cx * 8) * 3;
			int lit = 0;
			for (int y = 0; y < 16; y++)
				for (int x = 0; x < 8; x++) {
					const unsigned char *p = px + ((size_t)(cy * 16 + y) * w + cx * 8 + x) * 3;
					if (memcmp(p, bg, 3)) {
						bits[y] |= (unsigned char)(0x80 >> x);
						lit = 1;
					}
				}
			char c = lit ? '?' : ' ';
			for (int g = 0x21; lit && g < 0x7F; g++)
				if (!memcmp(font8x16[g], bits, 16)) {
					c = (char)g;
					break;
				}
			text[n++] = c;
		}
		while (n > start && text[n - 1] == ' ')
			n--;
		if (n + 1 < size)
			text[n++] = '\n';
	}
	text[n] = '\0';
	free(px);
}

static void screen_text(struct run *r, char *text, size_t size)
{
	if (r->screen_fb)
		screen_fb_text(r, text, size);
	else
		screen_vga_text(r, text, size);
}

static void show_screen(const char *text)
{
	printf("---- the screen ----\n%s---- end of screen ----\n", text);
}

void screen_expect(struct run *r, double secs, const char *pattern, int want)
{
	regex_t re;
	if (regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE | REG_NOSUB))
		finish(r, 0, "bad regular expression /%s/", pattern);
	static char text[SCREEN_TEXT_MAX];
	double end = now() + secs * r->scale;
	for (;;) {
		screen_text(r, text, sizeof(text));
		int found = !regexec(&re, text, 0, 0, 0);
		if (found && want)
			break;
		if (!want) {
			if (!found)
				break;
			show_screen(text);
			finish(r, 0, "the screen shows rejected /%s/", pattern);
		}
		if (now() > end) {
			show_screen(text);
			finish(r, 0, "timed out after %.0f s waiting for /%s/ on the screen", secs * r->scale,
			       pattern);
		}
		double stop = now() + 0.5;
		while (now() < stop && pump(r, stop - now()))
			;
	}
	regfree(&re);
	if (r->log)
		fprintf(r->log, "\n# tern-run: screen matched /%s/\n", pattern);
}

void screen_save(struct run *r, const char *name)
{
	const char *build = var_get("BUILD", 5);
	char dir[4096], path[4400], ppm[4200];
	snprintf(dir, sizeof(dir), "%s/ci", *build ? build : "build");
	mkdir(dir, 0777);
	strcat(dir, "/logs");
	mkdir(dir, 0777);
	char *abs = realpath(dir, 0);
	if (!abs)
		finish(r, 0, "screen-save: no directory %s: %s", dir, strerror(errno));
	static char text[SCREEN_TEXT_MAX];
	screen_text(r, text, sizeof(text));
	snprintf(path, sizeof(path), "%s/%s.screen.txt", abs, name);
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f))
		finish(r, 0, "cannot write %s", path);
	snprintf(ppm, sizeof(ppm), "%s/%s.ppm", abs, name);
	snprintf(path, sizeof(path), "screendump %s", ppm);
	free(monitor(r, path));
	snprintf(path, sizeof(path), "%s/%s.png", abs, name);
	const char *why = "";
	if (ppm_to_png(ppm, path, &why))
		finish(r, 0, "screen-save: %s: %s", ppm, why);
	unlink(ppm);
	printf("screen saved: %s/%s.screen.txt, %s\n", abs, name, path);
	free(abs);
}

void sendkey(struct run *r, const char *key)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "sendkey %s", key);
	char *out = monitor(r, cmd);
	if (out[strspn(out, " \r\n")])
		finish(r, 0, "sendkey %s: %s", key, out);
	free(out);
	/* Let the guest see the press and the release (100 ms) apart from the next key. */
	double stop = now() + 0.15;
	while (now() < stop && pump(r, stop - now()))
		;
}

