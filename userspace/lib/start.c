/* C entry of every program: run main, then exit with its status. */
#include <tern/sys.h>

int main(uint64_t a0, uint64_t a1, uint64_t a2);

__attribute__((noreturn)) void tern_start(uint64_t a0, uint64_t a1, uint64_t a2)
{
	tern_exit((uint64_t)main(a0, a1, a2));
}
