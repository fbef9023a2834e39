/*
 * Packing bytes and strings into message registers. MR0..MR3 travel in
 * CPU registers (struct tern_msg), the rest in the IPC buffer; these
 * helpers treat MR[first..] as one byte array so protocols can carry short
 * strings and data inline (up to MSGBUF_MAX bytes from MR1).
 */
#pragma once
#include <stddef.h>
#include <tern/sys.h>

#define MSGBUF_MAX ((MSG_MAX - 1) * 8)  /* bytes from MR1 to the end */

/* Store n bytes starting at MR[first]; returns the message length in MRs. */
unsigned msg_put_bytes(struct tern_msg *m, unsigned first, const void *buf, size_t n);
/* Copy n bytes starting at MR[first] out of a received message. */
void msg_get_bytes(const struct tern_msg *m, unsigned first, void *buf, size_t n);
/* The i-th MR, wherever it lives. */
uint64_t msg_mr(const struct tern_msg *m, unsigned i);
void msg_set_mr(struct tern_msg *m, unsigned i, uint64_t v);
