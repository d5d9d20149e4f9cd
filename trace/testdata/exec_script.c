/* SPDX-License-Identifier: MIT */
// execve of the script argv[1], whose first line is `#!INTERPRETER`.
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  char* args[] = {argv[1], NULL};
  char* env[] = {NULL};
  execve(argv[1], args, env);
  return 3;
}
