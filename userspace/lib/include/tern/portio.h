/*
 * x86 port I/O for drivers. The instructions work only on ports the task
 * was given with IOPORT_ENABLE on an ioport cap (a manifest's
 * `N:ioport = min=..., max=...`); any other port faults (FAULT_IOPORT).
 */
#pragma once
#include <stdint.h>

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* 32-bit accesses (PCI configuration mechanism #1 needs them): the task
 * must hold all four ports port..port+3. */
static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint32_t inl(uint16_t port)
{
	uint32_t v;
	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
