/* Unit tests for platform/linux/task/fault.c: a hosted program's signal
 * as the PC's exception, so supervisors see the same faults. */
#include "unit.h"
#include <hosted/fault.h>

TEST(fault_page_fault_keeps_error_and_address)
{
	struct fault_report r;
	fault_from_signal(11, 14, 6, 0x1234, &r);
	CHECK_EQ(r.vector, 14);
	CHECK_EQ(r.error, 6);
	CHECK_EQ(r.addr, 0x1234);
}

TEST(fault_segv_without_page_fault_is_gp)
{
	struct fault_report r;
	fault_from_signal(11, 13, 0, 0, &r);       /* hlt, in/out, non-canonical */
	CHECK_EQ(r.vector, 13);
	CHECK_EQ(r.addr, 0);
}

TEST(fault_other_signals_have_the_pc_vectors)
{
	struct fault_report r;
	fault_from_signal(4, 6, 0, 0x400000, &r);
	CHECK_EQ(r.vector, 6);
	CHECK_EQ(r.addr, 0);
	fault_from_signal(8, 0, 0, 0x400000, &r);
	CHECK_EQ(r.vector, 0);
	fault_from_signal(7, 0, 0, 0, &r);
	CHECK_EQ(r.vector, 13);
	fault_from_signal(5, 3, 0, 0, &r);
	CHECK_EQ(r.vector, 3);
}

