/*
 * The kernel console: kprintf and the debug-write capability print here,
 * and it sends each byte to its sinks, an explicit short list: COM1, COM2
 * (16550, polled) and the screen: VGA text mode on a BIOS boot, the
 * loader's framebuffer drawn with the build's 8x16 font on a UEFI boot.
 *
 * console=com1|com2|screen on the command line, a comma list whose first
 * name is the primary console (init puts its getty on the first serial
 * one), chooses the sinks. Without it: COM1, plus the screen when there is
 * one, so a machine that panics shows why on its screen, and COM1 behaves
 * as it always did (qemu -nographic, the tests).
 *
 * The command line is only known once the loader's block is parsed, and
 * that prints (the memory map). So from console_early to console_setup
 * output is held in a buffer, and console_setup prints it on the chosen
 * sinks: console=com2 puts the whole log, banner first, on COM2 and none
 * of it on COM1. If the machine fails before that (a bad loader block, an
 * exception), the held output goes to the default sinks first.
 *
 * Every byte is also kept in the kernel log ring (klog.c), whatever the
 * sinks, for /bin/dmesg, and the ring's header says which sinks print.
 *
 * The screen changes hands when a task maps it writable (drv/fbcon maps
 * the framebuffer, drv/vgacon VGA text memory): two writers of one screen
 * would scroll each other's lines away or write into the middle of the
 * user's line. From then on the kernel does not draw the log there; the
 * driver shows it, read from the ring, as whole lines above the line being
 * typed (userspace/lib/screen/screenlog.h), when the screen is one of the
 * sinks. A panic takes the screen back.
 */
#include <abi/klog.h>
#include <cmdline.h>
#include <conslist.h>
#include <console.h>
#include <klog.h>
#include <kprintf.h>
#include <multiboot.h>

static void com1_putc(char c) { serial_putc(COM1_PORT, c); }
static void com2_putc(char c) { serial_putc(COM2_PORT, c); }
static void com1_init(void) { serial_init(COM1_PORT); }
static void com2_init(void) { serial_init(COM2_PORT); }

/* The screen: VGA text mode (BIOS) or the loader's framebuffer (UEFI). */
enum { SCREEN_NONE, SCREEN_VGA, SCREEN_FB };
static int screen;
static int screen_lent;                 /* a task draws on the screen: we don't */

static void screen_init(void) { screen == SCREEN_VGA ? vga_text_init() : fb_text_init(); }
static void screen_putc(char c)
{
	if (screen != SCREEN_VGA)
		fb_text_putc(c);        /* kept; once lent, drawn only after a panic takes the screen back */
	else if (!screen_lent)
		vga_text_putc(c);       /* VGA text memory is the text itself: not while lent */
}

static const struct sink {
	void (*init)(void);
	void (*putc)(char c);
} sinks[CONS_COUNT] = {
	[CONS_COM1] = { com1_init, com1_putc },
	[CONS_COM2] = { com2_init, com2_putc },
	[CONS_SCREEN] = { screen_init, screen_putc },
};

static unsigned on;                     /* bit per sink that prints */
static unsigned ready;                  /* bit per sink whose device is set up */
static int primary = CONS_COM1;
_Static_assert(KLOG_ON_COM1 == 1u << CONS_COM1 && KLOG_ON_COM2 == 1u << CONS_COM2 &&
	       KLOG_ON_SCREEN == 1u << CONS_SCREEN, "the ring's console bits are ours");
static int holding;                     /* before console_setup */
static char held[16384];
static unsigned long nheld;
static int line_start = 1;

static void emit(char c)
{
	for (int i = 0; i < CONS_COUNT; i++)
		if (on & 1u << i)
			sinks[i].putc(c);
}

static void use(unsigned mask)
{
	for (int i = 0; i < CONS_COUNT; i++)
		if ((mask & 1u << i) && !(ready & 1u << i)) {
			sinks[i].init();
			ready |= 1u << i;
		}
	on = mask;
}

static unsigned default_sinks(void)
{
	return 1u << CONS_COM1 | (screen != SCREEN_NONE ? 1u << CONS_SCREEN : 0);
}

/* Stop holding: print what was held on mask, which prints from now on. */
static void release(unsigned mask)
{
	use(mask);
	holding = 0;
	for (unsigned long i = 0; i < nheld; i++)
		emit(held[i]);
	nheld = 0;
	console_flush();
}

void console_early(int has_text_mode)
{
	screen = has_text_mode ? SCREEN_VGA : SCREEN_NONE;
	holding = 1;
	use(1u << CONS_COM1);           /* set up now; it prints once released */
	on = 0;
}

