# build/initramfs.tar: a ustar archive of initramfs/root/ plus the built
# programs, made reproducibly (sorted names, fixed owner and mtime).

INITRAMFS := $(BUILD)/initramfs.tar
INITRAMFS_FILES := $(shell find initramfs/root -type f 2>/dev/null)
INITRAMFS_STAGE := $(BUILD)/initramfs

$(INITRAMFS): $(INITRAMFS_FILES) $(USER_PROGRAMS) initramfs/initramfs.mk
	$(call msg,TAR,$@)
	$(Q)rm -rf $(INITRAMFS_STAGE) && mkdir -p $(INITRAMFS_STAGE)
	$(Q)cp -R initramfs/root/. $(INITRAMFS_STAGE)/
	$(Q)find $(INITRAMFS_STAGE) -type f -exec chmod 644 {} +
	$(Q)for p in $(USER_PROGRAMS); do \
		d=$(INITRAMFS_STAGE)/$$(echo $$p | sed 's|^$(BUILD)/userspace/||'); \
		mkdir -p $$(dirname $$d) && strip --strip-debug -o $$d $$p && chmod 755 $$d; done
	$(Q)find $(INITRAMFS_STAGE) -type d -exec chmod 755 {} +
	$(Q)tar --format=ustar --sort=name --mtime=@$(SOURCE_DATE_EPOCH) \
		--owner=0 --group=0 --numeric-owner -C $(INITRAMFS_STAGE) -cf $@ .
