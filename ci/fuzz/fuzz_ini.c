/*
 * libFuzzer target for userspace/lib/ini.c: parse the input as a manifest,
 * run the value-list iterator and number parsers over every value, and
 * check the limits the header promises. ASan catches any stray read.
 */
#include "ini.h"
#include <stdint.h>
#include <string.h>

#define ASSERT(c) do { if (!(c)) __builtin_trap(); } while (0)

static int on_item(void *ctx, const struct ini_item *it, const char **why)
{
	struct ini_kv_iter kvi;
	struct ini_kv kv;
	uint64_t v;
	int r, n = 0;
	(void)ctx;
	ASSERT(strlen(it->section) >= 1 && strlen(it->section) <= INI_NAME_MAX);
	ASSERT(strlen(it->key) >= 1 && strlen(it->key) <= INI_NAME_MAX);
	ASSERT(strlen(it->value) == it->value_len && it->value_len <= INI_VALUE_MAX);
	ini_kv_init(&kvi, it->value, it->value_len);
	while ((r = ini_kv_next(&kvi, &kv)) > 0) {
		ASSERT(kv.key >= it->value && kv.key + kv.key_len <= it->value + it->value_len);
		ASSERT(kv.val >= it->value && kv.val + kv.val_len <= it->value + it->value_len);
		ASSERT(kv.key_len > 0 && ++n <= INI_VALUE_MAX);
		ini_parse_hex(kv.val, kv.val_len, &v);
		ini_parse_num(kv.val, kv.val_len, &v);
		ini_kv_is(&kv, "irq");
	}
	ASSERT(r == 0 || kvi.error);
	if (it->value_len == 3 && !memcmp(it->value, "bad", 3)) {
		*why = "handler says bad";
		return 7;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ini_error err;
	uint64_t v;
	int r = ini_parse((const char *)data, size, on_item, 0, &err);
	ASSERT(r == 0 ? err.line == 0 : err.line >= 1 && err.reason);
	ini_parse_hex((const char *)data, size < 24 ? size : 24, &v);
	ini_parse_num((const char *)data, size < 24 ? size : 24, &v);
	return 0;
}
