/* Fatal kernel errors and machine shutdown. */
#pragma once

__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);

/* Power off (status 0 under QEMU) or, failing that, halt. */
__attribute__((noreturn)) void machine_poweroff(void);
/* Reset the machine: keyboard controller, ACPI, port 0xCF9, triple fault. */
__attribute__((noreturn)) void machine_reboot(void);
/* Leave QEMU with a failure status (isa-debug-exit), else halt forever. */
__attribute__((noreturn)) void machine_fail(int code);
/* Stop this CPU for good. */
__attribute__((noreturn)) void machine_halt(void);
