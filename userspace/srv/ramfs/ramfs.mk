# srv/ramfs: host unit tests of its pure parts, the tree (fstree.c), the
# handle and stream table (handles.c), pipes (pipe.c) and the seeding from a ustar archive (seed.c, over userspace/lib/tar.c).
#
# Our headers come by -iquote, since the host has its own <tar.h> and
# <string.h>. proto/fs.h includes <tern/msgbuf.h>, which must then be found
# on the bracket chain after the host's headers; naming userspace/lib/include
# there (-idirafter) would make GCC drop it from the quote chain as a
# duplicate and pick the host's tar.h, so we offer tern/ through a symlink
# in its own directory instead.
RAMFS_HOST_INC := $(BUILD)/ci/unit/ramfs-include

$(RAMFS_HOST_INC)/tern:
	@mkdir -p $(dir $@)
	$(Q)ln -sfn $(CURDIR)/userspace/lib/include/tern $@

UNIT_TESTS += ramfs
UNIT_ramfs_SRCS := userspace/srv/ramfs/fstree.c userspace/srv/ramfs/handles.c userspace/srv/ramfs/pipe.c userspace/srv/ramfs/seed.c \
	userspace/lib/tar.c
UNIT_ramfs_CFLAGS := -iquote userspace/srv/ramfs -iquote userspace/lib/include \
	-idirafter $(RAMFS_HOST_INC)
$(BUILD)/ci/unit/test_ramfs: | $(RAMFS_HOST_INC)/tern
