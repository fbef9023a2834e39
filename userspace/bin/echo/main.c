/*
 * echo: the arguments joined by blanks, and a newline unless -n. As in
 * POSIX, echo prints its arguments whatever they look like: only a first
 * "-n" is an option (so "echo -h" prints "-h"; there is no usage text).
 * The line goes out in one write, so it stays whole in a shared pipe.
 */
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

int main(int argc, const char **argv)
{
	char line[PROG_ARGS_MAX + 1];   /* the arguments fit in PROG_ARGS_MAX with their NULs */
	size_t len = 0;
	int i = 1, newline = 1;
	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		i++;
	}
	for (int first = i; i < argc; i++) {
		size_t k = strlen(argv[i]);
		if (i > first)
			line[len++] = ' ';
		memcpy(line + len, argv[i], k);
		len += k;
	}
	if (newline)
		line[len++] = '\n';
	stdout_write(line, len);
	return 0;
}
