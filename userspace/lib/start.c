/*
 * C entry of every program. Raw tasks (the root task, test helpers) define
 * tern_main() and get the entry registers as they are. Programs started by
 * init define main(argc, argv): RDI points at their struct prog_info
 * (tern/program.h), from which we build argv. Either way the return value
 * becomes the exit status.
 */
#include <tern/program.h>
#include <tern/sys.h>

const struct prog_info *prog_info;

__attribute__((weak)) int tern_main(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3);
__attribute__((weak)) int main(int argc, const char **argv);

int prog_args(const char **argv, int max)
{
	int n = 0;
	if (!prog_info)
		return 0;
	const char *p = prog_info->args, *end = prog_info->args + PROG_ARGS_MAX;
	for (uint64_t i = 0; i < prog_info->argc && n < max - 1 && p < end; i++) {
		argv[n++] = p;
		while (p < end && *p)
			p++;
		p++;
	}
	argv[n] = 0;
	return n;
}

#ifdef USER_VG_GATE
void vg_stack_here(void);       /* VALGRIND=1 (vg/stack.c) */
#endif

__attribute__((noreturn)) void tern_start(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
#ifdef USER_VG_GATE
	vg_stack_here();
#endif
	tern_ipcbuf = (struct tern_ipcbuf *)a2;
	if (tern_main)
		tern_exit((uint64_t)tern_main(a0, a1, a2, a3));
	if (a0 == PROG_INFO_VA && ((const struct prog_info *)a0)->magic == PROG_INFO_MAGIC) {
		prog_info = (const struct prog_info *)a0;
		tern_ipcbuf = (struct tern_ipcbuf *)PROG_IPCBUF_VA;
		tern_debug_slot = PROG_DEBUG;
	}
	const char *argv[PROG_ARGV_MAX + 1];
	int argc = prog_args(argv, PROG_ARGV_MAX + 1);
	tern_exit((uint64_t)main(argc, argv));
}
