/*
 * Scenario lines and boot entries for lab machines (labboot.h). The
 * choices, and why, are in docs/lab.md: a lab machine has only its serial
 * console, so whatever a scenario asks of QEMU itself (its devices, its
 * monitor, its exit status, files it wrote) is refused by name before any
 * machine is powered on; -kernel and -initrd become the files loaded into
 * the TFTP root, and -append the kernel arguments.
 */
#include "labboot.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *lab_line_refused(char **argv, int argc)
{
	static const struct { const char *cmd; const char *why; } qemu_only[] = {
		{ "wrap", "runs QEMU under a command; a lab machine is not started by a command of ours" },
		{ "serial", "wires QEMU's serial lines; on a lab, console_port says where the console is" },
		{ "debug-exit", "is about QEMU's isa-debug-exit device" },
		{ "reject-file", "reads a file QEMU wrote" },
		{ "screen", "reads the screen through QEMU's monitor" },
		{ "screen-expect", "reads the screen through QEMU's monitor" },
		{ "screen-reject", "reads the screen through QEMU's monitor" },
		{ "screen-save", "reads the screen through QEMU's monitor" },
		{ "sendkey", "types on QEMU's keyboard through its monitor" },
	};
	if (!argc)
		return 0;
	for (size_t i = 0; i < sizeof(qemu_only) / sizeof(qemu_only[0]); i++)
		if (!strcmp(argv[0], qemu_only[i].cmd))
			return qemu_only[i].why;
	if (!strcmp(argv[0], "exit") && argc >= 2 && strcmp(argv[1], "ok"))
		return "waits for an isa-debug-exit code, which only QEMU reports (exit ok is the power-off line)";
	return 0;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Printable ASCII only, and no '$' (iPXE expands ${...} in its scripts). */
static int args_ok(const char *s)
{
	for (; *s; s++)
		if (*s < 0x20 || *s > 0x7e || *s == '$')
			return 0;
	return 1;
}

static int has_word(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	for (const char *p = s; (p = strstr(p, prefix)); p += n)
		if (p == s || p[-1] == ' ')
			return 1;
	return 0;
}

int lab_boot_parse(char **argv, int argc, int com2, struct lab_boot *b, char *err, size_t errlen)
{
	memset(b, 0, sizeof(*b));
	const char *append = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = !strcmp(a, "-kernel") ? &b->kernel
				  : !strcmp(a, "-initrd") ? &b->initrd
				  : !strcmp(a, "-append") ? &append : 0;
		if (!slot)
			return fail(err, errlen,
				    "boot option %s cannot run on a lab machine (only -kernel, -initrd and -append can)",
				    a);
		if (i + 1 == argc)
			return fail(err, errlen, "boot option %s has no value", a);
		if (*slot)
			return fail(err, errlen, "boot option %s given twice", a);
		*slot = argv[++i];
	}
	const char *extra = com2 && !(append && has_word(append, "console=")) ? "console=com2" : "";
	int n = snprintf(b->args, sizeof(b->args), "%s%s%s", append ? append : "",
			 append && *append && *extra ? " " : "", extra);
	if (n < 0 || (size_t)n >= sizeof(b->args))
		return fail(err, errlen, "kernel arguments longer than %d bytes", LAB_ARGS_MAX - 1);
	if (!args_ok(b->args))
		return fail(err, errlen, "kernel arguments \"%s\" have a byte a boot entry cannot carry "
				"(control characters, non-ASCII or '$')", b->args);
	return 0;
}

void lab_mac_hyphen(const uint8_t mac[6], char out[18])
{
	snprintf(out, 18, "%02x-%02x-%02x-%02x-%02x-%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

static int fits(int n, size_t size)
{
	return n >= 0 && (size_t)n < size ? n : -1;
}

int lab_pxelinux_entry(char *buf, size_t size, const char *name, const char *dir, const char *args, int com2)
{
	/* As image/boot.cfg.in: SERIAL first and once, CONSOLE 0 keeps
	 * syslinux off the screen a BIOS may copy to the serial line. */
	return fits(snprintf(buf, size,
			     "# tern-run --lab: %s's boot for one run; removed when the run ends\n"
			     "SERIAL %d 115200\n"
			     "CONSOLE 0\n"
			     "DEFAULT tern\n"
			     "PROMPT 0\n"
			     "LABEL tern\n"
			     "  KERNEL mboot.c32\n"
			     "  APPEND %stern.elf%s%s --- %sinitramfs.tar\n",
			     name, com2 ? 1 : 0, dir, *args ? " " : "", args, dir),
		    size);
}

int lab_ipxe_entry(char *buf, size_t size, const char *name, const char *dir, const char *args)
{
	/* A whole boot, not "set tern-args; chain boot.ipxe": this run's
	 * kernel may live in its own directory. UEFI as in boot.ipxe. */
	return fits(snprintf(buf, size,
			     "#!ipxe\n"
			     "# tern-run --lab: %s's boot for one run; removed when the run ends\n"
			     "iseq ${platform} efi && goto efi ||\n"
			     "kernel %stern.elf%s%s || goto failed\n"
			     "module %sinitramfs.tar || goto failed\n"
			     "boot || goto failed\n"
			     ":efi\n"
			     "imgfetch %stern.elf || goto failed\n"
			     "imgfetch %sinitramfs.tar || goto failed\n"
			     "chain bootx64.efi tern.elf%s%s --- initramfs.tar || goto failed\n"
			     ":failed\n"
			     "echo tern: network boot failed, see the message above\n"
			     "exit 1\n",
			     name, dir, *args ? " " : "", args, dir, dir, dir, *args ? " " : "", args),
		    size);
}
