# PLATFORM=linux: the hosted kernel (docs/hosted.md). Two host programs:
#   build/linux/tern-linux  the real kernel objects (cspace, endpoints,
#                           tasks, scheduler, ...) compiled for the host,
#                           with platform/linux/kernel/ as their "arch";
#   build/linux/tern-task   the process every tern task runs in: it maps
#                           what the kernel says and turns the program's
#                           `syscall`s (trapped by seccomp) into messages.
# The tern programs themselves are the normal build/initramfs.tar: the
# same ELF files as on the PC, run unmodified inside tern-task.
# SAN=1 builds tern-linux with ASan+UBSan (tern-task is freestanding),
# and every program a second time, sanitized (userspace.mk, USER_SAN=1),
# into build/linux-san/user/: initramfs.tar and test/initramfs.tar.

# A sanitized build has its own directory, so SAN=1 and a plain build can sit side by side.
HOSTED := $(BUILD)/linux$(if $(filter 1,$(SAN)),-san)
HOSTED_KERNEL := $(HOSTED)/tern-linux
HOSTED_TASK := $(HOSTED)/tern-task

# The kernel's own C files, unchanged: everything but the boot path (main,
# the PC console and klog ring in the image, multiboot/UEFI parsing, the
# self-tests but the heap's) and the PC's arch/ directory.
HOSTED_KERNEL_C := kernel/sched.c kernel/syscall.c kernel/fastpath.c kernel/debug_write.c \
	$(wildcard kernel/object/*.c) \
	kernel/mm/heap.c kernel/mm/memmap.c kernel/mm/pmm.c kernel/mm/vspace.c \
	kernel/lib/kprintf.c kernel/lib/cmdline.c kernel/lib/lz4.c kernel/boot/root.c kernel/boot/selftest_heap.c kernel/klog.c
HOSTED_SHARED_C := userspace/lib/format.c userspace/lib/tar.c userspace/lib/elf.c
HOSTED_GLUE := $(sort $(wildcard platform/linux/kernel/*.c platform/linux/kernel/*.S))
# The host is x86-64 too: the stack switch is the PC's own file.
HOSTED_ARCH_S := kernel/arch/x86_64/context_switch.S

# Kernel stacks are frames of the memory file that the scheduler switches
# between, and a task that dies never unwinds its own: ASan's stack
# red zones would stay poisoned in frames that are later freed and reused.
# So no stack instrumentation (asan-stack=0); the glue's heap, the globals
# and UBSan's checks stay. (The kernel's own object heap, kzalloc, is
# slabs in the memory file, which ASan does not see either.)
HOSTED_SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined --param asan-stack=0
HOSTED_SAN := $(if $(filter 1,$(SAN)),$(HOSTED_SAN_FLAGS))
HOSTED_WARN := -std=gnu11 -O1 -g -Wall -Wextra -Werror -MD -MP -fno-omit-frame-pointer
# Kernel files see the host arch headers first, then the kernel's headers
# and tern's libc headers (their string.h declares what the host libc has).
# Their names stay inside tern-linux (-fvisibility=hidden): the kernel's
# sched_yield was exported and taken by libasan's leak check at exit in
# place of libc's, dereferencing a null `current` when tern-linux stopped
# before the scheduler existed (small-memory.run hosted). The link below
# fails if anything of ours is exported again.
HOSTED_KCFLAGS := $(HOSTED_WARN) $(HOSTED_SAN) -fvisibility=hidden -Iplatform/linux/include -Ikernel/include \
	-Iboot/include -Iuserspace/lib/include
# The glue uses the host's libc headers, and kernel headers by name.
HOSTED_GCFLAGS := $(HOSTED_WARN) $(HOSTED_SAN) -D_GNU_SOURCE -Iplatform/linux/include \
	-idirafter kernel/include -idirafter boot/include

# Changed flags rebuild the objects (flags_file, Makefile).
HOSTED_KFLAGS_FILE := $(call flags_file,$(notdir $(HOSTED))-kernel,$(HOSTCC) $(HOSTED_KCFLAGS))
HOSTED_GFLAGS_FILE := $(call flags_file,$(notdir $(HOSTED))-glue,$(HOSTCC) $(HOSTED_GCFLAGS))

HOSTED_OBJS := $(patsubst %,$(HOSTED)/obj/%.o,$(HOSTED_KERNEL_C) $(HOSTED_SHARED_C)) \
	$(patsubst %,$(HOSTED)/obj/%.o,$(HOSTED_GLUE) $(HOSTED_ARCH_S))

$(HOSTED)/obj/kernel/%.c.o: kernel/%.c $(HOSTED_KFLAGS_FILE)
	$(call msg,HOSTCC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTED_KCFLAGS) -c $< -o $@

$(HOSTED)/obj/userspace/%.c.o: userspace/%.c $(HOSTED_KFLAGS_FILE)
	$(call msg,HOSTCC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTED_KCFLAGS) -c $< -o $@

$(HOSTED)/obj/platform/linux/kernel/%.c.o: platform/linux/kernel/%.c $(HOSTED_GFLAGS_FILE)
	$(call msg,HOSTCC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTED_GCFLAGS) -c $< -o $@

$(HOSTED)/obj/platform/linux/kernel/%.S.o: platform/linux/kernel/%.S $(HOSTED_GFLAGS_FILE)
	$(call msg,HOSTAS,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTED_GCFLAGS) -c $< -o $@

$(HOSTED)/obj/kernel/%.S.o: kernel/%.S
	$(call msg,HOSTAS,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTED_GCFLAGS) -c $< -o $@

$(HOSTED_KERNEL): $(HOSTED_OBJS)
	$(call msg,HOSTLD,$@)
	$(Q)$(HOSTCC) $(HOSTED_SAN) -o $@.tmp $^
	$(Q)if nm -D --defined-only $@.tmp | grep ' [TtWw] '; then \
		echo "$@: exports the functions above, which would replace the host libraries' own" >&2; \
		rm -f $@.tmp; exit 1; fi
	$(Q)mv $@.tmp $@

# tern-task: freestanding (no libc: nothing of it may use memory or system
# calls behind our back), static, linked high (WIRE_STUB_BASE).
HOSTED_TASK_SRCS := $(sort $(wildcard platform/linux/task/*.c platform/linux/task/*.S))
HOSTED_TASK_OBJS := $(patsubst %,$(HOSTED)/obj/%.o,$(HOSTED_TASK_SRCS))
# -fpie: position-independent code reaches its data RIP-relative, which
# works at our high link address (the small code model would not).
HOSTED_TASK_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -MD -MP -ffreestanding -nostdlib \
	-fpie -fno-stack-protector -mgeneral-regs-only -fno-asynchronous-unwind-tables \
	-fno-tree-loop-distribute-patterns -Iplatform/linux/include -Ikernel/include

# (USER_VG_GATE: userspace.mk's, checked against hosted/wire.h in main.c.)
$(HOSTED)/obj/platform/linux/task/%.o: platform/linux/task/%
	$(call msg,HOSTCC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTED_TASK_CFLAGS) -DUSER_VG_GATE=$(USER_VG_GATE) -c $< -o $@

$(HOSTED_TASK): $(HOSTED_TASK_OBJS) platform/linux/task/task.ld
	$(call msg,HOSTLD,$@)
	$(Q)$(LD) -nostdlib -static --no-relax -z noexecstack --build-id=none -T platform/linux/task/task.ld \
		-o $@ $(HOSTED_TASK_OBJS)

# The sanitized programs: the same Makefile in a build directory of its
# own (the sources, crt0, user.ld and ABI are the PC's; only the flags
# and libtern's san/ runtime differ), so tern-task runs them unchanged.
HOSTED_USER := $(BUILD)/linux-san/user
HOSTED_SAN_INITRAMFS := $(HOSTED_USER)/initramfs.tar
HOSTED_SAN_INITRAMFS_TEST := $(HOSTED_USER)/test/initramfs.tar
.PHONY: hosted-san-user
hosted-san-user:
	$(Q)$(MAKE) --no-print-directory BUILD=$(HOSTED_USER) USER_SAN=1 $(HOSTED_SAN_INITRAMFS) $(HOSTED_SAN_INITRAMFS_TEST)

# VALGRIND=1: every program once more (USER_VG=1: system calls through
# tern-task's gate, the heap told to memcheck) into build/linux-vg/user/,
# run by tern-linux -V, which starts each tern-task under valgrind.
HOSTED_VG_USER := $(BUILD)/linux-vg/user
HOSTED_VG_INITRAMFS := $(HOSTED_VG_USER)/initramfs.tar
HOSTED_VG_INITRAMFS_TEST := $(HOSTED_VG_USER)/test/initramfs.tar
.PHONY: hosted-vg-user
hosted-vg-user:
	$(Q)$(MAKE) --no-print-directory BUILD=$(HOSTED_VG_USER) USER_VG=1 $(HOSTED_VG_INITRAMFS) $(HOSTED_VG_INITRAMFS_TEST)

.PHONY: hosted
hosted: $(HOSTED_KERNEL) $(HOSTED_TASK) $(if $(filter 1,$(SAN)),hosted-san-user) $(if $(filter 1,$(VALGRIND)),hosted-vg-user)

# `make check` runs the hosted steps on the ASan+UBSan build: kernel and
# programs (ci/check.sh, hosted/*; `make check T=hosted` alone).
.PHONY: hosted-san
hosted-san:
	$(Q)$(MAKE) --no-print-directory -s SAN=1 hosted
CHECK_DEPS += hosted-san
# hosted/valgrind's programs (ci/hosted-valgrind.sh).
CHECK_DEPS += hosted-vg-user
export HOSTED_CHECK_VG_INITRAMFS := $(HOSTED_VG_INITRAMFS_TEST)
export HOSTED_CHECK_KERNEL := $(BUILD)/linux-san/tern-linux
export HOSTED_CHECK_INITRAMFS := $(BUILD)/linux-san/user/test/initramfs.tar

# `make run PLATFORM=linux`: the system on this terminal, APPEND as the
# kernel command line. GDB=NAME stops the task of that name before its
# first instruction and prints the gdb line that attaches to it.
# VALGRIND=1 runs every program under valgrind's memcheck (tern-linux -V
# with the USER_VG=1 programs; TESTS=1: their test archive);
# VALGRIND=kernel runs tern-linux itself under valgrind (also for
# hosted/ktest; use it without SAN=1).
export VALGRIND
.PHONY: run-linux
# SAN=1: the sanitized programs too (TESTS=1 their test archive).
HOSTED_RUN_VG = $(filter 1,$(VALGRIND))
HOSTED_RUN_USER = $(if $(filter 1,$(SAN)),$(HOSTED_USER),$(if $(HOSTED_RUN_VG),$(HOSTED_VG_USER),$(BUILD)))
HOSTED_RUN_INITRAMFS = $(if $(filter 1,$(SAN)),$(if $(filter 1,$(TESTS)),$(HOSTED_SAN_INITRAMFS_TEST),$(HOSTED_SAN_INITRAMFS)),$(if $(HOSTED_RUN_VG),$(if $(filter 1,$(TESTS)),$(HOSTED_VG_INITRAMFS_TEST),$(HOSTED_VG_INITRAMFS)),$(IMAGE_INITRAMFS)))
run-linux: $(HOSTED_KERNEL) $(HOSTED_TASK) $(if $(filter 1,$(SAN)),hosted-san-user,$(if $(HOSTED_RUN_VG),hosted-vg-user,$(IMAGE_INITRAMFS)))
	$(if $(and $(filter 1,$(SAN)),$(HOSTED_RUN_VG)),$(error SAN=1 and VALGRIND=1 are two builds of the programs: choose one (VALGRIND=kernel runs tern-linux under valgrind)))
	$(Q)$(if $(filter kernel,$(VALGRIND)),valgrind -q) $(HOSTED_KERNEL) $(if $(HOSTED_RUN_VG),-V) $(if $(APPEND),-c "$(APPEND)") \
		$(if $(GDB),-g "$(GDB)=$(firstword $(wildcard $(HOSTED_RUN_USER)/userspace/*/$(GDB)) $(GDB))") $(HOSTED_RUN_INITRAMFS)

