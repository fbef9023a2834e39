/*
 * pipehog: a client of ramfs that makes every pipe it may and ends holding
 * them all (test/pipetest runs it 50 times: ramfs must reclaim them). It
 * makes PEER_HOG pipes, retrying a while when refused, since the hogs
 * before it may not be reclaimed yet, then tries one more: its exit status
 * is the pipes it made, +100 if the one more was not refused with
 * FS_EMFILE. It is no client of pipetest's own service, so init has no
 * notice of its end to queue for pipetest, which does not listen for them.
 */
#include "../pipetest/peer.h"
#include <proto/fs.h>
#include <tern/program.h>

#define HOG_FS PROG_CAP(0)

int main(void)
{
	unsigned made = 0;
	for (unsigned tries = 0; made < PEER_HOG && tries < 300;) {
		uint64_t r = slot_alloc(), w = slot_alloc();
		long err = fs_pipe(HOG_FS, r, w);
		if (!err) {
			made++;
			continue;
		}
		slot_free(r);
		slot_free(w);
		if (err != -FS_EMFILE)
			break;
		tern_sleep_ms(10);
		tries++;
	}
	long more = fs_pipe(HOG_FS, slot_alloc(), slot_alloc());
	return (int)made + (more == -FS_EMFILE ? 0 : 100);
}
