/*
 * Path names: the file system takes only absolute paths, so every program
 * makes its arguments absolute against its working directory (the shell's
 * own, or prog_info->cwd: tern/tool.h). Pure code, unit-tested with the
 * shell's word splitter (ci/unit/test_shparse.c).
 */
#pragma once
#include <stddef.h>

/*
 * Write into out (size bytes) the absolute form of path, relative to the
 * absolute directory cwd unless path starts with '/': "." and empty
 * components vanish, ".." drops the one before it (and stays at "/").
 * Returns 0, or -1 if the result does not fit.
 */
int path_resolve(const char *cwd, const char *path, char *out, size_t size);
