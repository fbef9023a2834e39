/*
 * A program holding exactly drv/pci's hardware (test; ci/unit's
 * hwmanifest checks that manifests/pcistray.ini grants what pci.ini
 * grants): it reads the host bridge's IDs through 0xCF8/0xCFC as the
 * driver does, then reads the port given as argv[1] (hex), outside that
 * range. The kernel stops it and init reports the port, which is what
 * would happen to drv/pci if it strayed.
 */
#include <stdio.h>
#include <tern/portio.h>
#include <tern/program.h>
#include <tern/sys.h>

static unsigned hex(const char *s)
{
	unsigned v = 0;
	for (; *s; s++)
		v = v * 16 + (unsigned)(*s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10);
	return v;
}

int main(int argc, const char **argv)
{
	if (argc < 2 || tern_invoke(PROG_CAP(0), IOPORT_ENABLE, 0, 0, 0, 0, 0)) {
		printf("pcistray: usage: pcistray PORT (and the manifest's ports)\n");
		return 1;
	}
	outl(0xCF8, 0x80000000u);
	printf("pcistray: 00:00.0 reads %x through 0xCF8/0xCFC\n", inl(0xCFC));
	uint16_t port = (uint16_t)hex(argv[1]);
	printf("pcistray: now reading port 0x%x\n", port);
	return inb(port);
}
