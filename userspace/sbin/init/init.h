/*
 * init: the root task, driver loader and supervisor. It reads the boot
 * configuration (conf= on the kernel command line, default /etc/init.conf),
 * starts each program with exactly the capabilities its embedded manifest
 * asks for, wires services between them, answers their requests (the init
 * protocol, proto/init.h) and restarts drivers that die.
 */
#pragma once
#include "manifest.h"
#include <proto/init.h>
#include <tern/program.h>
#include <tern/sys.h>

#define MAX_PROGS 32
#define MAX_WAITERS 8                   /* INIT_WAITs, and INIT_WATCHes, of one program */
#define MAX_CHILDREN 8                  /* programs one program may have running */
#define FAULT_BADGE (1ull << 32)        /* badge bit of fault messages; low bits = program id */
/* init's heap: PROG_HEAP_VA is where the kernel maps the initramfs for the
 * root task (ROOT_INITRAMFS_VA), so init's malloc grows far above it, and
 * above the loader's scratch window (prog.c). */
#define INIT_HEAP_VA 0x100000000ull

struct prog {
	int used;
	uint64_t id;
	uint64_t parent;                        /* id of the program that spawned it (0: init) */
	int from_fs;                            /* read through the fs service, not the initramfs */
	int control, power;                     /* [init] authority it holds (authority.c) */
	int killed;                             /* ended by an authorised INIT_KILL, not a crash */
	char path[64];
	char args[PROG_ARGS_MAX];
	size_t args_len;
	uint64_t argc;
	struct manifest man;
	const uint8_t *elf;                     /* points into the initramfs or a heap copy */
	size_t elf_len;
	int elf_owned;
	const char *man_text;                   /* .manifest in the initramfs, or a heap copy */
	size_t man_len;
	int man_owned;
	uint64_t task;                          /* init's slot of its task cap (0 when not running) */
	uint64_t mem;                           /* init's copy of its memory quota cap (MEM_REVOKE) */
	uint64_t ktask;                         /* kernel task id */
	uint64_t endpoints[MAN_MAX_CAPS];       /* provided endpoints, kept across restarts */
	int state;                              /* enum init_state */
	unsigned restarts;
	uint64_t restart_at;                    /* INIT_RESTARTING: uptime (ns) to start again */
	uint64_t status;
	uint64_t waiters[MAX_WAITERS];          /* saved replies of INIT_WAIT callers */
	uint64_t waiter_id[MAX_WAITERS];        /* ... and who they are */
	int nwaiters;
	uint64_t watches[MAX_WAITERS];          /* note caps of INIT_WATCH callers */
	uint64_t watch_id[MAX_WAITERS];         /* ... and who they are */
	int nwatches;
	uint64_t io[3];                         /* init's copies of its stdin, stdout, stderr (0: none) */
	char stdio_service[MAN_NAME_MAX + 1];   /* the service they are (init.conf), whose client it is */
	char cwd[256];                          /* working directory (prog_info->cwd) */
};

/* What a spawn asks for besides the program itself. */
struct spawn_args {
	const char *args;                       /* NUL-separated words, the path first */
	size_t args_len;
	uint64_t argc;
	const char *cwd;                        /* absolute, or 0 for "/" */
	uint64_t io[3];                         /* init's slots of the caps to give as stdin, stdout,
						 * stderr (0: none); the program's own once it starts,
						 * still the caller's if the spawn fails */
	const char *stdio_service;              /* or, for a [program], this service as all three */
};

extern uint64_t init_ep;
extern const uint8_t *initramfs;
extern uint64_t initramfs_len;
/* platform= from the kernel command line: "pc", or "linux" for tern
 * hosted (docs/hosted.md), whose manifests init checks for what the
 * platform lacks (manifest_platform_check). */
extern char init_platform[16];
/* Take the device memory the platform has beyond what the kernel gave the
 * root (prog.c): on PLATFORM=linux, the host terminal's page. */
void platform_devices(void);
extern struct prog progs[MAX_PROGS];

/* prog.c */
struct prog *prog_find(uint64_t id);
/* Create and start a program (a->args[0] its path) on behalf of spawner
 * (0: init itself). NULL + message on failure. */
struct prog *prog_spawn(struct prog *spawner, const struct spawn_args *a, long *err);
int prog_start(struct prog *p);
/* It ended (exit, fault or kill): revoke its quota, drop its caps, tell
 * waiters, maybe restart it (an authorised kill is not counted as a crash). */
void prog_ended(struct prog *p, int state, uint64_t status);
void prog_release(struct prog *p);

/* services.c */
int service_add(const char *name, uint64_t ep_slot, uint64_t provider);
int service_alias(const char *name, const char *target);
uint64_t service_find(const char *name);
/* The id of the program that provides it (0 if none). */
uint64_t service_provider(const char *name);

/* authority.c: who may ask init for what (docs/manifest.md). Each returns
 * 0 or an error code, and logs a refusal. */
long authority_spawn(const struct prog *spawner, struct prog *p);
long authority_kill(const struct prog *asker, uint64_t asker_id, const struct prog *target);
long authority_wait(const struct prog *asker, uint64_t asker_id, const struct prog *target);
long authority_power(const struct prog *asker, uint64_t asker_id, const char *what);

long authority_watch(const struct prog *asker, uint64_t asker_id, const struct prog *target);

/* requests.c: a request, with the caps that came with it in caps[0..ncaps)
 * (init's slots). A handler that keeps one sets its entry to 0; main.c
 * deletes the others. */
void request_handle(struct tern_msg *m, uint64_t *caps, unsigned ncaps);
void fault_handle(struct tern_msg *m);

/* gone.c: notices init sends without blocking, now or, if the server is
 * busy, from main.c's receive. Tell the providers of p's services that it
 * has ended (proto/service.h). */
void gone_program(const struct prog *p);
/* Send STREAM_CLOSE on stream, init's slot of a standard stream of a
 * program that ended; the notice owns the slot and deletes it when done. */
void gone_stream_close(uint64_t stream);
/* Retry undelivered notices; whether some still wait (main.c's receive
 * then comes back a tick later to try again). */
int gone_retry(void);
/* prog.c: start the drivers whose restart back-off has run out; whether
 * some are still waiting for theirs. */
int prog_restarts_due(void);
/* Forget (and so let go of) the INIT_WAIT of program id on p, if any. */
void prog_drop_waiter(struct prog *p, uint64_t id);
/* The same for its INIT_WATCH (the note cap is deleted, not signalled). */
void prog_drop_watch(struct prog *p, uint64_t id);

/* fsread.c: 0 and a malloc'd copy of the file, or an INIT_E* / E_* code
 * (INIT_ENOENT: no such file; E_DEAD / E_WOULD_BLOCK: no fs to ask). */
long init_read_fs(const char *path, const uint8_t **data, size_t *len);

/* main.c: malloc that says so on the console when it fails. */
void *init_malloc(size_t n, const char *what);
