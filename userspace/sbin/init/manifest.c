/*
 * Manifest parsing and checking. ini.c does the lexical work; here each
 * key is given its meaning, and once the whole text is read the manifest is
 * checked as a whole (slots against the radix, irq notes, provided
 * endpoints), since sections may come in any order.
 */
#include "manifest.h"
#include "ini.h"

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static size_t str_len(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static void copy(char *dst, size_t size, const char *src, size_t n)
{
	size_t i = 0;
	for (; i + 1 < size && i < n; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

static void fmt_reason(struct man_error *e, const char *a, const char *b, const char *c)
{
	size_t n = 0;
	const char *parts[3] = { a, b, c };
	for (int k = 0; k < 3; k++)
		for (const char *p = parts[k]; p && *p && n + 1 < sizeof(e->reason); p++)
			e->reason[n++] = *p;
	e->reason[n] = '\0';
}

struct ctx {
	struct manifest *m;
	struct man_error *err;
	int named;
};

static int fail(struct ctx *c, unsigned line, const char *a, const char *b, const char *d)
{
	c->err->line = line;
	fmt_reason(c->err, a, b, d);
	return 1;
}

static int num(const char *s, size_t n, uint64_t *out) { return ini_parse_num(s, n, out); }

static int parse_type(const char *s, size_t n)
{
	static const struct {
		const char *name;
		int type;
	} types[] = { { "endpoint", MAN_ENDPOINT }, { "note", MAN_NOTE }, { "ioport", MAN_IOPORT },
		      { "irq", MAN_IRQ }, { "page", MAN_PAGE }, { "mmio", MAN_MMIO } };
	for (unsigned i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (str_len(types[i].name) == n) {
			size_t k = 0;
			while (k < n && types[i].name[k] == s[k])
				k++;
			if (k == n)
				return types[i].type;
		}
	return 0;
}

/* "N:type" -> slot and type. */
static int cap_key(struct ctx *c, const struct ini_item *it, struct man_cap *cap)
{
	const char *k = it->key, *colon = k;
	while (*colon && *colon != ':')
		colon++;
	uint64_t slot;
	if (!*colon || num(k, (size_t)(colon - k), &slot))
		return fail(c, it->line, "capability key '", k, "' is not SLOT:TYPE");
	if (slot >= 4096)
		return fail(c, it->line, "slot out of range in '", k, "'");
	cap->type = (unsigned)parse_type(colon + 1, str_len(colon + 1));
	if (!cap->type)
		return fail(c, it->line, "unknown capability type '", colon + 1, "'");
	cap->slot = (unsigned)slot;
	cap->line = it->line;
	return 0;
}

static int cap_value(struct ctx *c, const struct ini_item *it, struct man_cap *cap)
{
	struct ini_kv_iter kvs;
	struct ini_kv kv;
	int have_min = 0, have_max = 0, have_irq = 0, have_note = 0, r;
	uint64_t size = 0;
	if (cap->type == MAN_PAGE && str_eq(it->value, "initramfs")) {
		cap->initramfs = 1;     /* a bare word, not a k=v list */
		return 0;
	}
	if ((cap->type == MAN_PAGE || cap->type == MAN_NOTE) && str_eq(it->value, "klog")) {
		cap->klog = 1;          /* the kernel log ring (abi/klog.h), or the note it wakes */
		return 0;
	}
	if (cap->type == MAN_NOTE && str_eq(it->value, "hostin")) {
		cap->hostin = 1;        /* the note the host terminal's input wakes */
		return 0;
	}
	if (cap->type == MAN_MMIO && str_eq(it->value, "framebuffer")) {
		cap->framebuffer = 1;   /* the range is the boot framebuffer's */
		return 0;
	}
	ini_kv_init(&kvs, it->value, it->value_len);
	while ((r = ini_kv_next(&kvs, &kv)) == 1) {
		uint64_t v = 0;
		if (cap->type == MAN_IOPORT && (ini_kv_is(&kv, "min") || ini_kv_is(&kv, "max"))) {
			if (ini_parse_hex(kv.val, kv.val_len, &v) || v > 0xFFFF)
				return fail(c, it->line, "port range outside 0..FFFF in '", it->value, "'");
			if (ini_kv_is(&kv, "min"))
				cap->min = v, have_min = 1;
			else
				cap->max = v, have_max = 1;
		} else if (cap->type == MAN_IRQ && ini_kv_is(&kv, "irq")) {
			if (num(kv.val, kv.val_len, &v) || v > 15)
				return fail(c, it->line, "irq must be 0..15 in '", it->value, "'");
			cap->irq = (unsigned)v, have_irq = 1;
		} else if (cap->type == MAN_IRQ && ini_kv_is(&kv, "note")) {
			if (num(kv.val, kv.val_len, &v) || v >= 4096)
				return fail(c, it->line, "bad note slot in '", it->value, "'");
			cap->note = (unsigned)v, have_note = 1;
		} else if (cap->type == MAN_ENDPOINT && ini_kv_is(&kv, "service")) {
			if (!kv.val_len || kv.val_len > MAN_NAME_MAX)
				return fail(c, it->line, "bad service name in '", it->value, "'");
			copy(cap->service, sizeof(cap->service), kv.val, kv.val_len);
		} else if (cap->type == MAN_MMIO && (ini_kv_is(&kv, "base") || ini_kv_is(&kv, "size"))) {
			if (ini_parse_hex(kv.val, kv.val_len, &v) || v >= MAN_MMIO_LIMIT)
				return fail(c, it->line, "mmio base and size must be hex below 2^52 in '",
					    it->value, "'");
			if (v & 0xFFF)
				return fail(c, it->line, "mmio base and size must be page multiples (of 1000) in '",
					    it->value, "'");
			if (ini_kv_is(&kv, "base"))
				cap->min = v, have_min = 1;
			else
				size = v, have_max = 1;
		} else if (cap->type == MAN_PAGE && ini_kv_is(&kv, "pages")) {
			if (num(kv.val, kv.val_len, &v) || v < 1 || v > 240)
				return fail(c, it->line, "pages must be 1..240 in '", it->value, "'");
			cap->pages = v;
		} else {
			return fail(c, it->line, "unknown parameter in '", it->value, "'");
		}
	}
	if (r < 0)
		return fail(c, it->line, kvs.error, " in '", it->value);
	if (cap->type == MAN_IOPORT && !(have_min && have_max))
		return fail(c, it->line, "ioport needs min= and max=", "", "");
	if (cap->type == MAN_IOPORT && cap->min > cap->max)
		return fail(c, it->line, "ioport min is above max", "", "");
	if (cap->type == MAN_IRQ && !(have_irq && have_note))
		return fail(c, it->line, "irq needs irq= and note=", "", "");
	if (cap->type == MAN_MMIO && !(have_min && have_max))
		return fail(c, it->line, "mmio needs framebuffer, or base= and size=", "", "");
	if (cap->type == MAN_MMIO && !size)
		return fail(c, it->line, "mmio size must not be 0", "", "");
	if (cap->type == MAN_MMIO && size > MAN_MMIO_LIMIT - cap->min)
		return fail(c, it->line, "mmio range runs past 2^52 in '", it->value, "'");
	if (cap->type == MAN_MMIO)
		cap->max = cap->min + size - 1;
	if (cap->type == MAN_PAGE && !cap->initramfs && !cap->klog && !cap->pages)
		return fail(c, it->line, "page needs initramfs, klog or pages=N", "", "");
	return 0;
}

static int on_item(void *p, const struct ini_item *it, const char **reason)
{
	struct ctx *c = p;
	struct manifest *m = c->m;
	uint64_t v;
	(void)reason;
	if (str_eq(it->section, "driver") || str_eq(it->section, "program")) {
		m->driver = str_eq(it->section, "driver");
		if (str_eq(it->key, "name")) {
			if (!it->value_len || it->value_len > MAN_NAME_MAX)
				return fail(c, it->line, "name must be 1..31 characters", "", "");
			copy(m->name, sizeof(m->name), it->value, it->value_len);
			c->named = 1;
		} else if (str_eq(it->key, "desc")) {
			copy(m->desc, sizeof(m->desc), it->value, it->value_len);
		} else if (str_eq(it->key, "restarts")) {
			if (num(it->value, it->value_len, &v) || v > 100)
				return fail(c, it->line, "restarts must be 0..100", "", "");
			m->restarts = (unsigned)v;
		} else if (str_eq(it->key, "log")) {
			if (str_eq(it->value, "tagged"))
				m->log = MAN_LOG_TAGGED;
			else if (str_eq(it->value, "raw"))
				m->log = MAN_LOG_RAW;
			else if (str_eq(it->value, "no"))
				m->log = MAN_LOG_NONE;
			else
				return fail(c, it->line, "log must be tagged, raw or no", "", "");
		} else {
			return fail(c, it->line, "unknown key '", it->key, "'");
		}
	} else if (str_eq(it->section, "init")) {
		int *flag = str_eq(it->key, "control") ? &m->control : str_eq(it->key, "power") ? &m->power : 0;
		if (!flag)
			return fail(c, it->line, "unknown key '", it->key, "'");
		if (str_eq(it->value, "yes"))
			*flag = 1;
		else if (str_eq(it->value, "no"))
			*flag = 0;
		else
			return fail(c, it->line, it->key, " must be yes or no", "");
	} else if (str_eq(it->section, "cspace")) {
		if (!str_eq(it->key, "radix"))
			return fail(c, it->line, "unknown key '", it->key, "'");
		if (num(it->value, it->value_len, &v) || v < MAN_MIN_RADIX || v > MAN_MAX_RADIX)
			return fail(c, it->line, "radix must be 6..12", "", "");
		m->radix = (unsigned)v;
	} else if (str_eq(it->section, "memory")) {
		if (!str_eq(it->key, "pages"))
			return fail(c, it->line, "unknown key '", it->key, "'");
		if (num(it->value, it->value_len, &v) || v > 65536)
			return fail(c, it->line, "pages must be 0..65536", "", "");
		m->pages = v;
	} else if (str_eq(it->section, "provides")) {
		if (m->nprovides == MAN_MAX_PROV)
			return fail(c, it->line, "too many provided services", "", "");
		if (str_len(it->key) > MAN_NAME_MAX || num(it->value, it->value_len, &v) || v >= 4096)
			return fail(c, it->line, "provides needs NAME=SLOT", "", "");
		struct man_provide *pv = &m->provides[m->nprovides++];
		copy(pv->name, sizeof(pv->name), it->key, str_len(it->key));
		pv->slot = (unsigned)v;
		pv->line = it->line;
	} else if (str_eq(it->section, "capabilities")) {
		if (m->ncaps == MAN_MAX_CAPS)
			return fail(c, it->line, "too many capabilities", "", "");
		struct man_cap *cap = &m->caps[m->ncaps];
		*cap = (struct man_cap){ 0 };
		if (cap_key(c, it, cap) || cap_value(c, it, cap))
			return 1;
		for (int i = 0; i < m->ncaps; i++)
			if (m->caps[i].slot == cap->slot)
				return fail(c, it->line, "duplicate slot '", it->key, "'");
		m->ncaps++;
	} else {
		return fail(c, it->line, "unknown section [", it->section, "]");
	}
	return 0;
}

const struct man_cap *manifest_cap(const struct manifest *m, unsigned slot)
{
	for (int i = 0; i < m->ncaps; i++)
		if (m->caps[i].slot == slot)
			return &m->caps[i];
	return 0;
}

/* Whole-manifest rules, once every section is known. */
static int check(struct ctx *c)
{
	struct manifest *m = c->m;
	if (!c->named)
		return fail(c, 1, "missing [driver] or [program] name=", "", "");
	uint64_t slots = ((uint64_t)1 << m->radix) - MAN_CAP_BASE;
	for (int i = 0; i < m->ncaps; i++) {
		const struct man_cap *cap = &m->caps[i];
		if (cap->slot >= slots)
			return fail(c, cap->line, "slot outside the cspace radix", "", "");
		if (cap->type == MAN_IRQ) {
			const struct man_cap *n = manifest_cap(m, cap->note);
			if (!n || n->type != MAN_NOTE)
				return fail(c, cap->line, "irq's note= does not name a note slot", "", "");
		}
	}
	for (int i = 0; i < m->nprovides; i++) {
		const struct man_cap *cap = manifest_cap(m, m->provides[i].slot);
		if (!cap || cap->type != MAN_ENDPOINT || cap->service[0])
			return fail(c, m->provides[i].line, "provided service '", m->provides[i].name,
				    "' is not one of its own endpoints");
	}
	return 0;
}

int manifest_parse(const char *text, size_t len, struct manifest *m, struct man_error *err)
{
	*m = (struct manifest){ 0 };
	m->radix = 8;
	m->pages = 32;
	m->restarts = 5;
	*err = (struct man_error){ 0 };
	struct ctx c = { m, err, 0 };
	struct ini_error ie;
	int r = ini_parse(text, len, on_item, &c, &ie);
	if (r == INI_ESYNTAX) {
		err->line = ie.line;
		fmt_reason(err, ie.reason, "", "");
		return -1;
	}
	if (r || check(&c))
		return -1;
	return 0;
}

int manifest_platform_check(const struct manifest *m, const char *platform, struct man_error *err)
{
	*err = (struct man_error){ 0 };
	if (!str_eq(platform, "linux"))
		return 0;
	for (int i = 0; i < m->ncaps; i++) {
		const struct man_cap *cap = &m->caps[i];
		const char *what = cap->type == MAN_IOPORT ? "ioport" : cap->type == MAN_IRQ ? "irq" : 0;
		if (what) {
			err->line = cap->line;
			fmt_reason(err, what, ": not available on PLATFORM=", platform);
			return -1;
		}
	}
	return 0;
}
