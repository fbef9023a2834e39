/*
 * rm: remove files; with -r directories and everything in them, with -d
 * empty directories. -r walks one shared path buffer (the path grows and
 * shrinks in place), so deep trees cost no stack per level beyond a frame.
 */
#include <string.h>
#include <tern/tool.h>

#define USAGE "[-rfd] PATH...\n" \
	"  Remove files.\n" \
	"  -r  directories too, with all they hold\n" \
	"  -d  empty directories too\n" \
	"  -f  no error for a PATH that does not exist"

static int recursive, force, empty_dirs;

/* Empty the directory path (len bytes; room for FS_PATH_MAX) and remove
 * it. What cannot be removed inside is reported by its path and left;
 * then the directory's own unlink fails: 0 or -error. */
static long rm_tree(char *path, size_t len)
{
	uint64_t skip = 0;      /* entries we failed to remove stay in front */
	long r;
	for (;;) {
		struct fs_dirent d;
		long h = fs_open(TOOL_FS, path, FS_O_DIR);
		if (h < 0)
			return h;
		r = fs_readdir(TOOL_FS, (uint64_t)h, skip, &d);
		fs_close(TOOL_FS, (uint64_t)h);
		if (r == -FS_ENOENT)
			break;
		if (r < 0)
			return r;
		size_t k = strlen(d.name);
		if (len + 1 + k > FS_PATH_MAX) {
			tool_error("%s/%s: %s", path, d.name, fs_strerror(FS_ENAMETOOLONG));
			skip++;
			continue;
		}
		path[len] = '/';
		memcpy(path + len + 1, d.name, k + 1);
		r = d.type == FS_TYPE_DIR ? rm_tree(path, len + 1 + k) : fs_unlink(TOOL_FS, path);
		if (r < 0) {
			tool_error("%s: %s", path, fs_strerror(r));
			skip++;
		}
		path[len] = '\0';
	}
	return fs_unlink(TOOL_FS, path);
}

static int rm_one(const char *arg)
{
	char path[FS_PATH_MAX + 1];
	unsigned type;
	uint64_t size;
	const char *last = tool_basename(arg);
	if (!strcmp(last, ".") || !strcmp(last, ".."))
		return tool_error("%s: will not remove \".\" or \"..\"", arg);
	if (tool_path(arg, path))
		return 1;
	long r = fs_stat(TOOL_FS, path, &type, &size);
	if (r == -FS_ENOENT && force)
		return 0;
	if (r >= 0 && !strcmp(path, "/"))
		return tool_error("%s: will not remove the root directory", arg);
	if (r >= 0 && type == FS_TYPE_DIR) {
		if (recursive)
			r = rm_tree(path, strlen(path));
		else if (empty_dirs)
			r = fs_unlink(TOOL_FS, path);
		else
			r = -FS_EISDIR;
	} else if (r >= 0) {
		r = fs_unlink(TOOL_FS, path);
	}
	return r < 0 ? tool_fs_error(arg, r) : 0;
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c, st = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "hrRfd")) != -1) {
		if (c == 'r' || c == 'R')
			recursive = 1;
		else if (c == 'f')
			force = 1;
		else if (c == 'd')
			empty_dirs = 1;
		else
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	}
	if (o.ind == argc)
		return force ? 0 : tool_usage(USAGE);
	for (int i = o.ind; i < argc; i++)
		st |= rm_one(argv[i]);
	return st;
}
