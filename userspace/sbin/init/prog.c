/*
 * Starting, ending and restarting programs. A program gets exactly what its
 * manifest lists, placed at PROG_CAP(slot), plus the standard slots of
 * tern/program.h. Endpoints it provides are made once and kept by init, so
 * clients' caps stay valid when a driver is restarted.
 */
#include "init.h"
#include "../../../platform/linux/include/hosted/hostterm.h"
#include <elf64.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tar.h>
#include <tern/loader.h>

struct prog progs[MAX_PROGS];
static uint64_t next_id = 1;
static const uint64_t scratch_va = 0x40000000;

static uint64_t alloc_slot(void *arg) { (void)arg; return slot_alloc(); }
static void free_slot(void *arg, uint64_t s) { (void)arg; slot_free(s); }

struct prog *prog_find(uint64_t id)
{
	for (int i = 0; i < MAX_PROGS; i++)
		if (progs[i].used && progs[i].id == id)
			return &progs[i];
	return 0;
}

static uint64_t tmp_slot(void) { return slot_alloc(); }

static void drop(uint64_t s)
{
	if (s) {
		tern_cap_delete(s, 0);
		slot_free(s);
	}
}

/* Read a program file: the initramfs holds everything booted; files added
 * later to the file system are read through the fs service (and marked, so
 * authority.c trusts their manifests less). 0 or an error code. */
static long load_file(struct prog *p, const char *path)
{
	static struct tar_entry e;
	const char *name = path[0] == '/' ? path + 1 : path;
	if (!tar_find(initramfs, initramfs_len, name, &e) && e.type == TAR_FILE) {
		p->elf = e.data;
		p->elf_len = e.size;
		return 0;
	}
	long err = init_read_fs(path, &p->elf, &p->elf_len);
	if (!err)
		p->elf_owned = p->from_fs = 1;
	return err;
}

/* Give back the heap copies a record holds (the ELF; the manifest text too
 * when the record itself goes). */
static void free_elf(struct prog *p)
{
	if (p->elf_owned)
		free((void *)p->elf);
	p->elf_owned = 0;
	p->elf = 0;
}

static void free_record(struct prog *p)
{
	free_elf(p);
	if (p->man_owned)
		free((void *)p->man_text);
	p->man_owned = 0;
	p->man_text = 0;
	p->used = 0;
}

static void report_manifest_error(const char *name, const struct man_error *e)
{
	printf("manifest %s:%u: %s\n", name, e->line, e->reason);
}

/*
 * Device memory: init holds what the kernel gave the root (the VGA window
 * on BIOS machines, the boot framebuffer) and narrows a program's range
 * from whichever of those holds all of it. The slot, or 0 if none does.
 */
static uint64_t hosted_term_mmio;       /* PLATFORM=linux: the host terminal's page, else 0 */

/*
 * PLATFORM=linux offers the host terminal as one page of device memory
 * (platform/linux/include/hosted/hostterm.h); the kernel gives the root
 * no mmio cap for it (the VGA and framebuffer slots mean those), so init
 * makes one with its machine cap and gives it out like the VGA window:
 * to a manifest that names that range (manifests/hostterm.ini).
 */
void platform_devices(void)
{
	if (strcmp(init_platform, "linux"))
		return;
	uint64_t s = slot_alloc();
	long err = tern_invoke(ROOT_MACHINE, MACHINE_MMIO, HOSTTERM_PA, HOSTTERM_PA + 4095, s, 0, 0);
	if (err) {
		printf("init: no host terminal device memory: %s\n", tern_strerror(err));
		slot_free(s);
		return;
	}
	hosted_term_mmio = s;
}

static uint64_t mmio_source(const struct man_cap *c)
{
	const uint64_t held[] = { ROOT_MMIO_VGA, ROOT_MMIO_FB, hosted_term_mmio };
	struct tern_capinfo ci;
	if (c->framebuffer)
		return tern_cap_identify(ROOT_MMIO_FB, &ci) == TERN_OK ? ROOT_MMIO_FB : 0;
	for (unsigned i = 0; i < sizeof(held) / sizeof(held[0]); i++)
		if (held[i] && tern_cap_identify(held[i], &ci) == TERN_OK && ci.type == CAP_MMIO && c->min >= ci.badge &&
		    c->max <= ci.extra)
			return held[i];
	return 0;
}

