// SPDX-License-Identifier: MIT
// Fuzzes the tracer's decoder (trace/decode.h): one stopped system call, its arguments and result,
// and every answer about the process (its memory, working directory, descriptors, sockets) and the
// file system come from the input, as a traced program controls them. Any input decodes to
// accesses or to none, with no crash, out-of-bounds read or undefined behaviour, and the accesses
// are well formed (below).
//
// Input (little-endian; tests/fuzz/make_trace_event_seeds.py writes the seeds):
//   0   1  architecture: 0 the native one, 1 the other the tracer knows, else i386
//   1   1  the call: index into TracedSyscalls(); past its end, bytes 2..3 are the raw number
//   2   2  raw system call number
//   4   1  bit 0: the call failed; bit 1: odd pids are traced (else even ones); bits 2..4: what
//          every open descriptor (0..63) is (regular, directory, char, block, socket, fifo,
//          symlink, closed); bits 5..6: what socket (TCP, UDP, unix, none); bit 7: the host
//          names what an open opened (OpenedOnHost answers, else the descriptor is asked)
//   5   1  which paths exist, and as what: mixed into a hash of each path asked about
//   6   2  the process every open descriptor that is a pidfd refers to (0: unknown)
//   8  48  the six arguments
//  56   8  the result
//  64   2  n: the length of the answers that follow, NUL-separated strings: the working directory,
//          the path every open descriptor links to, then what InterpreterOf answers, call by call
//  66   n  the answers
//  66+n    the process's memory, at address kMemoryBase
#include <fcntl.h>
#include <linux/audit.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_support.h"
#include "trace/decode.h"

namespace {

using landlockc::fuzz::Fail;
using namespace landlockc::trace;  // NOLINT

constexpr uint64_t kMemoryBase = 0x10000;
constexpr size_t kHeaderSize = 66;
constexpr int64_t kOpenDescriptors = 64;

uint64_t Load(const uint8_t* data, size_t size) {
  uint64_t value = 0;
  for (size_t i = 0; i < size; ++i) value |= uint64_t{data[i]} << (8 * i);
  return value;
}

class InputTracee : public Tracee {
 public:
  InputTracee(uint8_t answers, uint8_t files, int64_t pidfd_target,
              std::vector<std::string> strings, const uint8_t* memory, size_t memory_size)
      : answers_(answers),
        files_(files),
        pidfd_target_(pidfd_target),
        strings_(std::move(strings)),
        memory_(memory),
        memory_size_(memory_size) {}

  bool ReadMemory(uint64_t address, void* buffer, size_t length) override {
    if (address < kMemoryBase || address - kMemoryBase > memory_size_ ||
        length > memory_size_ - (address - kMemoryBase))
      return false;
    if (length != 0) std::memcpy(buffer, memory_ + (address - kMemoryBase), length);
    return true;
  }
  std::string ProcLink(std::string_view link) override {
    if (link == "cwd") return String(0);
    if (link.substr(0, 3) != "fd/") Fail("a link of /proc/PID that is no descriptor", link);
    std::string number(link.substr(3));
    char* end = nullptr;
    long long fd = std::strtoll(number.c_str(), &end, 10);
    if (*end != '\0' || number.empty()) Fail("a descriptor link that is no number", link);
    return Open(fd) ? String(1) : "";
  }
  std::string BaseDirectory(int dirfd) override {
    return ProcLink(dirfd == AT_FDCWD ? "cwd" : "fd/" + std::to_string(dirfd));
  }
  std::optional<mode_t> DescriptorType(int64_t fd) override {
    static constexpr mode_t kTypes[] = {S_IFREG,  S_IFDIR, S_IFCHR, S_IFBLK,
                                        S_IFSOCK, S_IFIFO, S_IFLNK};
    unsigned type = (answers_ >> 2) & 7;
    if (!Open(fd) || type >= std::size(kTypes)) return std::nullopt;
    return kTypes[type];
  }
  std::optional<SocketKind> Socket(int64_t fd) override {
    switch ((answers_ >> 5) & 3) {
      case 0:
        return Open(fd) ? std::optional<SocketKind>({SOCK_STREAM, IPPROTO_TCP}) : std::nullopt;
      case 1:
        return Open(fd) ? std::optional<SocketKind>({SOCK_DGRAM, IPPROTO_UDP}) : std::nullopt;
      case 2:
        return Open(fd) ? std::optional<SocketKind>({SOCK_STREAM, 0}) : std::nullopt;
      default:
        return std::nullopt;
    }
  }
  bool IsTraced(int64_t pid) override { return (pid & 1) == ((answers_ >> 1) & 1); }
  int64_t PidfdTarget(int64_t fd) override { return Open(fd) ? pidfd_target_ : 0; }
  std::optional<mode_t> FileType(const std::string& path, bool follow) override {
    CheckAbsolute(path, "FileType");
    static constexpr mode_t kTypes[] = {S_IFREG,  S_IFDIR, S_IFCHR, S_IFBLK,
                                        S_IFSOCK, S_IFIFO, S_IFLNK};
    uint64_t hash = 0xcbf29ce484222325ull ^ files_ ^ (follow ? 0x100 : 0);
    for (char c : path) hash = (hash ^ static_cast<uint8_t>(c)) * 0x100000001b3ull;
    size_t index = hash % (std::size(kTypes) + 2);
    if (index >= std::size(kTypes)) return std::nullopt;
    return kTypes[index];
  }
  std::string Resolve(const std::string& path, bool) override {
    CheckAbsolute(path, "Resolve");
    return path;
  }
  std::optional<HostFile> OpenedOnHost(const std::string& path, bool follow) override {
    CheckAbsolute(path, "OpenedOnHost");
    if (!(answers_ & 0x80)) return std::nullopt;
    return HostFile{path, FileType(path, follow) == S_IFDIR};
  }
  std::string InterpreterOf(const std::string& path) override {
    CheckAbsolute(path, "InterpreterOf");
    return String(2 + interpreters_asked_++);
  }

