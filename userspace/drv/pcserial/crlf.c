/* "\n" to "\r\n" on a terminal's output (crlf.h). */
#include "crlf.h"

size_t crlf_expand(bool *last_cr, const uint8_t *in, size_t n, uint8_t *out)
{
	size_t k = 0;
	bool cr = *last_cr;
	for (size_t i = 0; i < n; i++) {
		if (in[i] == '\n' && !cr)
			out[k++] = '\r';
		out[k++] = in[i];
		cr = in[i] == '\r';
	}
	*last_cr = cr;
	return k;
}
