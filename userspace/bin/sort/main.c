/*
 * sort: print the lines of its inputs in order (sortlines.h).
 *
 *   sort [-nru] [FILE...]
 *
 * -n compares leading numbers, -r reverses, -u prints one line of each
 * run of equal keys. With no FILE (or "-") it reads stdin. Everything is
 * read into memory first, so the input is bounded: more than
 * SORT_MAX_BYTES bytes or SORT_MAX_LINES lines is refused with an error
 * (status 1) before anything is printed, never a crash. A last line
 * without '\n' gets one.
 */
#include "sortlines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tern/tool.h>

#define SORT_MAX_BYTES (256 * 1024)
#define SORT_MAX_LINES 16384

/* All input, each input ending with '\n'; room for one read past the
 * limit, which tells that the limit was passed. */
static char *data;
static size_t len;
#define DATA_CAP (SORT_MAX_BYTES + FS_IO_MAX + 1)

static int too_big(void)
{
	return tool_error("input too large (the limit is %u KiB and %u lines)", SORT_MAX_BYTES / 1024,
			  SORT_MAX_LINES);
}

/* Append one input to data: 0, or 1 after an error was reported. */
static int slurp(const char *path)
{
	static struct tool_in in;
	if (tool_open(&in, path))
		return 1;
	long r;
	while ((r = tool_read(&in, data + len, DATA_CAP - 1 - len)) > 0) {
		len += (size_t)r;
		if (len > SORT_MAX_BYTES) {
			tool_close(&in);
			return too_big();
		}
	}
	tool_close(&in);
	if (r < 0)
		return tool_fs_error(path ? path : "(standard input)", r);
	if (len && data[len - 1] != '\n')
		data[len++] = '\n';     /* the byte kept free above */
	return 0;
}

int main(int argc, const char **argv)
{
	int flags = 0, i = 1;
	tool_init(argc, argv);
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			switch (*o) {
			case 'n': flags |= SORT_NUMERIC; break;
			case 'r': flags |= SORT_REVERSE; break;
			case 'u': flags |= SORT_UNIQUE; break;
			default: return tool_usage("[-nru] [FILE...]");
			}
		}
	}
	data = malloc(DATA_CAP);
	if (!data)
		return tool_error("out of memory");
	if (i == argc && slurp(0))
		return 1;
	for (; i < argc; i++)
		if (slurp(argv[i]))
			return 1;
	size_t n = 0;
	for (size_t k = 0; k < len; k++)
		n += data[k] == '\n';
	if (n > SORT_MAX_LINES)
		return too_big();
	const char **v = malloc(2 * n * sizeof(*v) + 1);
	if (!v)
		return tool_error("out of memory");
	/* Each line NUL-terminated in place ('\n' becomes '\0'). */
	for (size_t k = 0, start = 0, j = 0; k < len; k++)
		if (data[k] == '\n') {
			data[k] = '\0';
			v[j++] = data + start;
			start = k + 1;
		}
	sort_lines(v, v + n, n, flags);
	if (flags & SORT_UNIQUE)
		n = sort_unique(v, n, flags);
	/* Each line with its NUL back to '\n', into the buffered output. */
	for (size_t k = 0; k < n; k++) {
		size_t l = strlen(v[k]);
		((char *)v[k])[l] = '\n';
		tool_write(v[k], l + 1);
	}
	tool_flush();
	return 0;
}
