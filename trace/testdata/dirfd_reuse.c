/* SPDX-License-Identifier: MIT */
// Opens through one directory descriptor number whose directory changes, in argv[1] (which holds
// a/, b/ and c/, each with f1 to f4), each after the tracer has seen it used twice: a's descriptor
// reads a/f1 and a/f2; b's is dup2'ed over it, which reads b/f3 and b/f4; b is renamed to moved,
// and it reads moved/f1 and moved/f2 and makes moved/new; it is closed and c opened in its place,
// which reads c/f4.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int ReadTwo(int fd, const char* first, const char* second) {
  return openat(fd, first, O_RDONLY) >= 0 && openat(fd, second, O_RDONLY) >= 0;
}

int main(int argc, char** argv) {
  if (argc != 2 || chdir(argv[1]) != 0) return 2;
  int fd = open("a", O_RDONLY | O_DIRECTORY);
  if (fd < 0 || !ReadTwo(fd, "f1", "f2")) return 3;
  int b = open("b", O_RDONLY | O_DIRECTORY);
  if (b < 0 || dup2(b, fd) != fd || !ReadTwo(fd, "f3", "f4")) return 4;
  if (rename("b", "moved") != 0 || !ReadTwo(fd, "f1", "f2") || mkdirat(fd, "new", 0700) != 0)
    return 5;
  if (close(fd) != 0 || open("c", O_RDONLY | O_DIRECTORY) != fd || openat(fd, "f4", O_RDONLY) < 0)
    return 6;
  return 0;
}
