/*
 * Copying one file to another through the fs service, for cp and mv (mv
 * is a copy and an unlink: proto/fs.h has no rename). The copy goes in
 * FS_IO_MAX pieces at explicit offsets; a destination that is the source
 * itself is refused before FS_O_TRUNC could empty it.
 */
#include <string.h>
#include <tern/tool.h>

int tool_copy(const char *src_arg, const char *src, const char *dst_arg, const char *dst)
{
	if (!strcmp(src, dst))
		return tool_error("%s and %s are the same file", src_arg, dst_arg);
	long in = fs_open(TOOL_FS, src, 0);
	if (in < 0)
		return tool_fs_error(src_arg, in);
	long out = fs_open(TOOL_FS, dst, FS_O_CREATE | FS_O_TRUNC);
	if (out < 0) {
		fs_close(TOOL_FS, (uint64_t)in);
		return tool_fs_error(dst_arg, out);
	}
	unsigned char buf[FS_IO_MAX];
	uint64_t off = 0;
	long n, w = 0;
	while ((n = fs_read_at(TOOL_FS, (uint64_t)in, off, buf, sizeof(buf))) > 0) {
		for (long done = 0; done < n; done += w) {
			w = fs_write_at(TOOL_FS, (uint64_t)out, off + (uint64_t)done, buf + done, (size_t)(n - done));
			if (w == 0)
				w = -FS_ENOSPC;
			if (w < 0)
				break;
		}
		if (w < 0)
			break;
		off += (uint64_t)n;
	}
	fs_close(TOOL_FS, (uint64_t)in);
	fs_close(TOOL_FS, (uint64_t)out);
	if (n < 0)
		return tool_fs_error(src_arg, n);
	if (w < 0)
		return tool_fs_error(dst_arg, w);
	return 0;
}

/* Where src goes: dst, or dst/<src's name> when dst is a directory. */
static int copy_target(const char *src, const char *dst, int dst_is_dir, char *out)
{
	if (!dst_is_dir) {
		strlcpy(out, dst, FS_PATH_MAX + 1);
		return 0;
	}
	size_t n = strlen(dst), k = strlen(tool_basename(src));
	if (n + 1 + k > FS_PATH_MAX)
		return -1;
	memcpy(out, dst, n);
	if (n > 1)
		out[n++] = '/';
	memcpy(out + n, tool_basename(src), k + 1);
	return 0;
}

int tool_copy_args(int argc, const char **argv, int first, int move)
{
	char dst[FS_PATH_MAX + 1], src[FS_PATH_MAX + 1], target[FS_PATH_MAX + 1];
	const char *dst_arg = argv[argc - 1];
	unsigned type;
	uint64_t size;
	int st = 0;
	if (tool_path(dst_arg, dst))
		return 1;
	int dst_is_dir = fs_stat(TOOL_FS, dst, &type, &size) >= 0 && type == FS_TYPE_DIR;
	if (argc - first > 2 && !dst_is_dir)
		return tool_fs_error(dst_arg, -FS_ENOTDIR);
	for (int i = first; i < argc - 1; i++) {
		if (tool_path(argv[i], src)) {
			st = 1;
			continue;
		}
		long r = fs_stat(TOOL_FS, src, &type, &size);
		if (r >= 0 && type == FS_TYPE_DIR)
			r = -FS_EISDIR;         /* files only: there is no rename to move a tree */
		if (r < 0) {
			st = tool_fs_error(argv[i], r);
			continue;
		}
		if (copy_target(src, dst, dst_is_dir, target)) {
			st = tool_fs_error(dst_arg, -FS_ENAMETOOLONG);
			continue;
		}
		if (tool_copy(argv[i], src, dst_arg, target)) {
			st = 1;
			continue;
		}
		if (move && (r = fs_unlink(TOOL_FS, src)) < 0)
			st = tool_fs_error(argv[i], r);
	}
	return st;
}
