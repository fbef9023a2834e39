/* Client side of the init protocol (proto/init.h). Each returns >= 0 or
 * -(E_* or INIT_E*). */
#include <proto/init.h>
#include <string.h>

static long init_call(uint64_t ep, struct tern_msg *m, uint64_t label, unsigned len)
{
	m->info = MSG_INFO(label, len, 0);
	int err = tern_call(ep, m);
	if (err)
		return -err;
	return MSG_LABEL(m->info) ? -(long)MSG_LABEL(m->info) : 0;
}

long init_spawn(uint64_t ep, const char *const *argv, int argc)
{
	return init_spawn_io(ep, argv, argc, 0, 0);
}

/* The words, each with its NUL, then the cwd's bytes right after them
 * (MR0 = args len | cwd len << 32); the streams as the message's caps. */
long init_spawn_io(uint64_t ep, const char *const *argv, int argc, const char *cwd, const uint64_t io[3])
{
	char bytes[MSGBUF_MAX];
	size_t n = 0, ncwd = cwd ? strlen(cwd) : 0;
	for (int i = 0; i < argc; i++) {
		size_t k = strlen(argv[i]) + 1;
		if (n + k > sizeof(bytes))
			return -E_BAD_ARG;
		memcpy(bytes + n, argv[i], k);
		n += k;
	}
	if (!n || n + ncwd > sizeof(bytes))
		return -E_BAD_ARG;
	memcpy(bytes + n, cwd, ncwd);
	unsigned ncaps = 0;
	while (io && ncaps < 3 && io[ncaps]) {
		tern_ipcbuf->caps[ncaps] = io[ncaps];
		ncaps++;
	}
	struct tern_msg m = { 0 };
	m.mr[0] = n | (uint64_t)ncwd << 32;
	unsigned len = msg_put_bytes(&m, 1, bytes, n + ncwd);
	m.info = MSG_INFO(INIT_SPAWN, len, ncaps);
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	return MSG_LABEL(m.info) ? -(long)MSG_LABEL(m.info) : (long)m.mr[0];
}

long init_watch(uint64_t ep, uint64_t id, uint64_t note)
{
	struct tern_msg m = { .mr = { id } };
	tern_ipcbuf->caps[0] = note;
	m.info = MSG_INFO(INIT_WATCH, 1, 1);
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	return MSG_LABEL(m.info) ? -(long)MSG_LABEL(m.info) : 0;
}

long init_wait(uint64_t ep, uint64_t id, uint64_t *status)
{
	struct tern_msg m = { .mr = { id } };
	long r = init_call(ep, &m, INIT_WAIT, 1);
	if (r == 0 && status)
		*status = m.mr[0];
	return r;
}

long init_kill(uint64_t ep, uint64_t id)
{
	struct tern_msg m = { .mr = { id } };
	return init_call(ep, &m, INIT_KILL, 1);
}

long init_find(uint64_t ep, const char *name)
{
	for (uint64_t i = 0; i < 256; i++) {
		struct tern_msg m = { .mr = { i } };
		if (init_call(ep, &m, INIT_PS, 1))
			return 0;       /* past the last program */
		char got[33] = { 0 };
		msg_get_bytes(&m, 4, got, 32);
		if (m.mr[1] == INIT_RUNNING && !strcmp(got, name))
			return (long)m.mr[0];
	}
	return 0;
}
