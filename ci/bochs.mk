# The ktest suite under Bochs (ci/bochs.sh), a second CPU model beside QEMU.
# Bochs has no -kernel: it boots an ISO through its BIOS and syslinux as a
# PC does. That ISO is an image flavour (image/image.mk) of its own whose
# kernel arguments are the ktest scenario's, read from ci/scenarios/ktest.run
# so that the two runs cannot drift apart; it carries the test initramfs
# (initramfs/initramfs.mk). The user images stay as they are.

KTEST_APPEND := $(shell sed -n 's/^boot .*-append "\(.*\)"$$/\1/p' ci/scenarios/ktest.run)
BOCHS_IMAGE_DIR := $(BUILD)/ktest-images
BOCHS_ISO := $(BOCHS_IMAGE_DIR)/tern.iso

$(eval $(call image_flavour,$(BOCHS_IMAGE_DIR),$(BUILD)/stage/ktest-images,$(KTEST_APPEND),$(INITRAMFS_TEST)))

# The same with pcid=off: on a model with PCIDs (Skylake) the fallback,
# every CR3 write flushing, runs the suite too.
BOCHS_PCIDOFF_DIR := $(BUILD)/ktest-pcidoff-images
$(eval $(call image_flavour,$(BOCHS_PCIDOFF_DIR),$(BUILD)/stage/ktest-pcidoff-images,$(KTEST_APPEND) pcid=off,$(INITRAMFS_TEST)))

CHECK_DEPS += $(BOCHS_ISO) $(BOCHS_PCIDOFF_DIR)/tern.iso
