/* I/O ports: a task reaches exactly the ranges of its ioport caps. */
#include "ktest.h"

KTEST(ioport_outside_caps_faults_only_that_task)
{
	uint64_t ports = slot();
	struct child c;
	KCHECK_EQ(tern_cap_mint(ROOT_IOPORT, 0, ports, RIGHTS_ALL, 0x3F8, 0x3FF), TERN_OK);
	KCHECK_EQ(child_spawn(&c, ROLE_IOPORT, 0x64, 50), 0);
	KCHECK_EQ(child_give(&c, ports, KC_IOPORT, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(MSG_LABEL(m.info), MSG_LABEL_FAULT);
	KCHECK_EQ(tern_ipcbuf->mr[FAULT_MR_KIND], FAULT_IOPORT);
	KCHECK_EQ(m.mr[FAULT_MR_VECTOR], 13);
	KCHECK_EQ(m.mr[FAULT_MR_ADDR], 0x64);
	KCHECK_EQ(m.mr[FAULT_MR_RIP], shared[5]);
	KCHECK((shared[1] & 0x100) != 0);      /* the port inside its range worked */
	KCHECK(shared[1] != 0xBAD);              /* the outside access never completed */
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);
	return 0;
}

KTEST(ioport_none_enabled_means_none_reachable)
{
	struct child c;
	uint64_t ports = slot();
	/* The cap is there but covers other ports: 0x3FD is outside it. */
	KCHECK_EQ(tern_cap_mint(ROOT_IOPORT, 0, ports, RIGHTS_ALL, 0x2F8, 0x2FF), TERN_OK);
	KCHECK_EQ(child_spawn(&c, ROLE_IOPORT, 0x2F8, 50), 0);
	KCHECK_EQ(child_give(&c, ports, KC_IOPORT, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(tern_ipcbuf->mr[FAULT_MR_KIND], FAULT_IOPORT);
	KCHECK_EQ(m.mr[FAULT_MR_ADDR], 0x3FD);
	KCHECK_EQ(shared[1], 0);
	return 0;
}
