/* SPDX-License-Identifier: MIT */
// Sets up an io_uring (and submits nothing): the tracer must report that it cannot see what goes
// through one. Exits 3 when the kernel refuses io_uring.
#include <linux/io_uring.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  struct io_uring_params params = {0};
  int ring = (int)syscall(SYS_io_uring_setup, 4, &params);
  if (ring < 0) return 3;
  close(ring);
  return 0;
}
