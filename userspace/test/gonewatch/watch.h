/*
 * The protocol of test/gonewatch, a service that records what its clients
 * tell it and which of them init reported gone (proto/service.h). Used by
 * test/fshog. Replies carry the status in the label.
 *
 *   WATCH_HOLDING  MR0 = handles the caller holds. After answering, the
 *                  watch stays busy (not receiving) for WATCH_BUSY_MS, so
 *                  init's notice of the caller's end must wait and retry.
 *   WATCH_QUERY    MR0 = a client's badge -> MR0 = handles it reported
 *                  (WATCH_NONE if none), MR1 = 1 once init said it is gone
 *   WATCH_GONE     -> MR0 = notices from init, MR1 = forged ones refused
 */
#pragma once

enum watch_method { WATCH_HOLDING = 1, WATCH_QUERY, WATCH_GONE };

#define WATCH_BUSY_MS 300
#define WATCH_NONE    ~0ull
