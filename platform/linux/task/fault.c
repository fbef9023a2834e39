/* A CPU exception as Linux reports it, as the PC's vector (hosted/fault.h). */
#include <hosted/fault.h>

void fault_from_signal(int sig, uint64_t trapno, uint64_t err, uint64_t si_addr, struct fault_report *r)
{
	r->vector = 13;
	r->error = 0;
	r->addr = 0;
	switch (sig) {
	case 11:        /* SIGSEGV: a page fault (trap 14) or a #GP */
		r->vector = trapno == 14 ? 14 : 13;
		r->error = err;
		r->addr = r->vector == 14 ? si_addr : 0;
		break;
	case 4: r->vector = 6; break;           /* SIGILL: #UD */
	case 8: r->vector = 0; break;           /* SIGFPE: #DE */
	case 5: r->vector = 3; break;           /* SIGTRAP: #BP */
	case 7: r->vector = 13; break;          /* SIGBUS */
	}
}
