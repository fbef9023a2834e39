/*
 * tern-run --lab: one scenario on the machines of a lab, in parallel
 * (docs/lab.md). Before anything is powered on we check all we can: the
 * lab file, the machine names, every line of the scenario (a line only
 * QEMU can do is refused by name), and the TFTP root. The scenario's
 * -kernel and -initrd are then loaded into a directory of this run under
 * the TFTP root, so runs of different kernels on the same root do not
 * clobber each other. Each machine runs in a child process of its own,
 * the same interpreter as under QEMU with lab_target.c as the target; its
 * output goes to LOGS/NAME.log (ours) and LOGS/NAME.serial (the console),
 * and its verdict comes back on a pipe for the table at the end.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lab.h"
#include "labboot.h"
#include "labini.h"
#include "run.h"

#define LAB_FILE_MAX (1 << 20)

struct child {
	const struct lab_machine *m;
	pid_t pid;
	int result;                     /* read end of its verdict pipe */
	double t0, secs;
	char verdict[16];
	int passed, failed, line;
	char why[1024];
};

static struct child children[LAB_MACHINES_MAX];
static int nchildren;

/* Ctrl-C or a TERM: each machine's run cleans up (lab_stop), then we
 * print the table and remove the loaded kernel as usual. */
static void forward(int sig)
{
	(void)sig;
	for (int i = 0; i < nchildren; i++)
		if (children[i].pid > 0)
			kill(children[i].pid, SIGTERM);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	char *buf = malloc(LAB_FILE_MAX + 1);
	*len = fread(buf, 1, LAB_FILE_MAX + 1, f);
	fclose(f);
	if (*len > LAB_FILE_MAX) {
		free(buf);
		errno = EFBIG;
		return 0;
	}
	return buf;
}

/* Which machines: all, or the named ones (in the lab file's order). */
static int pick(const struct lab *lab, const char *names, const char *labfile, int *picked)
{
	for (int i = 0; i < lab->n; i++)
		picked[i] = !names || !*names;
	if (!names || !*names)
		return 0;
	char *copy = strdup(names);
	for (char *save = 0, *n = strtok_r(copy, ",", &save); n; n = strtok_r(0, ",", &save)) {
		const struct lab_machine *m = lab_find(lab, n);
		if (!m) {
			fprintf(stderr, "tern-run: no machine \"%s\" in %s; it has:", n, labfile);
			for (int i = 0; i < lab->n; i++)
				fprintf(stderr, " %s", lab->m[i].name);
			fprintf(stderr, "\n");
			free(copy);
			return -1;
		}
		picked[m - lab->m] = 1;
	}
	free(copy);
	return 0;
}

/* Every line of the scenario must run on a lab; the boot line's files. */
static int check_scenario(const char *scenario, struct lab_boot *boot)
{
	FILE *f = fopen(scenario, "r");
	if (!f) {
		fprintf(stderr, "tern-run: cannot open %s: %s\n", scenario, strerror(errno));
		return -1;
	}
	char line[8192], err[600];
	int n = 0, boots = 0, bad = 0;
	while (!bad && fgets(line, sizeof(line), f)) {
		n++;
		line[strcspn(line, "\n")] = '\0';
		char *argv[MAX_ARGS];
		int argc = split(line, argv);
		const char *why;
		if (!argc || argv[0][0] == '#') {
		} else if (!strcmp(argv[0], "boot")) {
			if (boots++ || lab_boot_parse(argv + 1, argc - 1, 0, boot, err, sizeof(err))) {
				fprintf(stderr, "tern-run: %s:%d: %s\n", scenario, n,
					boots > 1 ? "a second boot line: a lab machine boots once per scenario" : err);
				bad = 1;
			}
			continue;       /* boot keeps its words: kernel and initrd point into them */
		} else if ((why = lab_line_refused(argv, argc))) {
			fprintf(stderr, "tern-run: %s:%d: \"%s\" cannot run on a lab machine: it %s\n", scenario, n,
				argv[0], why);
			bad = 1;
		}
		for (int i = 0; i < argc; i++)
			free(argv[i]);
	}
	fclose(f);
	if (!bad && !boots) {
		fprintf(stderr, "tern-run: %s has no boot line\n", scenario);
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY), out = in < 0 ? -1 : open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	char buf[65536];
	ssize_t n = 0;
	while (out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	int bad = in < 0 || out < 0 || n < 0;
	if (in >= 0)
		close(in);
	if (out >= 0)
		bad |= close(out);
	return bad ? -1 : 0;
}

static int exists(const char *root, const char *name)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/%s", root, name);
	return !access(path, R_OK);
}

