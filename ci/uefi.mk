# UEFI test trees (ci/uefi-trees.sh) and the firmware the UEFI scenarios
# boot: OVMF from Debian's ovmf package, as one image (-bios), which keeps
# its variables in memory, so every run starts from the same state.
OVMF := /usr/share/ovmf/OVMF.fd
UEFI_TREES := $(BUILD)/ci/uefi
export OVMF UEFI_TREES

$(UEFI_TREES)/stamp: ci/uefi-trees.sh $(UEFI_LOADER) $(KERNEL) $(INITRAMFS)
	$(call msg,GEN,$(UEFI_TREES)/)
	$(Q)mkdir -p $(UEFI_TREES) && sh ci/uefi-trees.sh $(UEFI_TREES) $(UEFI_LOADER) $(KERNEL) $(INITRAMFS)
	$(Q)touch $@

CHECK_DEPS += $(UEFI_TREES)/stamp
