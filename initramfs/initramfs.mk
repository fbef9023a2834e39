# Two initramfs archives, ustar, made reproducibly (sorted names, fixed
# owner and mtime) from initramfs/root/ plus the built programs:
#
#   build/initramfs.tar       the user one: what `make run` boots and the
#                             images users download carry. No test programs
#                             (test/*) or test configurations, and every
#                             program stripped fully (`strip`): no symbols.
#   build/test/initramfs.tar  the test one: everything, the programs with
#                             their symbol tables (`strip --strip-debug`), so
#                             that init's fault line names the function.
#                             `make check` boots it, and so do the images
#                             made with TESTS=1 and the ktest images.
#
# The unstripped programs, with debug information, stay in build/userspace/
# for gdb (docs/testing.md, "Debugging").
#
# The images carry either archive as an LZ4 frame (build/initramfs.tar.lz4,
# build/test/initramfs.tar.lz4), under the name initramfs.tar; the kernel
# unpacks it before it looks for init (kernel/lib/lz4.c, kernel/boot/root.c).

INITRAMFS := $(BUILD)/initramfs.tar
# Named initramfs.tar too: the kernel prints a module's name, and scenarios
# and loader configurations expect that one.
INITRAMFS_TEST := $(BUILD)/test/initramfs.tar
INITRAMFS_FILES := $(shell find initramfs/root -type f 2>/dev/null)
# What only the tests use: left out of the user archive.
INITRAMFS_TEST_ONLY := etc/test etc/kbdtest.conf
USER_PROGRAMS_TEST := $(filter $(BUILD)/userspace/test/%,$(USER_PROGRAMS))
USER_PROGRAMS_SHIPPED := $(filter-out $(USER_PROGRAMS_TEST),$(USER_PROGRAMS))

# initramfs_archive OUT STAGE PROGRAMS STRIP-FLAGS REMOVE
define initramfs_archive
$(1): $(INITRAMFS_FILES) $(3) initramfs/initramfs.mk
	$$(call msg,TAR,$$@)
	$$(Q)rm -rf $(2) && mkdir -p $(2)
	$$(Q)cp -R initramfs/root/. $(2)/
	$$(Q)cd $(2) && rm -rf $(5)
	$$(Q)find $(2) -type f -exec chmod 644 {} +
	$$(Q)for p in $(3); do \
		d=$(2)/$$$$(echo $$$$p | sed 's|^$(BUILD)/userspace/||'); \
		mkdir -p $$$$(dirname $$$$d) && strip $(4) -o $$$$d $$$$p && chmod 755 $$$$d; done
	$$(Q)find $(2) -type d -exec chmod 755 {} +
	$$(Q)tar --format=ustar --sort=name --mtime=@$$(SOURCE_DATE_EPOCH) \
		--owner=0 --group=0 --numeric-owner -C $(2) -cf $$@ .
endef
$(eval $(call initramfs_archive,$(INITRAMFS),$(BUILD)/initramfs,$(USER_PROGRAMS_SHIPPED),,$(INITRAMFS_TEST_ONLY)))
$(eval $(call initramfs_archive,$(INITRAMFS_TEST),$(BUILD)/test/stage,$(USER_PROGRAMS),--strip-debug,))

# LZ4 at its best ratio, one block (up to 4 MiB), with the content size
# the kernel needs to allocate before it unpacks, without checksums it
# would not verify. Reproducible: the lz4 tool stores no name or time.
%.tar.lz4: %.tar
	$(call msg,LZ4,$@)
	$(Q)lz4 -q -f -12 -B7 --content-size --no-frame-crc $< $@
