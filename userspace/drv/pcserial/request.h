/*
 * Checking a stream request (proto/stream.h) before acting on it, for
 * every stream server (pcserial's ports, vgacon's screen). Pure code:
 * ci/unit/test_pcserial.c.
 */
#pragma once
#include <stdint.h>

/* 0, or the E_* code to answer with (unknown method, too many bytes, a
 * WRITE whose message is shorter than the bytes it announces, an INTR
 * that is neither 0 nor 1 with exactly one cap received). */
unsigned stream_request_check(uint64_t info, uint64_t mr0);