static void report_mmio_refusal(const char *base, const struct man_cap *c)
{
	if (c->framebuffer) {
		printf("manifest %s:%u: asks for the framebuffer, and the boot loader set none up\n", base, c->line);
		return;
	}
	/* What init does hold, so the line says where to look instead. */
	static const char *const names[] = { "VGA", "framebuffer", "host terminal" };
	const uint64_t held[] = { ROOT_MMIO_VGA, ROOT_MMIO_FB, hosted_term_mmio };
	char list[96] = "";
	for (unsigned i = 0; i < sizeof(held) / sizeof(held[0]); i++) {
		struct tern_capinfo ci;
		if (!held[i] || tern_cap_identify(held[i], &ci) != TERN_OK || ci.type != CAP_MMIO)
			continue;
		size_t n = strlen(list);
		snprintf(list + n, sizeof(list) - n, "%s%s %lX-%lX", n ? ", " : "", names[i], ci.badge, ci.extra);
	}
	printf("manifest %s:%u: device memory %lX-%lX is not init's to give (init holds %s)\n", base, c->line,
	       c->min, c->max, list[0] ? list : "nothing");
}

/*
 * The standard streams a program from init.conf gets: the service (the
 * console unless its line names another), minted with its id as badge like
 * a manifest's service caps, so it is that service's client (gone.c).
 * Drivers get none: they log to the kernel console. 0, or an error code
 * with those minted so far deleted.
 */
static long stdio_from_service(struct prog *p, const char *service, uint64_t io[3])
{
	uint64_t ep = service_find(service);
	for (int i = 0; i < 3; i++) {
		io[i] = slot_alloc();
		if (!ep || !io[i] || tern_cap_mint(ep, 0, io[i], RIGHT_WRITE | RIGHT_GRANT, p->id, 0)) {
			printf("init: %s: cannot give it service '%s' as its standard streams\n", p->path, service);
			while (i >= 0)
				drop(io[i--]);
			return INIT_ENOMEM;
		}
	}
	strlcpy(p->stdio_service, service, sizeof(p->stdio_service));
	return 0;
}

