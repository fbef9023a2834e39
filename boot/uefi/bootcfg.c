/*
 * Boot requests from a syslinux config or from arguments (bootcfg.h).
 * Only what tern's images use, and a clear message for anything else:
 * syslinux keywords are case-insensitive; DEFAULT names a LABEL (without
 * one, the first LABEL boots); that label must run mboot.c32, whose APPEND
 * is "KERNEL [ARGS] --- MODULE [ARGS] --- MODULE ...".
 */
#include <bootcfg.h>
#include <format.h>
#include <string.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive: does the n bytes at s equal the NUL-terminated word w? */
static int word_is(const char *s, size_t n, const char *w)
{
	size_t i = 0;
	for (; i < n && w[i]; i++)
		if (lower(s[i]) != lower(w[i]))
			return 0;
	return i == n && !w[i];
}

/* Copy n bytes, trimmed of blanks, as a string; 0 if it did not fit. */
static int copy_trim(char *dst, size_t size, const char *s, size_t n)
{
	while (n && is_blank(*s))
		s++, n--;
	while (n && is_blank(s[n - 1]))
		n--;
	if (n >= size)
		return 0;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 1;
}

/* The word at *p (skipping blanks first), advancing *p past it. */
static size_t next_word(const char **p, const char *end, const char **w)
{
	const char *s = *p;
	while (s < end && is_blank(*s))
		s++;
	*w = s;
	while (s < end && !is_blank(*s))
		s++;
	*p = s;
	return (size_t)(s - *w);
}

/*
 * From p, find the next "---" word: *stop is where the part before it
 * ends, and the return value where the next part starts (end if none).
 */
static const char *part_end(const char *p, const char *end, const char **stop)
{
	const char *w;
	size_t wn;
	while ((wn = next_word(&p, end, &w)))
		if (word_is(w, wn, "---")) {
			*stop = w;
			return p;
		}
	*stop = end;
	return end;
}

/* Parse mboot.c32's APPEND syntax, the n bytes at s. */
static int parse_append(struct boot_request *r, const char *s, size_t n, char *err, size_t errsz)
{
	const char *end = s + n, *p = s, *w, *stop;
	size_t wn = next_word(&p, end, &w);
	if (!wn || word_is(w, wn, "---")) {
		fmt_snprintf(err, errsz, "no kernel named (want \"tern.elf [ARGS] --- initramfs.tar\")");
		return -1;
	}
	if (!copy_trim(r->kernel, sizeof(r->kernel), w, wn)) {
		fmt_snprintf(err, errsz, "kernel file name too long");
		return -1;
	}
	p = part_end(s, end, &stop);
	if (!copy_trim(r->cmdline, sizeof(r->cmdline), s, (size_t)(stop - s))) {
		fmt_snprintf(err, errsz, "kernel arguments longer than %d bytes", HANDOFF_CMDLINE_MAX - 1);
		return -1;
	}
	r->nmods = 0;
	while (p < end) {
		const char *start = p;
		p = part_end(p, end, &stop);
		char tmp[HANDOFF_MODNAME_MAX];
		if (!copy_trim(tmp, sizeof(tmp), start, (size_t)(stop - start))) {
			fmt_snprintf(err, errsz, "module %d: name and arguments longer than %d bytes",
				     r->nmods, HANDOFF_MODNAME_MAX - 1);
			return -1;
		}
		if (!tmp[0])
			continue;
		if (r->nmods == HANDOFF_MODULES_MAX) {
			fmt_snprintf(err, errsz, "more than %d modules", HANDOFF_MODULES_MAX);
			return -1;
		}
		strcpy(r->mods[r->nmods++], tmp);
	}
	return 0;
}

int bootcfg_from_args(struct boot_request *r, const char *args, char *err, size_t errsz)
{
	memset(r, 0, sizeof(*r));
	const char *end = args + strlen(args), *p = args, *w;
	size_t wn = next_word(&p, end, &w);
	if (wn > 4 && word_is(w + wn - 4, 4, ".efi"))
		args = p;
	else
		p = args;
	if (!next_word(&p, end, &w))
		return 0;
	return parse_append(r, args, (size_t)(end - args), err, errsz) ? -1 : 1;
}

