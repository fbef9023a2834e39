# drv/fbcon: shares code instead of copying it. It links the screen
# terminals' shared server, input half and kernel log lines
# (userspace/lib/screen, whose screen.mk adds them and drv/pcserial's
# readers, serve, request, intr and fwd to our link), and the kernel's
# screen writers kernel/lib/vgatext.c and kernel/lib/fbtext.c with the
# build's font, built here with userspace's flags. fbterm.c is tested on
# the host with them (ci/unit/test_fbcon.c).

FBCON_KERNEL_LIB := vgatext fbtext
FBCON_SHARED := $(foreach f,$(FBCON_KERNEL_LIB),$(BUILD)/obj/userspace/drv/fbcon/kernel-$(f).c.o) \
	$(BUILD)/obj/userspace/drv/fbcon/font8x16.c.o

$(BUILD)/obj/userspace/drv/fbcon/%.c.o: USER_CFLAGS += -iquote userspace/lib/screen -iquote userspace/drv/pcserial \
	-idirafter kernel/include

$(BUILD)/obj/userspace/drv/fbcon/kernel-%.c.o: kernel/lib/%.c | $(USER_ABI)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -idirafter kernel/include -c $< -o $@

$(BUILD)/obj/userspace/drv/fbcon/font8x16.c.o: $(FONT_C)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -ffile-prefix-map=$(BUILD)/font=font -c $< -o $@

$(BUILD)/userspace/drv/fbcon: $(FBCON_SHARED)

UNIT_TESTS += fbcon
UNIT_fbcon_SRCS := userspace/drv/fbcon/fbterm.c kernel/lib/vgatext.c kernel/lib/fbtext.c $(FONT_C)
UNIT_fbcon_CFLAGS := -iquote userspace/drv/fbcon -idirafter userspace/lib/include -idirafter kernel/include
