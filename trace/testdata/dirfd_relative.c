/* SPDX-License-Identifier: MIT */
// Relative paths through a dirfd: argv[1] holds sub/file.txt.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2 || chdir(argv[1]) != 0) return 2;
  int dir = open("sub", O_RDONLY | O_DIRECTORY);
  if (dir < 0) return 3;
  int file = openat(dir, "file.txt", O_RDONLY);
  int created = openat(dir, "new.txt", O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (file < 0 || created < 0 || mkdirat(dir, "made", 0700) != 0) return 4;
  return 0;
}
