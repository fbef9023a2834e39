/*
 * The sanitized program's first steps (entry.S calls san_start before the
 * program's own _start): its shadow, from tern-task, and the compiler's
 * constructors, which register the globals' red zones (asan.c). Nothing
 * instrumented may run before the shadow is there.
 */
#include <tern/program.h>
#include <tern/sys.h>
#include "san.h"

/* The compiler was told the same offset (userspace/userspace.mk). */
_Static_assert(SAN_SHADOW_OFFSET == SAN_SHADOW_OFFSET_FLAG, "hosted/san.h and -fasan-shadow-offset differ");

extern void (*__init_array_start[])(void), (*__init_array_end[])(void);

/* a0: the entry's RDI, as crt0 will see it. */
void san_start(uint64_t a0)
{
	if (tern_sys(HOSTCALL_SAN_SHADOW, 0, 0, 0, 0, 0, 0).err) {
		if (a0 == PROG_INFO_VA)         /* started by init: its debug slot, if any */
			tern_debug_slot = PROG_DEBUG;
		static const char why[] = "san: no ASan shadow: a sanitized program runs only on "
					  "PLATFORM=linux, under its own tern-task (hosted/san.h)\n";
		tern_debug_write(why, sizeof(why) - 1);
		tern_exit(125);
	}
	for (void (**f)(void) = __init_array_start; f < __init_array_end; f++)
		(*f)();
}
