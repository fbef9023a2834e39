/*
 * sleep: wait for the time given (the sum of the arguments): a number of
 * seconds, with a fraction ("0.25") and a unit suffix s, m, h or d as GNU
 * sleep takes them. ^C ends it through the shell, as any program.
 */
#include <tern/sys.h>
#include <tern/tool.h>

#define USAGE "SECONDS[s|m|h|d]...\n" \
	"  Wait for the sum of the times given, e.g. 1, 0.5, 2m."
#define NS 1000000000ull

/* One argument in nanoseconds: 0, or -1 if it is no time. */
static int parse_time(const char *s, uint64_t *ns)
{
	uint64_t whole = 0, frac = 0, scale = NS;
	int digits = 0;
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (whole > (~0ull / NS - 9) / 10)
			return -1;
		whole = whole * 10 + (uint64_t)(*s - '0');
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
			if (scale > 1) {
				scale /= 10;
				frac += (uint64_t)(*s - '0') * scale;
			}
		}
	}
	if (!digits)
		return -1;
	uint64_t unit = 1;
	switch (*s) {
	case 'd': unit = 86400; s++; break;
	case 'h': unit = 3600; s++; break;
	case 'm': unit = 60; s++; break;
	case 's': s++; break;
	}
	if (*s)
		return -1;
	uint64_t t = whole * NS + frac;
	if (t > ~0ull / unit)
		return -1;
	*ns = t * unit;
	return 0;
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	uint64_t total = 0;
	int c;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "h")) != -1)
		return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	if (o.ind == argc)
		return tool_usage(USAGE);
	for (int i = o.ind; i < argc; i++) {
		uint64_t ns;
		if (parse_time(argv[i], &ns) || ns > ~0ull - total) {
			tool_error("%s: not a time", argv[i]);
			return 2;
		}
		total += ns;
	}
	if (total)
		tern_sleep_ns(total);
	return 0;
}
