/* The console= list of the kernel command line (pure; unit-tested). */
#pragma once

enum { CONS_COM1, CONS_COM2, CONS_SCREEN, CONS_COUNT };

/* The name of console id (CONS_*). */
const char *conslist_name(int id);
/* Parse "com2,screen" into ids, in order, each once; returns how many. The
 * first name that is not a console is copied into bad (else bad is ""). */
int conslist_parse(const char *s, int *ids, int max, char *bad, unsigned long badsize);
