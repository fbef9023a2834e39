/*
 * PCI configuration space, read-only: what drv/pci serves as "pci" to
 * lspci (and, later, to drivers that look for their device). Labels of
 * requests; the reply's label is 0 or an E_* code (abi/error.h).
 *
 *   PCI_READ   MR0 = bus (0..255), MR1 = device (0..31), MR2 = function
 *              (0..7), MR3 = offset (0..252, a multiple of 4).
 *              Reply MR0 = the dword there (0xFFFFFFFF where no function
 *              answers, as the hardware reads). E_BAD_ARG when any field
 *              is out of range or the offset is not aligned.
 *   PCI_FUNCS  MR0 = bus (0..255). Reply MR0..MR3: 256 bits, bit
 *              device * 8 + function set for every function present on
 *              that bus (one call instead of 256 reads of vendor IDs).
 *
 * A message shorter than its method's fields, or an unknown method, is
 * answered E_BAD_ARG / E_BAD_SYSCALL; the driver never blocks.
 *
 * Why there is no write: a configuration write can move a device's BARs
 * over RAM or the kernel, or turn on bus mastering, which lets the device
 * DMA anywhere in physical memory. Whoever may write configuration space
 * is as strong as the kernel, so nobody gets that through a shared
 * service; a driver that needs to program its device will get a protocol
 * (or capability) narrowed to that one function's registers.
 */
#pragma once
#include <tern/msgbuf.h>

enum pci_method {
	PCI_READ = 1,
	PCI_FUNCS,
};

#define PCI_BUSES       256
#define PCI_DEVICES     32
#define PCI_FUNCTIONS   8
#define PCI_CONF_SIZE   256     /* bytes of configuration space (mechanism #1) */

/* Client stubs (lib/pci.c): 0 or -E_*. */
long pci_read(uint64_t ep, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint32_t *out);
long pci_funcs(uint64_t ep, unsigned bus, uint64_t map[4]);
