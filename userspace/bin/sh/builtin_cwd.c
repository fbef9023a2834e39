/*
 * Builtins over the file system that must run in the shell itself: cd
 * and pwd (the working directory is the shell's; programs get a copy).
 * Everything else that touches files is a program in /bin.
 */
#include "sh.h"
#include <string.h>
#include <stdio.h>

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
