/*
 * One task of the system call fuzzer (ROLE_SYSFUZZ; the root side, which
 * spawns KF_SEATS of us and checks the kernel afterwards, is
 * test/ktest/fuzz.c). Each of us has its own memory quota, caps to two
 * shared endpoints, two notes and a page, and a task cap to every seat,
 * itself included (roles.h, KF_*). Every step is one system call, made
 * one of three ways:
 *
 *  - generated: a call number by weight, then arguments of the types that
 *    call takes, drawn from pools of interesting values (our slots and
 *    the ones just outside the cspace, rights, operations, object sizes,
 *    pointers into, across the end of and far from our memory, kernel and
 *    non-canonical addresses), now and then one argument of any type;
 *  - mutated: a call that succeeded before, with one or two arguments
 *    changed (a bit flipped, off by one, or a fresh value), which reaches
 *    the code behind the decode checks more often than chance does;
 *  - through the peers: the task caps let us copy, mint, move and delete
 *    caps in another seat's cspace, map our pages into it, bind notes,
 *    set fault endpoints, change priorities, stop, start and kill it.
 *
 * Most IPC is non-blocking, but a few calls really block (call, receive,
 * send, wait) so that fuzz tasks meet each other in IPC, pass caps and
 * answer calls. If we all end up blocked, the root breaks it by stopping
 * and restarting whoever made no progress (a stop ends a blocked call
 * with E_DEAD). Nothing here keeps state that a failed call could break:
 * whatever the kernel answers, we go on. shared[KF_COUNT + seat] counts
 * our calls, so the root knows how far the run is.
 */
#include "roles.h"
#include <tern/sys.h>

static volatile uint64_t *const shared = (volatile uint64_t *)KC_SHARED_VA;

/* xorshift64*: small, fast and good enough to pick arguments. */
static uint64_t rng;

static uint64_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1Dull;
}

static uint64_t below(uint64_t n) { return rnd() % n; }
static int chance(unsigned per_mille) { return below(1000) < per_mille; }

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[below(N_OF(a))])

static const uint64_t words[] = {
	0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 15, 16, 31, 32, 63, 64, 65, 100, 239, 240, 241,
	255, 256, 4095, 4096, 4097, 65535, 65536, 65537, 1ull << 31, 1ull << 32,
	(1ull << 47) - 1, 1ull << 47, 1ull << 63, ~0ull, ~0ull - 1, 0x7FFFFFFFFFFFFFFFull,
};

static const uint64_t ops[] = {
	0, MEM_CREATE, MEM_SPLIT, MEM_INFO, MEM_REVOKE, MEM_REVOKE + 1,
	TASK_SET_REGS, TASK_SET_IPCBUF, TASK_SET_PRIO, TASK_SET_FAULT, TASK_BIND_NOTE,
	TASK_START, TASK_STOP, TASK_KILL, TASK_INFO, TASK_CSPACE, TASK_SET_NAME, TASK_SET_NAME + 1,
	PAGE_MAP, PAGE_UNMAP, PAGE_INFO, PAGE_INFO + 1, IRQCTL_GET, IRQ_SET_NOTE, IRQ_ACK,
	IOPORT_ENABLE, IOPORT_DISABLE, MACHINE_INFO, MACHINE_TASKS, 255, ~0ull,
};

/* Slots we recently filled (made an object, copied or received a cap into). */
static uint64_t filled[16];
static unsigned nfilled;

static void remember(uint64_t slot)
{
	filled[nfilled++ % N_OF(filled)] = slot;
}

/* A slot that likely holds a cap: one the root gave us or one we filled. */
static uint64_t full_slot(void)
{
	if (nfilled && below(2))
		return filled[below(nfilled < N_OF(filled) ? nfilled : N_OF(filled))];
	return KF_MEM + below(KF_PEER + KF_SEATS - KF_MEM);
}

/* Our own slots; now and then 0 or one outside the cspace. */
static uint64_t any_slot(void)
{
	switch (below(16)) {
	case 0: return 0;
	case 1: return PICK(words);
	case 2: case 3: case 4: case 5: case 6: return full_slot();
	default: return 1 + below((1u << KC_RADIX) - 1);
	}
}

/* A slot to create or receive into: mostly an empty one. */
static uint64_t free_slot(void)
{
	return chance(950) ? KF_FREE + below((1u << KC_RADIX) - KF_FREE) : any_slot();
}

static uint64_t peer(void) { return KF_PEER + below(KF_SEATS); }

