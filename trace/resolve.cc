// SPDX-License-Identifier: MIT
#include "trace/resolve.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace landlockc::trace {
namespace {

constexpr int kMaxSymlinks = 40;

std::string ReadLink(const std::string& path) {
  char buffer[4096];
  ssize_t length = readlink(path.c_str(), buffer, sizeof buffer);
  if (length <= 0 || static_cast<size_t>(length) >= sizeof buffer) return {};
  return std::string(buffer, static_cast<size_t>(length));
}

// The components of `path`, in order, without empty ones.
std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

void PopLast(std::string& resolved) {
  size_t slash = resolved.rfind('/');
  resolved.resize(slash == 0 || slash == std::string::npos ? 1 : slash);
}

void Append(std::string& resolved, std::string_view part) {
  if (resolved.back() != '/') resolved += '/';
  resolved += part;
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

std::string ResolvePath(std::string_view path, bool follow_last) {
  // Components still to walk, last first, so a symlink's target is pushed in front of the rest.
  std::vector<std::string> pending = Split(path);
  std::reverse(pending.begin(), pending.end());
  std::string resolved = "/";
  int links = 0;
  bool exists = true;
  while (!pending.empty()) {
    std::string part = std::move(pending.back());
    pending.pop_back();
    if (part == ".") continue;
    if (part == "..") {
      PopLast(resolved);
      continue;
    }
    Append(resolved, part);
    bool last = pending.empty();
    if (!exists || (last && !follow_last)) continue;
    struct stat status;
    if (lstat(resolved.c_str(), &status) != 0) {
      exists = false;
      continue;
    }
    if (!S_ISLNK(status.st_mode) || ++links > kMaxSymlinks) continue;
    std::string target = ReadLink(resolved);
    if (target.empty()) continue;
    PopLast(resolved);
    if (target.front() == '/') resolved = "/";
    std::vector<std::string> target_parts = Split(target);
    for (auto it = target_parts.rbegin(); it != target_parts.rend(); ++it)
      pending.push_back(std::move(*it));
  }
  return resolved;
}

std::string ParentOf(std::string_view path) {
  std::string parent(path);
  PopLast(parent);
  return parent;
}

}  // namespace landlockc::trace
