// The tests' process starter. Foundation's Process on Linux (this toolchain's) reads each
// /proc/self/fd entry as a whole 256-byte struct and crashes the test process now and then
// when an entry ends a page (swift-corelibs-foundation #5472), and it changes the whole
// process's working directory while it starts a child. posix_spawn with the GNU file
// actions below does neither; they are not visible to Swift without _GNU_SOURCE, hence C.
#define _GNU_SOURCE
#include "cspawn.h"

#include <signal.h>
#include <spawn.h>
#include <string.h>

int cspawn(const char *path, char *const argv[], char *const envp[], const char *directory,
           int in, int out, int err, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    if (result == 0) result = posix_spawn_file_actions_adddup2(&actions, in, 0);
    if (result == 0) result = posix_spawn_file_actions_adddup2(&actions, out, 1);
    if (result == 0) result = posix_spawn_file_actions_adddup2(&actions, err, 2);
    if (result == 0) result = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (result == 0 && directory != NULL) result = posix_spawn_file_actions_addchdir_np(&actions, directory);
    if (result == 0) result = posix_spawnattr_setsigdefault(&attributes, &all);
    if (result == 0) result = posix_spawnattr_setsigmask(&attributes, &none);
    if (result == 0) result = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
    if (result == 0) {
        result = strchr(path, '/') != NULL ? posix_spawn(pid, path, &actions, &attributes, argv, envp)
                                           : posix_spawnp(pid, path, &actions, &attributes, argv, envp);
    }
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}
