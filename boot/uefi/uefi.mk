# tern's UEFI loader, build/boot/uefi/BOOTX64.EFI: a PE32+ EFI application
# built with clang for the Windows x86_64 ABI (which UEFI uses) and linked
# by lld-link, without any EFI library. It loads tern.elf and the
# initramfs from its own device and enters the kernel's 64-bit entry
# (boot/include/handoff.h). The pure parts (boot config, kernel ELF,
# memory map) are unit-tested on the host (ci/unit/test_uefi_*.c).

UEFI_LOADER := $(BUILD)/boot/uefi/BOOTX64.EFI
UEFI_SRCS := $(sort $(wildcard boot/uefi/*.c))
UEFI_OBJS := $(patsubst boot/uefi/%.c,$(BUILD)/boot/uefi/%.o,$(UEFI_SRCS)) \
	$(BUILD)/boot/uefi/shared/string.o $(BUILD)/boot/uefi/shared/format.o
UEFI_CC := clang
UEFI_LINK := lld-link
# -mno-stack-arg-probe: no __chkstk calls (there is no runtime to provide one).
UEFI_CFLAGS := -target x86_64-unknown-windows -std=gnu11 -O2 -Wall -Wextra -Werror -MD -MP \
	-ffreestanding -fshort-wchar -mno-red-zone -mno-stack-arg-probe -fno-stack-protector \
	-fno-builtin -mgeneral-regs-only -ffile-prefix-map=$(CURDIR)=. \
	-Iboot/include -Iboot/uefi -Iuserspace/lib/include

UEFI_FLAGS := $(call flags_file,uefi,$(UEFI_CC) $(UEFI_CFLAGS))

$(BUILD)/boot/uefi/%.o: boot/uefi/%.c $(UEFI_FLAGS)
	$(call msg,CC-EFI,$<)
	@mkdir -p $(dir $@)
	$(Q)$(UEFI_CC) $(UEFI_CFLAGS) -c $< -o $@

$(BUILD)/boot/uefi/shared/%.o: userspace/lib/%.c $(UEFI_FLAGS)
	$(call msg,CC-EFI,$<)
	@mkdir -p $(dir $@)
	$(Q)$(UEFI_CC) $(UEFI_CFLAGS) -c $< -o $@

# /Brepro: no time stamp in the PE header (reproducible images).
$(UEFI_LOADER): $(UEFI_OBJS)
	$(call msg,LINK-EFI,$@)
	$(Q)$(UEFI_LINK) /nologo /subsystem:efi_application /entry:efi_main /nodefaultlib \
		/Brepro /out:$@ $(UEFI_OBJS) >$(BUILD)/boot/uefi/link.log 2>&1 \
		|| { cat $(BUILD)/boot/uefi/link.log; exit 1; }

all: $(UEFI_LOADER)

# Host unit tests of the pure parts.
UEFI_TEST_CFLAGS := -Iboot/uefi -Iboot/include -idirafter userspace/lib/include
UNIT_TESTS += uefi_bootcfg uefi_efimap uefi_kelf
UNIT_uefi_bootcfg_SRCS := boot/uefi/bootcfg.c userspace/lib/format.c
UNIT_uefi_bootcfg_CFLAGS := $(UEFI_TEST_CFLAGS)
UNIT_uefi_efimap_SRCS := boot/uefi/efimap.c
UNIT_uefi_efimap_CFLAGS := $(UEFI_TEST_CFLAGS)
UNIT_uefi_kelf_SRCS := boot/uefi/kelf.c
UNIT_uefi_kelf_CFLAGS := $(UEFI_TEST_CFLAGS)
