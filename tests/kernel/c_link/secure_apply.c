/* SPDX-License-Identifier: MIT */
/* Installed set-user-ID and run by another user, so that the kernel marks it AT_SECURE: applies the
 * blob in the file argv[1] with the default environment, where a set-user-ID process must expand
 * no variable. Exit 0 when applying fails with LANDLOCKC_ERR_SECURE and the message argv[2], 77
 * (skip) when the process is not AT_SECURE (say, on a nosuid file system), anything else on
 * failure. Linked with `cc` alone, like apply_blob.c. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <landlockc/runtime.h>

int main(int argc, char** argv) {
  static unsigned char blob[65536];
  struct landlockc_report report;
  ssize_t size;
  int fd;
  int error;
  if (argc != 3) return 2;
  if (getauxval(AT_SECURE) == 0) {
    printf("skipped: not AT_SECURE\n");
    return 77;
  }
  fd = open(argv[1], O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 3;
  size = read(fd, blob, sizeof(blob));
  close(fd);
  if (size <= 0) return 4;
  error = landlockc_apply(blob, (size_t)size, NULL, &report);
  if (error != LANDLOCKC_ERR_SECURE || report.status != LANDLOCKC_NOT_ENFORCED) {
    fprintf(stderr, "landlockc_apply returned %d (%s)\n", error, report.message);
    return 5;
  }
  if (strcmp(report.message, argv[2]) != 0) {
    fprintf(stderr, "message: %s\nexpected: %s\n", report.message, argv[2]);
    return 6;
  }
  return 0;
}