static void unload(const char *root, const char *dir)
{
	if (!*dir)
		return;
	char path[4300];
	snprintf(path, sizeof(path), "%s/%stern.elf", root, dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/%sinitramfs.tar", root, dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/%s", root, dir);
	rmdir(path);
}

/* The run's kernel and initramfs: loaded into ROOT/DIR (made here), or
 * the tree's own in ROOT when the scenario names none. */
static int load(const char *root, const struct lab_boot *b, char *dir, size_t dirlen)
{
	if (!exists(root, "pxelinux.cfg") || !exists(root, "mboot.c32")) {
		fprintf(stderr, "tern-run: %s has no PXE tree (pxelinux.cfg/, mboot.c32): copy it there once, "
				"rsync -a build/images/pxe/ %s/ (docs/lab.md)\n", root, root);
		return -1;
	}
	dir[0] = '\0';
	if (!b->kernel && !b->initrd) {
		if (exists(root, "tern.elf") && exists(root, "initramfs.tar"))
			return 0;
		fprintf(stderr, "tern-run: %s has no tern.elf and initramfs.tar, and the scenario loads none\n", root);
		return -1;
	}
	snprintf(dir, dirlen, "tern-lab-%d/", (int)getpid());
	char path[4200], to[4300];
	snprintf(path, sizeof(path), "%s/%s", root, dir);
	if (mkdir(path, 0755)) {
		fprintf(stderr, "tern-run: cannot make %s: %s\n", path, strerror(errno));
		return -1;
	}
	const char *files[2][2] = { { b->kernel, "tern.elf" }, { b->initrd, "initramfs.tar" } };
	for (int i = 0; i < 2; i++) {
		char from[4200];
		snprintf(from, sizeof(from), "%s/%s", root, files[i][1]);
		snprintf(to, sizeof(to), "%s%s", path, files[i][1]);
		if (copy_file(files[i][0] ? files[i][0] : from, to)) {
			fprintf(stderr, "tern-run: cannot load %s into %s: %s\n", files[i][0] ? files[i][0] : from, to,
				strerror(errno));
			unload(root, dir);
			return -1;
		}
	}
	printf("lab: loaded %s and %s into %s\n", b->kernel ? b->kernel : "the tree's tern.elf",
	       b->initrd ? b->initrd : "the tree's initramfs.tar", path);
	return 0;
}

static __attribute__((noreturn)) void child_run(const struct lab *lab, const struct lab_machine *m,
						const char *dir, const char *logdir, const char *scenario, int result)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/%s.log", logdir, m->name);
	int log = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (log < 0) {
		dprintf(result, "fail\t0\t1\t0\tcannot write %s: %s\n", path, strerror(errno));
		_exit(1);
	}
	dup2(log, 1);
	setvbuf(stdout, 0, _IOLBF, 0);
	static struct lab_run l;
	l = (struct lab_run){ .m = m, .tftp_root = lab->tftp_root, .dir = dir, .log_fd = log, .lock_fd = -1 };
	static struct run r;
	r = (struct run){ .scale = m->timeout_scale, .timeout = 30, .mon = -1, .lab = &l, .result_fd = result };
	r.scenario = scenario;
	r.cap = 65536;
	r.out = calloc(1, r.cap);
	snprintf(path, sizeof(path), "%s/%s.serial", logdir, m->name);
	r.log = fopen(path, "w");
	char mac[18];
	snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", m->mac[0], m->mac[1], m->mac[2], m->mac[3],
		 m->mac[4], m->mac[5]);
	/* For the lab's commands: which machine they are run for. */
	setenv("TERN_LAB_MACHINE", m->name, 1);
	setenv("TERN_LAB_MAC", mac, 1);
	setenv("TERN_LAB_TFTP_ROOT", lab->tftp_root, 1);
	setenv("TERN_LAB_CONSOLE_PORT", m->com2 ? "com2" : "com1", 1);
	set_signal_target(&r);
	printf("lab: %s (%s) runs %s\n", m->name, mac, scenario);
	scenario_run(&r);
}

static void collect(struct child *c)
{
	char buf[1400];
	ssize_t n = read(c->result, buf, sizeof(buf) - 1);
	close(c->result);
	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	char *f[5] = { buf };
	for (int i = 1; i < 5 && f[i - 1]; i++) {
		char *t = strchr(f[i - 1], '\t');
		f[i] = t ? t + 1 : 0;
		if (t)
			*t = '\0';
	}
	if (!f[4]) {
		snprintf(c->verdict, sizeof(c->verdict), "fail");
		snprintf(c->why, sizeof(c->why), "the run ended without a verdict (see its log)");
		c->failed = 1;
		return;
	}
	snprintf(c->verdict, sizeof(c->verdict), "%s", f[0]);
	c->passed = atoi(f[1]);
	c->failed = atoi(f[2]);
	c->line = atoi(f[3]);
	snprintf(c->why, sizeof(c->why), "%s", f[4]);
}

