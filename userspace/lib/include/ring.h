/*
 * Byte ring buffer over caller storage, for serial RX and the like. The
 * size is a power of two; head and tail are free-running counters (they
 * wrap around SIZE_MAX harmlessly), so count = head - tail and a full ring
 * is told apart from an empty one without wasting a byte. One producer and
 * one consumer may run concurrently (an IRQ thread and a reader): each side
 * writes only its own counter, published with release/acquire atomics.
 * A full ring refuses new bytes rather than overwriting old ones, so the
 * caller sees (and can count) every byte it could not store.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ring {
	uint8_t *buf;
	size_t size;            /* power of two */
	size_t head;            /* bytes ever put: written by the producer */
	size_t tail;            /* bytes ever taken: written by the consumer */
};

/* 0, or -1 if size is not a power of two (or is 0). */
int ring_init(struct ring *r, void *storage, size_t size);
size_t ring_count(const struct ring *r);
size_t ring_free(const struct ring *r);
bool ring_put(struct ring *r, uint8_t c);               /* false when full */
bool ring_get(struct ring *r, uint8_t *c);              /* false when empty */
size_t ring_write(struct ring *r, const void *src, size_t n);   /* bytes stored */
size_t ring_read(struct ring *r, void *dst, size_t n);          /* bytes taken */
