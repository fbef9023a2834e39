/* The lab description parser and the lab boot entries (ci/run/labini.c, labboot.c). */
#include <string.h>
#include "unit.h"
#include "../run/labboot.h"
#include "../run/labini.h"

static struct lab lab;

/* CHECK_STR for the lab's long fields (CHECK_STR's message buffer is short). */
static int same(const char *got, const char *want)
{
	if (strcmp(got, want))
		fprintf(stderr, "got \"%s\", want \"%s\"\n", got, want);
	return !strcmp(got, want);
}
#define CHECK_LSTR(a, b) CHECK(same((a), (b)))
static char err[256];

static int parse(const char *s)
{
	err[0] = '\0';
	return lab_parse(s, strlen(s), &lab, err, sizeof(err));
}

#define GOOD_MACHINE \
	"[machine node1]\nmac = 52:54:00:12:34:01\npower_on = on\npower_off = off\nconsole = cat\n"

TEST(lab_parses_the_example)
{
	static const char example[] = "# a lab\n[lab]\ntftp_root = /srv/tftp/tern   # where entries go\n\n"
		       "[machine node1]\r\nmac = 52:54:00:12:34:01\n"
		       "power_on  = ipmitool -H 10.0.0.21 -U admin -f pw chassis power cycle\n"
		       "power_off = ipmitool -H 10.0.0.21 chassis power off\n"
		       "console   = ipmitool -H 10.0.0.21 sol activate\n"
		       "console_port = com2\nboot_timeout = 300\n"
		       "[machine node-2.b]\nmac=AA-bb-cc-dd-ee-0f\npower_on=wol aa:bb\npower_off=true\n"
		       "console=telnet cs 7003\n";
	CHECK_EQ(parse(example), 0);
	CHECK_LSTR(lab.tftp_root, "/srv/tftp/tern");
	CHECK_EQ(lab.n, 2);
	CHECK_LSTR(lab.m[0].name, "node1");
	CHECK_EQ(lab.m[0].mac[5], 1);
	CHECK_LSTR(lab.m[0].power_on, "ipmitool -H 10.0.0.21 -U admin -f pw chassis power cycle");
	CHECK_LSTR(lab.m[0].console, "ipmitool -H 10.0.0.21 sol activate");
	CHECK_EQ(lab.m[0].com2, 1);
	CHECK_EQ(lab.m[0].boot_timeout, 300);
	CHECK_EQ(lab.m[0].timeout_scale, 1);
	CHECK_LSTR(lab.m[1].name, "node-2.b");
	CHECK_EQ(lab.m[1].mac[0], 0xaa);
	CHECK_EQ(lab.m[1].com2, 0);
	CHECK_EQ(lab.m[1].boot_timeout, LAB_BOOT_TIMEOUT_DEFAULT);
	CHECK(lab_find(&lab, "node-2.b") == &lab.m[1]);
	CHECK(lab_find(&lab, "node3") == 0);
}

TEST(lab_timeout_scale_defaults_from_lab)
{
	static const char text[] = "[lab]\ntftp_root=/t\ntimeout_scale=3\n" GOOD_MACHINE
		       "[machine n2]\nmac=52:54:00:12:34:02\npower_on=a\npower_off=b\nconsole=c\ntimeout_scale=5\n";
	CHECK_EQ(parse(text), 0);
	CHECK_EQ(lab.m[0].timeout_scale, 3);
	CHECK_EQ(lab.m[1].timeout_scale, 5);
}

