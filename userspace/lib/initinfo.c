/* Client stubs for init's questions about the system and for power
 * (proto/init.h), and init's error names; used by the /bin system tools. */
#include <proto/init.h>
#include <string.h>

static long init_ask(uint64_t ep, struct tern_msg *m, uint64_t label, unsigned len)
{
	m->info = MSG_INFO(label, len, 0);
	int err = tern_call(ep, m);
	if (err)
		return -err;
	return MSG_LABEL(m->info) ? -(long)MSG_LABEL(m->info) : 0;
}

long init_ps(uint64_t ep, uint64_t index, struct init_ps_entry *e)
{
	struct tern_msg m = { .mr = { index } };
	long r = init_ask(ep, &m, INIT_PS, 1);
	if (r)
		return r;
	e->id = m.mr[0];
	e->state = m.mr[1];
	e->restarts = m.mr[2];
	e->task = m.mr[3];
	msg_get_bytes(&m, 4, e->name, 32);
	e->name[32] = '\0';
	return 0;
}

long init_mem(uint64_t ep, uint64_t *free_bytes, uint64_t *total_bytes, uint64_t *tasks)
{
	struct tern_msg m = { 0 };
	long r = init_ask(ep, &m, INIT_MEM, 0);
	if (r)
		return r;
	*free_bytes = m.mr[0];
	*total_bytes = m.mr[1];
	*tasks = m.mr[2];
	return 0;
}

long init_manifest(uint64_t ep, uint64_t id, uint64_t off, char *buf, size_t max)
{
	struct tern_msg m = { .mr = { id, off } };
	long r = init_ask(ep, &m, INIT_MANIFEST, 2);
	if (r)
		return r;
	size_t n = m.mr[0] < max ? m.mr[0] : max;
	msg_get_bytes(&m, 1, buf, n);
	return (long)n;
}

long init_power(uint64_t ep, int method)
{
	struct tern_msg m = { 0 };
	return init_ask(ep, &m, (uint64_t)method, 0);
}

const char *init_strerror(long err)
{
	switch (err) {
	case INIT_ENOENT: return "no such program file";
	case INIT_ENOEXEC: return "not a program (bad ELF file or manifest)";
	case INIT_ESRCH: return "no such program";
	case INIT_ENOMEM: return "out of memory";
	default: return tern_strerror((uint64_t)err);
	}
}
