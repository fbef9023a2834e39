# The PXE tree, build/images/pxe/: everything a TFTP server needs to boot
# tern, flat, ready to copy. The ways in (docs/pxe.md):
#   BIOS: pxelinux.0 -> pxelinux.cfg/default -> mboot.c32 tern.elf --- initramfs.tar
#         (or tern-fb.elf, the framebuffer entry: image/boot.cfg.in)
#   BIOS: undionly.kpxe (iPXE, for plain PXE firmware) -> boot.ipxe -> tern.elf + module
#   UEFI: snponly.efi or ipxe.efi (iPXE) -> boot.ipxe -> tern.elf, initramfs.tar,
#         bootx64.efi (tern's loader, which starts the kernel)
# `make serve IFACE=...` serves it to a lab network (pxe/serve.sh).
# Flavours as in image/image.mk: the tests use $(IMAGE_TEST_DIR)/pxe. The
# kernel is stripped, the initramfs packed (LZ4) and with TESTS=1 the test
# archive, as in the ISO and disk image.

PXELINUX_0 := /usr/lib/PXELINUX/pxelinux.0
UNDIONLY := /usr/lib/ipxe/undionly.kpxe
# UEFI iPXE: snponly.efi drives the NIC through the firmware's own network
# driver (small, starts at once); ipxe.efi brings its own drivers, for
# firmware whose network stack is broken.
IPXE_EFI := /usr/lib/ipxe/snponly.efi /usr/lib/ipxe/ipxe.efi

# pxe_flavour DIR STAGE: DIR/pxe/ with the kernel arguments in STAGE/append
# (see image_flavour), built beside it and renamed into place;
# STAGE/pxe.stamp stands for the directory in make's eyes. Modes and mtimes
# are fixed so that copies (rsync, tar) are reproducible too.
define pxe_flavour
$(2)/boot.ipxe: pxe/boot.ipxe.in $(2)/append
	$$(call msg,GEN,$$@)
	$$(Q)sed -e "s|@APPEND@|$$$$(sed 's/^./ &/' $(2)/append)|" $$< >$$@

$(2)/pxe.stamp: $(IMAGE_KERNEL) $(IMAGE_KERNEL_FB) $(2)/initramfs.tar $(IMAGE_EFI) $(2)/boot.cfg $(2)/boot.ipxe $(PXELINUX_0) $(UNDIONLY) $(IPXE_EFI) $(SYSLINUX_C32) pxe/pxe.mk
	$$(call msg,PXE,$(1)/pxe/)
	$$(Q)rm -rf $(1)/pxe.tmp && mkdir -p $(1)/pxe.tmp/pxelinux.cfg
	$$(Q)cp $(PXELINUX_0) $(UNDIONLY) $(IPXE_EFI) $(SYSLINUX_C32) $(IMAGE_KERNEL) $(IMAGE_KERNEL_FB) $(2)/initramfs.tar $(2)/boot.ipxe $(1)/pxe.tmp/
	$$(Q)cp $(IMAGE_EFI) $(1)/pxe.tmp/bootx64.efi
	$$(Q)cp $(2)/boot.cfg $(1)/pxe.tmp/pxelinux.cfg/default
	$$(Q)find $(1)/pxe.tmp -type d -exec chmod 755 {} + && find $(1)/pxe.tmp -type f -exec chmod 644 {} + \
		&& find $(1)/pxe.tmp -exec touch -h -d @$$(SOURCE_DATE_EPOCH) {} +
	$$(Q)rm -rf $(1)/pxe && mv $(1)/pxe.tmp $(1)/pxe && touch $$@
endef

$(eval $(call pxe_flavour,$(IMAGE_DIR),$(IMAGE_STAGE)))
ifneq ($(IMAGE_TEST_DIR),$(IMAGE_DIR))
$(eval $(call pxe_flavour,$(IMAGE_TEST_DIR),$(IMAGE_TEST_STAGE)))
endif

pxe: deps $(IMAGE_STAGE)/pxe.stamp
	@echo "tern: $(IMAGE_DIR)/pxe/ (copy it to a TFTP server, or make serve IFACE=...; docs/pxe.md)"

# Proxy-DHCP + TFTP on a lab network, in the foreground: make serve IFACE=eth1
# (BOOT=ipxe: BIOS clients chain iPXE instead of pxelinux; UEFI clients
# always go through snponly.efi and boot.ipxe). Needs root.
serve: deps $(IMAGE_STAGE)/pxe.stamp
	$(Q)BOOT=$(BOOT) sh pxe/serve.sh '$(IFACE)' $(IMAGE_DIR)/pxe

CHECK_DEPS += $(IMAGE_STAGE)/pxe.stamp $(IMAGE_TEST_STAGE)/pxe.stamp
