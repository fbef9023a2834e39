/* Reading the kernel log ring (klogread.h). */
#include "klogread.h"

uint64_t klog_oldest(uint64_t total, uint64_t size)
{
	return total > size ? total - size : 0;
}

uint64_t klog_sure(uint64_t from, uint64_t to, uint64_t t2, uint64_t size)
{
	if (t2 >= size && from <= t2 - size)
		from = t2 - size + 1;
	return from < to ? from : to;
}

long klog_read(const volatile struct klog_ring *r, uint64_t room, uint8_t *out, size_t max, uint64_t *first)
{
	uint64_t size = r->size;
	*first = 0;
	if (r->magic != KLOG_MAGIC || !size || size > room)
		return -1;
	uint64_t t1 = __atomic_load_n(&r->total, __ATOMIC_ACQUIRE);
	uint64_t from = klog_oldest(t1, size);
	if (t1 - from > max)
		from = t1 - max;
	for (uint64_t i = from; i < t1; i++)
		out[i - from] = r->data[i % size];
	uint64_t t2 = __atomic_load_n(&r->total, __ATOMIC_ACQUIRE);
	uint64_t sure = klog_sure(from, t1, t2, size);
	uint64_t n = t1 - sure;
	for (uint64_t i = 0; i < n; i++)        /* drop the bytes that may be torn */
		out[i] = out[i + (sure - from)];
	*first = sure;
	return (long)n;
}

size_t klog_line_start(const uint8_t *buf, size_t len, uint64_t first)
{
	if (!first)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\n')
			return i + 1;
	return len;
}
