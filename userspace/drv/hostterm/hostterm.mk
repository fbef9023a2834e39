# drv/hostterm: drv/pcserial's COM1 over the host terminal of
# PLATFORM=linux. It links pcserial's port logic and stream serving as
# they are (no copies) and puts its own uart.c (host calls) under them.

HOSTTERM_SHARED := $(foreach f,port portsrv readers request serve intr crlf,$(BUILD)/obj/userspace/drv/pcserial/$(f).c.o)

$(BUILD)/userspace/drv/hostterm: $(HOSTTERM_SHARED)

$(BUILD)/obj/userspace/drv/hostterm/%.c.o: USER_CFLAGS += -iquote userspace/drv/pcserial
