/* Files on the boot device (file.h). */
#include <con.h>
#include <file.h>
#include <string.h>

#define FOUR_GIB_LAST 0xffffffffull
#define FILE_MAX (1ull << 31)

static struct efi_system_table *file_st;
static struct efi_file *file_root;

int file_init(struct efi_system_table *st, efi_handle image)
{
	struct efi_loaded_image *li;
	struct efi_simple_file_system *fs;
	efi_status s;
	file_st = st;
	s = st->boot->handle_protocol(image, &efi_loaded_image_guid, (void **)&li);
	if (s != EFI_SUCCESS) {
		con_printf("error: no loaded-image protocol (status %llx)\n", s);
		return -1;
	}
	s = st->boot->handle_protocol(li->device, &efi_simple_file_system_guid, (void **)&fs);
	if (s != EFI_SUCCESS) {
		con_printf("error: the device we were loaded from has no file system the "
			   "firmware can read (status %llx)\n", s);
		return -1;
	}
	s = fs->open_volume(fs, &file_root);
	if (s != EFI_SUCCESS) {
		con_printf("error: cannot open the boot file system (status %llx)\n", s);
		return -1;
	}
	return 0;
}

static int wide_name(char16 *out, size_t max, const char *name)
{
	size_t i = 0;
	for (; name[i]; i++) {
		if (i + 1 == max || (unsigned char)name[i] >= 0x80)
			return -1;
		out[i] = name[i] == '/' ? '\\' : (unsigned char)name[i];
	}
	out[i] = 0;
	return 0;
}

static uint64_t file_size(struct efi_file *f)
{
	static uint64_t info[64];       /* struct efi_file_info and its name */
	uint64_t size = sizeof(info);
	if (f->get_info(f, &efi_file_info_guid, &size, info) != EFI_SUCCESS)
		return ~0ull;
	return ((struct efi_file_info *)info)->file_size;
}

int file_load(const char *name, const char *what, uint64_t *addr, uint64_t *size)
{
	char16 wname[128];
	struct efi_file *f;
	efi_status s;
	if (wide_name(wname, 128, name)) {
		con_printf("error: bad file name \"%s\" for the %s\n", name, what);
		return -1;
	}
	s = file_root->open(file_root, &f, wname, EFI_FILE_MODE_READ, 0);
	if (s != EFI_SUCCESS) {
		con_printf("error: cannot open %s (the %s): %s\n", name, what,
			   s == EFI_NOT_FOUND ? "no such file on the boot device" : "firmware error");
		return -1;
	}
	uint64_t n = file_size(f);
	if (n == ~0ull || n > FILE_MAX) {
		con_printf("error: cannot tell the size of %s (the %s)\n", name, what);
		f->close(f);
		return -1;
	}
	uint64_t pages = (n + 4095) / 4096, a = FOUR_GIB_LAST;
	if (file_st->boot->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA,
					  pages ? pages : 1, &a) != EFI_SUCCESS) {
		con_printf("error: not enough memory below 4 GiB for %s (the %s, %llu bytes)\n",
			   name, what, n);
		f->close(f);
		return -1;
	}
	/* Some file systems return less than asked: read until done. */
	uint64_t got = 0;
	while (got < n) {
		uint64_t chunk = n - got;
		s = f->read(f, &chunk, (void *)(uintptr_t)(a + got));
		if (s != EFI_SUCCESS || !chunk)
			break;
		got += chunk;
	}
	f->close(f);
	if (got != n) {
		con_printf("error: read only %llu of %llu bytes of %s (the %s)\n", got, n, name, what);
		file_st->boot->free_pages(a, pages ? pages : 1);
		return -1;
	}
	*addr = a;
	*size = n;
	return 0;
}
