# drv/vgacon: shares code instead of copying it. It links the screen
# terminals' shared server, input half and kernel log lines
# (userspace/lib/screen, whose screen.mk adds them and drv/pcserial's
# readers, serve, request, intr and fwd to our link), and the kernel's
# screen writer kernel/lib/vgatext.c, built here with userspace's flags.
# term.c is tested on the host with it (ci/unit/test_vgacon.c).

$(BUILD)/obj/userspace/drv/vgacon/%.c.o: USER_CFLAGS += -iquote userspace/lib/screen -iquote userspace/drv/pcserial \
	-idirafter kernel/include

$(BUILD)/obj/userspace/drv/vgacon/kernel-vgatext.c.o: kernel/lib/vgatext.c | $(USER_ABI)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -idirafter kernel/include -c $< -o $@

$(BUILD)/userspace/drv/vgacon: $(BUILD)/obj/userspace/drv/vgacon/kernel-vgatext.c.o

UNIT_TESTS += vgacon
UNIT_vgacon_SRCS := userspace/drv/vgacon/term.c kernel/lib/vgatext.c
UNIT_vgacon_CFLAGS := -iquote userspace/drv/vgacon -idirafter userspace/lib/include -idirafter kernel/include
