# bin/grep's regular expressions (regex.c), tested on the host.
UNIT_TESTS += regex
UNIT_regex_SRCS := userspace/bin/grep/regex.c
UNIT_regex_CFLAGS := -iquote userspace/bin/grep

# What ci/scenarios/tools-text.run expects of /etc/init.conf, counted by
# the host's grep on the same file, so the scenario follows the file.
TOOLS_CONF := initramfs/root/etc/init.conf
export GREP_CONF_START := $(shell grep -c start $(TOOLS_CONF))
export GREP_CONF_NOTCOMMENT := $(shell grep -vc '^#' $(TOOLS_CONF))
export GREP_CONF_NOTUS := $(shell grep -vce '-us}' $(TOOLS_CONF))
export GREP_CONF_ICASE := $(shell grep -ic '^START /' $(TOOLS_CONF))
export GREP_CONF_RAMFS := $(shell grep -n '^start /srv/ramfs$$' $(TOOLS_CONF) | cut -d: -f1)
