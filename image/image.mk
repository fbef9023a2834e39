# ISO and disk images: build/images/tern.iso (hybrid: boots as a CD and,
# written to a USB stick, as a disk) and build/images/tern.img (raw disk:
# MBR + one FAT partition), each under BIOS and under UEFI.
#   BIOS: syslinux (isolinux / syslinux), whose mboot.c32 loads the
#   multiboot kernel with the initramfs as module 0: tern.elf (VGA text,
#   the default entry) or tern-fb.elf (a VBE framebuffer, the "tern-fb"
#   entry; kernel/kernel.mk, tools/mbvideo.c).
#   UEFI: \EFI\BOOT\BOOTX64.EFI, tern's loader (boot/uefi/), which reads the
#   same config as syslinux.cfg beside it and loads the same two files.
# The config is image/boot.cfg.in, shared with pxelinux (pxe/pxe.mk).
# Firmware reads only FAT, never ISO9660, so the ISO carries a second,
# small FAT image (efiboot.img: loader, kernel, initramfs, config) as its
# El Torito EFI boot image, also reachable as a GPT partition when the ISO
# is a disk. Reproducible: timestamps from SOURCE_DATE_EPOCH, fixed serials
# and volume ids, sorted inputs (ci/repro-test.sh builds twice and compares).
#
# What the images carry: the kernel stripped (build/stage/kernel/tern.elf;
# gdb reads build/kernel/tern.elf) and the initramfs as an LZ4 frame named
# initramfs.tar (initramfs/initramfs.mk): the user archive, without the
# test programs, or with TESTS=1 (`make iso TESTS=1`, disk, pxe) the test
# archive, for a lab that runs ktest on hardware (docs/testing.md).
#
# Kernel arguments in the images come from IMAGE_APPEND (empty for users).
# The tests boot images that carry IMAGE_TEST_APPEND instead, built the same
# way into build/test-images/; see ci/scenarios/image.vars.

IMAGE_DIR := $(BUILD)/images
IMAGE_APPEND ?=
IMAGE_VARS := ci/scenarios/image.vars
IMAGE_READY := $(shell . ./$(IMAGE_VARS) && printf '%s' "$$IMAGE_READY")
IMAGE_TEST_APPEND := $(shell . ./$(IMAGE_VARS) && printf '%s' "$$IMAGE_TEST_APPEND")
IMAGE_STAGE := $(BUILD)/stage/images
# Same arguments, same images: then the tests boot what users get.
ifeq ($(strip $(IMAGE_TEST_APPEND)),$(strip $(IMAGE_APPEND)))
IMAGE_TEST_DIR := $(IMAGE_DIR)
IMAGE_TEST_STAGE := $(IMAGE_STAGE)
else
IMAGE_TEST_DIR := $(BUILD)/test-images
IMAGE_TEST_STAGE := $(BUILD)/stage/test-images
endif
export IMAGE_READY IMAGE_TEST_DIR

DISK_MIB ?= 32
SYSLINUX_BIOS := /usr/lib/syslinux/modules/bios
# ldlinux.c32 is the second half of every syslinux core; mboot.c32 needs libcom32.c32.
SYSLINUX_C32 := $(addprefix $(SYSLINUX_BIOS)/,ldlinux.c32 libcom32.c32 mboot.c32)
ISOLINUX_BIN := /usr/lib/ISOLINUX/isolinux.bin
ISOHDPFX := /usr/lib/ISOLINUX/isohdpfx.bin
# The UEFI loader the images carry as BOOTX64.EFI (boot/uefi/uefi.mk).
IMAGE_EFI := $(UEFI_LOADER)

.PHONY: image-force
image-force:

TESTS ?=
IMAGE_INITRAMFS := $(if $(filter-out 0,$(TESTS)),$(INITRAMFS_TEST),$(INITRAMFS))
IMAGE_KERNEL := $(BUILD)/stage/kernel/tern.elf
IMAGE_KERNEL_FB := $(BUILD)/stage/kernel/tern-fb.elf
$(BUILD)/stage/kernel/%.elf: $(BUILD)/kernel/%.elf
	$(call msg,STRIP,$@)
	@mkdir -p $(@D)
	$(Q)strip -o $@ $<

# image_flavour DIR STAGE APPEND: the images of one set of kernel arguments
# (DIR/tern.iso, DIR/tern.img; pxe/pxe.mk adds DIR/pxe/) with the
# initramfs ARCHIVE (its .lz4). STAGE holds the trees the images are made
# from, STAGE/append the arguments and STAGE/initramfs.tar the packed
# archive, each rewritten only when it changes so that the images are
# remade exactly then (TESTS=1 and back included).
define image_flavour
$(2)/append: image-force
	@mkdir -p $$(@D)
	@printf '%s\n' '$(strip $(3))' | cmp -s - $$@ || printf '%s\n' '$(strip $(3))' >$$@

$(2)/initramfs.tar: $(4).lz4 image-force
	@mkdir -p $$(@D)
	@cmp -s $(4).lz4 $$@ || cp $(4).lz4 $$@

$(2)/boot.cfg: image/boot.cfg.in $(2)/append
	$$(call msg,GEN,$$@)
	$$(Q)sed -e '/^##/d' -e "s|@APPEND@|$$$$(sed 's/^./ &/' $(2)/append)|" $$< >$$@

