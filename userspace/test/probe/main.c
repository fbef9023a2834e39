/* A trivial service for the init test: provides "probesvc" and answers
 * every call with its label plus one. */
#include <tern/program.h>
#include <tern/sys.h>

int main(void)
{
	struct tern_msg m;
	tern_recv(PROG_CAP(0), &m);
	for (;;) {
		m.info = MSG_INFO(MSG_LABEL(m.info) + 1, 0, 0);
		tern_reply_recv(PROG_CAP(0), &m);
	}
}
