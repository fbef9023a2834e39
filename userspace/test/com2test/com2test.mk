# test/com2test: the COM2 loopback (serial-com2.run). It reads and checks
# with test/pastetest's pastecheck.c, linked as it is.
$(BUILD)/userspace/test/com2test: $(BUILD)/obj/userspace/test/pastetest/pastecheck.c.o

$(BUILD)/obj/userspace/test/com2test/%.c.o: USER_CFLAGS += -iquote userspace/test/pastetest
