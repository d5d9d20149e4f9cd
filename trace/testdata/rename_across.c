/* SPDX-License-Identifier: MIT */
// A rename across directories: argv[1]/a/f moves to argv[1]/b/f.
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  char from[4096], to[4096];
  snprintf(from, sizeof from, "%s/a/f", argv[1]);
  snprintf(to, sizeof to, "%s/b/f", argv[1]);
  return rename(from, to) == 0 ? 0 : 3;
}
