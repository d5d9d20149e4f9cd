/* SPDX-License-Identifier: MIT */
// Works in the file system mounted at argv[1] through a directory descriptor (used twice, so that
// the tracer holds a duplicate of it), closes it, and unmounts the file system: exits 0 when the
// unmount succeeded, 4 when it failed (EBUSY: the tracer still held the directory).
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  int fd = open(argv[1], O_RDONLY | O_DIRECTORY);
  if (fd < 0 || openat(fd, "x", O_WRONLY | O_CREAT, 0600) < 0 || openat(fd, "x", O_RDONLY) < 0)
    return 3;
  close(fd);
  for (int other = 3; other < 64; ++other) close(other);
  return umount2(argv[1], 0) == 0 ? 0 : 4;
}
