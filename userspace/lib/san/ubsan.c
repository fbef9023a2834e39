/*
 * UBSan's handlers for the sanitized programs (-fsanitize=undefined
 * -fno-sanitize-recover: the compiler calls __ubsan_handle_*_abort and
 * expects no return). Each reports the kind, the place (file:line:col,
 * which the compiler passes) and the values where they are at hand, then
 * dies with #UD (san_die), a fault the supervisor sees.
 *
 * The structures are the compiler's (the same for GCC and Clang).
 */
#include <format.h>
#include <stdarg.h>
#include "san.h"

struct src {
	const char *file;
	uint32_t line, col;
};

struct type {
	uint16_t kind;          /* 0 integer, 1 float */
	uint16_t info;          /* integer: bit 0 signed, the rest log2 of the width in bits */
	char name[];
};

static int is_signed(const struct type *t) { return t->kind == 0 && (t->info & 1); }
static unsigned width(const struct type *t) { return 1u << (t->info >> 1); }

/* A value as passed: in the word itself when it fits, else by address. */
static uint64_t value(const struct type *t, uint64_t v)
{
	if (t->kind == 0 && width(t) > 64)
		return *(const uint64_t *)v;    /* the low half of a 128-bit one */
	return v;
}

/* "-5" or "5", as the type reads it (sanshadow.c). */
static const char *num(const struct type *t, uint64_t v, char *buf)
{
	return san_int_text(is_signed(t), t->kind == 0 ? width(t) : 64, value(t, v), buf);
}

__attribute__((noreturn, format(printf, 3, 4)))
static void ub(const struct src *at, const char *kind, const char *fmt, ...)
{
	if (!san_reporting) {
		san_reporting = 1;
		char what[160];
		va_list ap;
		va_start(ap, fmt);
		fmt_vsnprintf(what, sizeof(what), fmt, ap);
		va_end(ap);
		san_say("ubsan: %s at %s:%u:%u: %s", kind, at->file, at->line, at->col, what);
	}
	san_die();
}

struct overflow { struct src at; const struct type *type; };

static void arith(struct overflow *d, uint64_t a, uint64_t b, char op)
{
	char x[24], y[24];
	ub(&d->at, is_signed(d->type) ? "signed-integer-overflow" : "unsigned-integer-overflow",
	   "%s %c %s cannot be represented in type %s", num(d->type, a, x), op, num(d->type, b, y),
	   d->type->name);
}

void __ubsan_handle_add_overflow_abort(struct overflow *d, uint64_t a, uint64_t b) { arith(d, a, b, '+'); }
void __ubsan_handle_sub_overflow_abort(struct overflow *d, uint64_t a, uint64_t b) { arith(d, a, b, '-'); }
void __ubsan_handle_mul_overflow_abort(struct overflow *d, uint64_t a, uint64_t b) { arith(d, a, b, '*'); }

void __ubsan_handle_negate_overflow_abort(struct overflow *d, uint64_t a)
{
	char x[24];
	ub(&d->at, "signed-integer-overflow", "negation of %s cannot be represented in type %s",
	   num(d->type, a, x), d->type->name);
}

void __ubsan_handle_divrem_overflow_abort(struct overflow *d, uint64_t a, uint64_t b)
{
	char x[24], y[24];
	if (!value(d->type, b))
		ub(&d->at, "integer-divide-by-zero", "%s / 0 in type %s", num(d->type, a, x), d->type->name);
	ub(&d->at, "signed-integer-overflow", "%s / %s cannot be represented in type %s", num(d->type, a, x),
	   num(d->type, b, y), d->type->name);
}

struct shift { struct src at; const struct type *lhs, *rhs; };

void __ubsan_handle_shift_out_of_bounds_abort(struct shift *d, uint64_t a, uint64_t b)
{
	char x[24], y[24];
	ub(&d->at, "shift-out-of-bounds", "%s << or >> %s in type %s", num(d->lhs, a, x), num(d->rhs, b, y),
	   d->lhs->name);
}

struct bounds { struct src at; const struct type *array, *index; };

void __ubsan_handle_out_of_bounds_abort(struct bounds *d, uint64_t i)
{
	char x[24];
	ub(&d->at, "out-of-bounds", "index %s out of bounds for type %s", num(d->index, i, x), d->array->name);
}

struct mismatch { struct src at; const struct type *type; uint8_t log_align, check; };

static const char *const checks[] = {
	"load of", "store to", "reference binding to", "member access within", "member call on",
	"constructor call on", "downcast of", "downcast of", "upcast of", "cast to virtual base of",
	"_Nonnull binding to", "dynamic operation on",
};

void __ubsan_handle_type_mismatch_v1_abort(struct mismatch *d, uint64_t p)
{
	const char *what = d->check < sizeof(checks) / sizeof(checks[0]) ? checks[d->check] : "access to";
	uint64_t align = 1ull << d->log_align;
	if (!p)
		ub(&d->at, "null-pointer", "%s null pointer of type %s", what, d->type->name);
	if (p & (align - 1))
		ub(&d->at, "misaligned-access", "%s address 0x%lx, which needs %lu-byte alignment for type %s",
		   what, p, align, d->type->name);
	ub(&d->at, "object-size", "%s address 0x%lx with too little space for type %s", what, p, d->type->name);
}

struct only_at { struct src at; };

void __ubsan_handle_builtin_unreachable(struct only_at *d) { ub(&d->at, "unreachable", "__builtin_unreachable() reached"); }
void __ubsan_handle_missing_return(struct only_at *d) { ub(&d->at, "missing-return", "the end of a function that returns a value"); }

void __ubsan_handle_pointer_overflow_abort(struct only_at *d, uint64_t base, uint64_t result)
{
	ub(&d->at, "pointer-overflow", "0x%lx became 0x%lx", base, result);
}

struct typed { struct src at; const struct type *type; };

void __ubsan_handle_vla_bound_not_positive_abort(struct typed *d, uint64_t bound)
{
	char x[24];
	ub(&d->at, "vla-bound-not-positive", "variable length array bound %s", num(d->type, bound, x));
}

void __ubsan_handle_load_invalid_value_abort(struct typed *d, uint64_t v)
{
	char x[24];
	ub(&d->at, "invalid-value", "load of value %s, not valid for type %s", num(d->type, v, x), d->type->name);
}

struct nonnull_arg { struct src at, attr; int index; };

void __ubsan_handle_nonnull_arg_abort(struct nonnull_arg *d)
{
	ub(&d->at, "nonnull-attribute", "null passed as argument %d, declared never null", d->index);
}

void __ubsan_handle_nonnull_return_v1_abort(struct only_at *attr, struct src *at)
{
	(void)attr;
	ub(at, "returns-nonnull-attribute", "null returned from a function declared never to return null");
}

struct builtin { struct src at; uint8_t kind; };

void __ubsan_handle_invalid_builtin_abort(struct builtin *d)
{
	ub(&d->at, "invalid-builtin-use", "%s of 0", d->kind ? "__builtin_clz" : "__builtin_ctz");
}
