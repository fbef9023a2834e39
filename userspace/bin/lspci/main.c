/*
 * lspci: the PCI functions of the machine, one line each, like `lspci -nn`
 * (pcinames.c), read through drv/pci (proto/pci.h; manifest slot 0).
 *
 * We ask every bus 0..255 which functions it has (PCI_FUNCS, one call a
 * bus) rather than following bridges from bus 0: it finds devices behind
 * bridges however the firmware numbered them, and is fast: typing
 * `lspci` to the next prompt takes about 40 ms under TCG on QEMU's
 * i440FX (program start included; hardware.run's marks).
 */
#include "pcinames.h"
#include <proto/pci.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>
#include <tern/tool.h>

#define LSPCI_PCI PROG_CAP(0)   /* service=pci */

static int usage(void)
{
	return tool_usage("[-n]\n"
			  "  list the PCI functions: bus:device.function, class, vendor [vendor:device]\n"
			  "  -n  numbers only, no names");
}

static long show(unsigned bus, unsigned dev, unsigned fn, bool names)
{
	uint32_t id, class_rev;
	long r = pci_read(LSPCI_PCI, bus, dev, fn, 0x00, &id);
	if (r == 0)
		r = pci_read(LSPCI_PCI, bus, dev, fn, 0x08, &class_rev);
	if (r)
		return r;
	char line[160];
	pci_describe(line, sizeof(line), bus, dev, fn, id, class_rev, names);
	printf("%s\n", line);
	return 0;
}

int main(int argc, const char **argv)
{
	bool names = true;
	tool_init(argc, argv);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n"))
			names = false;
		else if (!strcmp(argv[i], "-h"))
			return usage();
		else {
			tool_error("unknown option '%s'", argv[i]);
			return usage();
		}
	}
	for (unsigned bus = 0; bus < PCI_BUSES; bus++) {
		uint64_t map[4];
		long r = pci_funcs(LSPCI_PCI, bus, map);
		for (unsigned bit = 0; r == 0 && bit < 256; bit++)
			if (map[bit / 64] >> (bit % 64) & 1)
				r = show(bus, bit / 8, bit % 8, names);
		if (r) {
			return tool_error("the pci service: %s", tern_strerror((uint64_t)-r));
		}
	}
	return 0;
}