 private:
  static void CheckAbsolute(const std::string& path, const char* what) {
    if (path.empty() || path.front() != '/') Fail(std::string(what) + " of a relative path", path);
  }
  static bool Open(int64_t fd) { return fd >= 0 && fd < kOpenDescriptors; }
  std::string String(size_t index) const { return index < strings_.size() ? strings_[index] : ""; }

  uint8_t answers_;
  uint8_t files_;
  int64_t pidfd_target_;
  std::vector<std::string> strings_;
  const uint8_t* memory_;
  size_t memory_size_;
  size_t interpreters_asked_ = 0;
};

bool IsPathKind(AccessKind kind) { return kind <= AccessKind::kLookup; }

bool IsPortKind(AccessKind kind) {
  return kind == AccessKind::kBindTcp || kind == AccessKind::kConnectTcp ||
         kind == AccessKind::kBindUdp || kind == AccessKind::kConnectUdp;
}

void CheckAccess(const Access& access, std::string_view syscall, int error) {
  std::string described = DescribeAccess(access);
  if (access.syscall != syscall) Fail("an access of another call", described);
  if (access.error != error) Fail("an access with another errno than the call's", described);
  if (IsPathKind(access.kind) && (access.path.empty() || access.path.front() != '/'))
    Fail("a file access without an absolute path", described);
  if (!IsPortKind(access.kind) && access.port != 0)
    Fail("a port on an access of no port", described);
  if (IsPortKind(access.kind) && !access.path.empty()) Fail("a path on a port access", described);
  if (access.kind == AccessKind::kAbstractUnixSocket &&
      access.path.size() >= sizeof(sockaddr_un::sun_path))
    Fail("an abstract socket name longer than sockaddr_un holds", described);
  if (access.kind == AccessKind::kSignal) {
    char* end = nullptr;
    errno = 0;
    long long pid = std::strtoll(access.path.c_str(), &end, 10);
    if (access.path.empty() || *end != '\0' || errno != 0 || pid < INT_MIN || pid > INT_MAX)
      Fail("a signal to no pid", described);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < kHeaderSize) return 0;
  const std::vector<TracedSyscall>& calls = TracedSyscalls();
  uint32_t native = NativeAuditArch();
  uint32_t other = native == AUDIT_ARCH_X86_64 ? AUDIT_ARCH_AARCH64 : AUDIT_ARCH_X86_64;
  SyscallEntry entry;
  entry.arch = data[0] == 0 ? native : data[0] == 1 ? other : AUDIT_ARCH_I386;
  if (data[1] < calls.size()) {
    const TracedSyscall& call = calls[data[1]];
    int number = entry.arch == AUDIT_ARCH_X86_64 ? call.x86_64 : call.aarch64;
    entry.nr = number >= 0 ? static_cast<uint64_t>(number) : Load(data + 2, 2);
  } else {
    entry.nr = Load(data + 2, 2);
  }
  bool is_error = data[4] & 1;
  for (size_t i = 0; i < 6; ++i) entry.args[i] = Load(data + 8 + 8 * i, 8);
  int64_t result = static_cast<int64_t>(Load(data + 56, 8));
  size_t answers_size = Load(data + 64, 2);
  if (answers_size > size - kHeaderSize) return 0;
  std::vector<std::string> strings;
  const char* answers = reinterpret_cast<const char*>(data + kHeaderSize);
  for (size_t start = 0; start < answers_size;) {
    const void* nul = std::memchr(answers + start, '\0', answers_size - start);
    size_t end = nul ? static_cast<size_t>(static_cast<const char*>(nul) - answers) : answers_size;
    strings.emplace_back(answers + start, end - start);
    start = end + 1;
  }
  size_t memory_at = kHeaderSize + answers_size;
  InputTracee tracee(data[4], data[5], static_cast<int64_t>(Load(data + 6, 2)), std::move(strings),
                     data + memory_at, size - memory_at);

  std::optional<PendingCall> pending = DecodeEntry(tracee, entry);
  if (!pending) return 0;
  std::optional<TracedSyscall> call = FindSyscall(entry.arch, entry.nr);
  if (!call) Fail("a call decoded that is not traced");
  bool awaited = StopsAtExit(pending->handler);
  if (pending->syscall != call->name || (pending->accesses.empty() && !awaited))
    Fail("a pending call of another name, or with nothing to record");
  if (awaited && !pending->accesses.empty()) Fail("a call the tracer awaits that records access");
  std::vector<Access> accesses = DecodeExit(tracee, std::move(*pending), result, is_error);
  if (awaited && !accesses.empty()) Fail("a call the tracer awaits that records access at exit");
  int error = is_error && result < 0 && result >= -4095 ? static_cast<int>(-result) : 0;
  for (const Access& access : accesses) CheckAccess(access, call->name, error);
  return 0;
}