struct prog *prog_spawn(struct prog *spawner, const struct spawn_args *a, long *err)
{
	const char *path = a->args;
	uint64_t minted[3] = { 0 };
	struct prog *p = 0;
	for (int i = 0; i < MAX_PROGS && !p; i++)
		if (!progs[i].used)
			p = &progs[i];
	/* Table full: reuse the record of a program that ended long ago. */
	for (int i = 0; i < MAX_PROGS && !p; i++)
		if (!progs[i].task && !progs[i].man.driver && progs[i].state != INIT_RESTARTING)
			p = &progs[i];
	if (!p) {
		*err = INIT_ENOMEM;
		return 0;
	}
	if (p->used)
		prog_release(p);
	memset(p, 0, sizeof(*p));
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	strlcpy(p->path, path, sizeof(p->path));
	if ((*err = load_file(p, path)))
		return 0;
	struct elf_image img;
	const void *text = 0;
	size_t len = 0;
	if (elf_check(&img, p->elf, p->elf_len)) {
		printf("init: %s is not a valid program\n", path);
		*err = INIT_ENOEXEC;
		goto fail;
	}
	if (elf_find_section(&img, ".manifest", &text, &len)) {
		printf("manifest %s:0: program has no .manifest section\n", base);
		*err = INIT_ENOEXEC;
		goto fail;
	}
	struct man_error me;
	if (manifest_parse(text, len, &p->man, &me)) {
		report_manifest_error(base, &me);
		*err = INIT_ENOEXEC;
		goto fail;
	}
	/* Who asks comes before what the machine has: a spawner refused
	 * authority is refused the same way on every platform and learns
	 * nothing of this machine's devices and services by asking. */
	if ((*err = authority_spawn(spawner, p)))
		goto fail;
	/* What this platform lacks (no I/O ports hosted): reported, not started. */
	if (manifest_platform_check(&p->man, init_platform, &me)) {
		report_manifest_error(base, &me);
		*err = INIT_ENOEXEC;
		goto fail;
	}
	/* Every service the program asks for must exist before it starts. */
	for (int i = 0; i < p->man.ncaps; i++) {
		const struct man_cap *c = &p->man.caps[i];
		if (c->type == MAN_ENDPOINT && c->service[0] && !service_find(c->service)) {
			printf("manifest %s:%u: unknown service '%s'\n", base, c->line, c->service);
			*err = INIT_ENOEXEC;
			goto fail;
		}
	}
	/* Every device memory range it asks for must be init's to give. */
	for (int i = 0; i < p->man.ncaps; i++) {
		const struct man_cap *c = &p->man.caps[i];
		if (c->type == MAN_MMIO && !mmio_source(c)) {
			report_mmio_refusal(base, c);
			*err = INIT_ENOEXEC;
			goto fail;
		}
	}
	/* INIT_MANIFEST shows the text after the program ended and its ELF
	 * was freed: keep a copy unless it lives in the initramfs. */
	p->man_text = text;
	p->man_len = len;
	if (p->elf_owned) {
		char *copy = init_malloc(len ? len : 1, "a manifest");
		if (!copy) {
			*err = INIT_ENOMEM;
			goto fail;
		}
		memcpy(copy, text, len);
		p->man_text = copy;
		p->man_owned = 1;
	}
	p->used = 1;
	p->id = next_id++;
	p->parent = spawner ? spawner->id : 0;
	size_t args_len = a->args_len < sizeof(p->args) ? a->args_len : sizeof(p->args);
	memcpy(p->args, a->args, args_len);
	p->args_len = args_len;
	p->argc = a->argc;
	strlcpy(p->cwd, a->cwd ? a->cwd : "/", sizeof(p->cwd));
	/* Drivers and servers (programs that provide a service) log to the
	 * kernel console, where dmesg and the screen see them; the streams are
	 * for programs a user talks to. */
	if (a->stdio_service && !p->man.driver && !p->man.nprovides &&
	    (*err = stdio_from_service(p, a->stdio_service, minted))) {
		prog_release(p);
		return 0;
	}
	for (int i = 0; i < 3; i++)
		p->io[i] = a->io[i] ? a->io[i] : minted[i];
	/* Register what it provides, with endpoints init keeps. */
	for (int i = 0; i < p->man.nprovides; i++) {
		const struct man_provide *pv = &p->man.provides[i];
		uint64_t ep = slot_alloc();
		if (!ep || tern_mem_create(ROOT_MEMORY, CAP_ENDPOINT, ep, 0) || service_add(pv->name, ep, p->id)) {
			printf("init: %s: cannot provide service '%s' (taken?)\n", base, pv->name);
			drop(ep);
			continue;
		}
		for (int k = 0; k < p->man.ncaps; k++)
			if (p->man.caps[k].slot == pv->slot)
				p->endpoints[k] = ep;
	}
	if (prog_start(p)) {
		*err = INIT_ENOMEM;
		/* The spawner's caps stay its own (requests.c deletes them). */
		memset(p->io, 0, sizeof(p->io));
		for (int i = 0; i < 3; i++)
			drop(minted[i]);
		prog_release(p);
		return 0;
	}
	return p;
fail:
	free_record(p);
	return 0;
}

