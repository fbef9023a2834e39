# Userspace: libtern (userspace/lib) and the programs. A program is a
# directory userspace/<dir>/<name>/ of C files; it is built to
# build/userspace/<dir>/<name> and lands in the initramfs as /<dir>/<name>.
# If manifests/<name>.ini exists it is embedded as the ELF section .manifest.
#
# No FPU/SSE state is saved across task switches, so userspace, like the
# kernel, is built with general registers only.

# Every directory userspace/<dir>/<name>/ with C files is a program.
USER_PROGRAM_DIRS := $(filter-out lib/%,$(patsubst userspace/%/,%,$(sort $(dir $(wildcard userspace/*/*/*.c)))))
USER_PROGRAMS := $(foreach p,$(USER_PROGRAM_DIRS),$(BUILD)/userspace/$(p))

# Userspace sees exactly one kernel header directory: abi/.
USER_ABI := $(BUILD)/include/abi
# The programs are optimised for size: what users download is mostly
# these (docs/performance.md, "Sizes"). GCC's -Os inlining makes
# -Wmaybe-uninitialized see paths that cannot happen, hence its -Wno-.
# libtern, linked into every program, too. (The "shell hangs after a
# pipeline" once blamed on libtern -Os was shell-pipes.run capturing half
# a number as it arrived, not tern.) The test programs keep -O2: ktest's
# benchmark loops are measured in instructions (make bench), and these
# figures are recorded.
USER_OPT := -Os -Wno-maybe-uninitialized
$(BUILD)/obj/userspace/test/%: USER_OPT := -O2
# USER_SAN=1: the sanitized build of every program for PLATFORM=linux
# SAN=1 (platform/linux/linux.mk makes it in a build directory of its
# own, build/linux-san/user/): the same sources, crt0, user.ld and ABI,
# with UBSan and ASan (kernel-address: no runtime of the compiler's; ours
# is userspace/lib/san/, itself not instrumented). Every access is a call
# (call-threshold 0), so the runtime can leave alone addresses that have
# no shadow; the stack and the globals get red zones; the shadow's
# offset is hosted/san.h's. The link starts the program at san_entry and
# sends its malloc calls to the red-zoned heap (san/heap.c).
USER_SAN_OFFSET := 0x600000000000
ifeq ($(USER_SAN),1)
USER_SAN_CFLAGS := -fsanitize=undefined -fno-sanitize-recover=undefined -fsanitize=kernel-address \
	-fasan-shadow-offset=$(USER_SAN_OFFSET) --param asan-instrumentation-with-call-threshold=0 \
	--param asan-stack=1 --param asan-globals=1
USER_SAN_LDFLAGS := -e san_entry -u san_entry --wrap=malloc --wrap=free --wrap=calloc --wrap=realloc
$(BUILD)/obj/userspace/lib/san/%: USER_SAN_CFLAGS := -DSAN_SHADOW_OFFSET_FLAG=$(USER_SAN_OFFSET)ull
# Sanitized programs need more memory (red zones, the free quarantine,
# and ramfs holds an archive of programs eight times their size): every
# manifest's [memory] pages times USER_MEMORY_SCALE, which the code that
# sizes itself by its quota also sees (srv/ramfs's budget).
USER_MEMORY_SCALE := 4
USER_SAN_CFLAGS += -DUSER_MEMORY_SCALE=$(USER_MEMORY_SCALE)
$(BUILD)/manifests/%.ini: manifests/%.ini
	@mkdir -p $(dir $@)
	$(Q)awk -F= -v s=$(USER_MEMORY_SCALE) '$$1 == "pages" && $$2 ~ /^[0-9]+$$/ { print "pages=" $$2 * s; next } { print }' $< >$@
