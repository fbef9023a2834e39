# drv/vgacon: shares code instead of copying it. It links drv/pcserial's
# readers.c (who may read), serve.c (serving reads by those rules),
# request.c (request checks), intr.c (the ^C note) and fwd.c (the forwarders that serve its
# second endpoint), built as part of pcserial, and the kernel's
# screen writer kernel/lib/vgatext.c, built here with userspace's flags.
# term.c is tested on the host with them (ci/unit/test_vgacon.c).

VGACON_SHARED := $(BUILD)/obj/userspace/drv/pcserial/readers.c.o $(BUILD)/obj/userspace/drv/pcserial/fwd.c.o \
	$(BUILD)/obj/userspace/drv/pcserial/request.c.o $(BUILD)/obj/userspace/drv/pcserial/serve.c.o \
	$(BUILD)/obj/userspace/drv/pcserial/intr.c.o \
	$(BUILD)/obj/userspace/drv/vgacon/kernel-vgatext.c.o

$(BUILD)/obj/userspace/drv/vgacon/%.c.o: USER_CFLAGS += -iquote userspace/drv/pcserial -idirafter kernel/include

$(BUILD)/obj/userspace/drv/vgacon/kernel-vgatext.c.o: kernel/lib/vgatext.c | $(USER_ABI)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -idirafter kernel/include -c $< -o $@

$(BUILD)/userspace/drv/vgacon: $(VGACON_SHARED)

UNIT_TESTS += vgacon
UNIT_vgacon_SRCS := userspace/drv/vgacon/term.c userspace/drv/pcserial/readers.c userspace/drv/pcserial/request.c \
	kernel/lib/vgatext.c userspace/lib/ring.c
UNIT_vgacon_CFLAGS := -iquote userspace/drv/vgacon -iquote userspace/drv/pcserial -idirafter userspace/lib/include \
	-idirafter kernel/include