/* The framebuffer's geometry, for a program given `mmio = framebuffer`. */
static void give_fb_info(const struct prog *p, struct prog_info *info)
{
	uint64_t fb[6] = { 0 };
	for (int i = 0; i < p->man.ncaps; i++)
		if (p->man.caps[i].type == MAN_MMIO && p->man.caps[i].framebuffer &&
		    tern_invoke(ROOT_MACHINE, MACHINE_FB, 0, 0, 0, 0, fb) == TERN_OK && fb[5]) {
			info->fb.base = fb[0];
			info->fb.size = fb[1];
			info->fb.width = (uint32_t)fb[2];
			info->fb.height = (uint32_t)fb[3];
			info->fb.pitch = (uint32_t)fb[4];
			info->fb.format = (uint32_t)fb[5];
			return;
		}
}

/* Fill the child's prog_info page and map it read-only. */
static int give_info(struct loader *l, struct prog *p, uint64_t task)
{
	uint64_t pg = tmp_slot();
	int err = tern_mem_create(ROOT_MEMORY, CAP_PAGE, pg, 1);
	if (!err)
		err = tern_page_map(pg, 0, l->scratch_va, RIGHT_READ | RIGHT_WRITE);
	if (!err) {
		struct prog_info *info = (struct prog_info *)l->scratch_va;
		memset(info, 0, 4096);
		info->magic = PROG_INFO_MAGIC;
		info->id = p->id;
		info->first_free_slot = PROG_CAP_BASE + MAN_MAX_CAPS + 16;
		info->radix = p->man.radix;
		strlcpy(info->name, p->man.name, sizeof(info->name));
		info->argc = p->argc;
		memcpy(info->args, p->args, p->args_len);
		strlcpy(info->cwd, p->cwd[0] ? p->cwd : "/", sizeof(info->cwd));
		give_fb_info(p, info);
		tern_page_unmap(pg, 0, l->scratch_va);
		err = tern_page_map(pg, task, PROG_INFO_VA, RIGHT_READ);
	}
	drop(pg);
	return err;
}

/* Give one manifest capability; note_of maps manifest slots to init's copies of fresh notes. */
static int give_cap(struct prog *p, int i, uint64_t task, uint64_t *note_of)
{
	const struct man_cap *c = &p->man.caps[i];
	uint64_t dst = PROG_CAP(c->slot), s;
	int err = 0;
	switch (c->type) {
	case MAN_ENDPOINT:
		if (c->service[0])
			return tern_cap_mint(service_find(c->service), task, dst, RIGHT_WRITE | RIGHT_GRANT, p->id, 0);
		if (!p->endpoints[i]) {
			p->endpoints[i] = slot_alloc();
			if ((err = tern_mem_create(ROOT_MEMORY, CAP_ENDPOINT, p->endpoints[i], 0)))
				return err;
		}
		return tern_cap_copy(p->endpoints[i], task, dst, RIGHTS_ALL);
	case MAN_NOTE:
		note_of[i] = slot_alloc();
		if ((err = tern_mem_create(ROOT_MEMORY, CAP_NOTE, note_of[i], 0)))
			return err;
		/* The kernel signals it when its log grows, replacing the
		 * note it signalled before (a restarted driver's). */
		if (c->klog && (err = tern_invoke(ROOT_MACHINE, MACHINE_KLOG_NOTE, note_of[i], 0, 0, 0, 0)))
			return err;
		/* Likewise the host terminal's input (PLATFORM=linux; the PC's
		 * kernel watches none and refuses). */
		if (c->hostin && (err = tern_invoke(ROOT_MACHINE, MACHINE_HOSTIN_NOTE, note_of[i], 0, 0, 0, 0)))
			return err;
		return tern_cap_copy(note_of[i], task, dst, RIGHTS_ALL);
	case MAN_IOPORT:
		return tern_cap_mint(ROOT_IOPORT, task, dst, RIGHTS_ALL, c->min, c->max);
	case MAN_IRQ: {
		int ni = 0;
		while (ni < p->man.ncaps && p->man.caps[ni].slot != c->note)
			ni++;
		uint64_t irq = tmp_slot(), badged = tmp_slot();
		err = tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, c->irq, irq, 0, 0, 0);
		if (!err)
			err = tern_cap_mint(note_of[ni], 0, badged, RIGHT_WRITE, 1ull << c->irq, 0);
		if (!err)
			err = tern_invoke(irq, IRQ_SET_NOTE, badged, 0, 0, 0, 0);
		if (!err)
			err = tern_cap_move(irq, task, dst);
		drop(badged);
		if (err)
			drop(irq);
		else
			slot_free(irq);
		return err;
	}
	case MAN_MMIO:
		if (!(s = mmio_source(c)))
			return E_NO_RIGHTS;     /* checked at spawn; the root's caps do not change */
		if (c->framebuffer)
			return tern_cap_copy(s, task, dst, RIGHT_READ | RIGHT_WRITE);
		return tern_cap_mint(s, task, dst, RIGHT_READ | RIGHT_WRITE, c->min, c->max);
	case MAN_PAGE:
		if (c->initramfs)
			return tern_cap_copy(ROOT_INITRAMFS, task, dst, RIGHT_READ);
		if (c->klog)
			return tern_cap_copy(ROOT_KLOG, task, dst, RIGHT_READ);
		s = tmp_slot();
		err = tern_mem_create(ROOT_MEMORY, CAP_PAGE, s, c->pages);
		if (!err)
			err = tern_cap_move(s, task, dst);
		drop(s);
		return err;
	}
	return E_BAD_ARG;
}

