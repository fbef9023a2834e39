# drv/pci's pure part (pciconf.c: configuration addresses, the bus scan),
# tested on the host against a made-up configuration space.
UNIT_TESTS += pciconf
UNIT_pciconf_SRCS := userspace/drv/pci/pciconf.c
UNIT_pciconf_CFLAGS := -iquote userspace/drv/pci