user_manifest = $(BUILD)/manifests/$(1).ini
else
user_manifest = manifests/$(1).ini
endif
# USER_VG=1: the build of every program for PLATFORM=linux VALGRIND=1
# (platform/linux/linux.mk makes it in build/linux-vg/user/): the same
# sources, but a system call is a call to tern-task's gate at
# USER_VG_GATE (hosted/wire.h's WIRE_GATE_VA; tern-task checks they
# agree), since valgrind would run a `syscall` as a Linux one, and the
# heap tells memcheck about its blocks (lib/vg/heap.c, over malloc.c).
USER_VG_GATE := 0x7e0000c00000
ifeq ($(USER_VG),1)
# Frame pointers: the programs have no unwind tables, and valgrind walks
# RBP to show the stacks of an access, its malloc and its free.
USER_VG_CFLAGS := -DUSER_VG_GATE=$(USER_VG_GATE) -fno-omit-frame-pointer
USER_SAN_LDFLAGS := --wrap=malloc --wrap=free --wrap=calloc --wrap=realloc
$(BUILD)/obj/userspace/lib/vg/%: USER_VG_CFLAGS += -Iplatform/linux/include
endif
USER_CFLAGS = -std=gnu11 $(USER_OPT) $(USER_SAN_CFLAGS) $(USER_VG_CFLAGS) -g -Wall -Wextra -Werror -MD -MP \
	-ffreestanding -nostdlib -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -ffunction-sections -fdata-sections -fno-tree-loop-distribute-patterns -ffile-prefix-map=$(CURDIR)=. \
	-nostdinc -isystem $(GCC_INCLUDE) -Iuserspace/lib/include -I$(BUILD)/include
USER_LDS := userspace/lib/user.ld
USER_LIB := $(BUILD)/userspace/lib/libtern.a
USER_LIB_SRCS := $(sort $(wildcard userspace/lib/*.c userspace/lib/*.S))
ifeq ($(USER_SAN),1)
USER_LIB_SRCS += $(sort $(wildcard userspace/lib/san/*.c userspace/lib/san/*.S))
endif
ifeq ($(USER_VG),1)
USER_LIB_SRCS += $(sort $(wildcard userspace/lib/vg/*.c))
endif
USER_LIB_OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(USER_LIB_SRCS))

$(USER_ABI): | kernel/include/abi
	@mkdir -p $(dir $@)
	$(Q)ln -sfn $(CURDIR)/kernel/include/abi $@

USER_FLAGS := $(call flags_file,user,$(CC) $(USER_CFLAGS))
# libtern's objects have a flags file of their own: a tree built while
# the lib had -O2 (target-specific, which USER_FLAGS never saw) rebuilds
# it with today's flags.
USER_LIB_FLAGS := $(call flags_file,user-lib,$(CC) $(USER_CFLAGS))
$(USER_LIB_OBJS): $(USER_LIB_FLAGS)

$(BUILD)/obj/userspace/%.c.o: userspace/%.c $(USER_FLAGS) | $(USER_ABI)
	$(call msg,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(BUILD)/obj/userspace/%.S.o: userspace/%.S $(USER_FLAGS) | $(USER_ABI)
	$(call msg,AS,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(USER_LIB): $(USER_LIB_OBJS)
	$(call msg,AR,$@)
	@mkdir -p $(dir $@)
	$(Q)rm -f $@ && ar rcD $@ $^

define user_program_rule
$(BUILD)/userspace/$(1): $(patsubst %,$(BUILD)/obj/%.o,$(wildcard userspace/$(1)/*.c)) $(USER_LIB) $(USER_LDS) \
		$(if $(wildcard manifests/$(notdir $(1)).ini),$(call user_manifest,$(notdir $(1))))
	$$(call msg,LD,$$@)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(LD) -nostdlib -z max-page-size=0x1000 -z noseparate-code -z noexecstack --gc-sections --build-id=none -T $(USER_LDS) $(USER_SAN_LDFLAGS) \
		-o $$@ $(BUILD)/obj/userspace/lib/crt0.S.o $$(filter %.c.o,$$^) $(USER_LIB)
	$$(Q)if [ -f manifests/$(notdir $(1)).ini ]; then \
		$$(OBJCOPY) --add-section .manifest=$(call user_manifest,$(notdir $(1))) \
			--set-section-flags .manifest=noload,readonly $$@; fi
endef
$(foreach p,$(USER_PROGRAM_DIRS),$(eval $(call user_program_rule,$(p))))

# A program may bring its own fragment (unit tests of its pure parts).
include $(sort $(wildcard userspace/*/*/*.mk))
include userspace/lib/lib.mk
