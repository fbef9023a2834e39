/*
 * ustar reader (formats and rules in tar.h). Each header is checked in the
 * order that makes the next check safe: the block is inside the buffer,
 * then it carries the ustar magic, then its checksum matches, then its
 * numbers parse, then its data fits in what is left. An error is sticky,
 * since after a bad header we cannot know where the next one starts.
 */
#include "tar.h"

/* Field offsets in a header block (POSIX.1-1988 ustar). */
enum {
	H_NAME = 0, H_MODE = 100, H_SIZE = 124, H_MTIME = 136, H_CHKSUM = 148,
	H_TYPE = 156, H_LINK = 157, H_MAGIC = 257, H_VERSION = 263, H_PREFIX = 345,
};

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* Octal (blank/NUL padded) or GNU base-256 (first byte 0x80, big-endian). */
static bool parse_number(const uint8_t *f, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i = 0;
	if (f[0] & 0x80) {
		if (f[0] != 0x80)
			return false;   /* negative or reserved */
		for (i = 1; i < n; i++) {
			if (v >> 56)
				return false;
			v = v << 8 | f[i];
		}
		*out = v;
		return true;
	}
	while (i < n && f[i] == ' ')
		i++;
	for (; i < n && f[i] >= '0' && f[i] <= '7'; i++) {
		if (v >> 61)
			return false;
		v = v << 3 | (uint64_t)(f[i] - '0');
	}
	for (; i < n; i++)
		if (f[i] != ' ' && f[i])
			return false;
	*out = v;
	return true;
}

static bool checksum_ok(const uint8_t *h)
{
	uint64_t want;
	uint32_t usum = 0;
	int32_t ssum = 0;
	if (!parse_number(h + H_CHKSUM, 8, &want))
		return false;
	for (size_t i = 0; i < TAR_BLOCK; i++) {
		bool in_field = i >= H_CHKSUM && i < H_CHKSUM + 8;
		usum += in_field ? ' ' : h[i];
		ssum += in_field ? ' ' : (int8_t)h[i];
	}
	return want == usum || (ssum >= 0 && want == (uint64_t)ssum);
}

/*
 * Copy the n-byte path src into dst (TAR_NAME_MAX + 1 bytes), dropping
 * empty and "." components. Returns true if the path is unsafe.
 */
static bool normalize(const char *src, size_t n, char *dst)
{
	bool unsafe = n > 0 && src[0] == '/';
	size_t out = 0, i = 0;
	while (i < n) {
		size_t s = i;
		while (i < n && src[i] != '/')
			i++;
		size_t len = i - s;
		i++;                    /* skip the '/' */
		if (len == 0 || (len == 1 && src[s] == '.'))
			continue;
		if (len == 2 && src[s] == '.' && src[s + 1] == '.')
			unsafe = true;
		if (out && out < TAR_NAME_MAX)
			dst[out++] = '/';
		for (size_t k = 0; k < len && out < TAR_NAME_MAX; k++)
			dst[out++] = src[s + k];
	}
	dst[out] = 0;
	return unsafe;
}

/* Length of a NUL-padded field. */
static size_t field_len(const uint8_t *f, size_t n)
{
	size_t i = 0;
	while (i < n && f[i])
		i++;
	return i;
}

static enum tar_type type_of(char flag)
{
	switch (flag) {
	case '0': case '\0': case '7':
		return TAR_FILE;
	case '1':
		return TAR_HARDLINK;
	case '2':
		return TAR_SYMLINK;
	case '5':
		return TAR_DIR;
	default:
		return TAR_OTHER;
	}
}

static void fill_names(const uint8_t *h, struct tar_entry *e)
{
	char raw[TAR_NAME_MAX + 1];
	size_t n = 0;
	/* Only POSIX ustar has a prefix; GNU keeps other fields there. */
	if (h[H_MAGIC + 5] == 0) {
		size_t pl = field_len(h + H_PREFIX, 155);
		for (size_t i = 0; i < pl; i++)
			raw[n++] = (char)h[H_PREFIX + i];
		if (pl)
			raw[n++] = '/';
	}
	size_t nl = field_len(h + H_NAME, 100);
	for (size_t i = 0; i < nl; i++)
		raw[n++] = (char)h[H_NAME + i];
	e->unsafe = normalize(raw, n, e->name);

	size_t ll = field_len(h + H_LINK, 100);
	for (size_t i = 0; i < ll; i++)
		e->link[i] = (char)h[H_LINK + i];
	e->link[ll] = 0;
}

