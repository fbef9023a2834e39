/*
 * One port's stream requests (proto/stream.h), for every driver whose
 * terminal is a struct port (port.h): pcserial's COM1 and COM2, and
 * drv/hostterm's host terminal (its own uart.c under port.c). WRITE sends
 * with "\n" as "\r\n" (crlf.h), READ follows serve.h's rules, POLL counts
 * what is there, CLOSE changes nothing, INFO says "terminal" and the
 * port's name, INTR registers the port's ^C note (intr.h). A request to a
 * port without its device is answered E_DEAD.
 */
#pragma once
#include "intr.h"
#include "port.h"
#include <stdbool.h>
#include <tern/sys.h>

struct port_srv {
	struct port *port;
	struct intr intr;       /* the port's ^C note */
	bool last_cr;           /* the last byte written was '\r' */
	const char *name;       /* STREAM_INFO's name */
};

/* Act on a request; true if m now holds the reply to send. */
bool port_request(struct port_srv *s, struct tern_msg *m);
/* serve.h's take function for a port (ctx: the struct port). */
size_t port_take(void *ctx, uint8_t *buf, size_t max);