/* Where a cap goes: our cspace (0), a peer's through its task cap, or anything. */
static uint64_t any_cspace(void)
{
	switch (below(4)) {
	case 0: case 1: return 0;
	case 2: return peer();
	default: return any_slot();
	}
}

static uint64_t any_rights(void) { return chance(900) ? below(16) : PICK(words); }

static uint64_t any_ptr(void)
{
	static char local;
	uint64_t ipcbuf = KC_IPCBUF_VA;
	switch (below(14)) {
	case 0: return ipcbuf + below(4096);
	case 1: return ipcbuf + 4096 - below(64);              /* runs off its end */
	case 2: return (uint64_t)&local;                        /* data */
	case 3: return 0x400000 + below(4096);                  /* our text: not writable */
	case 4: return KC_SHARED_VA + below(4096);
	case 5: return KC_STACK_TOP - 1 - below(8192);
	case 6: return KF_MAP_VA + below(64 * 4096);            /* maybe mapped by a peer */
	case 7: return below(0x10000);
	case 8: return 0x0000800000000000ull - below(8192);     /* the top of the lower half */
	case 9: return 0x0000800000000000ull + below(1u << 20); /* non-canonical */
	case 10: return 0xFFFF800000000000ull + below(1u << 30);
	case 11: return 0xFFFFFFFF80000000ull + below(1u << 24);
	case 12: return PICK(words);
	default: return rnd();
	}
}

static uint64_t any_word(void)
{
	switch (below(4)) {
	case 0: return rnd();
	case 1: return below(300);
	case 2: return any_ptr();
	default: return PICK(words);
	}
}

/* A message info word: mostly sane lengths and cap counts, sometimes not. */
static uint64_t any_info(void)
{
	if (chance(50))
		return any_word();
	unsigned len = chance(800) ? (unsigned)below(MSG_REGS + 1) : (unsigned)below(MSG_MAX + 8);
	unsigned ncaps = chance(600) ? 0 : chance(600) ? 1 : (unsigned)below(MSG_MAX_CAPS + 2);
	uint64_t info = MSG_INFO(below(4) ? below(16) : rnd(), len, ncaps);
	if (chance(20))
		info |= MSG_FROM_NOTE;
	return info;
}

/* Fill the IPC buffer's cap lists, so sends carry caps and receives take them. */
static void stage_caps(void)
{
	struct tern_ipcbuf *b = (struct tern_ipcbuf *)KC_IPCBUF_VA;
	for (int i = 0; i < MSG_MAX_CAPS; i++) {
		b->caps[i] = chance(900) ? full_slot() : any_slot();
		b->recv_slots[i] = chance(900) ? free_slot() : any_slot();
	}
	for (int i = MSG_REGS; i < MSG_MAX; i += 7)
		b->mr[i] = any_word();
}

struct call {
	uint64_t n, a[6];
};

/* Arguments of an invocation: a0 = slot of the right type, mostly. */
static void gen_invoke(struct call *c)
{
	uint64_t op = PICK(ops);
	c->a[1] = op;
	for (int i = 2; i < 6; i++)
		c->a[i] = any_word();
	if (op >= MEM_CREATE && op <= MEM_REVOKE + 1) {
		c->a[0] = chance(600) ? KF_MEM : any_slot();
		c->a[2] = chance(900) ? below(CAP_TYPE_COUNT + 1) : any_word();
		c->a[3] = free_slot();
		c->a[4] = chance(800) ? below(8) : any_word();          /* frames or radix */
		if (op == MEM_SPLIT) {
			c->a[2] = chance(800) ? 4096 * (1 + below(16)) : any_word();
			c->a[3] = free_slot();
		}
		if (op == MEM_REVOKE && chance(990))
			c->a[1] = MEM_INFO;     /* revoking our own quota kills us: rarely */
	} else if (op >= TASK_SET_REGS && op <= TASK_SET_NAME + 1) {
		c->a[0] = chance(800) ? peer() : any_slot();
		switch (op) {
		case TASK_SET_REGS:
			/* Sends the task somewhere random: it will fault. Rarely. */
			if (chance(950))
				c->a[1] = TASK_INFO;
			c->a[2] = any_ptr();
			c->a[3] = any_ptr();
			break;
		case TASK_SET_IPCBUF: c->a[2] = chance(500) ? KF_PAGE : any_slot(); break;
		case TASK_SET_PRIO: c->a[2] = chance(900) ? 30 + below(40) : any_word(); break;
		case TASK_SET_FAULT: c->a[2] = chance(300) ? 0 : chance(600) ? KF_EP + below(2) : any_slot(); break;
		case TASK_BIND_NOTE: c->a[2] = chance(300) ? 0 : chance(600) ? KF_NOTE + below(2) : any_slot(); break;
		case TASK_STOP: if (chance(700)) c->a[1] = TASK_START; break;
		case TASK_KILL: if (chance(995)) c->a[1] = TASK_INFO; break;
		case TASK_CSPACE: c->a[2] = free_slot(); break;
		case TASK_SET_NAME: c->a[2] = any_ptr(); c->a[3] = below(40); break;
		}
	} else if (op >= PAGE_MAP && op <= PAGE_INFO + 1) {
		c->a[0] = chance(500) ? KF_PAGE : any_slot();
		c->a[2] = chance(300) ? 0 : chance(800) ? peer() : any_slot();
		c->a[3] = chance(850) ? KF_MAP_VA + 4096 * below(64) : any_ptr();
		c->a[4] = chance(900) ? below(16) : any_word();
	} else {
		c->a[0] = any_slot();
	}
}

