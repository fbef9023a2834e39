# UEFI test trees (ci/uefi-trees.sh) and the firmware the UEFI scenarios
# boot: OVMF from Debian's ovmf package, as one image (-bios), which keeps
# its variables in memory, so every run starts from the same state.
OVMF := /usr/share/ovmf/OVMF.fd
UEFI_TREES := $(BUILD)/ci/uefi
# Secure Boot: OVMF with Debian's test keys enrolled (needs q35 with SMM).
OVMF_SB_CODE := /usr/share/OVMF/OVMF_CODE_4M.snakeoil.fd
OVMF_SB_VARS := /usr/share/OVMF/OVMF_VARS_4M.snakeoil.fd
OVMF_SB_KEY := /usr/share/ovmf/PkKek-1-snakeoil.key
OVMF_SB_CERT := /usr/share/ovmf/PkKek-1-snakeoil.pem
export OVMF UEFI_TREES OVMF_SB_CODE OVMF_SB_VARS OVMF_SB_KEY OVMF_SB_CERT

$(UEFI_TREES)/stamp: ci/uefi-trees.sh $(UEFI_LOADER) $(KERNEL) $(INITRAMFS_TEST)
	$(call msg,GEN,$(UEFI_TREES)/)
	$(Q)mkdir -p $(UEFI_TREES) && sh ci/uefi-trees.sh $(UEFI_TREES) $(UEFI_LOADER) $(KERNEL) $(INITRAMFS_TEST)
	$(Q)touch $@

CHECK_DEPS += $(UEFI_TREES)/stamp
