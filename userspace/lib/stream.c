/* Client side of the byte-stream protocol (proto/stream.h). A call that
 * carries a cap (stream_intr) needs RIGHT_GRANT on ep. */
#include <proto/stream.h>

long stream_write(uint64_t ep, const void *buf, size_t n)
{
	const uint8_t *p = buf;
	size_t done = 0;
	while (done < n) {
		size_t k = n - done < STREAM_CHUNK ? n - done : STREAM_CHUNK;
		struct tern_msg m = { 0 };
		m.mr[0] = k;
		unsigned len = msg_put_bytes(&m, 1, p + done, k);
		m.info = MSG_INFO(STREAM_WRITE, len, 0);
		int err = tern_call(ep, &m);
		if (err)
			return -err;
		if (MSG_LABEL(m.info))
			return -(long)MSG_LABEL(m.info);
		done += k;
	}
	return (long)done;
}

long stream_read(uint64_t ep, void *buf, size_t max)
{
	struct tern_msg m = { 0 };
	m.mr[0] = max < STREAM_CHUNK ? max : STREAM_CHUNK;
	m.info = MSG_INFO(STREAM_READ, 1, 0);
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	if (MSG_LABEL(m.info))
		return -(long)MSG_LABEL(m.info);
	size_t n = m.mr[0] < max ? m.mr[0] : max;
	msg_get_bytes(&m, 1, buf, n);
	return (long)n;
}

long stream_poll(uint64_t ep)
{
	struct tern_msg m = { .info = MSG_INFO(STREAM_POLL, 0, 0) };
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	return MSG_LABEL(m.info) ? -(long)MSG_LABEL(m.info) : (long)m.mr[0];
}

/* A request with no data: the reply's MR0, or -(label). */
static long stream_simple(uint64_t ep, unsigned label, unsigned len, uint64_t mr0)
{
	struct tern_msg m = { .info = MSG_INFO(label, len, 0), .mr = { mr0 } };
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	return MSG_LABEL(m.info) ? -(long)MSG_LABEL(m.info) : (long)m.mr[0];
}

long stream_close(uint64_t ep)
{
	long r = stream_simple(ep, STREAM_CLOSE, 0, 0);
	return r < 0 ? r : 0;
}

long stream_dup(uint64_t ep, uint64_t slot)
{
	struct tern_msg m = { .info = MSG_INFO(STREAM_DUP, 0, 0) };
	tern_ipcbuf->recv_slots[0] = slot;
	int err = tern_call(ep, &m);
	tern_ipcbuf->recv_slots[0] = 0;         /* take no caps by surprise later */
	unsigned got = err ? 0 : MSG_NCAPS(m.info);
	long r = err ? -(long)err : -(long)MSG_LABEL(m.info);
	if (!r && got)
		return 0;
	if (got)
		tern_cap_delete(slot, 0);
	return r ? r : -E_BAD_ARG;
}

long stream_info(uint64_t ep)
{
	return stream_simple(ep, STREAM_INFO, 0, 0);
}

long stream_intr(uint64_t ep, uint64_t note)
{
	struct tern_msg m = { .info = MSG_INFO(STREAM_INTR, 1, note ? 1 : 0), .mr = { note != 0 } };
	if (note)
		tern_ipcbuf->caps[0] = note;
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	return MSG_LABEL(m.info) ? -(long)MSG_LABEL(m.info) : 0;
}

long stream_intr_input(uint64_t ep)
{
	long r = stream_simple(ep, STREAM_INTR, 1, 2);
	return r < 0 ? r : 0;
}

long stream_write_text(uint64_t ep, const char *s, size_t n)
{
	return stream_write(ep, s, n);
}

long stream_terminal_name(uint64_t ep, char name[9])
{
	struct tern_msg m = { .info = MSG_INFO(STREAM_INFO, 0, 0) };
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	if (MSG_LABEL(m.info))
		return -(long)MSG_LABEL(m.info);
	if (m.mr[0] != STREAM_KIND_TERMINAL || MSG_LEN(m.info) < 2)
		return -E_BAD_ARG;
	for (unsigned i = 0; i < 8; i++)
		name[i] = (char)(m.mr[1] >> (8 * i));
	name[8] = '\0';
	return 0;
}
