/*
 * The VALGRIND=1 programs' stack, told to valgrind (hosted/vgreq.h):
 * valgrind walks a stack (frame pointers: the programs have no unwind
 * tables) only within the bounds of a stack it knows, and it knows only
 * tern-task's own. Called first thing in tern_start (start.c); the
 * stack is taken to be PROG_STACK_PAGES below the page we start in, as
 * init gives every program it starts (PROG_STACK_TOP).
 */
#include <hosted/vgreq.h>
#include <tern/program.h>

void vg_stack_here(void);
void vg_stack_here(void)
{
	uint64_t top = ((uint64_t)__builtin_frame_address(0) + 4095) & ~4095ull;
	vg_request(0, VG_STACK_REGISTER, top - PROG_STACK_PAGES * 4096ull, top - 1, 0, 0, 0);
}
