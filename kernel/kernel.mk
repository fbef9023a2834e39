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

KERNEL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -MD -MP \
	-ffreestanding -nostdlib -mno-red-zone -mcmodel=kernel -mgeneral-regs-only \
	-fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns -ffile-prefix-map=$(CURDIR)=. \
	-nostdinc -isystem $(GCC_INCLUDE) \
	-Ikernel/include -Ikernel/arch/x86_64/include -Iboot/include -Iuserspace/lib/include

$(BUILD)/kernel/%.c.o: kernel/%.c
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/kernel/shared/%.c.o: userspace/lib/%.c
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
	$(Q)sh ci/check-kernel-layout.sh $@