/* SYS_* by weight: the blocking ones are rare, the cap and object calls common. */
static const uint8_t weights[SYS_COUNT] = {
	[SYS_DEBUG_WRITE] = 2, [SYS_YIELD] = 2, [SYS_UPTIME] = 1, [SYS_SEND] = 1, [SYS_NBSEND] = 10,
	[SYS_RECV] = 3, [SYS_NBRECV] = 10, [SYS_CALL] = 2, [SYS_REPLY] = 4, [SYS_REPLY_RECV] = 3,
	[SYS_SIGNAL] = 6, [SYS_WAIT] = 1, [SYS_POLL] = 5, [SYS_CAP_COPY] = 12, [SYS_CAP_MINT] = 10,
	[SYS_CAP_MOVE] = 8, [SYS_CAP_DELETE] = 10, [SYS_CAP_IDENTIFY] = 6, [SYS_CAP_SAVE_REPLY] = 3,
	[SYS_INVOKE] = 40, [SYS_EXIT] = 1, [SYS_SLEEP] = 1, [SYS_NBCALL] = 8,
};

static uint64_t pick_syscall(void)
{
	static unsigned total;
	if (!total)
		for (unsigned i = 0; i < SYS_COUNT; i++)
			total += weights[i];
	if (chance(10))
		return below(2) ? SYS_COUNT + below(3) : ~0ull - below(2);      /* outside the table */
	unsigned w = (unsigned)below(total);
	for (unsigned i = 0; i < SYS_COUNT; i++) {
		if (w < weights[i])
			return i;
		w -= weights[i];
	}
	return SYS_YIELD;
}

static void gen(struct call *c)
{
	c->n = pick_syscall();
	for (int i = 0; i < 6; i++)
		c->a[i] = any_word();
	switch (c->n) {
	case SYS_DEBUG_WRITE:
		/* Write nothing real (the console is slow and the log is checked):
		 * no length, a bad pointer, or too long. */
		c->a[1] = below(3) ? 0 : below(2) ? 65537 : c->a[1];
		if (c->a[1] && c->a[1] <= 65536)
			c->a[0] = 0xFFFF800000000000ull + below(1u << 20);
		break;
	case SYS_SEND: case SYS_NBSEND: case SYS_RECV: case SYS_NBRECV: case SYS_CALL:
	case SYS_NBCALL: case SYS_REPLY: case SYS_REPLY_RECV:
		c->a[0] = chance(700) ? KF_EP + below(2) : any_slot();
		c->a[1] = any_info();
		if (MSG_NCAPS(c->a[1]) || chance(100))
			stage_caps();
		break;
	case SYS_SIGNAL: case SYS_WAIT: case SYS_POLL:
		c->a[0] = chance(700) ? KF_NOTE + below(2) : any_slot();
		break;
	case SYS_CAP_COPY: case SYS_CAP_MINT:
		c->a[0] = any_slot();
		c->a[1] = any_cspace();
		c->a[2] = free_slot();
		c->a[3] = any_rights();
		c->a[4] = chance(500) ? 0 : chance(700) ? below(8) : any_word();
		c->a[5] = chance(800) ? below(0x100) : any_word();
		break;
	case SYS_CAP_MOVE:
		c->a[0] = chance(800) ? KF_FREE + below((1u << KC_RADIX) - KF_FREE) : any_slot();
		c->a[1] = any_cspace();
		c->a[2] = free_slot();
		break;
	case SYS_CAP_DELETE:
		/* Mostly what we made; the caps the root gave us now and then. */
		c->a[0] = chance(850) ? KF_FREE + below((1u << KC_RADIX) - KF_FREE) : any_slot();
		c->a[1] = chance(700) ? 0 : any_cspace();
		break;
	case SYS_CAP_IDENTIFY:
	case SYS_CAP_SAVE_REPLY:
		c->a[0] = c->n == SYS_CAP_SAVE_REPLY ? free_slot() : any_slot();
		break;
	case SYS_INVOKE:
		gen_invoke(c);
		break;
	case SYS_EXIT:
		if (chance(990))
			c->n = SYS_UPTIME;      /* exit ends this task: rarely */
		break;
	case SYS_SLEEP:
		c->a[0] = below(2000000);   /* at most two ticks */
		break;
	}
}

