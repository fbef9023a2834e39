/*
 * The kernel console: where kprintf and the debug-write capability print.
 * Its sinks (console.c) are COM1, COM2 and the screen (VGA text mode or
 * the UEFI framebuffer);
 * console=com1|com2|screen on the command line (a comma list, the first
 * primary) chooses among them, COM1 (plus the screen, when there is a text
 * mode or a usable framebuffer) by default.
 */
#pragma once
#include <stdint.h>

struct boot_fb;

/* At the very start: until console_setup, output is held (console.c). */
void console_early(int text_mode);
/* Choose the sinks from the command line and print what was held. */
void console_setup(const char *cmdline, const struct boot_fb *fb);
/* Print what is held on the default sinks now (before an exception
 * report, which may end the machine before console_setup). */
void console_flush_early(void);
/* The primary console's name ("com1", "com2", "screen"). */
const char *console_primary(void);

void console_putc(char c);
void console_write(const char *s, unsigned long n);
/* The end of a write: the screen's cursor follows the text. */
void console_flush(void);
/* Task `who` mapped device memory [first, last] writable (mmio.c): if that
 * is the framebuffer or VGA text memory the kernel draws on, the screen is
 * the task's from now on (the screen terminal, drv/fbcon or drv/vgacon,
 * which shows the log from the ring), and the kernel stops drawing there,
 * though on a framebuffer it goes on keeping its text. */
void console_device_mapped(uint64_t first, uint64_t last, const char *who);
/* The machine is dying (panic): take the screen back and show the
 * kernel's text, the report included. */
void console_panic(void);
/* MACHINE_HOSTIN_NOTE: signal n (with badge) when the console input the
 * kernel watches has something. The kernel holds a reference to the note
 * it signals, put when replaced. -1 where the kernel watches no input
 * (the PC: its drivers take their own interrupts), else 0. */
struct note;
int console_input_note(struct note *n, uint64_t badge);
/* Whether the last byte anyone wrote ended a line (tagged writes start
 * each of their lines with a tag: debug_write.c). */
int console_at_line_start(void);

/* The devices (arch). */
#define COM1_PORT 0x3F8
#define COM2_PORT 0x2F8
void serial_init(uint16_t port);
void serial_putc(uint16_t port, char c);
void vga_text_init(void);
void vga_text_putc(char c);
void vga_text_cursor(void);
int vga_text_covers(uint64_t first, uint64_t last); /* 1: [first, last] has text memory */
void vga_text_reclaim(void);                    /* go on from the hardware cursor, on a line of its own */
int fb_text_usable(const struct boot_fb *fb);   /* 1: it can be the screen */
void fb_text_init(void);
void fb_text_putc(char c);
void fb_text_draw(void);
void fb_text_redraw(void);                      /* all of it again: someone else drew */
int fb_text_covers(uint64_t first, uint64_t last);  /* 1: [first, last] has framebuffer bytes */
