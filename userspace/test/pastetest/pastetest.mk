# What the serial scenarios need besides the images: the 64 KiB paste
# (written by ci/paste-gen.c from pattern.h, the same definition pastetest
# checks against) and the FIFO that loops QEMU's COM2 back to itself.

PASTE_GEN := $(BUILD)/ci/paste-gen

$(PASTE_GEN): ci/paste-gen.c userspace/test/pastetest/pattern.h
	$(call msg,HOSTCC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -iquote userspace/test/pastetest -o $@ $<

$(BUILD)/ci/paste-64k.txt: $(PASTE_GEN)
	$(call msg,GEN,$@)
	$(Q)$(PASTE_GEN) >$@.tmp && mv $@.tmp $@

$(BUILD)/ci/com2.fifo:
	$(call msg,MKFIFO,$@)
	@mkdir -p $(dir $@)
	$(Q)rm -f $@ && mkfifo $@

CHECK_DEPS += $(BUILD)/ci/paste-64k.txt $(BUILD)/ci/com2.fifo
