/* Pending page table changes for a task process (hosted/oplog.h). */
#include <hosted/oplog.h>
#include <stdlib.h>

int oplog_add(struct oplog *l, uint64_t va, uint64_t pa, unsigned prot)
{
	if (l->n) {
		struct wire_op *o = &l->ops[l->n - 1];
		if (o->prot == prot && o->va + o->npages * 4096 == va && (!prot || o->pa + o->npages * 4096 == pa)) {
			o->npages++;
			return 0;
		}
	}
	if (l->n == l->cap) {
		unsigned cap = l->cap ? l->cap * 2 : 64;
		struct wire_op *ops = realloc(l->ops, cap * sizeof(*ops));
		if (!ops)
			return -1;
		l->ops = ops;
		l->cap = cap;
	}
	l->ops[l->n++] = (struct wire_op){ va, prot ? pa : 0, 1, prot };
	return 0;
}

void oplog_free(struct oplog *l)
{
	free(l->ops);
	l->ops = 0;
	l->n = l->cap = 0;
}
