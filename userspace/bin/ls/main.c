/*
 * ls: list directories (sorted by name) and name files. The short form is
 * the one the shell's builtin always printed: "name/" for a directory,
 * "name  size" for a file. -l puts a type letter first ('d' or '-') and a
 * size for every entry: bytes for a file, entries for a directory.
 * ramfs keeps no owners, modes or times, so there are none to show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tern/tool.h>

#define USAGE "[-l] [PATH...]\n" \
	"  List each directory (sorted) or name each file; \".\" when no PATH.\n" \
	"  -l  long form: type (d or -), size (bytes; entries for a directory), name"

static int long_form;
static int printed;             /* anything listed yet: a blank line before the next header */

static void print_entry(const char *name, unsigned type, uint64_t size)
{
	const char *slash = type == FS_TYPE_DIR ? "/" : "";
	printed = 1;
	if (long_form)
		printf("%c %8lu %s%s\n", type == FS_TYPE_DIR ? 'd' : '-', (unsigned long)size, name, slash);
	else if (type == FS_TYPE_DIR)
		printf("%s/\n", name);
	else
		printf("%-24s %8lu\n", name, (unsigned long)size);
}

/* Read the whole directory first, so it can be listed sorted by name. */
static int list_dir(const char *arg, const char *path)
{
	long h = fs_open(TOOL_FS, path, FS_O_DIR);
	if (h < 0)
		return tool_fs_error(arg, h);
	struct fs_dirent *ents = 0;
	size_t n = 0, cap = 0;
	long r;
	for (;;) {
		if (n == cap) {
			struct fs_dirent *more = realloc(ents, (cap + 16) * sizeof(*ents));
			if (!more) {
				r = -FS_ENOSPC;
				break;
			}
			ents = more;
			cap += 16;
		}
		r = fs_readdir(TOOL_FS, (uint64_t)h, n, &ents[n]);
		if (r < 0)
			break;
		n++;
	}
	fs_close(TOOL_FS, (uint64_t)h);
	for (size_t i = 1; i < n; i++) {       /* insertion sort: directories are small */
		struct fs_dirent d = ents[i];
		size_t j = i;
		for (; j && strcmp(ents[j - 1].name, d.name) > 0; j--)
			ents[j] = ents[j - 1];
		ents[j] = d;
	}
	for (size_t i = 0; i < n; i++)
		print_entry(ents[i].name, ents[i].type, ents[i].size);
	free(ents);
	return r == -FS_ENOENT ? 0 : tool_fs_error(arg, r);
}

/* As ls does: the files named first, then each directory (under a header
 * when there are several names). */
int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	char path[FS_PATH_MAX + 1];
	unsigned char is_dir[PROG_ARGV_MAX] = { 0 };
	int c, st = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "hl")) != -1) {
		if (c == 'l')
			long_form = 1;
		else
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	}
	static const char *dot[] = { "." };
	const char **names = o.ind < argc ? argv + o.ind : dot;
	int n = o.ind < argc ? argc - o.ind : 1;
	for (int i = 0; i < n; i++) {
		unsigned type;
		uint64_t size;
		long r = 0;
		if (tool_path(names[i], path) || (r = fs_stat(TOOL_FS, path, &type, &size)) < 0)
			st = r < 0 ? tool_fs_error(names[i], r) : 1;
		else if (type == FS_TYPE_DIR)
			is_dir[i] = 1;
		else
			print_entry(names[i], type, size);
	}
	for (int i = 0; i < n; i++) {
		if (!is_dir[i] || tool_path(names[i], path))
			continue;
		if (n > 1)
			printf("%s%s:\n", printed ? "\n" : "", names[i]);
		printed = 1;
		st |= list_dir(names[i], path);
	}
	return st;
}
