/*
 * Who may ask init for what (docs/manifest.md, "Authority"). init's own
 * authority (ending programs, powering off) is handed out by manifests in
 * [init], and flows down the spawn tree: a program holds what its manifest
 * asks for, but never more than the program that spawned it (init itself,
 * for the boot configuration, holds everything). Without [init] control a
 * program may end only the programs it spawned itself.
 *
 * Programs read from the writable file system are not trusted to ask: they
 * get no hardware (ioport, irq) at all, no device memory that a spawning
 * program's own manifest does not hold (none when init spawns them), and
 * no existing authority (a service endpoint, the initramfs, the kernel
 * log) that their
 * spawner does not hold. Such a
 * spawn is refused, not trimmed, so the program never runs with less than
 * it was written for.
 */
#include "init.h"
#include <stdio.h>

static const char *name_of(const struct prog *p) { return p ? p->man.name : "init"; }

/* Does the spawner's manifest hold a capability to the same service? */
static int holds_service(const struct prog *s, const char *service)
{
	uint64_t ep = service_find(service);
	for (int i = 0; i < s->man.ncaps; i++) {
		const struct man_cap *c = &s->man.caps[i];
		if (c->type == MAN_ENDPOINT && c->service[0] && service_find(c->service) == ep)
			return 1;
	}
	return 0;
}

static int holds_initramfs(const struct prog *s)
{
	for (int i = 0; i < s->man.ncaps; i++)
		if (s->man.caps[i].type == MAN_PAGE && s->man.caps[i].initramfs)
			return 1;
	return 0;
}

static int holds_klog(const struct prog *s)
{
	for (int i = 0; i < s->man.ncaps; i++)
		if (s->man.caps[i].type == MAN_PAGE && s->man.caps[i].klog)
			return 1;
	return 0;
}

/* Does the spawner's manifest hold this device memory (the framebuffer,
 * or a range containing this one)? */
static int holds_mmio(const struct prog *s, const struct man_cap *want)
{
	for (int i = 0; i < s->man.ncaps; i++) {
		const struct man_cap *c = &s->man.caps[i];
		if (c->type != MAN_MMIO || c->framebuffer != want->framebuffer)
			continue;
		if (c->framebuffer || (want->min >= c->min && want->max <= c->max))
			return 1;
	}
	return 0;
}

/* Why a program from the file system may not have this capability, or 0. */
static const char *fs_cap_refusal(const struct prog *spawner, const struct man_cap *c)
{
	switch (c->type) {
	case MAN_IOPORT: return "I/O ports";
	case MAN_IRQ: return "an IRQ line";
	case MAN_ENDPOINT:
		return c->service[0] && spawner && !holds_service(spawner, c->service) ? "a service its spawner lacks" : 0;
	case MAN_PAGE:
		if (c->klog && spawner && !holds_klog(spawner))
			return "the kernel log its spawner lacks";
		return c->initramfs && spawner && !holds_initramfs(spawner) ? "the initramfs" : 0;
	case MAN_MMIO:
		return !spawner || !holds_mmio(spawner, c) ? "device memory its spawner lacks" : 0;
	case MAN_NOTE:  /* the kernel signals one note of each: the drivers', not theirs */
		return c->klog ? "the kernel log's wake-up" : c->hostin ? "the host terminal's wake-up" : 0;
	}
	return 0;
}

/* How many programs spawner started that are still there (running or
 * waiting for a restart). */
static int live_children(const struct prog *spawner)
{
	int n = 0;
	for (int i = 0; i < MAX_PROGS; i++)
		n += progs[i].used && progs[i].parent == spawner->id &&
		     (progs[i].task || progs[i].state == INIT_RESTARTING);
	return n;
}

long authority_spawn(const struct prog *spawner, struct prog *p)
{
	/* init's program table is shared: no one program may fill it. */
	if (spawner && live_children(spawner) >= MAX_CHILDREN) {
		printf("init: refused %s: %s (id %lu) already has %d programs running\n", p->path,
		       spawner->man.name, spawner->id, MAX_CHILDREN);
		return E_BUSY;
	}
	p->control = p->man.control && (!spawner || spawner->control);
	p->power = p->man.power && (!spawner || spawner->power);
	if (p->man.control != p->control || p->man.power != p->power)
		printf("init: %s: [init]%s%s not given: %s (id %lu) does not hold it\n", p->path,
		       p->man.control != p->control ? " control=yes" : "", p->man.power != p->power ? " power=yes" : "",
		       name_of(spawner), spawner ? spawner->id : 0);
	if (!p->from_fs)
		return 0;
	/* Its quota is init's memory: no more than the spawner's own. */
	if (spawner && p->man.pages > spawner->man.pages) {
		printf("init: refused %s: a program from the file system may not have a larger "
		       "memory quota than its spawner (%lu pages; %s has %lu)\n",
		       p->path, p->man.pages, spawner->man.name, spawner->man.pages);
		return E_NO_RIGHTS;
	}
	for (int i = 0; i < p->man.ncaps; i++) {
		const char *why = fs_cap_refusal(spawner, &p->man.caps[i]);
		if (why) {
			printf("init: refused %s: a program from the file system may not have %s "
			       "(manifest line %u; spawned by %s)\n",
			       p->path, why, p->man.caps[i].line, name_of(spawner));
			return E_NO_RIGHTS;
		}
	}
	return 0;
}

/* Whether asker may act on target (kill it, wait on it): target is its
 * child, or it holds [init] control. Refusals are logged with the verb. */
static long may_act_on(const struct prog *asker, uint64_t asker_id, const struct prog *target, const char *verb)
{
	if (asker && (asker->control || target->parent == asker->id))
		return 0;
	printf("init: refused %s %s (id %lu) for %s (id %lu): not its child, and no [init] control\n",
	       verb, target->man.name, target->id, asker ? asker->man.name : "?", asker_id);
	return E_NO_RIGHTS;
}

long authority_kill(const struct prog *asker, uint64_t asker_id, const struct prog *target)
{
	return may_act_on(asker, asker_id, target, "kill of");
}

/* Waiting follows the same rule as killing: a wait holds a saved reply in
 * init until the program ends, so strangers' waits must not pile up. */
long authority_wait(const struct prog *asker, uint64_t asker_id, const struct prog *target)
{
	return may_act_on(asker, asker_id, target, "wait on");
}

/* A watch holds a note cap in init until the program ends: as a wait. */
long authority_watch(const struct prog *asker, uint64_t asker_id, const struct prog *target)
{
	return may_act_on(asker, asker_id, target, "watch of");
}

long authority_power(const struct prog *asker, uint64_t asker_id, const char *what)
{
	if (asker && asker->power)
		return 0;
	printf("init: refused %s for %s (id %lu): no [init] power\n", what, asker ? asker->man.name : "?",
	       asker_id);
	return E_NO_RIGHTS;
}
