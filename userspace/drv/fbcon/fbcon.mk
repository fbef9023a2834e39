# drv/fbcon: shares code instead of copying it. It links drv/pcserial's
# readers.c (who may read), serve.c (serving reads by those rules),
# request.c (request checks), intr.c (the ^C note) and fwd.c (the
# forwarders that serve its second endpoint), drv/vgacon's term.c (the screen terminal's request
# checks, term_check), and the kernel's screen writers kernel/lib/vgatext.c
# and kernel/lib/fbtext.c with the build's font, built here with
# userspace's flags. fbterm.c is tested on the host with them
# (ci/unit/test_fbcon.c).

FBCON_KERNEL_LIB := vgatext fbtext
FBCON_SHARED := $(BUILD)/obj/userspace/drv/pcserial/readers.c.o $(BUILD)/obj/userspace/drv/pcserial/fwd.c.o \
	$(BUILD)/obj/userspace/drv/pcserial/request.c.o $(BUILD)/obj/userspace/drv/pcserial/serve.c.o \
	$(BUILD)/obj/userspace/drv/pcserial/intr.c.o $(BUILD)/obj/userspace/drv/vgacon/term.c.o \
	$(foreach f,$(FBCON_KERNEL_LIB),$(BUILD)/obj/userspace/drv/fbcon/kernel-$(f).c.o) \
	$(BUILD)/obj/userspace/drv/fbcon/font8x16.c.o

$(BUILD)/obj/userspace/drv/fbcon/%.c.o: USER_CFLAGS += -iquote userspace/drv/pcserial \
	-iquote userspace/drv/vgacon -idirafter kernel/include

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
UNIT_fbcon_SRCS := userspace/drv/fbcon/fbterm.c userspace/drv/pcserial/readers.c kernel/lib/vgatext.c \
	kernel/lib/fbtext.c userspace/lib/ring.c $(FONT_C)
UNIT_fbcon_CFLAGS := -iquote userspace/drv/fbcon -iquote userspace/drv/pcserial -idirafter userspace/lib/include \
	-idirafter kernel/include
