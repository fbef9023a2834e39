# drv/ps2kbd's pure parts (keymap.c: layouts from /etc/keymaps/*.map;
# scancode.c: set-1 scancodes to terminal bytes), tested on the host with
# the real map files.
UNIT_TESTS += ps2kbd
UNIT_ps2kbd_SRCS := userspace/drv/ps2kbd/keymap.c userspace/drv/ps2kbd/scancode.c
UNIT_ps2kbd_CFLAGS := -iquote userspace/drv/ps2kbd -I userspace/drv/ps2kbd
