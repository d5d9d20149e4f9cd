// SPDX-License-Identifier: MIT
#include "trace/resolve.h"

#include <limits.h>
#include <unistd.h>

#include "trace/tracee.h"

namespace landlockc::trace {

std::string ProcPath(pid_t pid, std::string_view rest) {
  return "/proc/" + std::to_string(pid) + "/" + std::string(rest);
}

std::string ProcLink(pid_t pid, std::string_view rest) {
  char buffer[PATH_MAX];
  ssize_t length = readlink(ProcPath(pid, rest).c_str(), buffer, sizeof buffer);
  if (length <= 0 || static_cast<size_t>(length) >= sizeof buffer) return {};
  return std::string(buffer, static_cast<size_t>(length));
}

std::string AbsoluteIn(std::string_view base, std::string_view path) {
  if (!path.empty() && path.front() == '/') return std::string(path);
  if (base.empty() || base.front() != '/') return {};
  if (path.empty()) return std::string(base);
  return std::string(base) + "/" + std::string(path);
}

std::string AbsoluteIn(Tracee& tracee, int dirfd, std::string_view path) {
  if (!path.empty() && path.front() == '/') return std::string(path);
  return AbsoluteIn(tracee.BaseDirectory(dirfd), path);
}

}  // namespace landlockc::trace
