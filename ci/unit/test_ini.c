/* Unit tests for userspace/lib/ini.c: manifests, errors, value lists, numbers. */
#include "unit.h"
#include "ini.h"
#include <string.h>

/* Collects items as "section|key|value|line" lines for easy comparison. */
struct collect {
	char out[2048];
	size_t n;
	int stop_at;            /* abort (return 9) at this line, if nonzero */
};

static int collect(void *ctx, const struct ini_item *it, const char **why)
{
	struct collect *c = ctx;
	if (c->stop_at && (int)it->line == c->stop_at) {
		*why = "stopped by test";
		return 9;
	}
	c->n += (size_t)snprintf(c->out + c->n, sizeof(c->out) - c->n, "%s|%s|%s|%u\n",
				 it->section, it->key, it->value, it->line);
	return 0;
}

/* CHECK_STR for long outputs: prints both in full. */
#define CHECK_OUT(got, want) \
	do { \
		if (strcmp(got, want)) { \
			printf("got:\n%s\nwant:\n%s\n", got, want); \
			unit_fail(__FILE__, __LINE__, #got " == " #want); \
			return; \
		} \
	} while (0)

static int parse(const char *text, struct collect *c, struct ini_error *err)
{
	memset(c, 0, sizeof(*c));
	return ini_parse(text, strlen(text), collect, c, err);
}

#include "helios.h"

TEST(ini_helios_manifest_verbatim)
{
	struct collect c;
	struct ini_error err;
	CHECK_EQ(parse(helios, &c, &err), 0);
	CHECK_EQ(err.line, 0);
	CHECK_OUT(c.out,
		  "driver|name|pcserial|2\n"
		  "driver|desc|Serial driver for x86_64 PCs|3\n"
		  "cspace|radix|12|6\n"
		  "capabilities|0:endpoint||9\n"
		  "capabilities|1:ioport|min=3F8, max=400|10\n"
		  "capabilities|2:ioport|min=2E8, max=2F0|11\n"
		  "capabilities|3:note||12\n"
		  "capabilities|4:irq|irq=3, note=3|13\n"
		  "capabilities|5:irq|irq=4, note=3|14\n");
}

TEST(ini_crlf_comments_blanks_and_no_final_newline)
{
	struct collect c;
	CHECK_EQ(parse("# top\r\n ; also\r\n\t\r\n[ a ]  \r\n  k\t=  v w  \r\nx=;not a comment", &c, 0), 0);
	CHECK_OUT(c.out, "a|k|v w|5\na|x|;not a comment|6\n");
}

TEST(ini_empty_text_and_section_only)
{
	struct collect c;
	CHECK_EQ(parse("", &c, 0), 0);
	CHECK_EQ(c.n, 0);
	CHECK_EQ(parse("[only]\n", &c, 0), 0);
	CHECK_EQ(c.n, 0);
}

TEST(ini_value_may_contain_equals_and_utf8)
{
	struct collect c;
	CHECK_EQ(parse("[s]\nk = a=b = c\nd=caf\xc3\xa9\n", &c, 0), 0);
	CHECK_OUT(c.out, "s|k|a=b = c|2\ns|d|caf\xc3\xa9|3\n");
}

static void expect_error(const char *text, size_t len, unsigned line, const char *reason)
{
	struct collect c;
	struct ini_error err;
	memset(&c, 0, sizeof(c));
	int r = ini_parse(text, len, collect, &c, &err);
	CHECK_EQ(r, INI_ESYNTAX);
	CHECK_EQ(err.line, line);
	CHECK_STR(err.reason, reason);
}
#define ERR(text, line, reason) \
	do { \
		expect_error(text, sizeof(text) - 1, line, reason); \
		if (unit_failed_now) \
			return; \
	} while (0)

TEST(ini_syntax_errors_say_line_and_reason)
{
	ERR("[a\n", 1, "missing ']'");
	ERR("[a] x\n", 1, "text after ']'");
	ERR("[]\n", 1, "empty section name");
	ERR("[a b]\n", 1, "bad character in section name");
	ERR("[a]\nkey\n", 2, "key without '='");
	ERR("[a]\n = v\n", 2, "empty key");
	ERR("[a]\nk k = v\n", 2, "bad character in key");
	ERR("[a]\nk[1] = v\n", 2, "bad character in key");
	ERR("k=v\n", 1, "key outside any section");
	ERR("[a]\nk=v\0w\n", 2, "NUL byte in text");
	ERR("[a]\nk=v\rw\n", 2, "control character in text");
	ERR("[a]\n\n\nk=\x1b[0m\n", 4, "control character in text");
}

TEST(ini_length_limits_are_errors_not_truncation)
{
	char buf[1024];
	memset(buf, 0, sizeof(buf));
	strcpy(buf, "[s]\n");
	memset(buf + 4, 'k', 63);
	strcat(buf, "=v\n");
	struct collect c;
	CHECK_EQ(parse(buf, &c, 0), 0);         /* 63 is fine */
	strcpy(buf + 4 + 63, "k=v\n");
	struct ini_error err;
	CHECK_EQ(parse(buf, &c, &err), INI_ESYNTAX);
	CHECK_STR(err.reason, "key too long");

	strcpy(buf, "[s]\nk=");
	memset(buf + 6, 'v', 255);
	CHECK_EQ(parse(buf, &c, 0), 0);
	CHECK_EQ(strlen(c.out), strlen("s|k||2\n") + 255);
	strcat(buf, "v");
	CHECK_EQ(parse(buf, &c, &err), INI_ESYNTAX);
	CHECK_STR(err.reason, "value too long");

	memset(buf, 0, sizeof(buf));
	buf[0] = '[';
	memset(buf + 1, 's', 64);
	buf[65] = ']';
	CHECK_EQ(parse(buf, &c, &err), INI_ESYNTAX);
	CHECK_STR(err.reason, "section name too long");

	memset(buf, ' ', 600);
	buf[600] = 0;
	CHECK_EQ(parse(buf, &c, &err), INI_ESYNTAX);
	CHECK_STR(err.reason, "line too long");
}

TEST(ini_handler_abort_keeps_its_reason)
{
	struct collect c;
	struct ini_error err;
	memset(&c, 0, sizeof(c));
	c.stop_at = 10;
	CHECK_EQ(ini_parse(helios, strlen(helios), collect, &c, &err), 9);
	CHECK_EQ(err.line, 10);
	CHECK_STR(err.reason, "stopped by test");
	CHECK_OUT(c.out, "driver|name|pcserial|2\ndriver|desc|Serial driver for x86_64 PCs|3\n"
			 "cspace|radix|12|6\ncapabilities|0:endpoint||9\n");
}

TEST(ini_only_reads_len_bytes)
{
	struct collect c;
	memset(&c, 0, sizeof(c));
	static const char text[] = "[a]\nk=v\nJUNK";
	CHECK_EQ(ini_parse(text, 8, collect, &c, 0), 0);
	CHECK_OUT(c.out, "a|k|v|2\n");
	CHECK_EQ(ini_parse(text, 6, collect, &c, 0), 0);      /* "[a]\nk=" */
	CHECK_EQ(ini_parse(0, 0, 0, 0, 0), 0);
}

static int kv_all(const char *list, char *out, size_t size, const char **error)
{
	struct ini_kv_iter it;
	struct ini_kv kv;
	int r, n = 0;
	size_t used = 0;
	out[0] = 0;
	ini_kv_init(&it, list, strlen(list));
	while ((r = ini_kv_next(&it, &kv)) > 0) {
		used += (size_t)snprintf(out + used, size - used, "%.*s=%.*s;", (int)kv.key_len, kv.key,
					 (int)kv.val_len, kv.val);
		n++;
	}
	*error = it.error;
	return r < 0 ? -1 : n;
}

TEST(ini_kv_lists)
{
	char out[256];
	const char *e;
	CHECK_EQ(kv_all("min=3F8, max=400", out, sizeof(out), &e), 2);
	CHECK_OUT(out, "min=3F8;max=400;");
	CHECK_EQ(kv_all("  irq = 3 ,note=3  ", out, sizeof(out), &e), 2);
	CHECK_OUT(out, "irq=3;note=3;");
	CHECK_EQ(kv_all("", out, sizeof(out), &e), 0);
	CHECK_EQ(kv_all("   ", out, sizeof(out), &e), 0);
	CHECK_EQ(kv_all("service=", out, sizeof(out), &e), 1);
	CHECK_OUT(out, "service=;");
	CHECK_EQ(kv_all("a=1,,b=2", out, sizeof(out), &e), -1);
	CHECK_STR(e, "empty item in list");
	CHECK_EQ(kv_all("a=1,", out, sizeof(out), &e), -1);
	CHECK_STR(e, "empty item in list");
	CHECK_EQ(kv_all(",a=1", out, sizeof(out), &e), -1);
	CHECK_EQ(kv_all("a=1, b", out, sizeof(out), &e), -1);
	CHECK_STR(e, "item without '='");
	CHECK_EQ(kv_all("=1", out, sizeof(out), &e), -1);
	CHECK_STR(e, "empty key in list");
	CHECK_EQ(kv_all("a b=1", out, sizeof(out), &e), -1);
	CHECK_STR(e, "bad character in list key");
}

TEST(ini_kv_is_compares_whole_key)
{
	struct ini_kv_iter it;
	struct ini_kv kv;
	ini_kv_init(&it, "irq=3", 5);
	CHECK_EQ(ini_kv_next(&it, &kv), 1);
	CHECK(ini_kv_is(&kv, "irq"));
	CHECK(!ini_kv_is(&kv, "ir"));
	CHECK(!ini_kv_is(&kv, "irqs"));
	CHECK(!ini_kv_is(&kv, ""));
	CHECK_EQ(ini_kv_next(&it, &kv), 0);
	CHECK_EQ(ini_kv_next(&it, &kv), 0);
}

#define HEX(s, want) \
	do { \
		uint64_t v_ = 12345; \
		CHECK_EQ(ini_parse_hex(s, strlen(s), &v_), 0); \
		CHECK_EQ(v_, want); \
	} while (0)
#define NUM(s, want) \
	do { \
		uint64_t v_ = 12345; \
		CHECK_EQ(ini_parse_num(s, strlen(s), &v_), 0); \
		CHECK_EQ(v_, want); \
	} while (0)
#define BAD(fn, s) \
	do { \
		uint64_t v_ = 12345; \
		CHECK_EQ(fn(s, strlen(s), &v_), -1); \
		CHECK_EQ(v_, 12345); \
	} while (0)

TEST(ini_numbers)
{
	HEX("3F8", 0x3f8);
	HEX("2e8", 0x2e8);
	HEX("0x400", 0x400);
	HEX("0XFFFF", 0xffff);
	HEX("0", 0);
	HEX("FFFFFFFFFFFFFFFF", UINT64_MAX);
	NUM("12", 12);
	NUM("0", 0);
	NUM("007", 7);
	NUM("0x10", 16);
	NUM("18446744073709551615", UINT64_MAX);
	BAD(ini_parse_hex, "");
	BAD(ini_parse_hex, "0x");
	BAD(ini_parse_hex, "3F8 ");
	BAD(ini_parse_hex, " 3F8");
	BAD(ini_parse_hex, "3G8");
	BAD(ini_parse_hex, "-1");
	BAD(ini_parse_hex, "10000000000000000");
	BAD(ini_parse_num, "");
	BAD(ini_parse_num, "12a");
	BAD(ini_parse_num, "+1");
	BAD(ini_parse_num, "0x");
	BAD(ini_parse_num, "0xg");
	BAD(ini_parse_num, "18446744073709551616");
	BAD(ini_parse_num, "99999999999999999999");
	BAD(ini_parse_num, "0x10000000000000000");
	uint64_t v;
	CHECK_EQ(ini_parse_num("123", 2, &v), 0);      /* exactly len bytes */
	CHECK_EQ(v, 12);
}
