/* SPDX-License-Identifier: MIT */
// Lookups: stat of argv[1]/file and access to argv[1]/missing.
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  char file[4096], missing[4096];
  snprintf(file, sizeof file, "%s/file", argv[1]);
  snprintf(missing, sizeof missing, "%s/missing", argv[1]);
  struct stat status;
  if (stat(file, &status) != 0) return 3;
  return access(missing, R_OK) != 0 ? 0 : 4;
}
