/*
 * Files on the loader's own device: the ESP, the ISO's El Torito FAT
 * image, or iPXE's virtual file system (where each image it fetched sits
 * at the root under its base name). Names are ASCII, '/' or '\' separated,
 * relative to the root.
 */
#pragma once
#include <efi.h>

/* Open the root of the device the loader was loaded from; 0 or -1 (message printed). */
int file_init(struct efi_system_table *st, efi_handle image);
/*
 * Read a whole file into fresh pages below 4 GiB (memory type: loader
 * data). 0 with *addr, *size; -1 with a message printed ("what" says what
 * the file is for).
 */
int file_load(const char *name, const char *what, uint64_t *addr, uint64_t *size);
