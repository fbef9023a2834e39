/* Groups of adjacent equal lines (uniqlines.h). */
#include "uniqlines.h"
#include <string.h>

void uniq_init(struct uniq *u, int flags, uniq_emit_fn emit, void *ctx)
{
	u->flags = flags;
	u->count = 0;
	u->len = 0;
	u->emit = emit;
	u->ctx = ctx;
}

static void flush(struct uniq *u)
{
	if (!u->count)
		return;
	int want = u->count > 1 ? !(u->flags & UNIQ_SINGLE) : !(u->flags & UNIQ_REPEATED);
	if (want)
		u->emit(u->ctx, u->prev, u->len, u->count);
	u->count = 0;
}

void uniq_line(struct uniq *u, const char *line, size_t len)
{
	if (len > UNIQ_LINE_MAX)
		len = UNIQ_LINE_MAX;
	if (u->count && len == u->len && !memcmp(line, u->prev, len)) {
		u->count++;
		return;
	}
	flush(u);
	memcpy(u->prev, line, len);
	u->len = len;
	u->count = 1;
}

void uniq_end(struct uniq *u)
{
	flush(u);
}
