/*
 * fbtest: what a framebuffer driver gets from init (manifest slot 0 is
 * `mmio = framebuffer`): the geometry in prog_info->fb, a cap covering
 * exactly the framebuffer's pages, and pixels that read back what was
 * written through a write-combining mapping. Nothing outside the range.
 * Prints PASS/FAIL lines and "N passed, N failed", then powers off.
 * ci/scenarios/uefi-fb.run boots it under OVMF (the GOP framebuffer).
 */
#include <proto/init.h>
#include <stdio.h>
#include <tern/program.h>

static int passed, failed;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", what);
	ok ? passed++ : failed++;
}

#define VA 0x40000000ull

int main(void)
{
	const struct prog_fb *fb = &prog_info->fb;
	printf("fbtest: %ux%u, pitch %u, format %u, at %lx (%lu bytes)\n", fb->width, fb->height, fb->pitch,
	       fb->format, fb->base, fb->size);
	check(fb->format != MMIO_FB_NONE && fb->width && fb->height && fb->pitch >= fb->width * 4 &&
	      fb->size >= (uint64_t)fb->pitch * fb->height, "framebuffer geometry in prog_info");
	struct tern_capinfo ci;
	uint64_t first = fb->base & ~0xFFFull, pages = (fb->base + fb->size - first + 0xFFF) / 0x1000;
	check(!tern_cap_identify(PROG_CAP(0), &ci) && ci.type == CAP_MMIO && ci.badge == first &&
	      ci.extra == first + pages * 0x1000 - 1 && ci.rights == (RIGHT_READ | RIGHT_WRITE),
	      "manifest slot 0 covers the framebuffer's pages");
	check(tern_mmio_map(PROG_CAP(0), 0, VA, first, pages + 1, RIGHT_READ) == E_OUT_OF_RANGE &&
	      tern_mmio_map(PROG_CAP(0), 0, VA, first - 0x1000, 1, RIGHT_READ) == E_OUT_OF_RANGE,
	      "nothing outside the framebuffer maps");
	int ok = tern_mmio_map(PROG_CAP(0), 0, VA, first, pages, RIGHT_READ | RIGHT_WRITE | MMIO_WC) == TERN_OK;
	if (ok) {
		/* The last pixel of the screen, then the first: white, read back. */
		volatile uint32_t *px = (volatile uint32_t *)(VA + (fb->base - first));
		uint64_t last = ((uint64_t)fb->height - 1) * fb->pitch / 4 + fb->width - 1;
		px[last] = 0x00FFFFFF;
		px[0] = 0x00FFFFFF;
		ok = px[last] == 0x00FFFFFF && px[0] == 0x00FFFFFF;
		ok &= tern_mmio_unmap(PROG_CAP(0), 0, VA) == TERN_OK;
	}
	check(ok, "pixels written through a write-combining mapping read back");
	printf("%d passed, %d failed\n", passed, failed);
	struct tern_msg m = { 0 };
	m.info = MSG_INFO(INIT_POWEROFF, 0, 0);
	tern_call(PROG_INIT, &m);
	return failed;
}
