/*
 * PCI configuration mechanism #1, the pure part: a (bus, device,
 * function, offset) checked and turned into the dword written to port
 * 0xCF8, and a bus scan over any reader of configuration dwords (the
 * ports in main.c, a table in the unit test).
 */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define PCI_CONF_ADDR   0xCF8
#define PCI_CONF_DATA   0xCFC
#define PCI_CF8_ENABLE  0x80000000u

/* false (and *cf8 untouched) when a field is out of range or off is not a
 * multiple of 4 below 256: values come from clients and are checked here. */
bool pciconf_address(uint64_t bus, uint64_t dev, uint64_t fn, uint64_t off, uint32_t *cf8);

typedef uint32_t (*pciconf_reader)(void *ctx, uint32_t cf8);

/* Functions present on bus: bit dev * 8 + fn of map[4]. Function 0 decides
 * whether a device is there; functions 1..7 are looked at only when its
 * header type says multi-function (bit 7), as the specification asks,
 * because single-function devices may answer every function number. */
void pciconf_scan_bus(pciconf_reader rd, void *ctx, unsigned bus, uint64_t map[4]);