struct line {
	const char *key, *val;
	size_t keyn, valn;
	int number;
};

/* The next non-empty, non-comment line from *p; 0 at the end. */
static int next_line(const char **p, const char *end, struct line *l)
{
	while (*p < end) {
		const char *s = *p, *e = s;
		while (e < end && *e != '\n')
			e++;
		*p = e < end ? e + 1 : e;
		l->number++;
		const char *q = s;
		l->keyn = next_word(&q, e, &l->key);
		if (!l->keyn || l->key[0] == '#')
			continue;
		l->val = q;
		l->valn = (size_t)(e - q);
		return 1;
	}
	return 0;
}

/* Trimmed value of a line, as (pointer, length). */
static void trimmed(const struct line *l, const char **s, size_t *n)
{
	const char *b = l->val, *e = l->val + l->valn;
	while (b < e && is_blank(*b))
		b++;
	while (e > b && is_blank(e[-1]))
		e--;
	*s = b;
	*n = (size_t)(e - b);
}

static int is_mboot(const char *s, size_t n)
{
	/* Any path: the base name decides. */
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == '/' || s[i - 1] == '\\') {
			s += i;
			n -= i;
			break;
		}
	return word_is(s, n, "mboot.c32");
}

int bootcfg_from_file(struct boot_request *r, const char *text, size_t len,
		      char *err, size_t errsz)
{
	memset(r, 0, sizeof(*r));
	const char *end = text + len, *p = text, *want = 0;
	size_t wantn = 0;
	struct line l = { 0 };
	while (next_line(&p, end, &l))
		if (word_is(l.key, l.keyn, "default"))
			trimmed(&l, &want, &wantn);

	/* Find the label; remember its KERNEL and APPEND lines. */
	const char *kern = 0, *app = 0;
	size_t kernn = 0, appn = 0;
	int in_label = 0, found = 0, label_line = 0;
	p = text;
	l.number = 0;
	while (next_line(&p, end, &l)) {
		const char *v;
		size_t vn;
		trimmed(&l, &v, &vn);
		if (word_is(l.key, l.keyn, "label")) {
			if (found)
				break;
			in_label = !want || (vn == wantn && !memcmp(v, want, vn));
			if (in_label) {
				found = 1;
				label_line = l.number;
				if (!copy_trim(r->label, sizeof(r->label), v, vn)) {
					fmt_snprintf(err, errsz, "line %d: label name too long", l.number);
					return -1;
				}
			}
		} else if (in_label && (word_is(l.key, l.keyn, "kernel") ||
					word_is(l.key, l.keyn, "com32") ||
					word_is(l.key, l.keyn, "linux"))) {
			kern = v, kernn = vn;
		} else if (in_label && word_is(l.key, l.keyn, "append")) {
			app = v, appn = vn;
		}
	}
	if (!found) {
		if (want)
			fmt_snprintf(err, errsz, "DEFAULT %.*s names no LABEL", (int)wantn, want);
		else
			fmt_snprintf(err, errsz, "no LABEL to boot");
		return -1;
	}
	if (!kern || !is_mboot(kern, kernn)) {
		fmt_snprintf(err, errsz, "label %s (line %d): KERNEL is %s; the UEFI loader boots only "
			     "mboot.c32 (multiboot) entries", r->label, label_line,
			     kern ? "not mboot.c32" : "missing");
		return -1;
	}
	if (!app) {
		fmt_snprintf(err, errsz, "label %s (line %d): no APPEND line naming the kernel",
			     r->label, label_line);
		return -1;
	}
	char label[BOOTCFG_NAME_MAX];
	strcpy(label, r->label);
	if (parse_append(r, app, appn, err, errsz))
		return -1;
	strcpy(r->label, label);
	return 0;
}

void bootcfg_module_file(const struct boot_request *r, int i, char *out, size_t size)
{
	const char *s = r->mods[i], *end = s + strlen(s), *w;
	size_t n = next_word(&s, end, &w);
	if (!copy_trim(out, size, w, n))
		out[0] = '\0';
}
