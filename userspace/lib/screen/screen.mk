# userspace/lib/screen: what the screen terminals drv/vgacon and drv/fbcon
# share (not part of libtern, not a program): screenin.c the keyboard's
# input half, screenlog.c the kernel log on the screen (both pure and
# unit-tested in ci/unit/test_screen.c), screensrv.c the server. Each
# driver's .mk links these objects, with drv/pcserial's readers, serve,
# request, intr and fwd.

SCREEN_SHARED := $(foreach f,screenin screenlog screensrv,$(BUILD)/obj/userspace/lib/screen/$(f).c.o) \
	$(foreach f,readers fwd request serve intr,$(BUILD)/obj/userspace/drv/pcserial/$(f).c.o)

$(BUILD)/userspace/drv/vgacon $(BUILD)/userspace/drv/fbcon: $(SCREEN_SHARED)

$(BUILD)/obj/userspace/lib/screen/%.c.o: USER_CFLAGS += -iquote userspace/drv/pcserial -idirafter kernel/include

UNIT_TESTS += screen
UNIT_screen_SRCS := userspace/lib/screen/screenin.c userspace/lib/screen/screenlog.c \
	userspace/drv/pcserial/readers.c userspace/drv/pcserial/request.c kernel/lib/vgatext.c \
	userspace/lib/ring.c userspace/lib/format.c
UNIT_screen_CFLAGS := -iquote userspace/lib/screen -iquote userspace/drv/pcserial -idirafter userspace/lib/include \
	-idirafter kernel/include
