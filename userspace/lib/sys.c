/* System call wrappers (see tern/sys.h). */
#include <tern/sys.h>

struct tern_ipcbuf *tern_ipcbuf;

uint64_t tern_debug_slot = ROOT_DEBUG;

int tern_debug_write(const void *buf, size_t len)
{
	return (int)tern_sys(SYS_DEBUG_WRITE, tern_debug_slot, (uint64_t)buf, len, 0, 0, 0).err;
}

void tern_yield(void) { tern_sys(SYS_YIELD, 0, 0, 0, 0, 0, 0); }

uint64_t tern_uptime_ns(void) { return tern_sys(SYS_UPTIME, 0, 0, 0, 0, 0, 0).r[0]; }

int tern_sleep_ns(uint64_t ns) { return (int)tern_sys(SYS_SLEEP, ns, 0, 0, 0, 0, 0).err; }

void tern_exit(uint64_t status)
{
	for (;;)
		tern_sys(SYS_EXIT, status, 0, 0, 0, 0, 0);
}

/* Inlined into each stub even at -Os: out of line it costs every call
 * and reply_recv 12 instructions (make bench's icount figures) and saves
 * no bytes in the initramfs. */
static inline __attribute__((always_inline)) int ipc(uint64_t n, uint64_t slot, struct tern_msg *m)
{
	struct tern_ret r = tern_sys(n, slot, m->info, m->mr[0], m->mr[1], m->mr[2], m->mr[3]);
	if (r.err == TERN_OK && n != SYS_SEND && n != SYS_NBSEND && n != SYS_REPLY) {
		m->badge = r.r[0];
		m->info = r.r[1];
		for (int i = 0; i < MSG_REGS; i++)
			m->mr[i] = r.r[2 + i];
	}
	return (int)r.err;
}

int tern_send(uint64_t ep, const struct tern_msg *m) { return ipc(SYS_SEND, ep, (struct tern_msg *)m); }
int tern_nbsend(uint64_t ep, const struct tern_msg *m) { return ipc(SYS_NBSEND, ep, (struct tern_msg *)m); }
int tern_recv(uint64_t ep, struct tern_msg *m) { m->info = 0; return ipc(SYS_RECV, ep, m); }
int tern_nbrecv(uint64_t ep, struct tern_msg *m) { m->info = 0; return ipc(SYS_NBRECV, ep, m); }
int tern_call(uint64_t ep, struct tern_msg *m) { return ipc(SYS_CALL, ep, m); }
int tern_nbcall(uint64_t ep, struct tern_msg *m) { return ipc(SYS_NBCALL, ep, m); }
int tern_reply(const struct tern_msg *m) { return ipc(SYS_REPLY, 0, (struct tern_msg *)m); }
int tern_reply_recv(uint64_t ep, struct tern_msg *m) { return ipc(SYS_REPLY_RECV, ep, m); }

int tern_signal(uint64_t note) { return (int)tern_sys(SYS_SIGNAL, note, 0, 0, 0, 0, 0).err; }

int tern_wait(uint64_t note, uint64_t *bits)
{
	struct tern_ret r = tern_sys(SYS_WAIT, note, 0, 0, 0, 0, 0);
	if (bits)
		*bits = r.err ? 0 : r.r[0];
	return (int)r.err;
}

int tern_poll(uint64_t note, uint64_t *bits)
{
	struct tern_ret r = tern_sys(SYS_POLL, note, 0, 0, 0, 0, 0);
	if (bits)
		*bits = r.err ? 0 : r.r[0];
	return (int)r.err;
}

int tern_cap_copy(uint64_t src, uint64_t cspace, uint64_t dst, unsigned rights)
{
	return (int)tern_sys(SYS_CAP_COPY, src, cspace, dst, rights, 0, 0).err;
}

int tern_cap_mint(uint64_t src, uint64_t cspace, uint64_t dst, unsigned rights, uint64_t badge, uint64_t max)
{
	return (int)tern_sys(SYS_CAP_MINT, src, cspace, dst, rights, badge, max).err;
}

int tern_cap_move(uint64_t src, uint64_t cspace, uint64_t dst)
{
	return (int)tern_sys(SYS_CAP_MOVE, src, cspace, dst, 0, 0, 0).err;
}

int tern_cap_delete(uint64_t slot, uint64_t cspace)
{
	return (int)tern_sys(SYS_CAP_DELETE, slot, cspace, 0, 0, 0, 0).err;
}

int tern_cap_identify(uint64_t slot, struct tern_capinfo *info)
{
	struct tern_ret r = tern_sys(SYS_CAP_IDENTIFY, slot, 0, 0, 0, 0, 0);
	if (info && !r.err)
		*info = (struct tern_capinfo){ r.r[0], r.r[1], r.r[2], r.r[3] };
	return (int)r.err;
}

int tern_save_reply(uint64_t slot) { return (int)tern_sys(SYS_CAP_SAVE_REPLY, slot, 0, 0, 0, 0, 0).err; }

int tern_invoke(uint64_t slot, uint64_t op, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, uint64_t *out)
{
	struct tern_ret r = tern_sys(SYS_INVOKE, slot, op, a2, a3, a4, a5);
	if (out)
		for (int i = 0; i < 6; i++)
			out[i] = r.r[i];
	return (int)r.err;
}

int tern_mem_create(uint64_t mem, unsigned type, uint64_t dst, uint64_t arg)
{
	return tern_invoke(mem, MEM_CREATE, type, dst, arg, 0, 0);
}

int tern_page_map(uint64_t page, uint64_t task, uint64_t va, unsigned rights)
{
	return tern_invoke(page, PAGE_MAP, task, va, rights, 0, 0);
}

int tern_page_unmap(uint64_t page, uint64_t task, uint64_t va)
{
	return tern_invoke(page, PAGE_UNMAP, task, va, 0, 0, 0);
}

int tern_mmio_map(uint64_t mmio, uint64_t task, uint64_t va, uint64_t pa, uint64_t pages, unsigned mode)
{
	return tern_invoke(mmio, MMIO_MAP, task, va, pa | mode, pages, 0);
}

int tern_mmio_unmap(uint64_t mmio, uint64_t task, uint64_t va)
{
	return tern_invoke(mmio, MMIO_UNMAP, task, va, 0, 0, 0);
}

int tern_task_set_regs(uint64_t task, uint64_t rip, uint64_t rsp, uint64_t rdi, uint64_t rsi)
{
	return tern_invoke(task, TASK_SET_REGS, rip, rsp, rdi, rsi, 0);
}

int tern_task_start(uint64_t task) { return tern_invoke(task, TASK_START, 0, 0, 0, 0, 0); }

const char *tern_strerror(uint64_t err)
{
	static const char *const names[] = TERN_ERROR_NAMES;
	return err < E_COUNT ? names[err] : "unknown error";
}
