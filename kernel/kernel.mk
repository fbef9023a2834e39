# The kernel: freestanding x86_64, linked at -2 GiB, one ELF64 file with a
# multiboot header (a.out kludge) that QEMU, mboot.c32 and iPXE all load.

KERNEL := $(BUILD)/kernel/tern.elf
# The kernel also links a few pure, freestanding pieces of userspace/lib:
# printf formatting, the string functions, and the ustar and ELF readers it needs to start the
# root task. They include nothing but compiler headers.
KERNEL_SHARED := userspace/lib/format.c userspace/lib/string.c userspace/lib/tar.c userspace/lib/elf.c
KERNEL_SRCS := $(sort $(wildcard kernel/*.c kernel/*/*.c kernel/arch/x86_64/*.c kernel/arch/x86_64/*.S)) \
	$(KERNEL_SHARED)
KERNEL_OBJS := $(patsubst %,$(BUILD)/%.o,$(filter kernel/%,$(KERNEL_SRCS))) \
	$(patsubst userspace/lib/%,$(BUILD)/kernel/shared/%.o,$(KERNEL_SHARED))
KERNEL_LDS := kernel/arch/x86_64/kernel.ld

# The console font: Terminus 8x16 (SIL Open Font License 1.1, Copyright (c)
# 2010 Dimitar Toshkov Zhekov), as Debian's console-setup-linux ships it
# (/usr/share/doc/console-setup-linux/copyright.fonts.gz), converted at
# build time by tools/psf2c to plain C that the kernel's framebuffer screen
# and the run tool (reading that screen back) both compile.
FONT_PSF ?= /usr/share/consolefonts/Lat15-Terminus16.psf.gz
FONT_C := $(BUILD)/font/font8x16.c
PSF2C := $(BUILD)/tools/psf2c
KERNEL_OBJS += $(BUILD)/kernel/font8x16.c.o

$(PSF2C): tools/psf2c.c
	$(call msg,HOSTCC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) -std=gnu11 -O1 -Wall -Wextra -Werror -o $@ $<

$(FONT_C): $(wildcard $(FONT_PSF)) $(PSF2C)
	$(call msg,PSF2C,$@)
	@mkdir -p $(dir $@)
	$(Q)test -r $(FONT_PSF) || { echo "tern: no console font $(FONT_PSF):" \
		"install console-setup-linux (make deps does) or give FONT_PSF=an 8x16 .psf.gz"; exit 1; }
	$(Q)gzip -dc $(FONT_PSF) | $(PSF2C) $(notdir $(FONT_PSF)) > $@.tmp && mv $@.tmp $@

# Named font/font8x16.c in the debug information whatever BUILD is, so
# that builds in two directories make the same kernel (ci/repro-test.sh).
$(BUILD)/kernel/font8x16.c.o: $(FONT_C) $(KERNEL_FLAGS)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KERNEL_CFLAGS) -ffile-prefix-map=$(BUILD)/font=font -c $< -o $@

KERNEL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -MD -MP \
	-ffreestanding -nostdlib -mno-red-zone -mcmodel=kernel -mgeneral-regs-only \
	-fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns -ffile-prefix-map=$(CURDIR)=. \
	-nostdinc -isystem $(GCC_INCLUDE) \
	-Ikernel/include -Ikernel/arch/x86_64/include -Iboot/include -Iuserspace/lib/include

KERNEL_FLAGS := $(call flags_file,kernel,$(CC) $(KERNEL_CFLAGS))

$(BUILD)/kernel/%.c.o: kernel/%.c $(KERNEL_FLAGS)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/kernel/shared/%.c.o: userspace/lib/%.c $(KERNEL_FLAGS)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/kernel/%.S.o: kernel/%.S
	$(call msg,AS,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KERNEL_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(KERNEL): $(KERNEL_OBJS) $(KERNEL_LDS)
	$(call msg,LD,$@)
	$(Q)$(LD) -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments --build-id=none \
		-T $(KERNEL_LDS) -o $@ $(KERNEL_OBJS)
	$(Q)sh ci/check-kernel-layout.sh $@ text

# The same kernel with multiboot header flag bit 2 on: a loader that can
# (mboot.c32) sets a VBE framebuffer mode for it (tools/mbvideo.c; the
# images' "tern-fb" entry, docs/hardware.md).
KERNEL_FB := $(BUILD)/kernel/tern-fb.elf
MBVIDEO := $(BUILD)/tools/mbvideo

$(MBVIDEO): tools/mbvideo.c
	$(call msg,HOSTCC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) -std=gnu11 -O1 -Wall -Wextra -Werror -o $@ $<

$(KERNEL_FB): $(KERNEL) $(MBVIDEO) ci/check-kernel-layout.sh
	$(call msg,MBVIDEO,$@)
	$(Q)$(MBVIDEO) $< $@.tmp && sh ci/check-kernel-layout.sh $@.tmp video && mv $@.tmp $@
