/*
 * Builtins over the file system (proto/fs.h): ls, cat, write, append,
 * mkdir, rm, cd, pwd. Each path argument is made absolute against the
 * working directory; errors name the command and the argument as typed,
 * e.g. "cat: /nope: no such file or directory".
 */
#include "sh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ls_print(const struct fs_dirent *d)
{
	if (d->type == FS_TYPE_DIR)
		printf("%s/\n", d->name);
	else
		printf("%-24s %8lu\n", d->name, (unsigned long)d->size);
}

/* Read the whole directory first, so it can be listed sorted by name. */
static int ls_dir(const char *arg, const char *path)
{
	long h = fs_open(SH_FS, path, FS_O_DIR);
	if (h < 0)
		return sh_fs_error("ls", arg, h);
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
		r = fs_readdir(SH_FS, (uint64_t)h, n, &ents[n]);
		if (r < 0)
			break;
		n++;
	}
	fs_close(SH_FS, (uint64_t)h);
	for (size_t i = 1; i < n; i++) {
		struct fs_dirent d = ents[i];
		size_t j = i;
		for (; j && strcmp(ents[j - 1].name, d.name) > 0; j--)
			ents[j] = ents[j - 1];
		ents[j] = d;
	}
	for (size_t i = 0; i < n; i++)
		ls_print(&ents[i]);
	free(ents);
	return r == -FS_ENOENT ? 0 : sh_fs_error("ls", arg, r);
}

int bi_ls(int argc, const char **argv)
{
	const char *arg = argc > 1 ? argv[1] : ".";
	char path[FS_PATH_MAX + 1];
	unsigned type;
	uint64_t size;
	if (sh_path("ls", arg, path))
		return 1;
	long r = fs_stat(SH_FS, path, &type, &size);
	if (r < 0)
		return sh_fs_error("ls", arg, r);
	if (type == FS_TYPE_DIR)
		return ls_dir(arg, path);
	struct fs_dirent d = { .type = type, .size = size };
	strlcpy(d.name, arg, sizeof(d.name));
	ls_print(&d);
	return 0;
}

static int cat_one(const char *arg)
{
	char path[FS_PATH_MAX + 1], buf[FS_IO_MAX];
	if (sh_path("cat", arg, path))
		return 1;
	long h = fs_open(SH_FS, path, 0);
	if (h < 0)
		return sh_fs_error("cat", arg, h);
	uint64_t off = 0;
	long n;
	while ((n = fs_read_at(SH_FS, (uint64_t)h, off, buf, sizeof(buf))) > 0) {
		stdio_write(buf, (size_t)n);
		off += (uint64_t)n;
	}
	fs_close(SH_FS, (uint64_t)h);
	return n < 0 ? sh_fs_error("cat", arg, n) : 0;
}

int bi_cat(int argc, const char **argv)
{
	int st = 0;
	if (argc < 2) {
		printf("usage: cat PATH...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++)
		st |= cat_one(argv[i]);
	return st;
}

/* write / append: the words after the path, joined by blanks, plus a newline. */
static int put_text(const char *cmd, int argc, const char **argv, int append)
{
	char path[FS_PATH_MAX + 1], text[512];
	size_t len = 0;
	if (argc < 2) {
		printf("usage: %s PATH [TEXT...]\n", cmd);
		return 1;
	}
	for (int i = 2; i < argc; i++) {
		int n = snprintf(text + len, sizeof(text) - len, "%s%s", argv[i], i + 1 < argc ? " " : "\n");
		if (n < 0 || (size_t)n >= sizeof(text) - len) {
			printf("%s: text too long\n", cmd);
			return 1;
		}
		len += (size_t)n;
	}
	if (sh_path(cmd, argv[1], path))
		return 1;
	long h = fs_open(SH_FS, path, FS_O_CREATE | (append ? 0 : FS_O_TRUNC));
	if (h < 0)
		return sh_fs_error(cmd, argv[1], h);
	uint64_t off = 0;
	unsigned type;
	long r = append ? fs_stat(SH_FS, path, &type, &off) : 0;
	for (size_t done = 0; r >= 0 && done < len; done += (size_t)r, off += (uint64_t)r) {
		size_t k = len - done < FS_IO_MAX ? len - done : FS_IO_MAX;
		r = fs_write_at(SH_FS, (uint64_t)h, off, text + done, k);
		if (r == 0)
			r = -FS_ENOSPC;
	}
	fs_close(SH_FS, (uint64_t)h);
	return r < 0 ? sh_fs_error(cmd, argv[1], r) : 0;
}

int bi_write(int argc, const char **argv)
{
	return put_text("write", argc, argv, 0);
}

int bi_append(int argc, const char **argv)
{
	return put_text("append", argc, argv, 1);
}

/* mkdir and rm: one fs call per path argument. */
static int each_path(const char *cmd, int argc, const char **argv, long (*op)(uint64_t, const char *))
{
	char path[FS_PATH_MAX + 1];
	int st = 0;
	if (argc < 2) {
		printf("usage: %s PATH...\n", cmd);
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (sh_path(cmd, argv[i], path)) {
			st = 1;
			continue;
		}
		long r = op(SH_FS, path);
		if (r < 0)
			st = sh_fs_error(cmd, argv[i], r);
	}
	return st;
}

int bi_mkdir(int argc, const char **argv)
{
	return each_path("mkdir", argc, argv, fs_mkdir);
}

int bi_rm(int argc, const char **argv)
{
	return each_path("rm", argc, argv, fs_unlink);
}

int bi_cd(int argc, const char **argv)
{
	const char *arg = argc > 1 ? argv[1] : "/";
	char path[FS_PATH_MAX + 1];
	unsigned type;
	uint64_t size;
	if (sh_path("cd", arg, path))
		return 1;
	long r = fs_stat(SH_FS, path, &type, &size);
	if (r >= 0 && type != FS_TYPE_DIR)
		r = -FS_ENOTDIR;
	if (r < 0)
		return sh_fs_error("cd", arg, r);
	strlcpy(sh_cwd, path, sizeof(sh_cwd));
	return 0;
}

int bi_pwd(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	printf("%s\n", sh_cwd);
	return 0;
}