/* Change one or two arguments of a call that worked. */
static void mutate(struct call *c)
{
	int k = 1 + (int)below(2);
	while (k--) {
		int i = (int)below(6);
		switch (below(5)) {
		case 0: c->a[i] ^= 1ull << below(64); break;
		case 1: c->a[i] += 1; break;
		case 2: c->a[i] -= 1; break;
		case 3: c->a[i] = any_word(); break;
		default: c->a[i] = any_slot(); break;
		}
	}
	if (c->n == SYS_DEBUG_WRITE)
		c->a[1] = 0;
	if (c->n == SYS_EXIT || c->n == SYS_SLEEP)
		c->n = SYS_YIELD;
	if (c->n == SYS_INVOKE && (c->a[1] == TASK_SET_REGS || c->a[1] == TASK_KILL || c->a[1] == MEM_REVOKE))
		c->a[1] = TASK_INFO;
}

/* Calls that worked, to mutate. */
static struct call hist[32];
static unsigned nhist;

static int worth_keeping(const struct call *c)
{
	return c->n != SYS_EXIT && c->n != SYS_SLEEP && c->n != SYS_DEBUG_WRITE &&
	       c->n != SYS_SEND && c->n != SYS_RECV && c->n != SYS_CALL &&
	       c->n != SYS_REPLY_RECV && c->n != SYS_WAIT;
}

/* Count what the calls achieved, so the root can tell the run reached past the decode checks. */
static void note_result(const struct call *c, const struct tern_ret *r, volatile uint64_t *stats)
{
	if (r->err == E_NO_MEMORY)
		stats[KS_NO_MEMORY]++;
	if (r->err != TERN_OK)
		return;
	switch (c->n) {
	case SYS_CAP_COPY: case SYS_CAP_MINT: case SYS_CAP_MOVE:
		if (!c->a[1])
			remember(c->a[2]);
		break;
	case SYS_CAP_SAVE_REPLY:
		remember(c->a[0]);
		break;
	case SYS_RECV: case SYS_CALL: case SYS_REPLY_RECV:
	case SYS_NBRECV: case SYS_NBCALL:
		if (MSG_NCAPS(r->r[1])) {
			struct tern_ipcbuf *b = (struct tern_ipcbuf *)KC_IPCBUF_VA;
			stats[KS_CAPS_IN]++;
			for (unsigned i = 0; i < MSG_NCAPS(r->r[1]) && i < MSG_MAX_CAPS; i++)
				remember(b->recv_slots[i]);
		}
		if (c->n == SYS_NBRECV || c->n == SYS_NBCALL)
			break;
		/* fall through */
	case SYS_SEND: case SYS_WAIT:
		stats[KS_BLOCKED_OK]++;
		break;
	case SYS_INVOKE:
		if (c->a[1] == MEM_CREATE || c->a[1] == MEM_SPLIT) {
			stats[KS_CREATED]++;
			remember(c->a[3]);
		} else if (c->a[1] == TASK_CSPACE) {
			remember(c->a[2]);
		}
		break;
	}
}

void sysfuzz(uint64_t arg)
{
	unsigned seat = (unsigned)(arg & 0xFF) % KF_SEATS;
	volatile uint64_t *count = &shared[KF_COUNT + seat];
	rng = arg | 1;
	for (int i = 0; i < 16; i++)
		rnd();
	for (;;) {
		struct call c;
		if (nhist && chance(300)) {
			c = hist[below(nhist < N_OF(hist) ? nhist : N_OF(hist))];
			mutate(&c);
		} else {
			gen(&c);
		}
		(*count)++;
		struct tern_ret r = tern_sys(c.n, c.a[0], c.a[1], c.a[2], c.a[3], c.a[4], c.a[5]);
		if (r.err == TERN_OK && worth_keeping(&c))
			hist[nhist++ % N_OF(hist)] = c;
		note_result(&c, &r, &shared[KF_STATS + 4 * seat]);
	}
}
