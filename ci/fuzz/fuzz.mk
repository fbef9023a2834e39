# libFuzzer targets. FUZZ_TARGETS names them: ci/fuzz/fuzz_<name>.c holds
# LLVMFuzzerTestOneInput, FUZZ_<name>_SRCS the code under test,
# FUZZ_<name>_CFLAGS extra flags, ci/fuzz/corpus/<name>/ the seed inputs.
# `make fuzz` runs each for FUZZ_SECONDS, keeping what it finds in
# build/ci/fuzz/corpus/<name>/ (the seeds stay untouched); `make check`
# runs a short smoke round (ci/fuzz/smoke.sh).

FUZZ_CC := clang
FUZZ_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -MD -MP \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SECONDS ?= 30

define fuzz_rule
$(BUILD)/ci/fuzz/fuzz_$(1): ci/fuzz/fuzz_$(1).c $$(FUZZ_$(1)_SRCS)
	$$(call msg,FUZZCC,$$@)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(FUZZ_CC) $$(FUZZ_CFLAGS) $$(FUZZ_$(1)_CFLAGS) -o $$@ $$(filter %.c,$$^)
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call fuzz_rule,$(t))))
FUZZ_BINS = $(foreach t,$(FUZZ_TARGETS),$(BUILD)/ci/fuzz/fuzz_$(t))

CHECK_DEPS += $(FUZZ_BINS)

.PHONY: fuzz
fuzz: $(FUZZ_BINS)
	$(Q)for t in $(FUZZ_TARGETS); do \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
		mkdir -p $(BUILD)/ci/fuzz/corpus/$$t && \
		$(BUILD)/ci/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
			-artifact_prefix=$(BUILD)/ci/fuzz/$$t- \
			$(BUILD)/ci/fuzz/corpus/$$t ci/fuzz/corpus/$$t || exit 1; \
	done
