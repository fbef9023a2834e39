/* Client side of the byte-stream protocol (proto/stream.h). */
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

long stream_write_text(uint64_t ep, const char *s, size_t n)
{
	char buf[STREAM_CHUNK];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k + 2 > sizeof(buf)) {
			if (stream_write(ep, buf, k) < 0)
				return -1;
			k = 0;
		}
		if (s[i] == '\n')
			buf[k++] = '\r';
		buf[k++] = s[i];
	}
	if (k && stream_write(ep, buf, k) < 0)
		return -1;
	return (long)n;
}

/* A request with MR0 only and no bytes back: MR0 of the reply, or -E_*. */
static long stream_simple(uint64_t ep, unsigned label, uint64_t mr0, unsigned ncaps)
{
	struct tern_msg m = { .info = MSG_INFO(label, 1, ncaps), .mr = { mr0 } };
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	return MSG_LABEL(m.info) ? -(long)MSG_LABEL(m.info) : (long)m.mr[0];
}

long stream_close(uint64_t ep)
{
	return stream_simple(ep, STREAM_CLOSE, 0, 0);
}

long stream_info(uint64_t ep)
{
	return stream_simple(ep, STREAM_INFO, 0, 0);
}

long stream_intr(uint64_t ep, uint64_t note)
{
	if (note)
		tern_ipcbuf->caps[0] = note;
	return stream_simple(ep, STREAM_INTR, note != 0, note != 0);
}