/*
 * The kernel console, if the manifest asks for it: tagged (the kernel
 * starts each line with the task's id and name) or, for programs built
 * into the initramfs only, raw (tests whose report lines the run tool
 * reads). A program read from the writable file system never gets raw.
 */
static int give_log(struct prog *p, uint64_t task)
{
	if (p->man.log == MAN_LOG_RAW && !p->from_fs)
		return tern_cap_copy(ROOT_DEBUG, task, PROG_DEBUG, RIGHT_WRITE);
	return tern_cap_mint(ROOT_DEBUG, task, PROG_DEBUG, RIGHT_WRITE, 1, 0);
}

/* The manifest's pages, plus what the kernel charges for the program's
 * task and the page tables of its first mappings (image, stack, IPC
 * buffer, info page: about ten tables). */
#define PROG_TABLES_BYTES (16 * 4096)
static uint64_t prog_quota_bytes(const struct manifest *m)
{
	return m->pages * 4096 + TASK_COST(m->radix) + PROG_TABLES_BYTES;
}

int prog_start(struct prog *p)
{
	struct loader l = { ROOT_MEMORY, scratch_va, alloc_slot, free_slot, 0 };
	uint64_t task = slot_alloc(), mem = 0, ipc = 0, s = 0, entry = 0;
	uint64_t note_of[MAN_MAX_CAPS] = { 0 };
	/*
	 * The program's quota pays for the program: its task (and so the
	 * task's page tables, mapping records and port bitmap, which the
	 * kernel charges to the quota the task was made from) and what it
	 * makes itself. A program that maps one page at a million addresses
	 * runs out of its own quota, not init's. init keeps a copy of the cap
	 * to revoke it when the program ends. The loaded image and the stack
	 * are init's pages, lent.
	 */
	mem = tmp_slot();
	int err = tern_invoke(ROOT_MEMORY, MEM_SPLIT, prog_quota_bytes(&p->man), mem, 0, 0, 0);
	if (!err)
		err = tern_mem_create(mem, CAP_TASK, task, p->man.radix);
	if (!err)
		err = loader_load_elf(&l, task, p->elf, p->elf_len, &entry);
	if (!err)
		err = loader_map_new(&l, task, PROG_STACK_TOP - PROG_STACK_PAGES * 4096, PROG_STACK_PAGES,
				     RIGHT_READ | RIGHT_WRITE, 0);
	if (!err)
		err = loader_map_new(&l, task, PROG_IPCBUF_VA, 1, RIGHT_READ | RIGHT_WRITE, &ipc);
	if (!err)
		err = tern_invoke(task, TASK_SET_IPCBUF, ipc, 0, 0, 0, 0);
	if (!err)
		err = tern_cap_move(ipc, task, PROG_IPCBUF);
	if (!err)
		err = give_info(&l, p, task);
	if (!err && p->man.pages)
		err = tern_cap_copy(mem, task, PROG_MEMORY, RIGHTS_ALL);
	if (!err)
		err = tern_cap_mint(init_ep, task, PROG_INIT, RIGHT_WRITE | RIGHT_GRANT, p->id, 0);
	if (!err)
		err = tern_cap_copy(task, task, PROG_SELF, RIGHTS_ALL);
	if (!err && p->man.log)
		err = give_log(p, task);
	/* Its standard streams: copies; init keeps its own to close them
	 * when the program ends (prog_ended). Any kind of cap is passed on:
	 * one that is not a stream just fails the program's calls. */
	for (int i = 0; i < 3 && !err; i++)
		if (p->io[i])
			err = tern_cap_copy(p->io[i], task, PROG_STDIN + (uint64_t)i, RIGHTS_ALL);
	for (int i = 0; i < p->man.ncaps && !err; i++)
		if (p->man.caps[i].type != MAN_IRQ)
			err = give_cap(p, i, task, note_of);
	for (int i = 0; i < p->man.ncaps && !err; i++)
		if (p->man.caps[i].type == MAN_IRQ)
			err = give_cap(p, i, task, note_of);
	if (!err) {
		s = tmp_slot();
		err = tern_cap_mint(init_ep, 0, s, RIGHT_WRITE, FAULT_BADGE | p->id, 0);
		if (!err)
			err = tern_invoke(task, TASK_SET_FAULT, s, 0, 0, 0, 0);
	}
	if (!err)
		err = tern_invoke(task, TASK_SET_PRIO, p->man.driver ? 200 : 100, 0, 0, 0, 0);
	if (!err)
		err = tern_task_set_regs(task, entry, PROG_STACK_TOP, PROG_INFO_VA, 0);
	if (!err)
		err = tern_invoke(task, TASK_SET_NAME, (uint64_t)p->man.name, strlen(p->man.name), 0, 0, 0);
	uint64_t out[6] = { 0 };
	if (!err)
		err = tern_invoke(task, TASK_INFO, 0, 0, 0, 0, out);
	if (!err)
		err = tern_task_start(task);
	for (int i = 0; i < MAN_MAX_CAPS; i++)
		drop(note_of[i]);
	drop(s);
	if (err)
		drop(mem);
	if (ipc && !err)
		slot_free(ipc);
	if (err) {
		printf("init: cannot start %s: %s\n", p->man.name, loader_strerror(err));
		drop(task);
		return -1;
	}
	p->task = task;
	p->mem = mem;
	p->ktask = out[3];
	p->state = INIT_RUNNING;
	printf("init: started %s (id %lu, task %lu)\n", p->man.name, p->id, p->ktask);
	return 0;
}