# `make check PLATFORM=linux`: only the hosted steps (and their unit tests).
ifeq ($(PLATFORM),linux)
T ?= hosted
endif

# The hosted platform's pure parts, as host unit tests (ci/unit/).
UNIT_TESTS += hosted_oplog hosted_fault sanshadow
UNIT_hosted_oplog_SRCS := platform/linux/kernel/oplog.c
UNIT_hosted_oplog_CFLAGS := -Iplatform/linux/include
UNIT_hosted_fault_SRCS := platform/linux/task/fault.c
UNIT_hosted_fault_CFLAGS := -Iplatform/linux/include
UNIT_sanshadow_SRCS := userspace/lib/san/sanshadow.c
UNIT_sanshadow_CFLAGS := -iquote userspace/lib/san

# The call transports alone, socket against a shared page with a futex
# (platform/linux/bench/transport.c), for `make hosted-bench` and `make
# bench` (ci/bench-hosted.sh; their rules are in ci/ci.mk, after the
# initramfs and tern-run are known).
$(HOSTED)/bench-transport: platform/linux/bench/transport.c
	$(call msg,HOSTCC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTED_WARN) -O2 -D_GNU_SOURCE -o $@ $<
HOSTED_BENCH_DEPS := $(HOSTED_KERNEL) $(HOSTED_TASK) $(HOSTED)/bench-transport
