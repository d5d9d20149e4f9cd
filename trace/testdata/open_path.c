/* SPDX-License-Identifier: MIT */
// Opens argv[1] for reading, as it is (any length): exits with the errno of the open, 0 when it
// succeeded.
#include <errno.h>
#include <fcntl.h>

int main(int argc, char** argv) {
  if (argc != 2) return 255;
  return open(argv[1], O_RDONLY) < 0 ? errno : 0;
}
