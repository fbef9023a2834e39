# drv/pcserial's port logic (port.c: receive ring, flow control, bursts,
# request checks; crlf.c: "\n" to "\r\n"; readers.c: who may read), tested on the host against a simulated UART.
# -idirafter finds <ring.h> and <proto/stream.h> without letting
# userspace/lib/include shadow the host's libc headers.

UNIT_TESTS += pcserial
UNIT_pcserial_SRCS := userspace/drv/pcserial/port.c userspace/drv/pcserial/readers.c userspace/drv/pcserial/request.c userspace/drv/pcserial/crlf.c userspace/lib/ring.c
UNIT_pcserial_CFLAGS := -iquote userspace/drv/pcserial -idirafter userspace/lib/include

# The terminals' ^C registrations (intr.c), over a fake cspace.
UNIT_TESTS += intr
UNIT_intr_SRCS := userspace/drv/pcserial/intr.c
UNIT_intr_CFLAGS := -iquote userspace/drv/pcserial -idirafter userspace/lib/include
