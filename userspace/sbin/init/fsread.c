/* Reading a whole program file from the fs service, for INIT_SPAWN of
 * programs that were written to the file system after boot. */
#include "init.h"
#include <proto/fs.h>
#include <stdlib.h>

#define MAX_PROGRAM_BYTES (4u << 20)

int init_read_fs(const char *path, const uint8_t **data, size_t *len)
{
	uint64_t ep = service_find("fs");
	unsigned type = 0;
	uint64_t size = 0;
	if (!ep || fs_stat(ep, path, &type, &size) < 0 || type != FS_TYPE_FILE || size > MAX_PROGRAM_BYTES)
		return -1;
	long h = fs_open(ep, path, 0);
	if (h < 0)
		return -1;
	uint8_t *buf = init_malloc(size ? size : 1, path);
	uint64_t off = 0;
	while (buf && off < size) {
		long n = fs_read_at(ep, (uint64_t)h, off, buf + off, size - off < FS_IO_MAX ? size - off : FS_IO_MAX);
		if (n <= 0)
			break;
		off += (uint64_t)n;
	}
	fs_close(ep, (uint64_t)h);
	if (!buf || off != size) {
		free(buf);
		return -1;
	}
	*data = buf;
	*len = size;
	return 0;
}
