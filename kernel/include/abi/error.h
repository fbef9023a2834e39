/* Error codes returned in RAX by every system call. */
#pragma once

enum tern_error {
	TERN_OK,
	E_BAD_SYSCALL,          /* no such system call or operation */
	E_BAD_SLOT,             /* slot index outside the cspace */
	E_EMPTY_SLOT,           /* no capability in that slot */
	E_WRONG_TYPE,           /* the capability is not of the type the call needs */
	E_NO_RIGHTS,            /* the capability lacks a right the call needs */
	E_SLOT_IN_USE,          /* destination slot is not empty */
	E_BAD_ARG,              /* an argument is out of range or inconsistent */
	E_BAD_ADDRESS,          /* a user pointer is not mapped (or not writable) */
	E_NO_MEMORY,            /* the memory quota or the machine is out of memory */
	E_WOULD_BLOCK,          /* a non-blocking call found nobody ready */
	E_NO_REPLY,             /* there is no pending call to reply to */
	E_BUSY,                 /* resource already bound or taken */
	E_DEAD,                 /* the object was destroyed (e.g. a task killed mid-call) */
	E_MAPPED,               /* address already mapped */
	E_NOT_MAPPED,           /* nothing mapped there */
	E_TIMEOUT,              /* a call was not answered in the task's call timeout */
	E_OUT_OF_RANGE,         /* outside the range the capability covers (mmio) */
	E_COUNT
};

#define TERN_ERROR_NAMES { \
	"ok", "bad syscall", "bad slot", "empty slot", "wrong type", "no rights", \
	"slot in use", "bad argument", "bad address", "no memory", "would block", \
	"no reply", "busy", "dead", "already mapped", "not mapped", "timed out", \
	"out of range" }
