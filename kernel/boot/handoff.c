/*
 * Reading the UEFI loader's hand-off block (boot/include/handoff.h) into
 * struct boot_info, as multiboot.c does for multiboot loaders. The loader
 * is ours, but the block is still checked (magic, version, size, counts):
 * a loader and kernel from different builds must produce a message, not a
 * misread map.
 */
#include <arch/layout.h>
#include <handoff.h>
#include <kprintf.h>
#include <multiboot.h>
#include <string.h>

static const char *mem_type_name(uint32_t t)
{
	return t == HANDOFF_MEM_USABLE ? "usable" : t == HANDOFF_MEM_ACPI ? "acpi" :
	       t == HANDOFF_MEM_NVS ? "nvs" : "reserved";
}

static void copy_str(char *dst, unsigned long size, const char *src, unsigned long max)
{
	unsigned long i = 0;
	for (; i + 1 < size && i < max && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

static void parse_mem(struct boot_info *bi, const struct handoff *h)
{
	int dropped = 0;
	kprintf("memory map (from the UEFI loader):\n");
	for (uint32_t i = 0; i < h->nmem; i++) {
		const struct handoff_mem *m = &h->mem[i];
		kprintf("  mem %016lx-%016lx %s\n", m->base, m->base + m->len - 1, mem_type_name(m->type));
		if (m->type != HANDOFF_MEM_USABLE || !m->len)
			continue;
		if (bi->navail == MEMMAP_MAX) {
			dropped++;
			continue;
		}
		bi->avail[bi->navail++] = (struct mem_range){ m->base, m->len };
	}
	if (dropped)
		kprintf("tern: %d more usable ranges ignored (at most %d)\n", dropped, MEMMAP_MAX);
	if (h->mem_dropped)
		kprintf("tern: the firmware's memory map had %u more ranges than the loader passes "
			"(%d); memory in them is not used\n", h->mem_dropped, HANDOFF_MEM_MAX);
	bi->from_mmap = 1;
}

static void parse_fb(struct boot_info *bi, const struct handoff_fb *fb)
{
	if (fb->format == HANDOFF_FB_NONE || !fb->base || !fb->width || !fb->height ||
	    fb->pitch < fb->width * 4 || (uint64_t)fb->pitch * fb->height > fb->size)
		return;
	bi->fb = (struct boot_fb){ fb->base, fb->size, fb->width, fb->height, fb->pitch, fb->format, 1 };
	kprintf("framebuffer: %ux%u, %u bytes per line, at %016lx (%s)\n", fb->width, fb->height,
		fb->pitch, fb->base, fb->format == HANDOFF_FB_RGBX ? "RGB" :
		fb->format == HANDOFF_FB_BGRX ? "BGR" : "bit masks");
}

int handoff_parse(struct boot_info *bi, uint64_t info_pa)
{
	memset(bi, 0, sizeof(*bi));
	const struct handoff *h = phys_to_virt(info_pa);
	if (h->magic != HANDOFF_MAGIC || h->version != HANDOFF_VERSION || h->size != sizeof(*h)) {
		kprintf("tern: the UEFI loader's block has version %u, size %u; this kernel "
			"reads version %u, size %lu (loader and kernel from different builds?)\n",
			h->version, h->size, HANDOFF_VERSION, sizeof(*h));
		return -1;
	}
	bi->info_pa = info_pa;
	bi->info_end = info_pa + sizeof(*h);
	copy_str(bi->cmdline, sizeof(bi->cmdline), h->cmdline, sizeof(h->cmdline));

	char fw[sizeof(h->firmware) + 1];
	copy_str(fw, sizeof(fw), h->firmware, sizeof(h->firmware));
	kprintf("boot: UEFI (%s); the loader ran %lu TSC ticks\n", fw[0] ? fw : "unknown firmware",
		h->tsc_loader_exit - h->tsc_loader_entry);
	if (h->nmem <= HANDOFF_MEM_MAX)
		parse_mem(bi, h);
	for (uint32_t i = 0; i < h->nmods && i < HANDOFF_MODULES_MAX; i++) {
		if (bi->nmods == BOOT_MAX_MODULES) {
			bi->mods_dropped++;
			continue;
		}
		struct boot_module *bm = &bi->mods[bi->nmods++];
		bm->start = h->mods[i].start;
		bm->end = h->mods[i].end < bm->start ? bm->start : h->mods[i].end;
		copy_str(bm->name, sizeof(bm->name), h->mods[i].name, sizeof(h->mods[i].name));
	}
	bi->rsdp = h->rsdp;
	parse_fb(bi, &h->fb);
	return 0;
}
