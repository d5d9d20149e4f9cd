// SPDX-License-Identifier: MIT
#include "trace/access.h"

#include <cstring>

namespace landlockc::trace {

std::string_view AccessKindName(AccessKind kind) {
  switch (kind) {
    case AccessKind::kReadFile:
      return "read_file";
    case AccessKind::kWriteFile:
      return "write_file";
    case AccessKind::kReadDir:
      return "read_dir";
    case AccessKind::kExecute:
      return "execute";
    case AccessKind::kTruncate:
      return "truncate";
    case AccessKind::kIoctlDev:
      return "ioctl_dev";
    case AccessKind::kMakeReg:
      return "make_reg";
    case AccessKind::kMakeDir:
      return "make_dir";
    case AccessKind::kMakeSym:
      return "make_sym";
    case AccessKind::kMakeSock:
      return "make_sock";
    case AccessKind::kMakeFifo:
      return "make_fifo";
    case AccessKind::kMakeChar:
      return "make_char";
    case AccessKind::kMakeBlock:
      return "make_block";
    case AccessKind::kRemoveFile:
      return "remove_file";
    case AccessKind::kRemoveDir:
      return "remove_dir";
    case AccessKind::kRefer:
      return "refer";
    case AccessKind::kResolveUnix:
      return "resolve_unix";
    case AccessKind::kLookup:
      return "lookup";
    case AccessKind::kBindTcp:
      return "bind_tcp";
    case AccessKind::kConnectTcp:
      return "connect_tcp";
    case AccessKind::kBindUdp:
      return "bind_udp";
    case AccessKind::kConnectUdp:
      return "connect_send_udp";
    case AccessKind::kAbstractUnixSocket:
      return "abstract_unix_socket";
    case AccessKind::kSignal:
      return "signal";
  }
  return "?";
}

std::string DescribeAccess(const Access& access) {
  std::string text(AccessKindName(access.kind));
  text += ' ';
  switch (access.kind) {
    case AccessKind::kBindTcp:
    case AccessKind::kConnectTcp:
    case AccessKind::kBindUdp:
    case AccessKind::kConnectUdp:
      text += "port " + std::to_string(access.port);
      break;
    case AccessKind::kAbstractUnixSocket:
      text += "@" + access.path;
      break;
    case AccessKind::kSignal:
      text += "pid " + access.path;
      break;
    default:
      text += access.path;
  }
  text += " (" + access.syscall + ")";
  if (access.error != 0) {
    const char* name = strerrorname_np(access.error);
    text += " -> ";
    text += name ? name : std::to_string(access.error);
  }
  return text;
}

}  // namespace landlockc::trace
