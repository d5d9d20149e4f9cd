// SPDX-License-Identifier: MIT
#include "trace/tracee.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "lint/host_paths.h"
#include "lint/preflight.h"
#include "trace/resolve.h"

namespace landlockc::trace {

bool LiveTracee::ReadMemory(uint64_t address, void* buffer, size_t length) {
  iovec local{buffer, length};
  iovec remote{reinterpret_cast<void*>(address), length};
  return process_vm_readv(pid_, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(length);
}

std::string LiveTracee::ProcLink(std::string_view link) { return trace::ProcLink(pid_, link); }

std::string LiveTracee::BaseDirectory(int dirfd) {
  return ProcLink(dirfd == AT_FDCWD ? "cwd" : "fd/" + std::to_string(dirfd));
}

std::optional<mode_t> LiveTracee::DescriptorType(int64_t fd) {
  struct stat status;
  if (stat(ProcPath(pid_, "fd/" + std::to_string(fd)).c_str(), &status) != 0) return std::nullopt;
  return status.st_mode & S_IFMT;
}

std::optional<SocketKind> LiveTracee::Socket(int64_t fd) {
  // Asks the socket itself, through a duplicate of the process's descriptor (pidfd_getfd takes
  // the thread group's id).
  pid_t tgid = pid_;
  std::ifstream status(ProcPath(pid_, "status"));
  for (std::string line; std::getline(status, line);)
    if (line.rfind("Tgid:", 0) == 0) tgid = static_cast<pid_t>(std::atoi(line.c_str() + 5));
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, tgid, 0));
  if (pidfd < 0) return std::nullopt;
  int socket = static_cast<int>(syscall(SYS_pidfd_getfd, pidfd, static_cast<int>(fd), 0));
  close(pidfd);
  if (socket < 0) return std::nullopt;
  SocketKind kind;
  socklen_t size = sizeof kind.type;
  bool known = getsockopt(socket, SOL_SOCKET, SO_TYPE, &kind.type, &size) == 0;
  size = sizeof kind.protocol;
  known = known && getsockopt(socket, SOL_SOCKET, SO_PROTOCOL, &kind.protocol, &size) == 0;
  close(socket);
  if (!known) return std::nullopt;
  return kind;
}

int64_t LiveTracee::PidfdTarget(int64_t fd) {
  std::ifstream info(ProcPath(pid_, "fdinfo/" + std::to_string(fd)));
  for (std::string line; std::getline(info, line);)
    if (line.rfind("Pid:", 0) == 0) return std::atoll(line.c_str() + 4);
  std::string link = ProcLink("fd/" + std::to_string(fd));
  if (link.size() > 6 && link.rfind("/proc/", 0) == 0 &&
      link.find_first_not_of("0123456789", 6) == std::string::npos)
    return std::atoll(link.c_str() + 6);
  return 0;
}

std::optional<mode_t> LiveTracee::FileType(const std::string& path, bool follow) {
  struct stat status;
  if ((follow ? stat(path.c_str(), &status) : lstat(path.c_str(), &status)) != 0)
    return std::nullopt;
  return status.st_mode & S_IFMT;
}

std::string LiveTracee::Resolve(const std::string& path, bool follow) {
  return lint::ResolveOnHost(path, follow ? lint::LastLink::kFollow : lint::LastLink::kKeep).path;
}

std::optional<HostFile> LiveTracee::OpenedOnHost(const std::string&, bool) { return std::nullopt; }

std::string LiveTracee::InterpreterOf(const std::string& path) {
  bool script = false;
  return lint::InterpreterOf(path, script);
}

}  // namespace landlockc::trace
