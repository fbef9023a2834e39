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
	char args[MSGBUF_MAX - 8];
	size_t n = 0;
	for (int i = 0; i < argc; i++) {
		size_t k = strlen(argv[i]) + 1;
		if (n + k > sizeof(args))
			return -E_BAD_ARG;
		memcpy(args + n, argv[i], k);
		n += k;
	}
	if (!n)
		return -E_BAD_ARG;
	struct tern_msg m = { 0 };
	m.mr[0] = n - 1;        /* without the last NUL, as init reads it */
	unsigned len = msg_put_bytes(&m, 1, args, n);
	long r = init_call(ep, &m, INIT_SPAWN, len);
	return r < 0 ? r : (long)m.mr[0];
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
