/* Byte packing over message registers (see tern/msgbuf.h). */
#include <string.h>
#include <tern/msgbuf.h>

uint64_t msg_mr(const struct tern_msg *m, unsigned i)
{
	return i < MSG_REGS ? m->mr[i] : tern_ipcbuf->mr[i];
}

void msg_set_mr(struct tern_msg *m, unsigned i, uint64_t v)
{
	if (i < MSG_REGS)
		m->mr[i] = v;
	else
		tern_ipcbuf->mr[i] = v;
}

unsigned msg_put_bytes(struct tern_msg *m, unsigned first, const void *buf, size_t n)
{
	const uint8_t *p = buf;
	unsigned i = first;
	while (n && i < MSG_MAX) {
		uint64_t v = 0;
		size_t k = n < 8 ? n : 8;
		memcpy(&v, p, k);
		msg_set_mr(m, i++, v);
		p += k;
		n -= k;
	}
	return i;
}

void msg_get_bytes(const struct tern_msg *m, unsigned first, void *buf, size_t n)
{
	uint8_t *p = buf;
	for (unsigned i = first; n && i < MSG_MAX; i++) {
		uint64_t v = msg_mr(m, i);
		size_t k = n < 8 ? n : 8;
		memcpy(p, &v, k);
		p += k;
		n -= k;
	}
}
