/*
 * Names for lspci, pure: a few common vendors, the base classes and their
 * common subclasses (PCI Code and ID Assignment Specification), and one
 * function's line in the style of `lspci -nn`.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0 when we have no name for it. */
const char *pci_vendor_name(uint16_t vendor);
/* The subclass's name, else the base class's, else 0. */
const char *pci_class_name(uint8_t base, uint8_t sub);

/* One function: id = dword 0 (device << 16 | vendor), class_rev = dword 8
 * (class << 24 | subclass << 16 | prog-if << 8 | revision). With names
 * false, only numbers (lspci -n). Returns what snprintf returns. E.g.
 *   00:01.0 ISA bridge [0601]: Intel Corporation [8086:7000]
 *   00:02.0 VGA compatible controller [0300]: Bochs/QEMU [1234:1111] (rev 02) */
int pci_describe(char *buf, size_t size, unsigned bus, unsigned dev, unsigned fn, uint32_t id,
		 uint32_t class_rev, bool names);
