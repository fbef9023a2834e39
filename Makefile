# tern: one non-recursive Makefile. Each directory adds its part in a *.mk
# fragment; everything built lands in build/ (build/images/ for what users
# take away). `make help` lists the targets; V=1 shows the commands.

.DEFAULT_GOAL := all
BUILD := build
V ?= 0
ifeq ($(V),1)
Q :=
msg = @true
else
Q := @
msg = @printf '  %-8s %s\n' '$(1)' '$(2)'
endif

# SOURCE_DATE_EPOCH pins every timestamp that ends up in an image.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1700000000)
export SOURCE_DATE_EPOCH

CC := gcc
LD := ld
OBJCOPY := objcopy
HOSTCC := gcc
# Freestanding code sees only the compiler's own headers (stdint.h, stdarg.h...).
GCC_INCLUDE := $(shell $(CC) -print-file-name=include)

# flags_file NAME,TEXT: the file $(BUILD)/flags/NAME holding TEXT (a
# compiler and its flags), rewritten only when TEXT changes. Objects list
# it as a prerequisite, so changing flags rebuilds what they built: make
# tracks files, not the commands that made them, and a stale object built
# with other flags once hid a bug until a fresh clone showed it.
flags_file = $(shell mkdir -p $(BUILD)/flags && f=$(BUILD)/flags/$(1) && \
	{ printf '%s\n' '$(2)' | cmp -s - $$f || printf '%s\n' '$(2)' >$$f; } && echo $$f)

# QEMU: KVM when /dev/kvm works for tern (ci/accel.sh probes it once),
# otherwise TCG; ACCEL=kvm or ACCEL=tcg decides.
ACCEL ?=
QEMU := qemu-system-x86_64
QEMU_MEM ?= 256
# PLATFORM=pc (the default) boots in QEMU; PLATFORM=linux runs the hosted
# kernel, tern-linux, on this terminal (platform/linux/linux.mk, docs/hosted.md).
PLATFORM ?= pc
ifeq ($(filter pc linux,$(PLATFORM)),)
$(error PLATFORM=$(PLATFORM): say pc or linux)
endif

.PHONY: all run run-pc check bench clean help deps iso disk pxe serve images lab

all:

include ci/deps.mk
include kernel/kernel.mk
include platform/linux/linux.mk
include boot/uefi/uefi.mk
include userspace/userspace.mk
include initramfs/initramfs.mk
include image/image.mk
include pxe/pxe.mk
include ci/ci.mk

all: $(KERNEL) $(INITRAMFS) $(INITRAMFS_TEST)

run: run-$(PLATFORM)

# The user initramfs, or with TESTS=1 the test one (image/image.mk).
run-pc: deps $(KERNEL) $(IMAGE_INITRAMFS) $(TERN_RUN)
	$(Q)accel=$(if $(ACCEL),$(ACCEL),$$(BUILD=$(BUILD) sh ci/accel.sh)); \
	echo "tern: booting in QEMU ($$accel); leave with Ctrl-A X"; \
	$(QEMU) -accel $$accel -m $(QEMU_MEM) -nographic -no-reboot \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel $(KERNEL) -initrd $(IMAGE_INITRAMFS) $(if $(APPEND),-append "$(APPEND)"); \
		s=$$?; [ $$s -eq 0 ] || echo "tern: QEMU exited with status $$s"

# A scenario on the machines of a PXE lab (docs/lab.md), in parallel:
# make lab LAB=lab/example.ini RUN=ktest [MACHINES=node1,node2]. Logs and
# the console of each machine go to build/lab/. The test initramfs, as
# make check boots: the scenarios run test programs.
lab: deps $(KERNEL) $(INITRAMFS_TEST) $(TERN_RUN)
	$(Q)[ -n "$(LAB)" ] && [ -n "$(RUN)" ] || \
		{ echo "tern: make lab LAB=lab/example.ini RUN=ktest [MACHINES=a,b] (docs/lab.md)"; exit 2; }
	$(Q)BUILD=$(BUILD) KERNEL=$(KERNEL) INITRAMFS=$(INITRAMFS_TEST) $(TERN_RUN) --lab '$(LAB)' \
		$(if $(MACHINES),--machines '$(MACHINES)') --logs $(BUILD)/lab \
		$(if $(findstring /,$(RUN)),'$(RUN)','ci/scenarios/$(RUN).run')

clean:
	rm -rf $(BUILD)

help:
	@echo "tern make targets:"
	@echo "  all     build the kernel and the initramfs (default)"
	@echo "  run     build and boot in qemu -nographic (Ctrl-A X quits); APPEND='...' adds kernel args, TESTS=1 the test programs"
	@echo "          PLATFORM=linux: run the hosted kernel instead (docs/hosted.md; GDB=NAME stops that program for gdb)"
	@echo "  check   run every test: host unit tests, QEMU scenarios, ktest under Bochs (T=NAME: only steps matching NAME, e.g. T=attack)"
	@echo "  iso     build/images/tern.iso (hybrid: CD and USB disk; BIOS and UEFI)"
	@echo "  disk    build/images/tern.img (raw disk, MBR + FAT: syslinux for BIOS, BOOTX64.EFI for UEFI)"
	@echo "  pxe     build/images/pxe/ (pxelinux + iPXE tree for a TFTP server; BIOS and UEFI)"
	@echo "  serve   IFACE=eth1: proxy-DHCP + TFTP for a lab network of BIOS and UEFI machines (dnsmasq)"
	@echo "  lab     LAB=lab/example.ini RUN=ktest [MACHINES=a,b]: a scenario on real machines over PXE (docs/lab.md)"
	@echo "  bench   benchmarks (IPC cycles, boot time, sizes)"
	@echo "  deps    install missing host packages (apt-get, as root)"
	@echo "  clean   remove build/"
	@echo "Variables: TESTS=1 test programs in run and the images (iso, disk, pxe), V=1 verbose, ACCEL=kvm|tcg (default: probed), QEMU_MEM=MiB"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
