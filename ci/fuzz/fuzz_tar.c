/*
 * libFuzzer target for userspace/lib/tar.c: walk every entry of the input
 * as an archive, check each points inside it, and look a path up.
 */
#include "tar.h"
#include <stdint.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tar_iter it;
	struct tar_entry e;
	int r;
	tar_iter_init(&it, data, size);
	while ((r = tar_next(&it, &e)) > 0) {
		ASSERT(e.data >= data && e.size <= size && e.data + e.size <= data + size);
		ASSERT(strlen(e.name) <= TAR_NAME_MAX && strlen(e.link) <= 100);
		ASSERT(e.unsafe || !strstr(e.name, "..") || strstr(e.name, "..")[2] != '/');
	}
	ASSERT(r <= 0 && tar_strerror(r));
	if (tar_find(data, size, "./etc/motd", &e) == 0)
		ASSERT(!e.unsafe && !strcmp(e.name, "etc/motd"));
	return 0;
}
