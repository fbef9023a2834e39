/*
 * Forwarders: how one thread serves two endpoints.
 *
 * A tern task is one thread, and a thread blocks on one endpoint at a time
 * (plus its bound note). init gives each provided service its own endpoint
 * (serial = slot 0, serial1 = slot 6) and badges each client's copy with
 * the client's program id, so neither "one endpoint for both" nor "tell
 * the port by badge" is open to us. Instead pcserial receives only on
 * slot 0, and makes FWD_TASKS small tasks of its own that serve slot 6:
 * each receives a call there, makes the same call on slot 0 through a
 * copy badged with the COM2 badge, and answers its caller with the answer.
 *
 * A forwarder needs no memory of its own: the kernel moves long messages
 * through each task's IPC buffer, which the receive fills and the call and
 * the reply read back in place. So it is the few instructions of
 * fwd_code, copied to one page that all forwarders map; no stack, no data.
 * The tasks are paid from our memory quota and die with us (we hold the
 * only caps to them), so a restarted pcserial makes fresh ones.
 *
 * Each forwarder carries one COM2 call at a time: with two, a reader
 * waiting for input does not hold up a writer.
 *
 * A cap sent with a call (STREAM_INTR's note) goes on too: the
 * forwarder's IPC buffer names slot FWD_CAP for one received cap and as
 * the cap to send, so the call passes it on (sending copies), and the
 * forwarder deletes its copy after every call, so the next cap finds the
 * slot empty. The reply's registers wait in callee-saved registers
 * meanwhile (the kernel restores them untouched).
 */
#include "fwd.h"
#include <string.h>
#include <tern/program.h>
#include <tern/sys.h>

#define FWD_RADIX     2                 /* slots 0..3 */
#define FWD_IN        1                 /* its cspace: the endpoint it serves */
#define FWD_OUT       2                 /* and ours, badged */
#define FWD_CAP       3                 /* where a cap sent with a call waits */
#define FWD_CODE_VA   0x400000ull       /* in the forwarder's address space */
#define FWD_SCRATCH   0x20000000ull     /* in ours, to fill the code page and IPC buffers */

/* The syscall numbers are spelled out in the assembly below. */
_Static_assert(SYS_RECV == 5 && SYS_CALL == 7 && SYS_REPLY_RECV == 9 && SYS_CAP_DELETE == 16,
	       "fwd_code syscall numbers");
_Static_assert(FWD_IN == 1 && FWD_OUT == 2 && FWD_CAP == 3, "fwd_code slots");

/* Position independent; registers carry the message from one syscall to
 * the next unchanged (abi/syscall.h: info in RSI, MR0..MR3 in RDX, R10,
 * R8, R9 both ways). A failed call is answered with its error as label. */
extern const uint8_t fwd_code[], fwd_code_end[];
__asm__(".pushsection .text\n"
	"fwd_code:\n"
	"1:	mov $5, %eax\n"                 /* SYS_RECV on FWD_IN */
	"	mov $1, %edi\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 1b\n"
	"2:	mov $7, %eax\n"                 /* SYS_CALL on FWD_OUT, same message */
	"	mov $2, %edi\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jz 3f\n"
	"	mov %eax, %esi\n"               /* info = MSG_INFO(error, 0, 0) */
	"3:	mov %rsi, %rbx\n"               /* keep the answer across the delete */
	"	mov %rdx, %rbp\n"
	"	mov %r10, %r12\n"
	"	mov %r8, %r13\n"
	"	mov %r9, %r14\n"
	"	mov $16, %eax\n"                /* SYS_CAP_DELETE FWD_CAP (empty: no harm) */
	"	mov $3, %edi\n"
	"	xor %esi, %esi\n"
	"	syscall\n"
	"	mov %rbx, %rsi\n"
	"	mov %rbp, %rdx\n"
	"	mov %r12, %r10\n"
	"	mov %r13, %r8\n"
	"	mov %r14, %r9\n"
	"	mov $9, %eax\n"                 /* SYS_REPLY_RECV: answer, take the next */
	"	mov $1, %edi\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 1b\n"
	"	jmp 2b\n"
	"fwd_code_end:\n"
	".popsection\n");

static void drop(uint64_t slot)
{
	if (slot) {
		tern_cap_delete(slot, 0);
		slot_free(slot);
	}
}

static int fwd_one(uint64_t code, uint64_t in_ep, uint64_t out_ep, uint64_t badge, uint64_t prio)
{
	static const char name[] = "pcserial-fwd";
	uint64_t task = slot_alloc(), cs = slot_alloc(), ipc = slot_alloc();
	int err = !task || !cs || !ipc ? E_NO_MEMORY : 0;
	if (!err)
		err = tern_mem_create(PROG_MEMORY, CAP_TASK, task, FWD_RADIX);
	if (!err)
		err = tern_invoke(task, TASK_CSPACE, cs, 0, 0, 0, 0);
	if (!err)
		err = tern_cap_copy(in_ep, cs, FWD_IN, RIGHT_READ);
	if (!err)
		err = tern_cap_mint(out_ep, cs, FWD_OUT, RIGHT_WRITE | RIGHT_GRANT, badge, 0);
	if (!err)
		err = tern_mem_create(PROG_MEMORY, CAP_PAGE, ipc, 1);
	if (!err)
		err = tern_page_map(ipc, 0, FWD_SCRATCH, RIGHT_READ | RIGHT_WRITE);
	if (!err) {
		struct tern_ipcbuf *b = (struct tern_ipcbuf *)FWD_SCRATCH;
		b->recv_slots[0] = FWD_CAP;
		b->caps[0] = FWD_CAP;
		err = tern_page_unmap(ipc, 0, FWD_SCRATCH);
	}
	if (!err)
		err = tern_invoke(task, TASK_SET_IPCBUF, ipc, 0, 0, 0, 0);
	if (!err)
		err = tern_page_map(code, task, FWD_CODE_VA, RIGHT_READ | RIGHT_EXEC);
	if (!err)
		err = tern_invoke(task, TASK_SET_PRIO, prio, 0, 0, 0, 0);
	if (!err)
		err = tern_invoke(task, TASK_SET_NAME, (uint64_t)name, sizeof(name) - 1, 0, 0, 0);
	if (!err)
		err = tern_task_set_regs(task, FWD_CODE_VA, 0, 0, 0);
	if (!err)
		err = tern_task_start(task);
	/* The task holds what it needs (IPC buffer, mapping, its cspace);
	 * we keep only the task cap, which keeps it alive. */
	drop(cs);
	drop(ipc);
	if (err)
		drop(task);
	return err;
}

int fwd_start(uint64_t in_ep, uint64_t out_ep, uint64_t badge)
{
	uint64_t code = slot_alloc(), info[6] = { 0 };
	if (!code)
		return E_NO_MEMORY;
	int err = tern_invoke(PROG_SELF, TASK_INFO, 0, 0, 0, 0, info);
	if (!err)
		err = tern_mem_create(PROG_MEMORY, CAP_PAGE, code, 1);
	if (!err)
		err = tern_page_map(code, 0, FWD_SCRATCH, RIGHT_READ | RIGHT_WRITE);
	if (!err) {
		memcpy((void *)FWD_SCRATCH, fwd_code, (size_t)(fwd_code_end - fwd_code));
		err = tern_page_unmap(code, 0, FWD_SCRATCH);
	}
	for (int i = 0; i < FWD_TASKS && !err; i++)
		err = fwd_one(code, in_ep, out_ep, badge, info[1]);
	drop(code);                     /* the forwarders' mappings keep the page */
	return err;
}
