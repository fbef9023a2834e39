/*
 * uname: the system's names. The kernel has no call for them: they are
 * fixed here, the version given by the build (uname.mk).
 *
 *   uname [-asnrvm]
 *
 * -s system (the default), -n node, -r release, -v version (build date and
 * commit), -m machine; -a all of them, in that order, as
 * "tern tern 0.1 2026-12-01 0d65fd6 x86_64".
 */
#include <tern/tool.h>
#include <uname_version.h>

enum { U_SYS = 1, U_NODE = 2, U_REL = 4, U_VER = 8, U_MACH = 16 };

int main(int argc, const char **argv)
{
	static const char *const field[] = { "tern", "tern", "0.1", UNAME_VERSION, "x86_64" };
	static const char opts[] = "snrvm";
	int want = 0;
	tool_init(argc, argv);
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || !argv[i][1])
			return tool_usage("[-asnrvm]");
		for (const char *o = argv[i] + 1; *o; o++) {
			int k = 0;
			while (opts[k] && opts[k] != *o)
				k++;
			if (*o == 'a')
				want = U_SYS | U_NODE | U_REL | U_VER | U_MACH;
			else if (opts[k])
				want |= 1 << k;
			else
				return tool_usage("[-asnrvm]");
		}
	}
	if (!want)
		want = U_SYS;
	const char *sep = "";
	for (int k = 0; k < 5; k++)
		if (want & 1 << k) {
			tool_printf("%s%s", sep, field[k]);
			sep = " ";
		}
	tool_printf("\n");
	tool_flush();
	return 0;
}
