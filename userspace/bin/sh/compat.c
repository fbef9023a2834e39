/*
 * Until libtern has them (issue 12 lands in pieces): the client stubs of
 * requests the shell uses, as weak definitions that report "not
 * supported", so the shell falls back to what the older servers can do.
 * libtern's own (strong) definitions replace these as soon as they exist;
 * this file goes once they all do.
 */
#include <proto/fs.h>
#include <proto/init.h>

__attribute__((weak)) long init_spawn_io(uint64_t ep, const char *const *argv, int argc, const char *cwd,
					 const uint64_t io[3])
{
	(void)cwd;
	(void)io;
	return init_spawn(ep, argv, argc);
}

__attribute__((weak)) long init_watch(uint64_t ep, uint64_t id, uint64_t note)
{
	(void)ep;
	(void)id;
	(void)note;
	return -E_BAD_SYSCALL;
}

__attribute__((weak)) long fs_open_stream(uint64_t ep, const char *path, unsigned flags, uint64_t slot)
{
	(void)ep;
	(void)path;
	(void)flags;
	(void)slot;
	return -E_BAD_SYSCALL;
}

__attribute__((weak)) long fs_pipe(uint64_t ep, uint64_t read_slot, uint64_t write_slot)
{
	(void)ep;
	(void)read_slot;
	(void)write_slot;
	return -E_BAD_SYSCALL;
}
