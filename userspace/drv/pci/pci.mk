# drv/pci's pure part (pciconf.c: configuration addresses, the bus scan),
# tested on the host against a made-up configuration space.
UNIT_TESTS += pciconf
UNIT_pciconf_SRCS := userspace/drv/pci/pciconf.c
UNIT_pciconf_CFLAGS := -iquote userspace/drv/pci

# The inventory's authority as its manifests grant it (drv/pci, drv/rtc,
# lspci, date, cpuinfo), read with init's own manifest checker.
UNIT_TESTS += hwmanifest
UNIT_hwmanifest_SRCS := userspace/sbin/init/manifest.c userspace/lib/ini.c
UNIT_hwmanifest_CFLAGS := -iquote userspace/sbin/init -iquote userspace/lib/include
