/*
 * poweroff: ask init to end the machine (INIT_POWEROFF). Its manifest asks for
 * [init] power, which it has only when its spawner has it (docs/
 * manifest.md, "Authority"). When it works there is no reply; a reply
 * says why not.
 *
 *   poweroff
 */
#include <proto/init.h>
#include <tern/tool.h>

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	if (argc > 1)
		return tool_usage("");
	long r = init_power(PROG_INIT, INIT_POWEROFF);
	return tool_error("%s", r ? init_strerror(-r) : "init did not do it");
}
