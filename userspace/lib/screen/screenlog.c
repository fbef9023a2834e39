/* The kernel log on the screen terminal (see screenlog.h). */
#include "screenlog.h"
#include <format.h>

static uint64_t load_total(const volatile struct klog_ring *r)
{
	return __atomic_load_n(&r->total, __ATOMIC_ACQUIRE);
}

bool screenlog_start(struct screenlog *s, const volatile struct klog_ring *r, uint64_t room)
{
	*s = (struct screenlog){ 0 };
	if (r->magic != KLOG_MAGIC || !r->size || r->size > room || !(r->flags & KLOG_ON_SCREEN))
		return false;
	uint64_t total = load_total(r), from = total;
	if (r->flags & KLOG_SCREEN_LENT) {
		from = r->screen_from > r->woken ? r->screen_from : r->woken;
		if (from > total)
			from = total;
	}
	s->on = true;
	s->at = s->seen = from;
	return true;
}

bool screenlog_pending(const struct screenlog *s, const volatile struct klog_ring *r)
{
	return s->on && load_total(r) != s->seen;
}

static char safe(uint8_t c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' ? (char)c : '?';
}

size_t screenlog_take(struct screenlog *s, const volatile struct klog_ring *r, char *out)
{
	uint8_t raw[SCREENLOG_CHUNK];
	uint64_t size = r->size, t1 = load_total(r);
	if (!s->on)
		return 0;
	if (s->at > t1)
		s->at = t1;             /* never past the end */
	uint64_t oldest = t1 > size ? t1 - size : 0;
	if (s->at < oldest) {
		s->lost += oldest - s->at, s->skipping = true;
		s->at = oldest;
	}
	uint64_t end = t1 - s->at > SCREENLOG_CHUNK ? s->at + SCREENLOG_CHUNK : t1;
	for (uint64_t i = s->at; i < end; i++)
		raw[i - s->at] = r->data[i % size];
	/* The kernel may have written meanwhile: the bytes numbered below
	 * t2 - size + 1 may be new ones, not the ones we wanted. */
	uint64_t t2 = load_total(r), sure = t2 >= size ? t2 - size + 1 : 0;
	size_t p = 0, len = (size_t)(end - s->at);
	if (s->at < sure) {
		p = sure >= end ? len : (size_t)(sure - s->at);
		s->lost += p, s->skipping = true;
	}
	if (s->skipping) {      /* a cut line is not shown: go on at the next one */
		while (p < len && raw[p] != '\n')
			p++, s->lost++;
		if (p == len) {
			s->at = s->seen = end;
			return 0;
		}
		p++, s->lost++;         /* the cut line's end */
		s->skipping = false;
	}
	size_t n = 0;
	if (s->lost) {
		n = (size_t)fmt_snprintf(out, SCREENLOG_OUT, "... %lu bytes of the log lost\n", (unsigned long)s->lost);
		s->lost = 0;
	}
	size_t whole = len;     /* up to the last line's end */
	while (whole > p && raw[whole - 1] != '\n')
		whole--;
	bool cut = false;
	if (whole == p && len - p >= SCREENLOG_LINE)
		whole = len, cut = true;        /* too long to wait for its end */
	for (size_t i = p; i < whole; i++)
		if (raw[i] != '\r')    /* a line's end is "\n" here; "\r" would overwrite it */
			out[n++] = safe(raw[i]);
	if (cut)
		out[n++] = '\n';
	s->at += whole;
	/* Read to the end: what is left is an unended line (shorter than
	 * SCREENLOG_LINE, else it was cut), shown when the log grows. */
	s->seen = end == t1 ? t1 : s->at;
	return n;
}

void screenlog_show(struct vgatext *vt, const char *text, size_t n)
{
	if (!n)
		return;
	struct vgatext was = *vt;
	int cols = vt->cols, x = vt->x;
	bool lift = x > 0 && cols <= SCREENLOG_MAX_COLS;
	uint16_t line[SCREENLOG_MAX_COLS];
	vt->esc = vt->utf8 = 0;         /* the log is text, whatever the terminal was in */
	vt->attr = VGATEXT_ATTR;
	if (lift) {
		volatile uint16_t *row = vt->cells + vt->y * cols;
		for (int i = 0; i < cols; i++) {
			line[i] = row[i];
			row[i] = VGATEXT_ATTR << 8 | ' ';
		}
		vt->x = 0;
	} else if (x > 0) {
		vgatext_putc(vt, '\n');
	}
	for (size_t i = 0; i < n; i++)
		vgatext_putc(vt, text[i]);
	if (lift) {             /* the text ended its last line: the cursor's row is fresh */
		volatile uint16_t *row = vt->cells + vt->y * cols;
		for (int i = 0; i < cols; i++)
			row[i] = line[i];
		vt->x = x;
	}
	vt->esc = was.esc, vt->nparam = was.nparam, vt->priv = was.priv, vt->utf8 = was.utf8;
	for (int i = 0; i < 4; i++)
		vt->param[i] = was.param[i];
	vt->attr = was.attr;
}