void console_flush_early(void)
{
	if (holding)
		release(default_sinks());
}

void console_setup(const char *cmdline, const struct boot_fb *fb)
{
	if (fb && fb->format)           /* a graphics framebuffer, no text mode */
		screen = fb_text_usable(fb) ? SCREEN_FB : SCREEN_NONE;
	else if (fb && fb->graphics)    /* a graphics mode tern refused (multiboot.c said why) */
		screen = SCREEN_NONE;
	char val[64], bad[24];
	int ids[CONS_COUNT], n = 0;
	int given = cmdline && cmdline_get(cmdline, "console", val, sizeof(val));
	if (given)
		n = conslist_parse(val, ids, CONS_COUNT, bad, sizeof(bad));
	unsigned mask = 0;
	int no_screen = 0;
	for (int i = 0; i < n; i++) {
		if (ids[i] == CONS_SCREEN && screen == SCREEN_NONE) {
			no_screen = 1;
			continue;
		}
		if (!mask)
			primary = ids[i];
		mask |= 1u << ids[i];
	}
	if (!given)
		mask = default_sinks();
	if (!mask) {
		mask = default_sinks();         /* never nowhere */
		primary = CONS_COM1;
	}
	release(mask);
	/* Complaints go on the chosen consoles and on the default ones. */
	if (given && (bad[0] || !n || no_screen)) {
		use(mask | default_sinks());
		if (bad[0])
			kprintf("tern: console=%s: unknown console \"%s\" (known: com1, com2, screen); ignored\n",
				val, bad);
		else if (!n)
			kprintf("tern: console=%s names no console\n", val);
		if (no_screen)
			kprintf("tern: console=%s: no screen the kernel can write on this boot (%s)\n", val,
				fb && fb->format ? "a framebuffer above 4 GiB or in a bit-mask format" :
				fb && fb->graphics ? "the loader's graphics mode was refused" :
				"no VGA text mode, no framebuffer");
		kprintf("tern: the kernel log goes to");
		for (int i = 0; i < CONS_COUNT; i++)
			if (mask & 1u << i)
				kprintf(" %s", conslist_name(i));
		kprintf("\n");
		use(mask);
	}
	klog_consoles(on);
}

const char *console_primary(void) { return conslist_name(primary); }

void console_putc(char c)
{
	line_start = c == '\n';
	klog_putc(c);                   /* whatever the sinks: /bin/dmesg reads it */
	if (!holding) {
		emit(c);
		return;
	}
	if (nheld < sizeof(held)) {
		held[nheld++] = c;
		return;
	}
	/* More than the buffer holds before the command line is known:
	 * something is wrong; show it on the default consoles. */
	release(default_sinks());
	emit(c);
}

int console_at_line_start(void) { return line_start; }

void console_write(const char *s, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		console_putc(s[i]);
	console_flush();
}

void console_flush(void)
{
	if (!(on & 1u << CONS_SCREEN) || screen_lent)
		return;
	if (screen == SCREEN_VGA)
		vga_text_cursor();
	else
		fb_text_draw();
}

void console_device_mapped(uint64_t first, uint64_t last, const char *who)
{
	if (screen_lent || !(screen == SCREEN_FB ? fb_text_covers(first, last) :
			     screen == SCREEN_VGA && vga_text_covers(first, last)))
		return;
	if (on & 1u << CONS_SCREEN) {   /* said on the screen too: the last line of ours it shows */
		unsigned rest = on & ~(1u << CONS_SCREEN);
		kprintf("tern: the screen is %s's now; the kernel log goes on %s", who,
			rest ? "on" : "nowhere else (a panic takes the screen back)");
		for (int i = 0; i < CONS_COUNT; i++)
			if (rest & 1u << i)
				kprintf(" %s", conslist_name(i));
		kprintf("\n");
	}
	screen_lent = 1;
	klog_screen_lent();             /* the driver shows the log from here */
}

void console_panic(void)
{
	if (!screen_lent)
		return;
	screen_lent = 0;
	if (!(on & 1u << CONS_SCREEN))
		return;
	if (screen == SCREEN_FB)
		fb_text_redraw();
	else
		vga_text_reclaim();
}

/* The PC kernel reads no input for anyone: its console drivers take their
 * UART's or keyboard's own interrupt lines. */
int console_input_note(struct note *n, uint64_t badge)
{
	(void)n, (void)badge;
	return -1;
}
