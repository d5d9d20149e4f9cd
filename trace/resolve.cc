// SPDX-License-Identifier: MIT
#include "trace/resolve.h"

#include <fcntl.h>
#include <unistd.h>

namespace landlockc::trace {
namespace {

std::string ReadLink(const std::string& path) {
  char buffer[4096];
  ssize_t length = readlink(path.c_str(), buffer, sizeof buffer);
  if (length <= 0 || static_cast<size_t>(length) >= sizeof buffer) return {};
  return std::string(buffer, static_cast<size_t>(length));
}

}  // namespace

std::string AbsoluteIn(pid_t pid, int dirfd, std::string_view path) {
  if (!path.empty() && path.front() == '/') return std::string(path);
  std::string base =
      ReadLink(dirfd == AT_FDCWD ? "/proc/" + std::to_string(pid) + "/cwd"
                                 : "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(dirfd));
  if (base.empty() || base.front() != '/') return {};
  if (path.empty()) return base;
  return base + "/" + std::string(path);
}

}  // namespace landlockc::trace