int lab_main(const char *labfile, const char *machines, const char *logdir, const char *scenario,
	     int dry_run)
{
	size_t len;
	char *text = read_file(labfile, &len), err[600];
	if (!text) {
		fprintf(stderr, "tern-run: cannot read %s: %s\n", labfile, strerror(errno));
		return 2;
	}
	static struct lab lab;
	if (lab_parse(text, len, &lab, err, sizeof(err))) {
		fprintf(stderr, "tern-run: %s:%s%s\n", labfile, err[0] >= '0' && err[0] <= '9' ? "" : " ", err);
		return 2;
	}
	free(text);
	int picked[LAB_MACHINES_MAX];
	struct lab_boot boot;
	char dir[64];
	if (pick(&lab, machines, labfile, picked) || check_scenario(scenario, &boot))
		return 2;
	if (dry_run) {
		printf("lab: %s can run on %s (kernel arguments \"%s\")\n", scenario, labfile, boot.args);
		return 0;
	}
	if (load(lab.tftp_root, &boot, dir, sizeof(dir)))
		return 2;
	char mk[4200];
	snprintf(mk, sizeof(mk), "mkdir -p '%s'", logdir);
	if (strchr(logdir, '\'') || system(mk)) {
		fprintf(stderr, "tern-run: cannot make the log directory %s\n", logdir);
		unload(lab.tftp_root, dir);
		return 2;
	}
	fflush(stdout);
	signal(SIGINT, forward);
	signal(SIGTERM, forward);
	signal(SIGHUP, forward);
	for (int i = 0; i < lab.n; i++) {
		if (!picked[i])
			continue;
		struct child *c = &children[nchildren];
		int p[2];
		if (pipe(p)) {
			perror("tern-run: pipe");
			break;
		}
		c->m = &lab.m[i];
		c->result = p[0];
		c->t0 = now();
		c->pid = fork();
		if (c->pid == 0) {
			close(p[0]);
			signal(SIGINT, SIG_DFL);
			signal(SIGTERM, SIG_DFL);
			signal(SIGHUP, SIG_DFL);
			child_run(&lab, c->m, dir, logdir, scenario, p[1]);
		}
		close(p[1]);
		if (c->pid < 0) {
			perror("tern-run: fork");
			close(p[0]);
			break;
		}
		nchildren++;
	}
	for (int left = nchildren; left > 0;) {
		int status;
		pid_t pid = wait(&status);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < nchildren; i++)
			if (children[i].pid == pid) {
				children[i].secs = now() - children[i].t0;
				children[i].pid = 0;
				collect(&children[i]);
				left--;
			}
	}
	unload(lab.tftp_root, dir);

	/* The table (docs/lab.md): one row a machine, then the counts. */
	const char *base = strrchr(scenario, '/') ? strrchr(scenario, '/') + 1 : scenario;
	int passed = 0, failed = 0;
	printf("\nlab: %s on %d machine%s of %s\n", scenario, nchildren, nchildren == 1 ? "" : "s", labfile);
	printf("%-12s %-16s %-8s %8s  %-22s %-28s %s\n", "machine", "scenario", "verdict", "time", "tests", "log",
	       "why");
	for (int i = 0; i < nchildren; i++) {
		struct child *c = &children[i];
		char secs[32], tests[48], logp[4200];
		snprintf(secs, sizeof(secs), "%.1f s", c->secs);
		snprintf(tests, sizeof(tests), "%d passed, %d failed", c->passed, c->failed);
		snprintf(logp, sizeof(logp), "%s/%s.log", logdir, c->m->name);
		int ok = !strcmp(c->verdict, "pass");
		passed += ok;
		failed += !ok;
		int blen = (int)strlen(base);
		if (blen > 4 && !strcmp(base + blen - 4, ".run"))
			blen -= 4;
		printf("%-12s %-16.*s %-8s %8s  %-22s %-28s ", c->m->name, blen, base, c->verdict, secs, tests, logp);
		if (ok)
			printf("\n");
		else if (c->line)
			printf("%s:%d: %s\n", base, c->line, c->why);
		else
			printf("%s\n", c->why);
	}
	printf("lab: %d machine%s passed, %d failed\n", passed, passed == 1 ? "" : "s", failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed || !nchildren ? 1 : 0;
}
