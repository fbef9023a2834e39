/*
 * test/kbdsink: stands in for the screen terminal in the keyboard test
 * (ci/scenarios/ps2kbd.run): it provides "screen_input" and prints every
 * push from drv/ps2kbd as one line, control bytes escaped (\r, \e, \xNN),
 * so the run tool can check what each key made. It answers E_BAD_ARG to a
 * malformed push, as a terminal must.
 */
#include <proto/input.h>
#include <stdbool.h>
#include <stdio.h>
#include <tern/program.h>

#define SINK_EP PROG_CAP(0)

static void show(const uint8_t *b, size_t n)
{
	char line[INPUT_CHUNK * 4 + 1];
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (b[i] == '\r')
			o += (size_t)snprintf(line + o, sizeof(line) - o, "\\r");
		else if (b[i] == 0x1b)
			o += (size_t)snprintf(line + o, sizeof(line) - o, "\\e");
		else if (b[i] < 0x20 || b[i] >= 0x7f)
			o += (size_t)snprintf(line + o, sizeof(line) - o, "\\x%02x", b[i]);
		else
			line[o++] = (char)b[i];
	}
	line[o] = '\0';
	printf("kbdsink: [%s]\n", line);
}

int main(void)
{
	struct tern_msg m;
	bool reply = false;
	printf("kbdsink: ready\n");
	for (;;) {
		int err = reply ? tern_reply_recv(SINK_EP, &m) : tern_recv(SINK_EP, &m);
		reply = false;
		if (err || (m.info & MSG_FROM_NOTE))
			continue;
		uint64_t n = m.mr[0];
		unsigned words = MSG_LEN(m.info);
		if (MSG_LABEL(m.info) != INPUT_PUSH || !n || n > INPUT_CHUNK || words < 1 + (n + 7) / 8) {
			m.info = MSG_INFO(E_BAD_ARG, 0, 0);
		} else {
			uint8_t bytes[INPUT_CHUNK];
			msg_get_bytes(&m, 1, bytes, n);
			show(bytes, n);
			m.info = MSG_INFO(0, 0, 0);
		}
		reply = true;
	}
}
