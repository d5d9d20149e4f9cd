/* SPDX-License-Identifier: MIT */
// Holds argv[2] directory descriptors open at once, on d0/ ... in argv[1] (each with a file f), and
// reads f through each twice, so that the tracer wants a duplicate of every one; then renames
// each directory dN to mN and reads f through its descriptor again: the tracer must name every
// descriptor right, those it holds a duplicate of and those past its bound alike.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 3 || chdir(argv[1]) != 0) return 2;
  int count = atoi(argv[2]);
  int fds[1024];
  if (count < 1 || count > 1024) return 2;
  char name[32], moved[32];
  for (int i = 0; i < count; ++i) {
    snprintf(name, sizeof name, "d%d", i);
    fds[i] = open(name, O_RDONLY | O_DIRECTORY);
    if (fds[i] < 0 || openat(fds[i], "f", O_RDONLY) < 0 || openat(fds[i], "f", O_RDONLY) < 0)
      return 3;
  }
  for (int i = 0; i < count; ++i) {
    snprintf(name, sizeof name, "d%d", i);
    snprintf(moved, sizeof moved, "m%d", i);
    if (rename(name, moved) != 0 || openat(fds[i], "f", O_RDONLY) < 0) return 4;
  }
  return 0;
}