# The ISO's El Torito EFI image: what the loader needs, at the root of its
# own volume as it expects (the config under syslinux's name).
$(2)/efiboot.img: $(IMAGE_EFI) $(IMAGE_KERNEL) $(2)/initramfs.tar $(2)/boot.cfg image/mkfat.sh image/image.mk
	$$(call msg,FAT,$$@)
	$$(Q)rm -rf $(2)/efi && mkdir -p $(2)/efi/EFI/BOOT
	$$(Q)cp $(IMAGE_EFI) $(2)/efi/EFI/BOOT/BOOTX64.EFI
	$$(Q)cp $(IMAGE_KERNEL) $(2)/initramfs.tar $(2)/efi/
	$$(Q)cp $(2)/boot.cfg $(2)/efi/syslinux.cfg
	$$(Q)sh image/mkfat.sh $$@.tmp $(2)/efi || { rm -f $$@.tmp; exit 1; }
	$$(Q)mv $$@.tmp $$@

# Two El Torito entries: isolinux for BIOS, efiboot.img for UEFI. As a disk
# the ISO has isohdpfx's MBR (BIOS) and a GPT whose partition is efiboot.img
# (-isohybrid-gpt-basdat, for UEFI). SOURCE_DATE_EPOCH also makes xorriso
# derive the volume and GPT ids from that date instead of the clock.
# Size: xorriso rounds a hybrid image up to whole cylinders of its MBR
# geometry, 64 heads x 32 sectors (1 MiB) unless told; 16 heads keep the
# end aligned, as old BIOSes want, in steps of 256 KiB. -no-pad drops the
# 300 KiB tail that protected Linux's CD read-ahead on track-at-once
# recordings; our loaders read through the firmware, never past the end.
$(1)/tern.iso: $(IMAGE_KERNEL) $(IMAGE_KERNEL_FB) $(2)/initramfs.tar $(2)/boot.cfg $(2)/efiboot.img $(ISOLINUX_BIN) $(ISOHDPFX) $(SYSLINUX_C32) image/image.mk
	$$(call msg,ISO,$$@)
	$$(Q)rm -rf $(2)/iso && mkdir -p $(2)/iso $$(@D)
	$$(Q)cp $(ISOLINUX_BIN) $(SYSLINUX_C32) $(IMAGE_KERNEL) $(IMAGE_KERNEL_FB) $(2)/initramfs.tar $(2)/efiboot.img $(2)/iso/
	$$(Q)cp $(2)/boot.cfg $(2)/iso/isolinux.cfg
	$$(Q)xorriso -as mkisofs -quiet -r -V TERN --set_all_file_dates "=$$(SOURCE_DATE_EPOCH)" \
		-b isolinux.bin -c boot.cat -no-emul-boot -boot-load-size 4 -boot-info-table \
		-eltorito-alt-boot -e efiboot.img -no-emul-boot -isohybrid-gpt-basdat \
		-isohybrid-mbr $(ISOHDPFX) -partition_hd_cyl 16 -no-pad -o $$@.tmp $(2)/iso >$(2)/xorriso.log 2>&1 \
		|| { cat $(2)/xorriso.log; rm -f $$@.tmp; exit 1; }
	$$(Q)mv $$@.tmp $$@

# syslinux for BIOS and \EFI\BOOT\BOOTX64.EFI for UEFI side by side in the
# one FAT partition: UEFI firmware takes the FAT file system of an MBR disk
# as it would an ESP.
$(1)/tern.img: $(IMAGE_KERNEL) $(IMAGE_KERNEL_FB) $(2)/initramfs.tar $(IMAGE_EFI) $(2)/boot.cfg $(SYSLINUX_C32) image/mkdisk.sh image/mkfat.sh image/image.mk
	$$(call msg,DISK,$$@)
	$$(Q)rm -rf $(2)/disk && mkdir -p $(2)/disk/EFI/BOOT $$(@D)
	$$(Q)cp $(filter-out %/ldlinux.c32,$(SYSLINUX_C32)) $(IMAGE_KERNEL) $(IMAGE_KERNEL_FB) $(2)/initramfs.tar $(2)/disk/
	$$(Q)cp $(IMAGE_EFI) $(2)/disk/EFI/BOOT/BOOTX64.EFI
	$$(Q)cp $(2)/boot.cfg $(2)/disk/syslinux.cfg
	$$(Q)sh image/mkdisk.sh $$@.tmp $(2)/disk $(DISK_MIB) || { rm -f $$@.tmp; exit 1; }
	$$(Q)mv $$@.tmp $$@
endef

$(eval $(call image_flavour,$(IMAGE_DIR),$(IMAGE_STAGE),$(IMAGE_APPEND),$(IMAGE_INITRAMFS)))
ifneq ($(IMAGE_TEST_DIR),$(IMAGE_DIR))
$(eval $(call image_flavour,$(IMAGE_TEST_DIR),$(IMAGE_TEST_STAGE),$(IMAGE_TEST_APPEND),$(INITRAMFS_TEST)))
endif

iso: deps $(IMAGE_DIR)/tern.iso
	@echo "tern: $(IMAGE_DIR)/tern.iso (BIOS and UEFI; boot it as a CD, or dd it to a USB stick)"
disk: deps $(IMAGE_DIR)/tern.img
	@echo "tern: $(IMAGE_DIR)/tern.img (BIOS and UEFI; dd it to a disk or USB stick)"
images: iso disk pxe
	@:

CHECK_DEPS += $(IMAGE_DIR)/tern.iso $(IMAGE_DIR)/tern.img \
	$(IMAGE_TEST_DIR)/tern.iso $(IMAGE_TEST_DIR)/tern.img
