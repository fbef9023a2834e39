/*
 * tern's UEFI loader. In order: find what to boot (our arguments, else
 * syslinux.cfg beside us), load tern.elf's segments at their physical
 * addresses and the modules anywhere below 4 GiB, note what the kernel
 * cannot find by itself on UEFI (ACPI RSDP, framebuffer, memory map),
 * exit boot services and enter the kernel's 64-bit entry (handoff.h).
 * Every failure is a message and a return to the firmware, never a hang.
 */
#include <bootcfg.h>
#include <con.h>
#include <efimap.h>
#include <file.h>
#include <format.h>
#include <handoff.h>
#include <kelf.h>
#include <string.h>

#define CONFIG_FILE "syslinux.cfg"
#define FOUR_GIB_LAST 0xffffffffull

static struct efi_system_table *st;
static efi_handle self;

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static int guid_eq(const struct efi_guid *a, const struct efi_guid *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/* Our load options as ASCII, if they are text (firmware boot entries may carry binary data). */
static int load_options(char *out, size_t size)
{
	struct efi_loaded_image *li;
	out[0] = '\0';
	if (st->boot->handle_protocol(self, &efi_loaded_image_guid, (void **)&li) != EFI_SUCCESS ||
	    !li->load_options || li->load_options_size < 2)
		return 0;
	const char16 *w = li->load_options;
	size_t n = li->load_options_size / 2, i = 0;
	for (; i < n && w[i]; i++) {
		if (i + 1 == size || (w[i] < 0x20 && w[i] != '\t') || w[i] > 0x7e)
			return 0;
		out[i] = (char)w[i];
	}
	out[i] = '\0';
	return 1;
}

static int find_request(struct boot_request *r)
{
	static char args[1024];
	char err[160];
	if (load_options(args, sizeof(args))) {
		int got = bootcfg_from_args(r, args, err, sizeof(err));
		if (got < 0) {
			con_printf("error: in our arguments \"%s\": %s\n", args, err);
			return -1;
		}
		if (got) {
			con_printf("boot from our arguments: %s\n", args);
			return 0;
		}
	}
	uint64_t a, n;
	if (file_load(CONFIG_FILE, "boot configuration", &a, &n))
		return -1;
	int bad = bootcfg_from_file(r, (const char *)(uintptr_t)a, n, err, sizeof(err));
	st->boot->free_pages(a, (n + 4095) / 4096);
	if (bad) {
		con_printf("error: %s: %s\n", CONFIG_FILE, err);
		return -1;
	}
	con_printf("boot entry \"%s\" of %s: %s\n", r->label, CONFIG_FILE, r->cmdline);
	return 0;
}

static int load_kernel(const struct boot_request *r, uint64_t *entry)
{
	uint64_t a, n;
	struct kelf k;
	if (file_load(r->kernel, "kernel", &a, &n))
		return -1;
	const uint8_t *file = (const uint8_t *)(uintptr_t)a;
	int err = kelf_check(&k, file, n);
	if (err) {
		con_printf("error: %s: %s\n", r->kernel, kelf_strerror(err));
		return -1;
	}
	uint64_t lo = k.lo & ~4095ull, pages = (k.hi - lo + 4095) / 4096, at = lo;
	if (st->boot->allocate_pages(EFI_ALLOCATE_ADDRESS, EFI_LOADER_DATA, pages, &at) != EFI_SUCCESS) {
		con_printf("error: %s must be loaded at 0x%llx-0x%llx, and the firmware uses "
			   "that memory\n", r->kernel, k.lo, k.hi - 1);
		return -1;
	}
	for (int i = 0; i < k.nseg; i++) {
		uint8_t *dst = (uint8_t *)(uintptr_t)k.seg[i].paddr;
		memcpy(dst, file + k.seg[i].offset, k.seg[i].filesz);
		memset(dst + k.seg[i].filesz, 0, k.seg[i].memsz - k.seg[i].filesz);
	}
	st->boot->free_pages(a, (n + 4095) / 4096);
	con_printf("loaded %s (%llu bytes) at 0x%llx\n", r->kernel, n, k.lo);
	*entry = k.entry64;
	return 0;
}

static int load_modules(const struct boot_request *r, struct handoff *h)
{
	for (int i = 0; i < r->nmods; i++) {
		char name[HANDOFF_MODNAME_MAX];
		uint64_t a, n;
		bootcfg_module_file(r, i, name, sizeof(name));
		if (file_load(name, "module", &a, &n))
			return -1;
		h->mods[i].start = a;
		h->mods[i].end = a + n;
		strlcpy(h->mods[i].name, r->mods[i], sizeof(h->mods[i].name));
		con_printf("loaded %s (%llu bytes) at 0x%llx\n", name, n, a);
	}
	h->nmods = (uint32_t)r->nmods;
	return 0;
}

static void find_rsdp(struct handoff *h)
{
	for (uint64_t i = 0; i < st->n_tables; i++) {
		const struct efi_configuration_table *t = &st->tables[i];
		if (guid_eq(&t->guid, &efi_acpi20_guid))
			h->rsdp = (uint64_t)(uintptr_t)t->table;   /* ACPI 2.0+ wins */
		else if (guid_eq(&t->guid, &efi_acpi10_guid) && !h->rsdp)
			h->rsdp = (uint64_t)(uintptr_t)t->table;
	}
	if (!h->rsdp)
		con_printf("warning: the firmware lists no ACPI tables (power-off will not work)\n");
}

static void find_framebuffer(struct handoff *h)
{
	struct efi_gop *gop;
	if (st->boot->locate_protocol(&efi_gop_guid, 0, (void **)&gop) != EFI_SUCCESS ||
	    !gop->mode || !gop->mode->info)
		return;
	const struct efi_gop_mode_info *m = gop->mode->info;
	struct handoff_fb *fb = &h->fb;
	switch (m->pixel_format) {
	case EFI_PIXEL_RGBX: fb->format = HANDOFF_FB_RGBX; break;
	case EFI_PIXEL_BGRX: fb->format = HANDOFF_FB_BGRX; break;
	case EFI_PIXEL_BITMASK: fb->format = HANDOFF_FB_BITMASK; break;
	default: return;        /* Blt only: no memory to draw into */
	}
	fb->base = gop->mode->frame_buffer_base;
	fb->size = gop->mode->frame_buffer_size;
	fb->width = m->width;
	fb->height = m->height;
	fb->pitch = m->pixels_per_scan_line * 4;
	fb->red_mask = m->red_mask;
	fb->green_mask = m->green_mask;
	fb->blue_mask = m->blue_mask;
}

static void firmware_name(struct handoff *h)
{
	size_t i = 0;
	const char16 *v = st->firmware_vendor;
	for (; v && v[i] && i + 1 < sizeof(h->firmware); i++)
		h->firmware[i] = v[i] < 0x7f && v[i] >= 0x20 ? (char)v[i] : '?';
	h->firmware[i] = '\0';
}

/*
 * Take the memory map and leave boot services. The map changes whenever
 * the firmware allocates (even printing may), and ExitBootServices then
 * refuses the stale key: take it again, with nothing in between.
 */
static int exit_firmware(struct handoff *h)
{
	uint64_t size = 0, key, dsize;
	uint32_t dver;
	struct efi_memory_descriptor *map;
	st->boot->get_memory_map(&size, 0, &key, &dsize, &dver);
	uint64_t cap = size + 16 * dsize, pages = (cap + 4095) / 4096, a;
	if (st->boot->allocate_pages(EFI_ALLOCATE_ANY, EFI_LOADER_DATA, pages, &a) != EFI_SUCCESS) {
		con_printf("error: not enough memory for the memory map\n");
		return -1;
	}
	map = (void *)(uintptr_t)a;
	con_printf("entering the kernel\n");
	for (int tries = 0; tries < 8; tries++) {
		size = pages * 4096;
		if (st->boot->get_memory_map(&size, map, &key, &dsize, &dver) != EFI_SUCCESS)
			break;
		/* Nothing can be printed from here on: the kernel reports a short map. */
		h->mem_dropped = efimap_convert(h->mem, HANDOFF_MEM_MAX, &h->nmem, map, size, dsize);
		if (st->boot->exit_boot_services(self, key) == EFI_SUCCESS)
			return 0;
	}
	con_printf("error: the firmware refused to hand over the machine (ExitBootServices)\n");
	return -1;
}

__attribute__((noreturn)) static void enter(uint64_t entry, struct handoff *h)
{
	h->tsc_loader_exit = rdtsc();
	__asm__ volatile("cli\n\tjmp *%2" : : "D"(HANDOFF_MAGIC), "S"(h), "r"(entry) : "memory");
	__builtin_unreachable();
}

/* The kernel's boot tables are 4-level: a firmware in 5-level paging cannot enter it. */
static int paging_ok(void)
{
	uint64_t cr4;
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	if (cr4 & (1ull << 12)) {
		con_printf("error: the firmware runs 5-level paging (LA57); tern needs 4-level\n");
		return 0;
	}
	return 1;
}

static efi_status fail(void)
{
	con_printf("cannot boot tern; press a key to return to the firmware (or wait 10 s)\n");
	con_wait_key(10);
	return EFI_LOAD_ERROR;
}

efi_status efi_main(efi_handle image, struct efi_system_table *table)
{
	uint64_t t0 = rdtsc(), a = FOUR_GIB_LAST, entry;
	struct boot_request req;
	st = table;
	self = image;
	con_init(st);
	st->boot->set_watchdog_timer(0, 0, 0, 0);
	if (!paging_ok() || file_init(st, image) || find_request(&req))
		return fail();
	if (st->boot->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA,
				     (sizeof(struct handoff) + 4095) / 4096, &a) != EFI_SUCCESS) {
		con_printf("error: not enough memory below 4 GiB for the boot information\n");
		return fail();
	}
	struct handoff *h = (void *)(uintptr_t)a;
	memset(h, 0, sizeof(*h));
	h->magic = HANDOFF_MAGIC;
	h->version = HANDOFF_VERSION;
	h->size = sizeof(*h);
	h->tsc_loader_entry = t0;
	strlcpy(h->cmdline, req.cmdline, sizeof(h->cmdline));
	if (load_kernel(&req, &entry) || load_modules(&req, h))
		return fail();
	find_rsdp(h);
	find_framebuffer(h);
	firmware_name(h);
	if (exit_firmware(h))
		return fail();
	enter(entry, h);
}
