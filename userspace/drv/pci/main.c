/*
 * drv/pci: PCI configuration space through mechanism #1 (ports 0xCF8 for
 * the address, 0xCFC..0xCFF for the data), read-only, as the service "pci"
 * (proto/pci.h says why there is no write). It holds those eight ports and
 * nothing else: no IRQ, no device memory.
 *
 * Every request is answered at once from the ports (a read is two port
 * accesses; PCI_FUNCS at most 32 * 2 + 7 * 32 of them), so no client can
 * hold the driver up, and there is no per-client state to reclaim.
 * A machine without mechanism #1 (the address register does not keep what
 * is written to it) has nothing to drive: we say so and exit with 0, which
 * init takes as "do not restart".
 */
#include "pciconf.h"
#include <proto/pci.h>
#include <proto/service.h>
#include <stdio.h>
#include <tern/portio.h>
#include <tern/program.h>

#define PCI_EP          PROG_CAP(0)     /* provided as "pci" */
#define PCI_PORTS       PROG_CAP(1)     /* 0xCF8..0xCFF */

static uint32_t port_read(void *ctx, uint32_t cf8)
{
	(void)ctx;
	outl(PCI_CONF_ADDR, cf8);
	return inl(PCI_CONF_DATA);
}

static bool mechanism1_present(void)
{
	uint32_t old = inl(PCI_CONF_ADDR);
	outl(PCI_CONF_ADDR, PCI_CF8_ENABLE);
	bool ok = inl(PCI_CONF_ADDR) == PCI_CF8_ENABLE;
	outl(PCI_CONF_ADDR, old);
	return ok;
}

/* Answer one request in place: m becomes the reply. Fields are checked
 * (decoded) before any port is touched. */
static void serve(struct tern_msg *m)
{
	unsigned len = MSG_LEN(m->info);
	uint64_t err = 0;
	uint32_t cf8;
	switch (MSG_LABEL(m->info)) {
	case PCI_READ:
		if (len < 4 || !pciconf_address(m->mr[0], m->mr[1], m->mr[2], m->mr[3], &cf8)) {
			err = E_BAD_ARG;
			break;
		}
		m->mr[0] = port_read(0, cf8);
		m->info = MSG_INFO(0, 1, 0);
		return;
	case PCI_FUNCS:
		if (len < 1 || m->mr[0] > 255) {
			err = E_BAD_ARG;
			break;
		}
		pciconf_scan_bus(port_read, 0, (unsigned)m->mr[0], m->mr);
		m->info = MSG_INFO(0, 4, 0);
		return;
	default:
		err = E_BAD_SYSCALL;
	}
	m->info = MSG_INFO(err, 0, 0);
}

int main(void)
{
	int err = tern_invoke(PCI_PORTS, IOPORT_ENABLE, 0, 0, 0, 0, 0);
	if (err) {
		printf("pci: no access to ports 0xCF8-0xCFF: %s\n", tern_strerror((uint64_t)err));
		return 1;
	}
	if (!mechanism1_present()) {
		printf("pci: no PCI configuration mechanism #1 at 0xCF8; nothing to drive\n");
		return 0;
	}
	uint64_t map[4];
	unsigned n = 0;
	pciconf_scan_bus(port_read, 0, 0, map);
	for (unsigned bit = 0; bit < 256; bit++)
		n += map[bit / 64] >> (bit % 64) & 1;
	printf("pci: configuration mechanism #1, %u functions on bus 0\n", n);

	struct tern_msg m;
	bool reply = false;
	for (;;) {
		err = reply ? tern_reply_recv(PCI_EP, &m) : tern_recv(PCI_EP, &m);
		reply = false;
		if (err)
			continue;       /* the caller went away before our reply */
		if (service_client_gone(&m))
			continue;       /* we keep nothing per client */
		serve(&m);
		reply = true;
	}
}
