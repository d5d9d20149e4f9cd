/* SPDX-License-Identifier: MIT */
/* A C99 program that applies its own compiled policy with the runtime, linked with `cc` alone.
 * Exit 0 when the policy is enforced as written, 77 (skip) when the kernel has no Landlock,
 * anything else on failure. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <landlockc/runtime.h>

#include "c_link_policy.h"

static int readable(const char* path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  close(fd);
  return 0;
}

int main(void) {
  struct landlockc_probe_info info;
  struct landlockc_report report;
  int error;
  if (landlockc_probe(&info) == 0) {
    printf("skipped: no Landlock (errno %d)\n", info.error);
    return 77;
  }
  error = landlockc_apply(c_link_policy, c_link_policy_size, NULL, &report);
  if (error != 0) {
    fprintf(stderr, "landlockc_apply: %s: %s\n", landlockc_strerror(error), report.message);
    return 1;
  }
  if (report.status != LANDLOCKC_FULLY_ENFORCED || report.rules_added != 1) {
    fprintf(stderr, "unexpected report: %s, %lu rules\n", landlockc_status_name(report.status),
            report.rules_added);
    return 2;
  }
  if (readable("/usr/include/stdio.h") != 0 && readable("/usr/bin/env") != 0) return 3;
  if (readable("/etc/passwd") != EACCES) return 4;
  if (execl("/usr/bin/true", "true", (char*)NULL) == 0 || errno != EACCES) return 5;
  puts("applied: /usr readable, /etc/passwd and execution denied");
  return 0;
}
