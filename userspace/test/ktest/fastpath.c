/*
 * The IPC fastpath (kernel/fastpath.c): each condition that must send a
 * call or reply_recv down the general path is made to fail on its own,
 * and the result must be the general path's. MACHINE_INFO counts the
 * calls and replies that went fast, so each test also checks which path
 * was taken. Under fastpath=off (ci/scenarios/ktest-slowpath.run runs the
 * whole suite so) the counts stay at 0 and every result is the same.
 */
#include "ktest.h"

static int fp_enabled = -1;

static void fp_counts(uint64_t *calls, uint64_t *replies)
{
	uint64_t out[6] = { 0 };
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	*calls = out[4];
	*replies = out[5];
}

/* An echo server at priority 50 on a fresh endpoint, answered once, so it
 * waits in reply_recv (the fastpath's partner) when we return. */
static int fp_server(struct child *c, uint64_t *ep)
{
	*ep = make(CAP_ENDPOINT, 0);
	if (!*ep || child_spawn(c, ROLE_ECHO, 0, 50) || child_give(c, *ep, KC_EP, RIGHT_READ) || child_start(c))
		return kfail("cannot start the echo server");
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0) };
	if (tern_call(*ep, &m))
		return kfail("the echo server does not answer");
	if (fp_enabled < 0) {
		uint64_t c0, r0, c1, r1;
		fp_counts(&c0, &r0);
		m.info = MSG_INFO(0, 1, 0);
		tern_call(*ep, &m);
		fp_counts(&c1, &r1);
		fp_enabled = c1 != c0;
	}
	return 0;
}

/* Expect the counters to have moved by (calls, replies) if the fastpath
 * is on, and not at all if it is off. */
#define FP_EXPECT(c0, r0, dc, dr) do { \
	uint64_t c1_, r1_; \
	fp_counts(&c1_, &r1_); \
	KCHECK_EQ(c1_ - (c0), fp_enabled ? (uint64_t)(dc) : 0); \
	KCHECK_EQ(r1_ - (r0), fp_enabled ? (uint64_t)(dr) : 0); \
} while (0)

KTEST(fastpath_register_calls_go_fast)
{
	struct child c;
	uint64_t ep, c0, r0;
	if (fp_server(&c, &ep))
		return 1;
	uint64_t b = slot();
	KCHECK_EQ(tern_cap_mint(ep, 0, b, RIGHT_WRITE, 0x5A, 0), TERN_OK);
	fp_counts(&c0, &r0);
	for (uint64_t i = 0; i < 20; i++) {
		struct tern_msg m = { .info = MSG_INFO(9, 4, 0), .mr = { 0, i, 2 * i, 3 * i } };
		tern_ipcbuf->recv_count = 7;
		KCHECK_EQ(tern_call(b, &m), TERN_OK);
		KCHECK_EQ(MSG_LABEL(m.info), 9);
		KCHECK_EQ(MSG_LEN(m.info), 4);
		KCHECK_EQ(MSG_NCAPS(m.info), 0);
		KCHECK_EQ(m.badge, 0);
		KCHECK_EQ(m.mr[0], 0x5A);       /* the badge the server saw */
		KCHECK_EQ(m.mr[1], i + 1);
		KCHECK_EQ(m.mr[2], 2 * i + 1);
		KCHECK_EQ(m.mr[3], 3 * i + 1);
		KCHECK_EQ(tern_ipcbuf->recv_count, 0);
	}
	FP_EXPECT(c0, r0, 20, 20);
	return 0;
}

KTEST(fastpath_declines_long_messages)
{
	struct child c;
	uint64_t ep, c0, r0;
	if (fp_server(&c, &ep))
		return 1;
	fp_counts(&c0, &r0);
	tern_ipcbuf->mr[4] = 41;
	struct tern_msg m = { .info = MSG_INFO(1, 5, 0), .mr = { 0, 1, 2, 3 } };
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK_EQ(MSG_LEN(m.info), 5);
	KCHECK_EQ(tern_ipcbuf->mr[4], 42);
	KCHECK_EQ(m.mr[3], 4);
	FP_EXPECT(c0, r0, 0, 0);        /* the answer is long too */
	return 0;
}

KTEST(fastpath_declines_caps)
{
	struct child c;
	uint64_t ep, c0, r0, n = make(CAP_NOTE, 0);
	KCHECK(n);
	if (fp_server(&c, &ep))
		return 1;
	fp_counts(&c0, &r0);
	tern_ipcbuf->caps[0] = n;
	struct tern_msg m = { .info = MSG_INFO(1, 2, 1), .mr = { 0, 7 } };
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);  /* the server takes no caps: dropped */
	KCHECK_EQ(m.mr[1], 8);
	FP_EXPECT(c0, r0, 0, 1);        /* the answer carries none: it goes fast */
	return 0;
}

KTEST(fastpath_declines_a_call_with_a_timeout)
{
	struct child c;
	uint64_t ep, c0, r0;
	if (fp_server(&c, &ep))
		return 1;
	KCHECK_EQ(tern_invoke(ROOT_TASK, TASK_SET_TIMEOUT, 1000, 0, 0, 0, 0), TERN_OK);
	fp_counts(&c0, &r0);
	struct tern_msg m = { .info = MSG_INFO(1, 2, 0), .mr = { 0, 7 } };
	long err = tern_call(ep, &m);
	tern_invoke(ROOT_TASK, TASK_SET_TIMEOUT, 0, 0, 0, 0, 0);
	KCHECK_EQ(err, TERN_OK);
	KCHECK_EQ(m.mr[1], 8);
	FP_EXPECT(c0, r0, 0, 1);
	return 0;
}

