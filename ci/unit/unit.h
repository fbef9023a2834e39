/*
 * A tiny host unit-test harness. TEST(name) defines and registers a test;
 * CHECK(cond) fails it with the file, line and condition; CHECK_EQ shows
 * both values. unit_main() runs them all, one PASS/FAIL line each, then
 * "N passed, N failed". Built with ASan+UBSan, so memory errors fail too.
 */
#pragma once
#include <stdio.h>

#include <stddef.h>
#include <stdint.h>

typedef void (*unit_fn)(void);
/* Run `sh -c cmd` in a fresh temporary directory and return the bytes of
 * the file x.tar it made there (malloc'd, at most 1 MiB), or 0. */
uint8_t *unit_tar_from_shell(const char *cmd, size_t *len);
void unit_register(const char *name, unit_fn fn);
void unit_fail(const char *file, int line, const char *what);
extern int unit_failed_now;

#define TEST(name) \
	static void name(void); \
	__attribute__((constructor)) static void reg_##name(void) { unit_register(#name, name); } \
	static void name(void)

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			unit_fail(__FILE__, __LINE__, #cond); \
			return; \
		} \
	} while (0)

#define CHECK_EQ(a, b) \
	do { \
		long long va_ = (long long)(a), vb_ = (long long)(b); \
		if (va_ != vb_) { \
			char m_[256]; \
			snprintf(m_, sizeof(m_), "%s == %s (%lld != %lld)", #a, #b, va_, vb_); \
			unit_fail(__FILE__, __LINE__, m_); \
			return; \
		} \
	} while (0)

#define CHECK_STR(a, b) \
	do { \
		const char *sa_ = (a), *sb_ = (b); \
		if (strcmp(sa_, sb_)) { \
			char m_[512]; \
			snprintf(m_, sizeof(m_), "%s == %s (\"%s\" != \"%s\")", #a, #b, sa_, sb_); \
			unit_fail(__FILE__, __LINE__, m_); \
			return; \
		} \
	} while (0)
