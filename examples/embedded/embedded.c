/* SPDX-License-Identifier: MIT */
/*
 * A program that sandboxes itself with the Landlock policy compiled into it (embedded.landlock,
 * by landlockc_add_policy in CMakeLists.txt). After one landlockc_apply() call it may read under
 * $EMBEDDED_DATA and nothing else of the file system outside what std/runtime.landlock allows.
 *
 * Usage: EMBEDDED_DATA=DIR embedded FILE...
 * Prints the first line of each FILE it may read, and the error of each it may not. Exits 0 when
 * every FILE was read, 1 when the policy could not be applied, 2 when some FILE could not be read.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <landlockc/runtime.h>

#include "embedded_policy.h"

static int print_first_line(const char* path) {
  FILE* file = fopen(path, "r");
  if (file == NULL) {
    printf("%s: %s\n", path, strerror(errno));
    return 0;
  }
  char line[256] = "";
  if (fgets(line, sizeof line, file) != NULL) line[strcspn(line, "\n")] = '\0';
  fclose(file);
  printf("%s: %s\n", path, line);
  return 1;
}

int main(int argc, char** argv) {
  struct landlockc_report report;
  if (landlockc_apply(embedded_policy, embedded_policy_size, NULL, &report) != 0) {
    fprintf(stderr, "embedded: cannot apply the policy: %s\n", report.message);
    return 1;
  }
  printf("policy %s (Landlock ABI %d)\n", landlockc_status_name(report.status), report.kernel_abi);
  int all_read = 1;
  for (int i = 1; i < argc; ++i) all_read &= print_first_line(argv[i]);
  return all_read ? 0 : 2;
}
