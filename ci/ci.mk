# Tests. `make check` builds what the tests need and runs ci/check.sh:
# host unit tests (ASan + UBSan), the QEMU scenarios in ci/scenarios/ and
# the ktest suite under Bochs (ci/bochs.mk, ci/bochs.sh).

TERN_RUN := $(BUILD)/ci/tern-run
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -MD -MP -fno-omit-frame-pointer
UNIT_CFLAGS := $(HOST_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-Ici/unit -idirafter kernel/include

TERN_RUN_SRCS := ci/run/tern-run.c ci/run/screen.c ci/run/png.c ci/run/lab.c ci/run/lab_target.c ci/run/hosted_target.c ci/run/labini.c \
	ci/run/labboot.c
$(TERN_RUN): $(TERN_RUN_SRCS) $(wildcard ci/run/*.h) $(FONT_C)
	$(call msg,HOSTCC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(filter %.c,$^)

# Unit tests: UNIT_TESTS names them; UNIT_<name>_SRCS lists the code under
# test, UNIT_<name>_CFLAGS any extra flags. Other fragments add their own.
UNIT_TESTS += memmap format cmdline
UNIT_memmap_SRCS := kernel/mm/memmap.c
UNIT_format_SRCS := userspace/lib/format.c
UNIT_format_CFLAGS := -idirafter userspace/lib/include
UNIT_cmdline_SRCS := kernel/lib/cmdline.c
UNIT_TESTS += pcid
UNIT_pcid_SRCS := kernel/lib/pcid.c
UNIT_TESTS += acpi
UNIT_acpi_SRCS := kernel/lib/acpi_tables.c
UNIT_TESTS += mbfb
UNIT_mbfb_SRCS := kernel/lib/mbfb.c kernel/mm/memmap.c
# The LZ4 frame decoder the kernel uses for a compressed initramfs.
UNIT_TESTS += lz4
UNIT_lz4_SRCS := kernel/lib/lz4.c
UNIT_TESTS += vgatext
UNIT_vgatext_SRCS := kernel/lib/vgatext.c kernel/lib/conslist.c kernel/lib/fbtext.c $(FONT_C)
# The lab description and lab boot entries of the run tool (docs/lab.md).
UNIT_TESTS += lab
UNIT_lab_SRCS := ci/run/labini.c ci/run/labboot.c
# The harness's own behaviour (output kept when a test dies).
UNIT_TESTS += harness

UNIT_FLAGS := $(call flags_file,unit,$(HOSTCC) $(UNIT_CFLAGS))

define unit_test_rule
$(BUILD)/ci/unit/test_$(1): ci/unit/test_$(1).c ci/unit/unit.c $$(UNIT_$(1)_SRCS) $$(UNIT_FLAGS)
	$$(call msg,HOSTCC,$$@)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(HOSTCC) $$(UNIT_CFLAGS) $$(UNIT_$(1)_CFLAGS) -o $$@ $$(filter %.c,$$^)
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call unit_test_rule,$(t))))
UNIT_BINS = $(foreach t,$(UNIT_TESTS),$(BUILD)/ci/unit/test_$(t))

# What the scenarios boot: the test initramfs (initramfs/initramfs.mk), as
# ${INITRAMFS}. Fragments add theirs (images, test programs).
CHECK_DEPS += $(KERNEL) $(INITRAMFS_TEST) $(TERN_RUN) $(UNIT_BINS)

include ci/bochs.mk
include ci/uefi.mk

# Tests run under TCG unless ACCEL is given: they must pass there, and for
# short boots TCG even starts faster than KVM on nested-virtualised hosts.
ifeq ($(origin ACCEL),command line)
CHECK_ACCEL := $(ACCEL)
else
CHECK_ACCEL := tcg
endif

# The system call fuzzer (ci/scenarios/fuzz.run, docs/fuzzing.md): `make
# check` makes FUZZ_CHECK_CALLS calls with a new seed (SEED=... replays one).
FUZZ_CHECK_CALLS := 1000000

check: deps
	$(Q)$(MAKE) --no-print-directory $(CHECK_DEPS)
	$(Q)BUILD=$(BUILD) KERNEL=$(KERNEL) INITRAMFS=$(INITRAMFS_TEST) TERN_RUN=$(TERN_RUN) \
		BOCHS_ISO=$(BOCHS_ISO) ACCEL=$(CHECK_ACCEL) UNIT_BINS="$(UNIT_BINS)" FUZZ_BINS="$(FUZZ_BINS)" \
		FUZZ_N=$(FUZZ_CHECK_CALLS) FUZZ_SEED=$(SEED) sh ci/check.sh $(T)

# `make fuzz` runs the system call fuzzer first (N calls, default ten
# million; SEED=... replays a run), then the host libFuzzer targets
# (ci/fuzz/fuzz.mk); `make fuzz-kernel` just the first.
.PHONY: fuzz-kernel
fuzz: fuzz-kernel
fuzz-kernel: deps $(KERNEL) $(INITRAMFS_TEST) $(TERN_RUN)
	$(Q)mkdir -p $(BUILD)/ci/logs
	$(Q)KERNEL=$(KERNEL) INITRAMFS=$(INITRAMFS_TEST) FUZZ_N=$(or $(N),10000000) FUZZ_SEED=$(SEED) \
		ACCEL=$(if $(ACCEL),$(ACCEL),$$(BUILD=$(BUILD) sh ci/accel.sh)) \
		$(TERN_RUN) -l $(BUILD)/ci/logs/fuzz-kernel.serial ci/scenarios/fuzz.run

.PHONY: unit
unit: $(UNIT_BINS)
	$(Q)for t in $(UNIT_BINS); do $$t || exit 1; done

# Benchmarks: measured, printed, never asserted (docs/performance.md).
# ci/bench.sh makes the images itself, best effort, and fetches the Linux
# peer with apt-get; RUNS=N boots each system N times (default 5).
# The PLATFORM=linux part (ci/bench-hosted.sh) also runs alone: `make
# hosted-bench` (HOSTED_RUNS=N, HOSTED_OTHER=LABEL=PATH: docs/hosted.md).
bench: deps $(KERNEL) $(INITRAMFS) $(INITRAMFS_TEST) $(TERN_RUN) $(IMAGE_KERNEL) $(INITRAMFS).lz4 $(HOSTED_BENCH_DEPS)
	$(Q)BUILD=$(BUILD) KERNEL=$(KERNEL) INITRAMFS=$(INITRAMFS) INITRAMFS_TEST=$(INITRAMFS_TEST) TERN_RUN=$(TERN_RUN) \
		HOSTED=$(HOSTED) QEMU_MEM=$(QEMU_MEM) sh ci/bench.sh
.PHONY: hosted-bench
hosted-bench: $(INITRAMFS) $(INITRAMFS_TEST) $(TERN_RUN) $(HOSTED_BENCH_DEPS)
	$(Q)BUILD=$(BUILD) INITRAMFS=$(INITRAMFS) INITRAMFS_TEST=$(INITRAMFS_TEST) TERN_RUN=$(TERN_RUN) \
		HOSTED=$(HOSTED) sh ci/bench-hosted.sh $(BUILD)/bench
