/*
 * Tab completion in the shell: the names complete.c chooses from. A
 * command word: the builtins and the programs in /bin (the search list of
 * exec.c); a path: the entries of its directory, read with FS_READDIR
 * relative to the working directory. A second Tab in a row, when the
 * first could not add anything, lists the choices and shows the line
 * again under a fresh prompt.
 */
#include "complete.h"
#include "lineedit.h"
#include "sh.h"
#include <stdio.h>
#include <string.h>
#include <tern/path.h>

static struct cpl_set cpl;

static void add_dir(const char *path)
{
	struct fs_dirent d;
	long h = fs_open(SH_FS, path, FS_O_DIR);
	if (h < 0)
		return;
	for (uint64_t i = 0; i < 4096 && fs_readdir(SH_FS, (uint64_t)h, i, &d) >= 0; i++)
		cpl_add(&cpl, d.name, d.type == FS_TYPE_DIR);
	fs_close(SH_FS, (uint64_t)h);
}

static void list(const char *prompt)
{
	size_t width = 0, col = 0;
	cpl_sort(&cpl);
	for (int i = 0; i < cpl.nlisted; i++)
		if (strlen(cpl.names[i]) > width)
			width = strlen(cpl.names[i]);
	width += 2;
	printf("\n");
	for (int i = 0; i < cpl.nlisted; i++) {
		if (col && col + width > 78) {
			printf("\n");
			col = 0;
		}
		printf("%-*s", (int)width, cpl.names[i]);
		col += width;
	}
	if (cpl.n > cpl.nlisted)
		printf("%s(%d more)", col ? "\n" : "", cpl.n - cpl.nlisted);
	printf("\n%s", prompt);
}

void complete(struct lineedit *le, const char *prompt)
{
	static char last[LE_LINE_MAX + 1];
	static size_t last_cur = (size_t)-1;
	char ins[CPL_NAME_MAX + 2];
	struct cpl_word w;
	int again = last_cur == le->cur && !strcmp(last, le->buf);

	cpl_find(le->buf, le->cur, &w);
	cpl_set_init(&cpl, le->buf + w.start + w.dirlen, le->cur - w.start - w.dirlen);
	if (w.command) {
		const char *name;
		for (unsigned i = 0; (name = builtin_name(i)); i++)
			cpl_add(&cpl, name, 0);
		add_dir("/bin");
	} else {
		char dir[FS_PATH_MAX + 1], path[FS_PATH_MAX + 1];
		size_t n = w.dirlen < sizeof(dir) ? w.dirlen : sizeof(dir) - 1;
		memcpy(dir, le->buf + w.start, n);
		dir[n] = '\0';
		if (!path_resolve(sh_cwd, dir, path, sizeof(path)))
			add_dir(path);
	}
	cpl_insertion(&cpl, ins, sizeof(ins));
	if (ins[0]) {
		le_insert_text(le, ins);
	} else if (cpl.n > 1 && again) {
		list(prompt);
		le_redisplay(le);
	} else {
		le_beep(le);
	}
	strlcpy(last, le->buf, sizeof(last));
	last_cur = le->cur;
}
