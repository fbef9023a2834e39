/* mkdir: make directories; -p makes the missing parents and accepts
 * directories that exist. */
#include <string.h>
#include <tern/tool.h>

#define USAGE "[-p] DIR...\n" \
	"  Make each directory.\n" \
	"  -p  make missing parents too; no error if DIR exists"

static int parents;

/* mkdir that counts an existing directory as success (for -p). */
static long mkdir_p_one(const char *path)
{
	long r = fs_mkdir(TOOL_FS, path);
	unsigned type;
	uint64_t size;
	if (r == -FS_EEXIST && fs_stat(TOOL_FS, path, &type, &size) >= 0 && type == FS_TYPE_DIR)
		return 0;
	return r;
}

static int mkdir_one(const char *arg)
{
	char path[FS_PATH_MAX + 1];
	long r = 0;
	if (tool_path(arg, path))
		return 1;
	if (!parents) {
		r = fs_mkdir(TOOL_FS, path);
		return r < 0 ? tool_fs_error(arg, r) : 0;
	}
	/* Each prefix ending before a '/', then the whole path. */
	for (char *p = path + 1; r >= 0 && (p = strchr(p, '/')); p++) {
		*p = '\0';
		r = mkdir_p_one(path);
		*p = '/';
		if (r == -FS_EEXIST)
			r = -FS_ENOTDIR;        /* a parent that is a file */
	}
	if (r >= 0 && strcmp(path, "/"))
		r = mkdir_p_one(path);
	return r < 0 ? tool_fs_error(arg, r) : 0;
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c, st = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "hp")) != -1) {
		if (c == 'p')
			parents = 1;
		else
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	}
	if (o.ind == argc)
		return tool_usage(USAGE);
	for (int i = o.ind; i < argc; i++)
		st |= mkdir_one(argv[i]);
	return st;
}
