/*
 * free: the machine's memory, as init sees it (INIT_MEM): what the
 * kernel gave init in all and what is still free, in KiB (-m: MiB), in
 * the table Unix's free prints, and the sentence the shell's old `mem`
 * printed, with the number of kernel tasks.
 *
 *   free [-m]
 */
#include <proto/init.h>
#include <string.h>
#include <tern/tool.h>

int main(int argc, const char **argv)
{
	int mib = 0;
	tool_init(argc, argv);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-m"))
			return tool_usage("[-m]");
		mib = 1;
	}
	uint64_t freeb, total, tasks;
	long r = init_mem(PROG_INIT, &freeb, &total, &tasks);
	if (r)
		return tool_error("%s", init_strerror(-r));
	unsigned shift = mib ? 20 : 10;
	tool_printf("%-4s %10s %10s %10s\n", mib ? "MiB" : "KiB", "total", "used", "free");
	tool_printf("Mem: %10lu %10lu %10lu\n", (unsigned long)(total >> shift),
		    (unsigned long)((total - freeb) >> shift), (unsigned long)(freeb >> shift));
	tool_printf("memory: %lu KiB free of %lu KiB; %lu kernel tasks\n", (unsigned long)(freeb / 1024),
		    (unsigned long)(total / 1024), (unsigned long)tasks);
	tool_flush();
	return 0;
}
