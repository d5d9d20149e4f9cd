/* SPDX-License-Identifier: MIT */
/*
 * raw_exec RULES CMD [ARG]...: the baseline `scripts/bench-compare` sets `landlockc-exec` against.
 * A C program making the system calls a launcher must make, with no blob, no validation, no
 * variables and no report: the rules come decoded in a text file (first line: the layer's handled
 * filesystem rights; then one `RIGHTS PATH` line per rule, rights as a decimal kernel mask), read
 * in one go as a blob is. Then the ABI probe, landlock_create_ruleset, open(O_PATH) + fstat +
 * landlock_add_rule + close per path (rights narrowed to file rights on a non-directory, as the
 * runtime does), no_new_privs, landlock_restrict_self, and execvp.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The rights that apply to a file (not a directory): execute, write_file, read_file, truncate,
 * ioctl_dev. */
#define FILE_RIGHTS                                                                            \
  (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE | \
   (1ull << 14) | (1ull << 15))

static int Fail(const char* what) {
  perror(what);
  return 125;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: raw_exec RULES CMD [ARG]...\n");
    return 125;
  }
  int file = open(argv[1], O_RDONLY | O_CLOEXEC);
  struct stat status;
  if (file < 0 || fstat(file, &status) != 0) return Fail(argv[1]);
  char* text = malloc((size_t)status.st_size + 1);
  if (text == NULL || read(file, text, (size_t)status.st_size) != status.st_size)
    return Fail(argv[1]);
  text[status.st_size] = '\0';
  close(file);

  if (syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) < 0)
    return Fail("landlock ABI probe");
  char* line = text;
  struct landlock_ruleset_attr attributes = {.handled_access_fs = strtoull(line, &line, 10)};
  int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attributes, sizeof attributes, 0);
  if (ruleset < 0) return Fail("landlock_create_ruleset");
  while (*line == '\n') {
    uint64_t rights = strtoull(line + 1, &line, 10);
    if (*line != ' ') break;
    char* path = line + 1;
    line = strchrnul(path, '\n');
    char end = *line;
    *line = '\0';
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return Fail(path);
    if (fstat(fd, &status) != 0) return Fail(path);
    if (!S_ISDIR(status.st_mode)) rights &= FILE_RIGHTS;
    struct landlock_path_beneath_attr rule = {.allowed_access = rights, .parent_fd = fd};
    if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) != 0)
      return Fail("landlock_add_rule");
    close(fd);
    *line = end;
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return Fail("no_new_privs");
  if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) return Fail("landlock_restrict_self");
  close(ruleset);
  execvp(argv[2], argv + 2);
  return Fail(argv[2]);
}
