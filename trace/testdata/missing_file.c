/* SPDX-License-Identifier: MIT */
// A failed open of a file that does not exist: argv[1]/missing.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/missing", argv[1]);
  return open(path, O_RDONLY) < 0 && errno == ENOENT ? 0 : 3;
}
