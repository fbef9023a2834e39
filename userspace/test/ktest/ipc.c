/* Endpoints: send/recv/call/reply across address spaces, badges, long
 * messages, deferred replies, capability transfer, failure cases. */
#include "ktest.h"

static int echo_server(struct child *c, uint64_t *ep)
{
	*ep = make(CAP_ENDPOINT, 0);
	if (!*ep || child_spawn(c, ROLE_ECHO, 0, 50))
		return kfail("cannot start the echo server");
	if (child_give(c, *ep, KC_EP, RIGHT_READ) || child_start(c))
		return kfail("cannot give the echo server its endpoint");
	return 0;
}

KTEST(ipc_call_reply_round_trip)
{
	struct child c;
	uint64_t ep;
	if (echo_server(&c, &ep))
		return 1;
	struct tern_msg m = { .info = MSG_INFO(7, 4, 0), .mr = { 0, 10, 20, 30 } };
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK_EQ(MSG_LABEL(m.info), 7);
	KCHECK_EQ(MSG_LEN(m.info), 4);
	KCHECK_EQ(m.mr[1], 11);
	KCHECK_EQ(m.mr[2], 21);
	KCHECK_EQ(m.mr[3], 31);
	for (uint64_t i = 0; i < 100; i++) {
		m = (struct tern_msg){ .info = MSG_INFO(1, 2, 0), .mr = { 0, i } };
		KCHECK_EQ(tern_call(ep, &m), TERN_OK);
		KCHECK_EQ(m.mr[1], i + 1);
	}
	return 0;
}

KTEST(ipc_badge_identifies_sender)
{
	struct child c;
	uint64_t ep;
	if (echo_server(&c, &ep))
		return 1;
	uint64_t a = slot(), b = slot();
	KCHECK_EQ(tern_cap_mint(ep, 0, a, RIGHT_WRITE, 0xA, 0), TERN_OK);
	KCHECK_EQ(tern_cap_mint(ep, 0, b, RIGHT_WRITE, 0xB, 0), TERN_OK);
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0) };
	KCHECK_EQ(tern_call(a, &m), TERN_OK);
	KCHECK_EQ(m.mr[0], 0xA);
	m.info = MSG_INFO(0, 1, 0);
	KCHECK_EQ(tern_call(b, &m), TERN_OK);
	KCHECK_EQ(m.mr[0], 0xB);
	m.info = MSG_INFO(0, 1, 0);
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK_EQ(m.mr[0], 0);
	return 0;
}

KTEST(ipc_long_message_through_ipc_buffer)
{
	struct child c;
	uint64_t ep;
	if (echo_server(&c, &ep))
		return 1;
	for (int i = MSG_REGS; i < MSG_MAX; i++)
		tern_ipcbuf->mr[i] = 1000 + (uint64_t)i;
	struct tern_msg m = { .info = MSG_INFO(3, MSG_MAX, 0) };
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK_EQ(MSG_LEN(m.info), MSG_MAX);
	for (int i = MSG_REGS; i < MSG_MAX; i++)
		KCHECK_EQ(tern_ipcbuf->mr[i], 1001 + (uint64_t)i);
	m.info = MSG_INFO(3, MSG_MAX + 1, 0);
	KCHECK_EQ(tern_call(ep, &m), E_BAD_ARG);
	return 0;
}

KTEST(ipc_nonblocking_without_partner)
{
	uint64_t ep = make(CAP_ENDPOINT, 0);
	KCHECK(ep);
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0) };
	KCHECK_EQ(tern_nbsend(ep, &m), E_WOULD_BLOCK);
	KCHECK_EQ(tern_nbrecv(ep, &m), E_WOULD_BLOCK);
	KCHECK_EQ(tern_reply(&m), E_NO_REPLY);
	KCHECK_EQ(tern_save_reply(slot()), E_NO_REPLY);
	return 0;
}

KTEST(ipc_send_then_recv_from_child)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(ep && n);
	if (child_caller(&c, 77, 50, ep, n))
		return 1;
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(tern_recv(ep, &m), TERN_OK);
	KCHECK_EQ(m.mr[0], 77);
	m.mr[0] = 78;
	m.info = MSG_INFO(0, 1, 0);
	KCHECK_EQ(tern_reply(&m), TERN_OK);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[2], 78);
	return 0;
}

