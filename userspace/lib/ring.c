/*
 * Byte ring buffer (see ring.h). Indices are masked only when touching the
 * storage; the counters themselves run free, which keeps full/empty exact.
 */
#include "ring.h"

static size_t load(const size_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static void publish(size_t *p, size_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELEASE);
}

int ring_init(struct ring *r, void *storage, size_t size)
{
	if (size == 0 || (size & (size - 1)))
		return -1;
	r->buf = storage;
	r->size = size;
	r->head = 0;
	r->tail = 0;
	return 0;
}

size_t ring_count(const struct ring *r)
{
	return load(&r->head) - load(&r->tail);
}

size_t ring_free(const struct ring *r)
{
	return r->size - ring_count(r);
}

size_t ring_write(struct ring *r, const void *src, size_t n)
{
	const uint8_t *s = src;
	size_t head = r->head, room = r->size - (head - load(&r->tail));
	if (n > room)
		n = room;
	for (size_t i = 0; i < n; i++)
		r->buf[(head + i) & (r->size - 1)] = s[i];
	publish(&r->head, head + n);
	return n;
}

size_t ring_read(struct ring *r, void *dst, size_t n)
{
	uint8_t *d = dst;
	size_t tail = r->tail, avail = load(&r->head) - tail;
	if (n > avail)
		n = avail;
	for (size_t i = 0; i < n; i++)
		d[i] = r->buf[(tail + i) & (r->size - 1)];
	publish(&r->tail, tail + n);
	return n;
}

bool ring_put(struct ring *r, uint8_t c)
{
	return ring_write(r, &c, 1) == 1;
}

bool ring_get(struct ring *r, uint8_t *c)
{
	return ring_read(r, c, 1) == 1;
}
