/* SPDX-License-Identifier: MIT */
// Opens and mkdirs through a symlink that changes between them, in argv[1] (which holds x/f, y/f
// and z/f): l -> x, then l removed and made again -> y, then a link t -> z renamed over l. Each
// path through l must be resolved as the file system stood at that call.
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2 || chdir(argv[1]) != 0) return 2;
  if (symlink("x", "l") != 0 || open("l/f", O_RDONLY) < 0 || mkdir("l/d1", 0700) != 0) return 3;
  if (unlink("l") != 0 || symlink("y", "l") != 0 || open("l/f", O_RDONLY) < 0 ||
      mkdir("l/d2", 0700) != 0)
    return 4;
  if (symlink("z", "t") != 0 || rename("t", "l") != 0 || open("l/f", O_RDONLY) < 0 ||
      mkdir("l/d3", 0700) != 0)
    return 5;
  return 0;
}
