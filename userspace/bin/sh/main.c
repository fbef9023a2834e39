/*
 * sh: the tern shell. getty starts it on the console; it shows a prompt
 * with the working directory, reads a line with the line editor
 * (lineedit.c), splits it into words (shparse.c) and runs the first word
 * as a builtin (builtins.c, builtin_fs.c, builtin_sys.c) or else as a
 * program from the file system, which init starts and we wait for unless
 * the line ends in a "&" word (run.c). The file system takes only
 * absolute paths, so the working directory lives here and every path
 * argument is resolved against it.
 */
#include "lineedit.h"
#include <tern/path.h>
#include "sh.h"
#include "shparse.h"
#include <stdio.h>
#include <string.h>

char sh_cwd[FS_PATH_MAX + 1] = "/";

int sh_path(const char *cmd, const char *arg, char *out)
{
	if (!path_resolve(sh_cwd, arg, out, FS_PATH_MAX + 1))
		return 0;
	sh_fs_error(cmd, arg, -FS_ENAMETOOLONG);
	return -1;
}

int sh_fs_error(const char *cmd, const char *arg, long err)
{
	printf("%s: %s: %s\n", cmd, arg, fs_strerror(err));
	return 1;
}

static void sh_run_line(const char *line)
{
	char words[LE_LINE_MAX + 1];
	const char *argv[SH_ARGS_MAX + 1];
	int argc = shp_split(line, words, sizeof(words), argv, SH_ARGS_MAX);
	if (argc < 0) {
		printf("sh: %s\n", shp_strerror(argc));
		return;
	}
	int background = argc > 1 && !strcmp(argv[argc - 1], "&");
	if (background)
		argv[--argc] = 0;
	if (argc == 0)
		return;
	const struct builtin *b = builtin_find(argv[0]);
	if (b)
		b->run(argc, argv);
	else
		run_program(argc, argv, background);
}

int main(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	term_init();
	while (!sh_exit_requested) {
		printf("tern:%s$ ", sh_cwd);
		const char *line = term_readline();
		if (!line) {
			printf("exit\n");
			break;
		}
		sh_run_line(line);
	}
	return sh_exit_status;
}
