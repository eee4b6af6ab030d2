#ifndef CSPAWN_H
#define CSPAWN_H

#include <sys/types.h>

/// Starts `path` (searched in PATH when it holds no '/') with `argv` and `envp`, in
/// `directory` when it is not NULL, with the descriptors `in`, `out` and `err` as its
/// standard input, output and error and every other descriptor closed, default signal
/// dispositions, an empty signal mask, and a process group of its own.
/// Returns 0 and sets `*pid`, or an errno value.
int cspawn(const char *path, char *const argv[], char *const envp[], const char *directory,
           int in, int out, int err, pid_t *pid);

#endif
