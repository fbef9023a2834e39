/*
 * ps: the programs init runs (INIT_PS), one line each: init's id, the
 * state, how often it was restarted, the kernel's task id and the name.
 *
 *   ps
 */
#include <proto/init.h>
#include <tern/tool.h>

static const char *state_name(uint64_t st)
{
	static const char *const names[] = {
		[INIT_RUNNING] = "running",
		[INIT_EXITED] = "exited",
		[INIT_FAULTED] = "faulted",
		[INIT_RESTARTING] = "restarting",
		[INIT_FAILED] = "failed",
	};
	return st < sizeof(names) / sizeof(names[0]) && names[st] ? names[st] : "?";
}

static int ps(void)
{
	struct init_ps_entry e;
	tool_printf("  ID STATE       RESTARTS  TASK NAME\n");
	for (uint64_t i = 0;; i++) {
		long r = init_ps(PROG_INIT, i, &e);
		if (r == -E_BAD_ARG)
			return 0;               /* past the last program */
		if (r)
			return tool_error("%s", init_strerror(-r));
		tool_printf("%4lu %-11s %8lu %5lu %s\n", (unsigned long)e.id, state_name(e.state),
			    (unsigned long)e.restarts, (unsigned long)e.task, e.name);
	}
}

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	if (argc > 1)
		return tool_usage("");
	int status = ps();
	tool_flush();
	return status;
}
