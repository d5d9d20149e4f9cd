/* SPDX-License-Identifier: MIT */
/* Tries one TCP bind or connect on 127.0.0.1 and says whether Landlock allowed it, for the inline
 * grant tests: `tcp_probe bind|connect PORT` prints `allowed` (the call passed Landlock's check:
 * it succeeded, or failed for another reason such as EADDRINUSE or ECONNREFUSED) or `denied`
 * (EACCES), and exits 0; anything else prints the errno and exits 2. */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((unsigned short)atoi(argv[2]));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int result = strcmp(argv[1], "bind") == 0
                   ? bind(fd, (struct sockaddr*)&address, sizeof address)
                   : connect(fd, (struct sockaddr*)&address, sizeof address);
  if (result == 0 || errno == EADDRINUSE || errno == ECONNREFUSED) {
    puts("allowed");
    return 0;
  }
  if (errno == EACCES) {
    puts("denied");
    return 0;
  }
  printf("error %d\n", errno);
  return 2;
}
