/* PCID bookkeeping: see pcid.h for the rules that make a no-flush load safe. */
#include <pcid.h>

#define STALE 1ull

unsigned pcid_of(uint64_t root) { return 1 + (unsigned)((root >> 12) % PCID_SLOTS); }

uint64_t pcid_cr3(struct pcid_table *t, uint64_t root)
{
	unsigned pcid = pcid_of(root);
	uint64_t *s = &t->slot[pcid - 1];
	uint64_t keep = *s == root ? PCID_NOFLUSH : 0;  /* a stale or another root's: flush */
	*s = root;
	return root | pcid | keep;
}

void pcid_changed(struct pcid_table *t, uint64_t root)
{
	uint64_t *s = &t->slot[pcid_of(root) - 1];
	if (*s == root)
		*s = root | STALE;      /* no longer equal to root: the next load flushes */
}

void pcid_forget(struct pcid_table *t, uint64_t root)
{
	uint64_t *s = &t->slot[pcid_of(root) - 1];
	if ((*s & ~STALE) == root)
		*s = 0;
}