void prog_release(struct prog *p)
{
	for (int i = 0; i < MAN_MAX_CAPS; i++)
		if (p->endpoints[i] && !p->man.nprovides)
			drop(p->endpoints[i]);
	free_record(p);
}

/* Stop it for good and take back everything it had. MEM_REVOKE breaks
 * every object made from its quota (so no reference cycle among them can
 * keep memory pinned) before init drops its own caps; a kernel without it
 * answers E_BAD_SYSCALL, and the caps are dropped all the same. */
static void stop(struct prog *p)
{
	if (p->task)
		tern_invoke(p->task, TASK_KILL, 0, 0, 0, 0, 0);
	if (p->mem)
		tern_invoke(p->mem, MEM_REVOKE, 0, 0, 0, 0, 0);
	drop(p->task);
	drop(p->mem);
	p->task = p->mem = 0;
}

void prog_ended(struct prog *p, int state, uint64_t status)
{
	int killed = p->killed;
	p->killed = 0;
	stop(p);
	/* Its standard streams are done: tell their servers (a pipe's
	 * reader then sees the end), before the client-gone notices. */
	for (int i = 0; i < 3; i++)
		if (p->io[i])
			gone_stream_close(p->io[i]);
	memset(p->io, 0, sizeof(p->io));
	gone_program(p);
	/* Its own waits on others end with it: their saved replies would
	 * keep the dead task (and its memory) alive until those others end.
	 * So do its watches (a note cap of its own, in init's cspace). */
	for (int i = 0; i < MAX_PROGS; i++)
		if (progs[i].used) {
			prog_drop_waiter(&progs[i], p->id);
			prog_drop_watch(&progs[i], p->id);
		}
	p->state = state;
	p->status = status;
	/* Signalling a note never blocks. */
	for (int i = 0; i < p->nwatches; i++) {
		tern_signal(p->watches[i]);
		drop(p->watches[i]);
	}
	p->nwatches = 0;
	for (int i = 0; i < p->nwaiters; i++) {
		struct tern_msg m = { .info = MSG_INFO(0, 1, 0), .mr = { status } };
		tern_send(p->waiters[i], &m);   /* a reply: never blocks */
		drop(p->waiters[i]);
	}
	p->nwaiters = 0;
	if (!p->man.driver) {
		/* Keep the record (name, status, manifest) for INIT_WAIT, ps and caps. */
		free_elf(p);
		return;
	}
	/* A driver ended by an authorised kill did not crash: restart it at
	 * once, without using up its restart limit. */
	if (killed) {
		printf("init: restarting %s (killed on request; %u of %u restarts used)\n", p->man.name,
		       p->restarts, p->man.restarts);
		if (prog_start(p))
			p->state = INIT_FAILED;
		return;
	}
	/* A driver that exits with status 0 found nothing to drive (no such
	 * device here: drv/vgacon on a machine without VGA text memory). It
	 * said why; starting it again would only say it again. */
	if (state == INIT_EXITED && status == 0) {
		printf("init: %s (id %lu) exited: nothing to drive; not restarted\n", p->man.name, p->id);
		return;
	}
	if (p->restarts >= p->man.restarts) {
		printf("init: %s died %u times; giving up\n", p->man.name, p->restarts + 1);
		p->state = INIT_FAILED;
		return;
	}
	/* Back off a little longer each time, so a crash loop cannot swamp the machine. */
	unsigned delay = 50u << p->restarts;
	p->restarts++;
	p->state = INIT_RESTARTING;
	printf("init: restarting %s in %u ms (restart %u of %u)\n", p->man.name, delay, p->restarts,
	       p->man.restarts);
	/* Not by sleeping here: init keeps serving requests and faults while
	 * the back-off runs (prog_restarts_due, from main.c's receive). */
	p->restart_at = tern_uptime_ns() + (uint64_t)delay * 1000000ull;
}

void prog_drop_waiter(struct prog *p, uint64_t id)
{
	for (int i = 0; i < p->nwaiters; i++) {
		if (p->waiter_id[i] != id)
			continue;
		drop(p->waiters[i]);
		p->nwaiters--;
		p->waiters[i] = p->waiters[p->nwaiters];
		p->waiter_id[i] = p->waiter_id[p->nwaiters];
		return;
	}
}

void prog_drop_watch(struct prog *p, uint64_t id)
{
	for (int i = 0; i < p->nwatches; i++) {
		if (p->watch_id[i] != id)
			continue;
		drop(p->watches[i]);
		p->nwatches--;
		p->watches[i] = p->watches[p->nwatches];
		p->watch_id[i] = p->watch_id[p->nwatches];
		return;
	}
}

int prog_restarts_due(void)
{
	int waiting = 0;
	uint64_t now = tern_uptime_ns();
	for (int i = 0; i < MAX_PROGS; i++) {
		struct prog *p = &progs[i];
		if (!p->used || p->state != INIT_RESTARTING)
			continue;
		if (now < p->restart_at) {
			waiting = 1;
			continue;
		}
		if (prog_start(p))
			p->state = INIT_FAILED;
	}
	return waiting;
}