void tar_iter_init(struct tar_iter *it, const void *buf, size_t len)
{
	it->buf = buf;
	it->len = len;
	it->off = 0;
	it->error = 0;
}

static int stop(struct tar_iter *it, int err)
{
	it->error = err;
	return err;
}

static int end(struct tar_iter *it)
{
	it->off = it->len;
	return 0;
}

int tar_next(struct tar_iter *it, struct tar_entry *e)
{
	if (it->error)
		return it->error;
	size_t left = it->len - it->off;
	if (left == 0)
		return 0;
	const uint8_t *h = it->buf + it->off;
	if (left < TAR_BLOCK)
		return all_zero(h, left) ? end(it) : stop(it, TAR_ETRUNC);
	if (all_zero(h, TAR_BLOCK)) {
		size_t rest = left - TAR_BLOCK;
		if (rest > TAR_BLOCK)
			rest = TAR_BLOCK;
		return all_zero(h + TAR_BLOCK, rest) ? end(it) : stop(it, TAR_EZERO);
	}
	if (h[H_MAGIC] != 'u' || h[H_MAGIC + 1] != 's' || h[H_MAGIC + 2] != 't' ||
	    h[H_MAGIC + 3] != 'a' || h[H_MAGIC + 4] != 'r' ||
	    (h[H_MAGIC + 5] != 0 && h[H_MAGIC + 5] != ' '))
		return stop(it, TAR_EMAGIC);
	if (!checksum_ok(h))
		return stop(it, TAR_ECHECKSUM);
	if (!parse_number(h + H_SIZE, 12, &e->size) || !parse_number(h + H_MODE, 8, &e->mode) ||
	    !parse_number(h + H_MTIME, 12, &e->mtime))
		return stop(it, TAR_ENUMBER);
	left -= TAR_BLOCK;
	if (e->size > left)
		return stop(it, TAR_ETRUNC);
	e->typeflag = (char)h[H_TYPE];
	e->type = type_of(e->typeflag);
	e->data = h + TAR_BLOCK;
	fill_names(h, e);
	/* The last entry's padding may be missing; its data is all there. */
	size_t adv = (size_t)e->size + (TAR_BLOCK - e->size % TAR_BLOCK) % TAR_BLOCK;
	it->off += TAR_BLOCK + (adv < left ? adv : left);
	return 1;
}

int tar_find(const void *buf, size_t len, const char *path, struct tar_entry *e)
{
	char want[TAR_NAME_MAX + 1];
	size_t n = 0;
	while (*path == '/')            /* the caller's own path: "/etc/motd" is fine */
		path++;
	while (path[n]) {
		if (++n > TAR_NAME_MAX)
			return TAR_ENOENT;
	}
	if (normalize(path, n, want))
		return TAR_ENOENT;

	struct tar_iter it;
	int r;
	tar_iter_init(&it, buf, len);
	while ((r = tar_next(&it, e)) > 0) {
		if (e->unsafe)
			continue;
		size_t i = 0;
		while (want[i] && want[i] == e->name[i])
			i++;
		if (want[i] == e->name[i])
			return 0;
	}
	return r ? r : TAR_ENOENT;
}

const char *tar_strerror(int err)
{
	switch (err) {
	case 0: return "ok";
	case TAR_ETRUNC: return "archive truncated";
	case TAR_ECHECKSUM: return "header checksum mismatch";
	case TAR_EMAGIC: return "not a ustar header";
	case TAR_ENUMBER: return "bad numeric field in header";
	case TAR_EZERO: return "zero block inside archive";
	case TAR_ENOENT: return "no such entry";
	default: return "unknown tar error";
	}
}
