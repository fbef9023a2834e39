/* Vendor and class names, and lspci's line (pcinames.h). */
#include "pcinames.h"
#include <stdio.h>

struct vendor {
	uint16_t id;
	const char *name;
};

/* The vendors one meets in PCs and virtual machines. */
static const struct vendor vendors[] = {
	{ 0x8086, "Intel Corporation" },
	{ 0x8087, "Intel Corporation" },
	{ 0x1234, "Bochs/QEMU" },
	{ 0x1af4, "Red Hat, Inc. (virtio)" },
	{ 0x1b36, "Red Hat, Inc. (QEMU)" },
	{ 0x10de, "NVIDIA Corporation" },
	{ 0x1002, "Advanced Micro Devices, Inc. [AMD/ATI]" },
	{ 0x1022, "Advanced Micro Devices, Inc. [AMD]" },
	{ 0x10ec, "Realtek Semiconductor Co., Ltd." },
	{ 0x14e4, "Broadcom Inc." },
	{ 0x15ad, "VMware" },
	{ 0x80ee, "InnoTek (VirtualBox)" },
	{ 0x1b21, "ASMedia Technology Inc." },
	{ 0x144d, "Samsung Electronics Co Ltd" },
};

const char *pci_vendor_name(uint16_t vendor)
{
	for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
		if (vendors[i].id == vendor)
			return vendors[i].name;
	return 0;
}

/* Subclass 0xFF in this table names the base class itself. */
struct class_name {
	uint8_t base, sub;
	const char *name;
};

static const struct class_name classes[] = {
	{ 0x00, 0xFF, "Unclassified device" },
	{ 0x00, 0x00, "Non-VGA unclassified device" },
	{ 0x00, 0x01, "VGA compatible unclassified device" },
	{ 0x01, 0xFF, "Mass storage controller" },
	{ 0x01, 0x00, "SCSI storage controller" },
	{ 0x01, 0x01, "IDE interface" },
	{ 0x01, 0x02, "Floppy disk controller" },
	{ 0x01, 0x04, "RAID bus controller" },
	{ 0x01, 0x05, "ATA controller" },
	{ 0x01, 0x06, "SATA controller" },
	{ 0x01, 0x07, "Serial Attached SCSI controller" },
	{ 0x01, 0x08, "Non-Volatile memory controller" },
	{ 0x02, 0xFF, "Network controller" },
	{ 0x02, 0x00, "Ethernet controller" },
	{ 0x02, 0x01, "Token ring network controller" },
	{ 0x02, 0x02, "FDDI network controller" },
	{ 0x02, 0x03, "ATM network controller" },
	{ 0x02, 0x07, "InfiniBand controller" },
	{ 0x03, 0xFF, "Display controller" },
	{ 0x03, 0x00, "VGA compatible controller" },
	{ 0x03, 0x01, "XGA compatible controller" },
	{ 0x03, 0x02, "3D controller" },
	{ 0x04, 0xFF, "Multimedia controller" },
	{ 0x04, 0x00, "Multimedia video controller" },
	{ 0x04, 0x01, "Multimedia audio controller" },
	{ 0x04, 0x03, "Audio device" },
	{ 0x05, 0xFF, "Memory controller" },
	{ 0x05, 0x00, "RAM memory" },
	{ 0x05, 0x01, "FLASH memory" },
	{ 0x06, 0xFF, "Bridge" },
	{ 0x06, 0x00, "Host bridge" },
	{ 0x06, 0x01, "ISA bridge" },
	{ 0x06, 0x02, "EISA bridge" },
	{ 0x06, 0x04, "PCI bridge" },
	{ 0x06, 0x05, "PCMCIA bridge" },
	{ 0x06, 0x07, "CardBus bridge" },
	{ 0x06, 0x09, "Semi-transparent PCI-to-PCI bridge" },
	{ 0x07, 0xFF, "Communication controller" },
	{ 0x07, 0x00, "Serial controller" },
	{ 0x07, 0x01, "Parallel controller" },
	{ 0x07, 0x02, "Multiport serial controller" },
	{ 0x07, 0x03, "Modem" },
	{ 0x08, 0xFF, "Generic system peripheral" },
	{ 0x08, 0x00, "PIC" },
	{ 0x08, 0x01, "DMA controller" },
	{ 0x08, 0x02, "Timer" },
	{ 0x08, 0x03, "RTC" },
	{ 0x08, 0x05, "SD Host controller" },
	{ 0x08, 0x06, "IOMMU" },
	{ 0x09, 0xFF, "Input device controller" },
	{ 0x09, 0x00, "Keyboard controller" },
	{ 0x09, 0x02, "Mouse controller" },
	{ 0x0A, 0xFF, "Docking station" },
	{ 0x0B, 0xFF, "Processor" },
	{ 0x0C, 0xFF, "Serial bus controller" },
	{ 0x0C, 0x00, "FireWire (IEEE 1394)" },
	{ 0x0C, 0x03, "USB controller" },
	{ 0x0C, 0x04, "Fibre Channel" },
	{ 0x0C, 0x05, "SMBus" },
	{ 0x0C, 0x07, "IPMI Interface" },
	{ 0x0D, 0xFF, "Wireless controller" },
	{ 0x0E, 0xFF, "Intelligent controller" },
	{ 0x0F, 0xFF, "Satellite communications controller" },
	{ 0x10, 0xFF, "Encryption controller" },
	{ 0x11, 0xFF, "Signal processing controller" },
	{ 0x12, 0xFF, "Processing accelerators" },
	{ 0x13, 0xFF, "Non-Essential Instrumentation" },
	{ 0x40, 0xFF, "Coprocessor" },
	{ 0xFF, 0xFF, "Unassigned class" },
};

const char *pci_class_name(uint8_t base, uint8_t sub)
{
	const char *whole = 0;
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		if (classes[i].base != base)
			continue;
		if (classes[i].sub == sub && sub != 0xFF)
			return classes[i].name;
		if (classes[i].sub == 0xFF)
			whole = classes[i].name;
	}
	return whole;
}

int pci_describe(char *buf, size_t size, unsigned bus, unsigned dev, unsigned fn, uint32_t id,
		 uint32_t class_rev, bool names)
{
	uint16_t vendor = (uint16_t)id, device = (uint16_t)(id >> 16);
	uint8_t base = (uint8_t)(class_rev >> 24), sub = (uint8_t)(class_rev >> 16);
	uint8_t rev = (uint8_t)class_rev;
	const char *cname = names ? pci_class_name(base, sub) : 0;
	const char *vname = names ? pci_vendor_name(vendor) : 0;
	char revs[16] = "";
	if (rev)
		snprintf(revs, sizeof(revs), " (rev %02x)", rev);
	if (!names)
		return snprintf(buf, size, "%02x:%02x.%u %02x%02x: %04x:%04x%s", bus, dev, fn, base, sub,
				vendor, device, revs);
	return snprintf(buf, size, "%02x:%02x.%u %s [%02x%02x]: %s [%04x:%04x]%s", bus, dev, fn,
			cname ? cname : "Class", base, sub, vname ? vname : "Device", vendor, device,
			revs);
}
