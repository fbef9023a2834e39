/* One port's stream requests (portsrv.h). */
#include "portsrv.h"
#include "crlf.h"
#include "request.h"
#include "serve.h"
#include <proto/stream.h>

size_t port_take(void *ctx, uint8_t *buf, size_t max)
{
	return port_read(ctx, buf, max);
}

bool port_request(struct port_srv *s, struct tern_msg *m)
{
	struct port *p = s->port;
	unsigned err = stream_request_check(m->info, m->mr[0]);
	if (!err && !p->present)
		err = E_DEAD;
	if (err) {
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	uint8_t buf[STREAM_CHUNK], out[2 * STREAM_CHUNK];
	size_t n = m->mr[0];
	switch (MSG_LABEL(m->info)) {
	case STREAM_WRITE: {
		msg_get_bytes(m, 1, buf, n);
		size_t k = crlf_expand(&s->last_cr, buf, n, out);
		if (port_write(p, out, k) < k)
			n = 0;          /* transmitter stuck: nothing is sure to be out */
		serve_answer(&p->readers, port_take, p);  /* bytes may have come in meanwhile */
		break;
	}
	case STREAM_CLOSE:
		n = 0;
		break;
	case STREAM_INFO:
		m->mr[0] = STREAM_KIND_TERMINAL;
		m->mr[1] = stream_name_word(s->name);
		m->info = MSG_INFO(0, 2, 0);
		return true;
	case STREAM_INTR:
		err = intr_request(&s->intr, m);
		p->intr = intr_on(&s->intr);
		if (err) {
			m->info = MSG_INFO(err, 0, 0);
			return true;
		}
		n = 0;
		break;
	case STREAM_POLL:
		port_rx(p);
		n = ring_count(&p->rx) + p->readers.nback;
		break;
	case STREAM_READ:
		return serve_read(&p->readers, m, port_take, p);
	}
	m->mr[0] = n;
	m->info = MSG_INFO(0, 1, 0);
	return true;
}
