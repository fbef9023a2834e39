/*
 * A driver that touches an I/O port outside its manifest (test): it may use
 * 0x3F8..0x3FF but reads 0x60 (the keyboard controller). The kernel stops
 * it with a fault; init reports it and gives up on it after its restarts,
 * while the rest of the system keeps working.
 */
#include <stdio.h>
#include <tern/program.h>
#include <tern/sys.h>

static unsigned char inb(unsigned short port)
{
	unsigned char v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

int main(void)
{
	tern_invoke(PROG_CAP(0), IOPORT_ENABLE, 0, 0, 0, 0, 0);
	printf("badport: line status 0x%x (allowed port)\n", inb(0x3FD));
	printf("badport: now reading port 0x60, which is not mine\n");
	return inb(0x60);
}
