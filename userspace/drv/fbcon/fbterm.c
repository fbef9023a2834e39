/* The framebuffer terminal's state (see fbterm.h). */
#include "fbterm.h"

const char *fbterm_check_fb(const struct fbterm_fb *fb, uint64_t max_pages, struct fbterm_map *map)
{
	if (fb->format != FBTEXT_RGBX && fb->format != FBTEXT_BGRX)
		return fb->format ? "a pixel format other than 32-bit RGBX/BGRX" : "no framebuffer";
	if (fb->width < FBTEXT_CW || fb->height < FBTEXT_CH || fb->width > FBTERM_MAX_PIXELS ||
	    fb->height > FBTERM_MAX_PIXELS)
		return "a size that holds no text, or an absurd one";
	if (fb->pitch < fb->width * 4 || fb->pitch % 4 || fb->pitch > FBTERM_MAX_PIXELS * 8)
		return "a line pitch that does not fit its width";
	uint64_t bytes = (uint64_t)fb->pitch * fb->height;
	if (fb->size < bytes || fb->base + bytes < fb->base)
		return "fewer bytes than its lines";
	map->first = fb->base & ~(FBTERM_PAGE - 1);
	map->offset = fb->base - map->first;
	map->pages = (map->offset + bytes + FBTERM_PAGE - 1) / FBTERM_PAGE;
	if (map->pages > max_pages)
		return "larger than we map";
	return 0;
}

void fbterm_init(struct fbterm *t, volatile uint8_t *pixels, const struct fbterm_fb *fb, int kept)
{
	fbtext_attach(&t->text, pixels, fb->width, fb->height, fb->pitch, (int)fb->format, t->cells, t->drawn,
		      FBTERM_MAX_CELLS, kept);
	t->text.cursor = 1;
}

void fbterm_write(struct fbterm *t, const void *buf, size_t n)
{
	const char *s = buf;
	for (size_t i = 0; i < n; i++)
		fbtext_putc(&t->text, s[i]);
	fbtext_draw(&t->text);          /* once per write: its scrolls move the pixels once */
}