KTEST(fastpath_declines_without_a_waiting_receiver)
{
	/* A caller that comes first waits in the queue: its call goes the
	 * general way, and so does our receive; our reply (not reply_recv)
	 * is never fast. */
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0), c0, r0;
	struct child caller;
	KCHECK(ep && n);
	fp_counts(&c0, &r0);
	KCHECK_EQ(child_spawn(&caller, ROLE_CALLER, 4, 50), 0);
	KCHECK_EQ(child_give(&caller, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&caller, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&caller), TERN_OK);
	tern_sleep_ms(20);
	struct tern_msg m;
	KCHECK_EQ(tern_recv(ep, &m), TERN_OK);
	KCHECK_EQ(m.mr[0], 4);
	m.info = MSG_INFO(0, 1, 0);
	m.mr[0] = 44;
	KCHECK_EQ(tern_reply(&m), TERN_OK);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[2], 44);
	if (fp_enabled >= 0)
		FP_EXPECT(c0, r0, 0, 0);
	return 0;
}

KTEST(fastpath_reply_declines_with_a_sender_queued)
{
	/* Our reply_recv finds a caller already queued: we do not block, so
	 * the general path answers and hands us the next message at once. */
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0), c0, r0;
	struct child caller;
	KCHECK(ep && n);
	KCHECK_EQ(child_spawn(&caller, ROLE_CALLER, 6, 50), 0);
	KCHECK_EQ(child_give(&caller, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&caller, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&caller), TERN_OK);
	tern_sleep_ms(20);
	struct tern_msg m;
	KCHECK_EQ(tern_recv(ep, &m), TERN_OK);          /* the caller's call */
	struct child second;            /* a second caller queues behind it */
	KCHECK_EQ(child_spawn(&second, ROLE_CALLER, 8, 50), 0);
	KCHECK_EQ(child_give(&second, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&second, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&second), TERN_OK);
	tern_sleep_ms(20);
	fp_counts(&c0, &r0);
	m.info = MSG_INFO(0, 1, 0);
	m.mr[0] = 60;
	KCHECK_EQ(tern_reply_recv(ep, &m), TERN_OK);   /* answers the first, takes the second */
	KCHECK_EQ(m.mr[0], 8);
	FP_EXPECT(c0, r0, 0, 0);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[2], 60);
	m.info = MSG_INFO(0, 1, 0);
	m.mr[0] = 80;
	KCHECK_EQ(tern_reply(&m), TERN_OK);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[2], 80);
	return 0;
}

KTEST(fastpath_declines_when_an_equal_priority_task_is_queued)
{
	/* A spinning task at our own priority is queued while we call: the
	 * general path would queue the server behind it, so the fastpath
	 * must not jump the queue. Our priority is lent to the server. */
	struct child c, spin;
	uint64_t ep, c0, r0, out[6] = { 0 };
	if (fp_server(&c, &ep))
		return 1;
	KCHECK_EQ(tern_invoke(ROOT_TASK, TASK_INFO, 0, 0, 0, 0, out), TERN_OK);
	unsigned mine = (unsigned)out[1];
	KCHECK(mine > 50);
	KCHECK_EQ(child_spawn(&spin, ROLE_SPIN, 30, mine), 0);
	KCHECK_EQ(child_start(&spin), TERN_OK);
	tern_yield();   /* let it run once, so it is queued behind us */
	fp_counts(&c0, &r0);
	struct tern_msg m = { .info = MSG_INFO(1, 2, 0), .mr = { 0, 7 } };
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK_EQ(m.mr[1], 8);
	uint64_t c1, r1;
	fp_counts(&c1, &r1);
	KCHECK_EQ(c1 - c0, 0);
	KCHECK_EQ(tern_invoke(spin.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	return 0;
}

/*
 * The fastpath leaves a task it blocks without unwinding its kernel
 * stack (fastpath_exit): the general path must still resume it. Short
 * (fast) and long (general) calls alternate, so the server is woken by
 * the general path after it blocked fast and the other way round, and
 * each answer must be whole.
 */
KTEST(fastpath_and_general_path_alternate)
{
	struct child c;
	uint64_t ep, c0, r0;
	if (fp_server(&c, &ep))
		return 1;
	fp_counts(&c0, &r0);
	for (uint64_t i = 0; i < 30; i++) {
		unsigned len = i % 3 == 2 ? 6 : 2;
		struct tern_msg m = { .info = MSG_INFO(3, len, 0), .mr = { 0, i } };
		if (len > MSG_REGS) {
			tern_ipcbuf->mr[4] = 100 + i;
			tern_ipcbuf->mr[5] = 200 + i;
		}
		KCHECK_EQ(tern_call(ep, &m), TERN_OK);
		KCHECK_EQ(MSG_LABEL(m.info), 3);
		KCHECK_EQ(MSG_LEN(m.info), len);
		KCHECK_EQ(m.mr[1], i + 1);
		if (len > MSG_REGS) {
			KCHECK_EQ(tern_ipcbuf->mr[4], 101 + i);
			KCHECK_EQ(tern_ipcbuf->mr[5], 201 + i);
		}
	}
	/* 20 short calls; a short one after a long one meets a server that
	 * the general path left in reply_recv, which goes fast all the same. */
	FP_EXPECT(c0, r0, 20, 20);
	return 0;
}
