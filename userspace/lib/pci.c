/* Client side of the PCI configuration protocol (proto/pci.h). */
#include <proto/pci.h>

static long pci_call(uint64_t ep, struct tern_msg *m)
{
	int err = tern_call(ep, m);
	if (err)
		return -err;
	return MSG_LABEL(m->info) ? -(long)MSG_LABEL(m->info) : 0;
}

long pci_read(uint64_t ep, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint32_t *out)
{
	struct tern_msg m = { .info = MSG_INFO(PCI_READ, 4, 0), .mr = { bus, dev, fn, off } };
	long r = pci_call(ep, &m);
	if (r == 0)
		*out = (uint32_t)m.mr[0];
	return r;
}

long pci_funcs(uint64_t ep, unsigned bus, uint64_t map[4])
{
	struct tern_msg m = { .info = MSG_INFO(PCI_FUNCS, 1, 0), .mr = { bus } };
	long r = pci_call(ep, &m);
	if (r == 0)
		for (int i = 0; i < 4; i++)
			map[i] = m.mr[i];
	return r;
}
