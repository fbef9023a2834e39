# bin/uname's version: the date of the commit built (SOURCE_DATE_EPOCH, as
# the images use) and `git describe`, so two builds of one tree agree
# (ci/repro-test.sh). Not --dirty: that refreshes the index, which a make
# must not write while git may be busy in the same tree. The header is
# rewritten only when the text changes, so uname is rebuilt exactly then
# (its dependency file names it).
UNAME_VERSION := $(shell date -u -d @$(SOURCE_DATE_EPOCH) +%Y-%m-%d 2>/dev/null || echo unknown)$(shell \
	git describe --always 2>/dev/null | sed 's/^/ /')
UNAME_VERSION_H := $(BUILD)/include/uname_version.h
$(shell mkdir -p $(BUILD)/include && \
	echo '#define UNAME_VERSION "$(UNAME_VERSION)"' > $(UNAME_VERSION_H).new && \
	(cmp -s $(UNAME_VERSION_H).new $(UNAME_VERSION_H) && rm -f $(UNAME_VERSION_H).new || \
	 mv -f $(UNAME_VERSION_H).new $(UNAME_VERSION_H)))