/* A DEFER server on ep and a CALLER (mr0 = 4) whose call it holds unanswered. */
static int defer_pair(uint64_t ep, uint64_t n, struct child *server, struct child *caller)
{
	KCHECK_EQ(child_spawn(server, ROLE_DEFER, 0, 50), 0);
	KCHECK_EQ(child_give(server, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(server), TERN_OK);
	KCHECK_EQ(child_spawn(caller, ROLE_CALLER, 4, 50), 0);
	KCHECK_EQ(child_give(caller, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(caller, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(caller), TERN_OK);
	tern_sleep_ms(20);
	return 0;
}

KTEST(ipc_deferred_reply)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0);
	struct child server, caller;
	KCHECK(ep && n);
	if (defer_pair(ep, n, &server, &caller))
		return 1;
	KCHECK_EQ(shared[2], 0);
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0), .mr = { 5 } };
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK_EQ(m.mr[0], 50);         /* we were answered first... */
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[2], 40);       /* ...then the saved reply reached the caller */
	return 0;
}

KTEST(ipc_transfer_capability)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(ep && n);
	KCHECK_EQ(child_spawn(&c, ROLE_CAPRECV, 0, 50), 0);
	KCHECK_EQ(child_give(&c, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_ipcbuf->caps[0] = n;
	struct tern_msg m = { .info = MSG_INFO(0, 0, 1) };
	/* Passing caps needs GRANT on the endpoint cap. */
	uint64_t nogrant = slot();
	KCHECK_EQ(tern_cap_copy(ep, 0, nogrant, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(tern_call(nogrant, &m), E_NO_RIGHTS);
	m.info = MSG_INFO(0, 0, 1);
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK_EQ(m.mr[0], CAP_NOTE);   /* the child saw a note in its receive slot */
	KCHECK_EQ(m.mr[1], 1);
	uint64_t bits = 0;
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 1);             /* and signalled it */
	/* Sending an empty slot fails before anything moves. */
	tern_ipcbuf->caps[0] = slot();
	m.info = MSG_INFO(0, 0, 1);
	KCHECK_EQ(tern_call(ep, &m), E_EMPTY_SLOT);
	return 0;
}

KTEST(ipc_server_killed_mid_call)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0);
	struct child server, caller;
	KCHECK(ep && n);
	if (defer_pair(ep, n, &server, &caller))
		return 1;
	KCHECK_EQ(tern_invoke(server.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[2], 0xE0);     /* the caller's call failed instead of hanging */
	return 0;
}

KTEST(ipc_endpoint_deleted_under_receiver)
{
	uint64_t ep = make(CAP_ENDPOINT, 0);
	struct child c;
	KCHECK(ep);
	KCHECK_EQ(child_spawn(&c, ROLE_ECHO, 0, 50), 0);
	KCHECK_EQ(child_give(&c, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(10);
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);
	KCHECK_EQ(tern_cap_delete(ep, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(KC_EP, c.task), TERN_OK);    /* the last cap */
	tern_sleep_ms(10);
	/* The echo loop's receive failed with E_DEAD; the child carries on (and blocks again or spins). */
	KCHECK(child_state(&c) != TASK_DEAD);
	return 0;
}

KTEST(ipc_answer_to_a_dead_caller_says_so)
{
	/* A server learns when its answer reached no one (the caller was
	 * killed while it waited): E_DEAD, so a terminal keeps the bytes it
	 * would have handed over. A live caller's answer is TERN_OK. */
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0), saved = slot();
	struct child caller;
	KCHECK(ep && n);
	KCHECK_EQ(child_caller(&caller, 3, 50, ep, n), 0);
	KCHECK_EQ(child_start(&caller), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(tern_recv(ep, &m), TERN_OK);
	KCHECK_EQ(tern_save_reply(saved), TERN_OK);
	KCHECK_EQ(tern_invoke(caller.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	m.info = MSG_INFO(0, 1, 0);
	KCHECK_EQ(tern_send(saved, &m), E_DEAD);
	KCHECK_EQ(tern_send(saved, &m), E_EMPTY_SLOT);  /* used up all the same */

	struct child live;
	KCHECK_EQ(child_caller(&live, 4, 50, ep, n), 0);
	KCHECK_EQ(child_start(&live), TERN_OK);
	KCHECK_EQ(tern_recv(ep, &m), TERN_OK);
	m.info = MSG_INFO(0, 1, 0);
	m.mr[0] = 9;
	KCHECK_EQ(tern_reply(&m), TERN_OK);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[2], 9);
	return 0;
}
