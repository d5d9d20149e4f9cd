/* SPDX-License-Identifier: MIT */
// One of each remaining traced call, in argv[1] (which holds a/ and b/ and file): openat2,
// symlinkat, linkat across directories, mknodat of a fifo, renameat2 with RENAME_EXCHANGE,
// truncate, unlinkat of a file and of a directory, ioctl on /dev/null, UDP connect and sendto
// over IPv4 to port argv[2], and execveat of /bin/true.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 3 || chdir(argv[1]) != 0) return 2;
  struct open_how how = {.flags = O_RDONLY};
  if (syscall(SYS_openat2, AT_FDCWD, "file", &how, sizeof how) < 0) return 3;
  if (symlinkat("file", AT_FDCWD, "a/link") != 0) return 4;
  if (linkat(AT_FDCWD, "file", AT_FDCWD, "b/hard", 0) != 0) return 5;
  if (mknodat(AT_FDCWD, "a/fifo", S_IFIFO | 0600, 0) != 0) return 6;
  if (renameat2(AT_FDCWD, "a/link", AT_FDCWD, "b/hard", RENAME_EXCHANGE) != 0) return 7;
  if (truncate("file", 0) != 0) return 8;
  if (unlinkat(AT_FDCWD, "a/fifo", 0) != 0 || mkdir("a/dir", 0700) != 0 ||
      unlinkat(AT_FDCWD, "a/dir", AT_REMOVEDIR) != 0)
    return 9;
  int null = open("/dev/null", O_RDONLY);
  struct termios termios;
  ioctl(null, TCGETS, &termios);  // fails with ENOTTY, after Landlock would have checked it
  struct sockaddr_in address = {.sin_family = AF_INET,
                                .sin_port = htons((unsigned short)atoi(argv[2])),
                                .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  if (connect(udp, (struct sockaddr*)&address, sizeof address) != 0) return 10;
  int other = socket(AF_INET, SOCK_DGRAM, 0);
  address.sin_port = htons((unsigned short)(atoi(argv[2]) + 1));
  sendto(other, "x", 1, 0, (struct sockaddr*)&address, sizeof address);
  char* args[] = {"true", NULL};
  char* env[] = {NULL};
  syscall(SYS_execveat, AT_FDCWD, "/bin/true", args, env, 0);
  return 11;
}
