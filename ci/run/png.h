/* PPM (P6, maxval 255) to PNG, with no library: see png.c. */
#pragma once

/* Convert the PPM file in to the PNG file out; 0, or -1 with errno-style
 * reason in *why. */
int ppm_to_png(const char *in, const char *out, const char **why);
