/* Unit tests for userspace/bin/lspci/pcinames.c: names and lspci's line. */
#include "unit.h"
#include "pcinames.h"
#include <string.h>

TEST(pcinames_vendors)
{
	CHECK_STR(pci_vendor_name(0x8086), "Intel Corporation");
	CHECK(strstr(pci_vendor_name(0x1af4), "virtio") != 0);
	CHECK(pci_vendor_name(0x1234) != 0);
	CHECK(pci_vendor_name(0x10de) && pci_vendor_name(0x1002) && pci_vendor_name(0x10ec));
	CHECK(pci_vendor_name(0x14e4) && pci_vendor_name(0x15ad) && pci_vendor_name(0x1b36));
	CHECK(pci_vendor_name(0xABCD) == 0);
	CHECK(pci_vendor_name(0xFFFF) == 0);
}

TEST(pcinames_classes)
{
	CHECK_STR(pci_class_name(0x06, 0x00), "Host bridge");
	CHECK_STR(pci_class_name(0x06, 0x01), "ISA bridge");
	CHECK_STR(pci_class_name(0x01, 0x01), "IDE interface");
	CHECK_STR(pci_class_name(0x03, 0x00), "VGA compatible controller");
	CHECK_STR(pci_class_name(0x02, 0x00), "Ethernet controller");
	CHECK_STR(pci_class_name(0x0C, 0x03), "USB controller");
	CHECK_STR(pci_class_name(0x06, 0x80), "Bridge");        /* 0x80 "other": the base class */
	CHECK_STR(pci_class_name(0x06, 0xFF), "Bridge");
	CHECK_STR(pci_class_name(0x02, 0x42), "Network controller");
	CHECK(pci_class_name(0x20, 0x00) == 0);                 /* a class nobody assigned */
}

TEST(pcinames_lines_like_lspci_nn)
{
	char buf[160];
	pci_describe(buf, sizeof(buf), 0, 1, 0, 0x70008086, 0x06010000, true);
	CHECK_STR(buf, "00:01.0 ISA bridge [0601]: Intel Corporation [8086:7000]");
	pci_describe(buf, sizeof(buf), 0, 0, 0, 0x12378086, 0x06000002, true);
	CHECK_STR(buf, "00:00.0 Host bridge [0600]: Intel Corporation [8086:1237] (rev 02)");
	pci_describe(buf, sizeof(buf), 0x1f, 0x1a, 7, 0x5678abcd, 0x20000000, true);
	CHECK_STR(buf, "1f:1a.7 Class [2000]: Device [abcd:5678]");
	pci_describe(buf, sizeof(buf), 0, 3, 0, 0x100e8086, 0x02000003, false);
	CHECK_STR(buf, "00:03.0 0200: 8086:100e (rev 03)");
	CHECK(pci_describe(buf, 8, 0, 3, 0, 0x100e8086, 0x02000003, true) > 8);  /* cut, not overrun */
	CHECK_EQ(strlen(buf), 7);
}
