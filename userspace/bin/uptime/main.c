/*
 * uptime: how long the machine has run, from the kernel's clock.
 *
 *   uptime        prints "up H:MM:SS.mmm"
 */
#include <tern/sys.h>
#include <tern/tool.h>

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	if (argc > 1)
		return tool_usage("");
	uint64_t ms = tern_uptime_ns() / 1000000, s = ms / 1000;
	tool_printf("up %lu:%02lu:%02lu.%03lu\n", (unsigned long)(s / 3600), (unsigned long)(s / 60 % 60),
		    (unsigned long)(s % 60), (unsigned long)(ms % 1000));
	tool_flush();
	return 0;
}
