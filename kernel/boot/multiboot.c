/*
 * Reading the multiboot info block. The block, its strings, the memory
 * map and the modules all sit in memory the frame allocator will later
 * hand out, so everything we need is copied into struct boot_info first,
 * and the module bodies are listed as reserved ranges by the caller.
 * Sizes from the loader are checked before use: a broken loader must
 * produce a message, not a wild pointer.
 */
#include <abi/object.h>
#include <arch/layout.h>
#include <kprintf.h>
#include <mbfb.h>
#include <multiboot.h>
#include <string.h>

static void copy_str(char *dst, unsigned long size, uint32_t pa)
{
	const char *s = pa ? phys_to_virt(pa) : "";
	unsigned long i = 0;
	for (; i + 1 < size && s[i]; i++)
		dst[i] = s[i];
	dst[i] = '\0';
}

static void note_extent(struct boot_info *bi, uint64_t b, uint64_t e)
{
	if (b < bi->info_pa)
		bi->info_pa = b;
	if (e > bi->info_end)
		bi->info_end = e;
}

static void parse_mmap(struct boot_info *bi, const struct mb_info *mb)
{
	uint64_t p = mb->mmap_addr, end = (uint64_t)mb->mmap_addr + mb->mmap_length;
	note_extent(bi, p, end);
	while (p + sizeof(struct mb_mmap_entry) <= end && bi->navail < MEMMAP_MAX) {
		const struct mb_mmap_entry *e = phys_to_virt(p);
		if (e->size < 20) {
			kprintf("tern: memory map entry with bad size %u; ignoring the rest\n", e->size);
			break;
		}
		kprintf("  mem %016lx-%016lx %s\n", e->addr, e->addr + e->len - 1,
			e->type == 1 ? "usable" : e->type == 3 ? "acpi" : e->type == 4 ? "nvs" : "reserved");
		if (e->type == 1 && e->len) {
			bi->avail[bi->navail].base = e->addr;
			bi->avail[bi->navail].len = e->len;
			bi->navail++;
		}
		p += e->size + 4;
	}
}

/*
 * The framebuffer a loader set up, if it asked for one in our header
 * (tern-fb.elf, tools/mbvideo.c): GRUB describes it in the framebuffer
 * fields (flag bit 12), syslinux's mboot.c32 only passes the VBE mode
 * information block (flag bit 11). Either way every value is the
 * loader's, so lib/mbfb.c checks it (against the usable RAM just read
 * too) before the kernel draws. A graphics mode refused leaves no screen
 * at all (VGA text is gone with it): the log stays on the serial line.
 * EGA text (type 2) is the VGA text mode the kernel uses anyway.
 */
static void parse_fb(struct boot_info *bi, const struct mb_info *mb)
{
	struct mbfb_mode m = { 0 };
	const char *why = 0;
	uint16_t vbe_mode = 0;
	if (mb->flags & MB_INFO_FB) {
		if (mb->fb_type == MB_FB_EGA_TEXT)
			return;
		mbfb_from_info(mb, &m);
	} else if (mb->flags & MB_INFO_VBE) {
		/* Both blocks are in the low 4 GiB the boot tables map (32-bit
		 * addresses); copied before anything reuses that memory. */
		static uint8_t mi[VBE_MODE_INFO_SIZE];
		if (!mb->vbe_mode_info || !mb->vbe_control_info ||
		    mb->vbe_mode_info > 0xFFFFFFFFu - sizeof(mi) || mb->vbe_control_info > 0xFFFFFFFFu - 8)
			why = "VBE information without its blocks";
		else {
			memcpy(mi, phys_to_virt(mb->vbe_mode_info), sizeof(mi));
			const uint8_t *ci = phys_to_virt(mb->vbe_control_info);
			why = mbfb_from_vbe(mi, (uint16_t)(ci[4] | ci[5] << 8), mb->vbe_mode, &m);
		}
		vbe_mode = mb->vbe_mode;
	} else
		return;
	bi->fb.graphics = 1;
	if (!why)
		why = mbfb_check(&m, bi->avail, bi->navail, &bi->fb);
	if (why) {
		kprintf("framebuffer: %ux%u, %u bits a pixel, %u bytes per line, at %016lx: refused, %s; "
			"no screen on this boot\n", m.width, m.height, m.bpp, m.pitch, m.addr, why);
		return;
	}
	kprintf("framebuffer: %ux%u, %u bytes per line, at %016lx (%s", m.width, m.height, m.pitch,
		m.addr, bi->fb.format == MMIO_FB_RGBX ? "RGB" : "BGR");
	if (vbe_mode)
		kprintf(", VBE mode %x", vbe_mode);
	kprintf(")\n");
}

int multiboot_parse(struct boot_info *bi, uint64_t info_pa)
{
	memset(bi, 0, sizeof(*bi));
	const struct mb_info *mb = phys_to_virt(info_pa);
	bi->info_pa = info_pa;
	bi->info_end = info_pa + sizeof(*mb);
	bi->bios = 1;

	if (mb->flags & MB_INFO_CMDLINE) {
		copy_str(bi->cmdline, sizeof(bi->cmdline), mb->cmdline);
		note_extent(bi, mb->cmdline, mb->cmdline + strlen(bi->cmdline) + 1);
	}

	if (mb->flags & MB_INFO_MMAP) {
		bi->from_mmap = 1;
		kprintf("memory map (from the loader):\n");
		parse_mmap(bi, mb);
	}
	if (!bi->navail && (mb->flags & MB_INFO_MEM)) {
		/* No usable map: fall back to the two legacy counters. */
		kprintf("memory: no usable map, using mem_lower=%u KiB mem_upper=%u KiB\n",
			mb->mem_lower, mb->mem_upper);
		bi->avail[0] = (struct mem_range){ 0, (uint64_t)mb->mem_lower * 1024 };
		bi->avail[1] = (struct mem_range){ 0x100000, (uint64_t)mb->mem_upper * 1024 };
		bi->navail = 2;
	}

	parse_fb(bi, mb);

	if (mb->flags & MB_INFO_MODS) {
		const struct mb_module *m = phys_to_virt(mb->mods_addr);
		note_extent(bi, mb->mods_addr, mb->mods_addr + (uint64_t)mb->mods_count * sizeof(*m));
		for (uint32_t i = 0; i < mb->mods_count; i++) {
			if (bi->nmods == BOOT_MAX_MODULES) {
				bi->mods_dropped++;
				continue;
			}
			struct boot_module *bm = &bi->mods[bi->nmods++];
			bm->start = m[i].start;
			bm->end = m[i].end < m[i].start ? m[i].start : m[i].end;
			copy_str(bm->name, sizeof(bm->name), m[i].string);
			if (m[i].string)
				note_extent(bi, m[i].string, m[i].string + strlen(bm->name) + 1);
		}
	}
	return 0;
}
