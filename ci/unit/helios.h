/* The manifest example from the design, verbatim: INI and manifest tests
 * both parse it. */
#pragma once

static const char helios[] =
	"[driver]\n"
	"name=pcserial\n"
	"desc=Serial driver for x86_64 PCs\n"
	"\n"
	"[cspace]\n"
	"radix=12\n"
	"\n"
	"[capabilities]\n"
	"0:endpoint =\n"
	"1:ioport = min=3F8, max=400\n"
	"2:ioport = min=2E8, max=2F0\n"
	"3:note =\n"
	"4:irq = irq=3, note=3\n"
	"5:irq = irq=4, note=3\n";