/* Every mistake is refused with its line. */
TEST(lab_refuses_mistakes)
{
	static const struct { const char *text, *want; } cases[] = {
		{ "[lab]\ntftp_root=/t\n[machine node1]\nmac=52:54:00:12:34\n", "4: bad MAC" },
		{ "[lab]\ntftp_root=/t\n[machine node1]\nmac=52:54:00:12:34:0g\n", "4: bad MAC" },
		{ "[lab]\ntftp_root=/t\n[machine node1]\nmac=52:54-00:12:34:01\n", "4: bad MAC" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE "colour = red\n", "8: unknown key \"colour\"" },
		{ "[lab]\ntftp_root=/t\nwhatever=1\n", "3: unknown key \"whatever\" in [lab]" },
		{ "[lab]\ntftp_root=t\n", "2: tftp_root must be an absolute path" },
		{ "[lab]\ntftp_root=/t\n[machine node1]\nmac=52:54:00:12:34:01\npower_on=x\nconsole=c\n",
		  "3: machine node1 has no power_off" },
		{ "[lab]\ntftp_root=/t\n[machine node1]\nmac=52:54:00:12:34:01\npower_off=x\nconsole=c\n",
		  "3: machine node1 has no power_on" },
		{ "[lab]\ntftp_root=/t\n[machine node1]\nmac=52:54:00:12:34:01\npower_on=x\npower_off=x\n",
		  "3: machine node1 has no console" },
		{ "[lab]\ntftp_root=/t\n[machine node1]\npower_on=x\npower_off=x\nconsole=c\n",
		  "3: machine node1 has no mac" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE "power_on = # nothing\n", "8: power_on given twice" },
		{ "[lab]\ntftp_root=/t\n[machine n]\npower_on = # nothing\n", "4: power_on is empty" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE "console_port=com3\n", "8: console_port must be com1 or com2" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE "boot_timeout=0\n", "8: boot_timeout must be" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE "boot_timeout=3601\n", "8: boot_timeout must be" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE "boot_timeout=12s\n", "8: boot_timeout must be" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE GOOD_MACHINE, "8: machine node1 again (first at line 3)" },
		{ "[lab]\ntftp_root=/t\n" GOOD_MACHINE "[machine n2]\nmac=52:54:00:12:34:01\npower_on=a\n"
		  "power_off=b\nconsole=c\n", "8: machine n2 has the MAC of machine node1" },
		{ "[lab]\ntftp_root=/t\n[machine ../x]\n", "3: bad machine name" },
		{ "[lab]\ntftp_root=/t\n[machine]\n", "3: unknown section [machine]" },
		{ "[lab]\ntftp_root=/t\n[laboratory]\n", "3: unknown section [laboratory]" },
		{ "[lab]\ntftp_root=/t\n[lab]\n", "3: a second [lab] section" },
		{ "[lab\n", "1: section line without ']'" },
		{ "mac=1\n", "1: key \"mac\" before any section" },
		{ "[lab]\njust words\n", "2: not a key = value line" },
		{ "[lab]\ntftp_root=/t\x01\n", "2: control character 0x01" },
		{ "[lab]\n", "no tftp_root" },
		{ "[lab]\ntftp_root=/t\n", "no [machine NAME] section" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_EQ(parse(cases[i].text), -1);
		if (strncmp(err, cases[i].want, strlen(cases[i].want))) {
			fprintf(stderr, "case %zu: got \"%s\", want \"%s...\"\n", i, err, cases[i].want);
			CHECK(0);
		}
	}
}

TEST(lab_refuses_long_values)
{
	static char text[4096];
	strcpy(text, "[lab]\ntftp_root=/");
	memset(text + strlen(text), 'a', LAB_VALUE_MAX + 1);
	CHECK_EQ(parse(text), -1);
	CHECK_STR(err, "2: value longer than 511 bytes");
	memset(text, 'a', LAB_LINE_MAX + 1);
	text[LAB_LINE_MAX + 1] = '\0';
	CHECK_EQ(parse(text), -1);
	CHECK_STR(err, "1: line longer than 1024 bytes");
}

static int boot(int com2, const char *a0, const char *a1, const char *a2, const char *a3)
{
	char *argv[4] = { (char *)a0, (char *)a1, (char *)a2, (char *)a3 };
	int argc = a3 ? 4 : a2 ? 3 : a1 ? 2 : a0 ? 1 : 0;
	static struct lab_boot b;
	int r = lab_boot_parse(argv, argc, com2, &b, err, sizeof(err));
	if (!r)
		strcpy(err, b.args);
	return r;
}

TEST(lab_boot_lines)
{
	CHECK_EQ(boot(0, "-kernel", "k", "-append", "init=/test/ktest skip=attack_"), 0);
	CHECK_STR(err, "init=/test/ktest skip=attack_");
	CHECK_EQ(boot(1, "-append", "init=/test/ktest", 0, 0), 0);
	CHECK_STR(err, "init=/test/ktest console=com2");
	CHECK_EQ(boot(1, "-kernel", "k", "-initrd", "i"), 0);
	CHECK_STR(err, "console=com2");
	CHECK_EQ(boot(1, "-append", "console=screen", 0, 0), 0);
	CHECK_STR(err, "console=screen");
	CHECK_EQ(boot(0, 0, 0, 0, 0), 0);
	CHECK_STR(err, "");
	CHECK_EQ(boot(0, "-kernel", "k", "-device", "e1000"), -1);
	CHECK_STR(err, "boot option -device cannot run on a lab machine (only -kernel, -initrd and -append can)");
	CHECK_EQ(boot(0, "-m", "16", 0, 0), -1);
	CHECK_EQ(boot(0, "-append", 0, 0, 0), -1);
	CHECK_STR(err, "boot option -append has no value");
	CHECK_EQ(boot(0, "-append", "a", "-append", "b"), -1);
	CHECK_EQ(boot(0, "-append", "x=${y}", 0, 0), -1);
	CHECK_EQ(boot(0, "-append", "a\nb", 0, 0), -1);
}

TEST(lab_scenario_lines)
{
	char *ok[][3] = { { "expect", "x", 0 }, { "exit", "ok", 0 }, { "send", "a", 0 }, { "report", 0, 0 } };
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		CHECK(lab_line_refused(ok[i], ok[i][1] ? 2 : 1) == 0);
	char *bad[][3] = { { "exit", "3", 0 }, { "serial", "stdio", 0 }, { "sendkey", "a", 0 },
			   { "screen-expect", "x", 0 }, { "wrap", "x", 0 }, { "debug-exit", "off", 0 },
			   { "reject-file", "f", 0 } };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(lab_line_refused(bad[i], 2) != 0);
}

TEST(lab_entries)
{
	uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0xAB };
	char m[18], buf[1024];
	lab_mac_hyphen(mac, m);
	CHECK_STR(m, "52-54-00-12-34-ab");
	CHECK(lab_pxelinux_entry(buf, sizeof(buf), "n1", "run-1/", "init=/test/ktest", 1) > 0);
	CHECK(strstr(buf, "\nSERIAL 1 115200\n"));
	CHECK(strstr(buf, "\n  APPEND run-1/tern.elf init=/test/ktest --- run-1/initramfs.tar\n"));
	CHECK(lab_pxelinux_entry(buf, sizeof(buf), "n1", "", "", 0) > 0);
	CHECK(strstr(buf, "\nSERIAL 0 115200\n"));
	CHECK(strstr(buf, "\n  APPEND tern.elf --- initramfs.tar\n"));
	CHECK(lab_ipxe_entry(buf, sizeof(buf), "n1", "run-1/", "poweroff") > 0);
	CHECK(!strncmp(buf, "#!ipxe\n", 7));
	CHECK(strstr(buf, "\nkernel run-1/tern.elf poweroff || goto failed\n"));
	CHECK(strstr(buf, "\nmodule run-1/initramfs.tar || goto failed\n"));
	CHECK(strstr(buf, "\nchain bootx64.efi tern.elf poweroff --- initramfs.tar || goto failed\n"));
	CHECK_EQ(lab_ipxe_entry(buf, 64, "n1", "", "x"), -1);
	CHECK_EQ(lab_pxelinux_entry(buf, 64, "n1", "", "x", 0), -1);
}
