/* SPDX-License-Identifier: MIT */
// Exits with status argv[1], or kills itself with signal argv[2] when given.
#include <signal.h>
#include <stdlib.h>

int main(int argc, char** argv) {
  if (argc == 3) raise(atoi(argv[2]));
  return argc >= 2 ? atoi(argv[1]) : 0;
}
