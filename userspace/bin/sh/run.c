/*
 * Running programs: a command that is not a builtin names a program file
 * (the word itself if it has a '/', else /bin/WORD). Init loads it with
 * the capabilities of its own manifest (INIT_SPAWN) and tells us when it
 * ends (INIT_WAIT); while it runs, the terminal is the program's. In the
 * background we only print its id, for ps and kill.
 */
#include "sh.h"
#include <proto/init.h>
#include <stdio.h>
#include <string.h>

const char *sh_init_strerror(long err)
{
	switch (err) {
	case INIT_ENOENT: return "no such program file";
	case INIT_ENOEXEC: return "not a program (bad ELF file or manifest)";
	case INIT_ESRCH: return "no such program";
	case INIT_ENOMEM: return "out of memory";
	default: return tern_strerror((uint64_t)err);
	}
}

static const char *fault_name(uint64_t vector)
{
	switch (vector) {
	case 0: return "divide error";
	case 3: return "breakpoint";
	case 6: return "invalid opcode";
	case 8: return "double fault";
	case 12: return "stack fault";
	case 13: return "general protection fault";
	case 14: return "page fault";
	case 17: return "alignment check";
	default: return "CPU exception";
	}
}

int run_program(int argc, const char **argv, int background)
{
	char path[FS_PATH_MAX + 1];
	const char *args[SH_ARGS_MAX + 1];
	if (strchr(argv[0], '/')) {
		if (sh_path("sh", argv[0], path))
			return 127;
	} else if (snprintf(path, sizeof(path), "/bin/%s", argv[0]) >= (int)sizeof(path)) {
		printf("sh: %s: command not found\n", argv[0]);
		return 127;
	}
	args[0] = path;
	for (int i = 1; i <= argc; i++)
		args[i] = argv[i];

	long id = init_spawn(PROG_INIT, args, argc);
	if (id == -INIT_ENOENT) {
		printf("sh: %s: command not found\n", argv[0]);
		return 127;
	}
	if (id < 0) {
		printf("sh: %s: %s\n", argv[0], sh_init_strerror(-id));
		return 126;
	}
	if (background) {
		printf("[%ld] %s\n", id, argv[0]);
		return 0;
	}
	uint64_t status;
	long r = init_wait(PROG_INIT, (uint64_t)id, &status);
	if (r < 0) {
		printf("sh: %s: %s\n", argv[0], sh_init_strerror(-r));
		return 1;
	}
	if (status & INIT_STATUS_FAULT) {
		uint64_t vector = status & ~(uint64_t)INIT_STATUS_FAULT;
		printf("sh: %s: killed by a fault: %s (vector %lu)\n", argv[0], fault_name(vector),
		       (unsigned long)vector);
	} else if (status) {
		printf("sh: %s: exit status %lu\n", argv[0], (unsigned long)status);
	}
	return (int)status;
}
