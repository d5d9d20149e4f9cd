// SPDX-License-Identifier: MIT
#include "learn/needs.h"

#include <cctype>
#include <cerrno>

#include "lint/paths.h"
#include "runtime/abi_table.h"
#include "runtime/uapi.h"

namespace landlockc::learn {
namespace {

using trace::AccessKind;

// `/proc/1234/maps` -> `/proc/self/maps`.
std::string SelfProc(const std::string& path) {
  if (path.rfind("/proc/", 0) != 0) return path;
  size_t end = 6;
  while (end < path.size() && std::isdigit(static_cast<unsigned char>(path[end]))) ++end;
  if (end == 6 || (end < path.size() && path[end] != '/')) return path;
  return "/proc/self" + path.substr(end);
}

uint64_t MakeRight(AccessKind kind) {
  switch (kind) {
    case AccessKind::kMakeDir:
      return LANDLOCK_ACCESS_FS_MAKE_DIR;
    case AccessKind::kMakeSym:
      return LANDLOCK_ACCESS_FS_MAKE_SYM;
    case AccessKind::kMakeSock:
      return LANDLOCK_ACCESS_FS_MAKE_SOCK;
    case AccessKind::kMakeFifo:
      return LANDLOCK_ACCESS_FS_MAKE_FIFO;
    case AccessKind::kMakeChar:
      return LANDLOCK_ACCESS_FS_MAKE_CHAR;
    case AccessKind::kMakeBlock:
      return LANDLOCK_ACCESS_FS_MAKE_BLOCK;
    default:
      return LANDLOCK_ACCESS_FS_MAKE_REG;
  }
}

}  // namespace

std::string_view VerbText(Verb verb) {
  switch (verb) {
    case Verb::kRead:
      return "read";
    case Verb::kListed:
      return "listed";
    case Verb::kExecuted:
      return "executed";
    case Verb::kWrote:
      return "wrote";
    case Verb::kTruncated:
      return "truncated";
    case Verb::kIoctl:
      return "ioctl on";
    case Verb::kCreated:
      return "created";
    case Verb::kRemoved:
      return "removed";
    case Verb::kMoved:
      return "moved entries through";
    case Verb::kConnectedSocket:
      return "connected to";
  }
  return "?";
}

std::string_view VerbNoun(Verb verb) {
  switch (verb) {
    case Verb::kListed:
    case Verb::kMoved:
      return "directories";
    case Verb::kCreated:
    case Verb::kRemoved:
      return "entries";
    case Verb::kConnectedSocket:
      return "sockets";
    case Verb::kIoctl:
      return "devices";
    default:
      return "files";
  }
}

bool IsNeed(const trace::Access& access) {
  if (access.kind == AccessKind::kLookup) return false;
  switch (access.error) {
    case ENOENT:
    case ENOTDIR:
    case EEXIST:
    case EACCES:
    case EPERM:
      return false;
    default:
      return true;
  }
}

Needs NeedsFrom(llvm::ArrayRef<trace::Access> accesses, int abi) {
  Needs needs;
  const uint64_t fs_rights = abi::RightsForAbi(abi::Category::kFs, abi);
  const uint64_t net_rights = abi::RightsForAbi(abi::Category::kNet, abi);
  const uint64_t scopes = abi::RightsForAbi(abi::Category::kScope, abi);
  auto fs = [&](const std::string& path, uint64_t rights, lint::ObjectKind kind, Verb verb,
                const std::string& seen) {
    rights &= fs_rights;
    if (rights != 0) needs.fs.push_back({SelfProc(path), rights, kind, verb, SelfProc(seen)});
  };
  auto net = [&](const trace::Access& access, uint64_t right) {
    if (right & net_rights) needs.net.push_back({access.port, right, access.syscall});
  };
  auto scope = [&](uint64_t bit, std::string seen) {
    if (bit & scopes) needs.scopes.push_back({bit, std::move(seen)});
  };
  constexpr auto kFile = lint::ObjectKind::kFile;
  constexpr auto kDir = lint::ObjectKind::kDirectory;
  for (const trace::Access& access : accesses) {
    if (!IsNeed(access)) continue;
    const std::string& path = access.path;
    switch (access.kind) {
      case AccessKind::kReadFile:
        fs(path, LANDLOCK_ACCESS_FS_READ_FILE, kFile, Verb::kRead, path);
        break;
      case AccessKind::kReadDir:
        fs(path, LANDLOCK_ACCESS_FS_READ_DIR, kDir, Verb::kListed, path);
        break;
      case AccessKind::kExecute:
        // The kernel opens a program for execution with read access too.
        fs(path, LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE, kFile, Verb::kExecuted,
           path);
        break;
      case AccessKind::kWriteFile:
        fs(path, LANDLOCK_ACCESS_FS_WRITE_FILE, kFile, Verb::kWrote, path);
        break;
      case AccessKind::kTruncate:
        fs(path, LANDLOCK_ACCESS_FS_TRUNCATE, kFile, Verb::kTruncated, path);
        break;
      case AccessKind::kIoctlDev:
        fs(path, LANDLOCK_ACCESS_FS_IOCTL_DEV, kFile, Verb::kIoctl, path);
        break;
      case AccessKind::kResolveUnix:
        fs(path, LANDLOCK_ACCESS_FS_RESOLVE_UNIX, kFile, Verb::kConnectedSocket, path);
        break;
      case AccessKind::kMakeReg:
      case AccessKind::kMakeDir:
      case AccessKind::kMakeSym:
      case AccessKind::kMakeSock:
      case AccessKind::kMakeFifo:
      case AccessKind::kMakeChar:
      case AccessKind::kMakeBlock:
        fs(lint::ParentPath(path).str(), MakeRight(access.kind), kDir, Verb::kCreated, path);
        break;
      case AccessKind::kRemoveFile:
        fs(lint::ParentPath(path).str(), LANDLOCK_ACCESS_FS_REMOVE_FILE, kDir, Verb::kRemoved,
           path);
        break;
      case AccessKind::kRemoveDir:
        fs(lint::ParentPath(path).str(), LANDLOCK_ACCESS_FS_REMOVE_DIR, kDir, Verb::kRemoved, path);
        break;
      case AccessKind::kRefer:
        fs(path, LANDLOCK_ACCESS_FS_REFER, kDir, Verb::kMoved, path);
        break;
      case AccessKind::kBindTcp:
        net(access, LANDLOCK_ACCESS_NET_BIND_TCP);
        break;
      case AccessKind::kConnectTcp:
        net(access, LANDLOCK_ACCESS_NET_CONNECT_TCP);
        break;
      case AccessKind::kBindUdp:
        net(access, LANDLOCK_ACCESS_NET_BIND_UDP);
        break;
      case AccessKind::kConnectUdp:
        net(access, LANDLOCK_ACCESS_NET_CONNECT_SEND_UDP);
        break;
      case AccessKind::kAbstractUnixSocket:
        scope(LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET, "connected to @" + path);
        break;
      case AccessKind::kSignal:
        scope(LANDLOCK_SCOPE_SIGNAL, "signalled pid " + path + " (" + access.syscall + ")");
        break;
      case AccessKind::kLookup:
        break;
    }
  }
  return needs;
}

}  // namespace landlockc::learn
