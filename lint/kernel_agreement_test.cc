// SPDX-License-Identifier: MIT
// The access model against the kernel: random policies over a scratch directory tree, random
// probes, and for each probe the model's verdict must equal what happens when a forked child
// applies the policy and tries the access. The child applies it either with the Landlock system
// calls straight from the model, or through the toolchain (codegen::EmitBlob, landlockc_apply). One
// child per policy runs all of its probes and reports the outcomes through a pipe.
//
// The comparison runs at every ABI from 1 to the running kernel's, one test each: the policies are
// written for a random ABI from that one up to the kernel's, and applied as on a kernel of that ABI
// (the runtime's max_abi; the handled sets masked for the system calls), so that what an older
// kernel drops is compared on every kernel.
//
// LANDLOCKC_KERNEL_AGREEMENT_POLICIES=N runs N policies per ABI (default 40, 1,000 probes);
// LANDLOCKC_KERNEL_AGREEMENT_SEED=S changes the seed.
#include <fcntl.h>
#include <linux/fs.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#ifdef LANDLOCKC_AGREEMENT_WITH_RUNTIME
#include <landlockc/runtime.h>

#include "compiler/codegen/codegen.h"
#endif
#include "compiler/model/abi_used.h"
#include "lint/access_model.h"
#include "lint/describe.h"
#include "lint/explain.h"
#include "lint/paths.h"
#include "lint/target.h"
#include "runtime/abi_table.h"
#include "runtime/uapi.h"

namespace landlockc::lint {
namespace {

enum class ProbeKind : uint8_t {
  kOpenRead,
  kOpenWrite,
  kExecute,
  kReadDir,
  kTruncate,
  kIoctl,
  kMake,
  kRemoveFile,
  kRemoveDir,
  kLink,
  kRename,
  kBind,
  kConnect,
  kSignal,
  kAbstractUnix,
};

struct Probe {
  ProbeKind kind;
  std::string path;    // the object, or the directory an entry is made in / removed from
  std::string dest;    // kLink, kRename: destination directory
  uint64_t right = 0;  // kMake: which make_* right
  uint16_t port = 0;
  bool expected = false;  // the model's verdict
};

// Outcome bytes the child writes per probe.
constexpr char kAllowed = 'A';
constexpr char kDenied = 'D';
constexpr char kUnexpected = '?';

// The scratch tree of one policy: directories (the root first) and files (device nodes last).
struct Tree {
  std::string root;
  std::vector<std::string> dirs;
  std::vector<std::string> files;
  std::vector<std::string> devices;
};

class Generator {
 public:
  Generator(unsigned seed, bool root) : random_(seed), root_(root) {}

  Tree MakeTree(const std::string& root) {
    Tree tree;
    tree.root = root;
    for (const char* dir : {"", "/a", "/a/b", "/a/b/c", "/ab", "/x", "/x/y"}) {
      tree.dirs.push_back(root + dir);
      std::filesystem::create_directories(root + dir);
    }
    for (const std::string& dir : std::vector<std::string>(tree.dirs)) {
      std::string file = dir + "/f";
      int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
      if (fd >= 0) {
        // Not a program: an allowed execve fails with ENOEXEC instead of replacing the child.
        (void)!write(fd, "garbage\n", 8);
        close(fd);
      }
      tree.files.push_back(file);
      if (root_ && Pick(3) == 0) {
        std::string device = dir + "/null";
        if (mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0)
          tree.devices.push_back(device);
      }
    }
    return tree;
  }

  // A policy written for `abi` (the generator's ABI or below).
  model::Policy MakePolicy(const Tree& tree, int abi) {
    model::Policy policy;
    policy.abi = abi;
    int layers = 1 + Pick(4);
    for (int i = 0; i < layers; ++i) policy.layers.push_back(MakeLayer(tree, i, abi));
    policy.highest_abi_used = model::HighestAbiUsed(policy);
    return policy;
  }

  std::vector<Probe> MakeProbes(const Tree& tree, const AccessModel& model, int count,
                                uint16_t port_base) {
    std::vector<Probe> probes;
    for (int i = 0; i < count; ++i) probes.push_back(MakeProbe(tree, model, i, port_base));
    return probes;
  }

  unsigned Pick(unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(random_); }

 private:
  uint64_t Subset(uint64_t mask) {
    uint64_t subset = 0;
    for (uint64_t bit = 1; bit != 0 && bit <= mask; bit <<= 1)
      if ((mask & bit) && Pick(2)) subset |= bit;
    return subset;
  }

  uint64_t SomeOf(uint64_t mask) { return Pick(3) == 0 ? mask : Subset(mask); }

  const std::string& Any(const std::vector<std::string>& items) {
    return items[Pick(items.size())];
  }

  // Where a link or rename goes: one time in three the source's own directory, which even a
  // kernel without `refer` allows, else any directory.
  std::string Destination(const Tree& tree, const std::string& source) {
    return Pick(3) == 0 ? std::string(ParentPath(source)) : Any(tree.dirs);
  }

  std::string GrantPath(const Tree& tree) {
    switch (Pick(8)) {
      case 0:
        return Pick(4) == 0 ? "/" : std::string(ParentPath(tree.root));
      case 1:
        return Any(tree.files);
      case 2:
        if (!tree.devices.empty()) return Any(tree.devices);
        return Any(tree.dirs);
      default:
        return Any(tree.dirs);
    }
  }

  model::Layer MakeLayer(const Tree& tree, int index, int abi) {
    model::Layer layer;
    layer.name = "l" + std::to_string(index);
    uint64_t fs = abi::RightsForAbi(abi::Category::kFs, abi);
    uint64_t net = abi::RightsForAbi(abi::Category::kNet, abi);
    uint64_t scope = abi::RightsForAbi(abi::Category::kScope, abi);
    layer.handled.fs = Pick(5) == 0 ? 0 : SomeOf(fs);
    layer.handled.net = Pick(2) ? SomeOf(net) : 0;
    layer.handled.scope = Pick(3) == 0 ? SomeOf(scope) : 0;
    // The compiler rejects a layer that handles nothing.
    if (layer.handled.Empty()) layer.handled.fs = LANDLOCK_ACCESS_FS_EXECUTE;
    int grants = Pick(7);
    for (int i = 0; i < grants && layer.handled.fs; ++i) {
      model::FsGrant grant;
      grant.path = GrantPath(tree);
      grant.requested = SomeOf(fs);
      grant.rights = grant.requested & layer.handled.fs;
      layer.fs_grants.push_back(grant);
    }
    int ports = Pick(4);
    for (int i = 0; i < ports && layer.handled.net; ++i) {
      model::NetGrant grant;
      grant.ports.low = static_cast<uint16_t>(port_base_ + Pick(8));
      grant.ports.high = static_cast<uint16_t>(grant.ports.low + Pick(3));
      grant.requested = SomeOf(net);
      grant.rights = grant.requested & layer.handled.net;
      layer.net_grants.push_back(grant);
    }
    return layer;
  }

  Probe MakeProbe(const Tree& tree, const AccessModel& model, int index, uint16_t port_base) {
    static constexpr uint64_t kMakeRights[] = {
        LANDLOCK_ACCESS_FS_MAKE_CHAR, LANDLOCK_ACCESS_FS_MAKE_DIR,  LANDLOCK_ACCESS_FS_MAKE_REG,
        LANDLOCK_ACCESS_FS_MAKE_SOCK, LANDLOCK_ACCESS_FS_MAKE_FIFO, LANDLOCK_ACCESS_FS_MAKE_BLOCK,
        LANDLOCK_ACCESS_FS_MAKE_SYM};
    Probe probe;
    probe.kind = static_cast<ProbeKind>(Pick(static_cast<unsigned>(ProbeKind::kAbstractUnix) + 1));
    if (probe.kind == ProbeKind::kIoctl && tree.devices.empty()) probe.kind = ProbeKind::kOpenRead;
    auto fs = [&](const std::string& path, uint64_t right, ObjectKind kind) {
      return model.QueryFs(path, right, kind).allowed;
    };
    switch (probe.kind) {
      case ProbeKind::kOpenRead:
        probe.path = Any(tree.files);
        probe.expected = fs(probe.path, LANDLOCK_ACCESS_FS_READ_FILE, ObjectKind::kFile);
        break;
      case ProbeKind::kOpenWrite:
        probe.path = Any(tree.files);
        probe.expected = fs(probe.path, LANDLOCK_ACCESS_FS_WRITE_FILE, ObjectKind::kFile);
        break;
      case ProbeKind::kExecute:
        probe.path = Any(tree.files);
        // execve opens the file for reading too.
        probe.expected = fs(probe.path, LANDLOCK_ACCESS_FS_EXECUTE, ObjectKind::kFile) &&
                         fs(probe.path, LANDLOCK_ACCESS_FS_READ_FILE, ObjectKind::kFile);
        break;
      case ProbeKind::kTruncate:
        probe.path = Any(tree.files);
        probe.expected = fs(probe.path, LANDLOCK_ACCESS_FS_TRUNCATE, ObjectKind::kFile);
        break;
      case ProbeKind::kReadDir:
        probe.path = Any(tree.dirs);
        probe.expected = fs(probe.path, LANDLOCK_ACCESS_FS_READ_DIR, ObjectKind::kDirectory);
        break;
      case ProbeKind::kIoctl:
        probe.path = Any(tree.devices);
        probe.expected = fs(probe.path, LANDLOCK_ACCESS_FS_READ_FILE, ObjectKind::kFile) &&
                         fs(probe.path, LANDLOCK_ACCESS_FS_IOCTL_DEV, ObjectKind::kFile);
        break;
      case ProbeKind::kMake:
        probe.path = Any(tree.dirs);
        // Device nodes need CAP_MKNOD.
        do probe.right = kMakeRights[Pick(std::size(kMakeRights))];
        while (!root_ &&
               (probe.right & (LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_BLOCK)));
        probe.expected = fs(probe.path, probe.right, ObjectKind::kDirectory);
        break;
      case ProbeKind::kRemoveFile:
      case ProbeKind::kRemoveDir: {
        bool file = probe.kind == ProbeKind::kRemoveFile;
        std::string dir = Any(tree.dirs);
        probe.path = dir + "/victim" + std::to_string(index);
        if (file)
          close(open(probe.path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
        else
          mkdir(probe.path.c_str(), 0755);
        probe.expected =
            fs(dir, file ? LANDLOCK_ACCESS_FS_REMOVE_FILE : LANDLOCK_ACCESS_FS_REMOVE_DIR,
               ObjectKind::kDirectory);
        break;
      }
      case ProbeKind::kLink:
        probe.path = Any(tree.files);
        probe.dest = Destination(tree, probe.path);
        probe.expected = model.Reparent(probe.path, ObjectKind::kFile, probe.dest, false);
        break;
      case ProbeKind::kRename:
        probe.path = Any(tree.dirs) + "/moved" + std::to_string(index);
        close(open(probe.path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
        probe.dest = Destination(tree, probe.path);
        probe.expected = model.Reparent(probe.path, ObjectKind::kFile, probe.dest, true);
        break;
      case ProbeKind::kBind:
      case ProbeKind::kConnect:
        probe.port = static_cast<uint16_t>(port_base + Pick(12));
        probe.expected = model
                             .QueryNet(probe.port, probe.kind == ProbeKind::kBind
                                                       ? LANDLOCK_ACCESS_NET_BIND_TCP
                                                       : LANDLOCK_ACCESS_NET_CONNECT_TCP)
                             .allowed;
        break;
      case ProbeKind::kSignal:
        probe.expected = model.QueryScope(LANDLOCK_SCOPE_SIGNAL).allowed;
        break;
      case ProbeKind::kAbstractUnix:
        probe.expected = model.QueryScope(LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET).allowed;
        break;
    }
    return probe;
  }

 public:
  uint16_t port_base_ = 0;

 private:
  std::mt19937 random_;
  bool root_;
};

// --- The child: applies the policy with raw system calls, then runs the probes. ---

// How the child applies the policy: with the Landlock system calls straight from the model (the
// model alone against the kernel), or compiled to a blob and applied by the runtime (the whole
// toolchain against the model).
enum class Applier { kSystemCalls, kRuntime };

bool ApplyWithSystemCalls(const model::Policy& policy, int abi) {
  std::vector<int> rulesets;
  for (const model::Layer& layer : policy.layers) {
    uapi::RulesetAttr attr{layer.handled.fs & abi::RightsForAbi(abi::Category::kFs, abi),
                           layer.handled.net & abi::RightsForAbi(abi::Category::kNet, abi),
                           layer.handled.scope & abi::RightsForAbi(abi::Category::kScope, abi)};
    if (attr.handled_access_fs == 0 && attr.handled_access_net == 0 && attr.scoped == 0) continue;
    int ruleset = static_cast<int>(syscall(__NR_landlock_create_ruleset, &attr, sizeof attr, 0));
    if (ruleset < 0) return false;
    for (const model::FsGrant& grant : layer.fs_grants) {
      int fd = open(grant.path.c_str(), O_PATH | O_CLOEXEC);
      if (fd < 0) return false;
      struct stat info;
      fstat(fd, &info);
      uint64_t rights = grant.rights & attr.handled_access_fs;
      if (!S_ISDIR(info.st_mode)) rights &= abi::kFileRights;
      uapi::PathBeneathAttr rule{rights, fd};
      if (rights != 0 && syscall(__NR_landlock_add_rule, ruleset, uapi::kRulePathBeneath, &rule, 0))
        return false;
      close(fd);
    }
    for (const model::NetGrant& grant : layer.net_grants) {
      uint64_t rights = grant.rights & attr.handled_access_net;
      for (unsigned port = grant.ports.low; rights != 0 && port <= grant.ports.high; ++port) {
        uapi::NetPortAttr rule{rights, port};
        if (syscall(__NR_landlock_add_rule, ruleset, uapi::kRuleNetPort, &rule, 0)) return false;
      }
    }
    rulesets.push_back(ruleset);
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) return false;
  for (int ruleset : rulesets) {
    if (syscall(__NR_landlock_restrict_self, ruleset, 0)) return false;
    close(ruleset);
  }
  return true;
}

// Allowed when `ok` or the call failed for a reason other than Landlock's.
char Outcome(bool ok, int denied_errno, std::initializer_list<int> allowed_errnos) {
  if (ok) return kAllowed;
  int error = errno;
  if (error == denied_errno) return kDenied;
  for (int allowed : allowed_errnos)
    if (error == allowed) return kAllowed;
  return kUnexpected;
}

char TryOpen(const std::string& path, int flags) {
  int fd = open(path.c_str(), flags | O_CLOEXEC);
  char outcome = Outcome(fd >= 0, EACCES, {});
  if (fd >= 0) close(fd);
  return outcome;
}

char TryMake(const Probe& probe, int index) {
  std::string entry = probe.path + "/new" + std::to_string(index);
  switch (probe.right) {
    case LANDLOCK_ACCESS_FS_MAKE_DIR:
      return Outcome(mkdir(entry.c_str(), 0755) == 0, EACCES, {});
    case LANDLOCK_ACCESS_FS_MAKE_SYM:
      return Outcome(symlink("target", entry.c_str()) == 0, EACCES, {});
    case LANDLOCK_ACCESS_FS_MAKE_REG:
      return Outcome(mknod(entry.c_str(), S_IFREG | 0644, 0) == 0, EACCES, {});
    case LANDLOCK_ACCESS_FS_MAKE_SOCK:
      return Outcome(mknod(entry.c_str(), S_IFSOCK | 0644, 0) == 0, EACCES, {});
    case LANDLOCK_ACCESS_FS_MAKE_FIFO:
      return Outcome(mknod(entry.c_str(), S_IFIFO | 0644, 0) == 0, EACCES, {});
    case LANDLOCK_ACCESS_FS_MAKE_CHAR:
      return Outcome(mknod(entry.c_str(), S_IFCHR | 0644, makedev(1, 3)) == 0, EACCES, {});
    case LANDLOCK_ACCESS_FS_MAKE_BLOCK:
      return Outcome(mknod(entry.c_str(), S_IFBLK | 0644, makedev(7, 0)) == 0, EACCES, {});
  }
  return kUnexpected;
}

char TryIoctl(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Outcome(false, EACCES, {});
  struct termios settings;
  char outcome = Outcome(ioctl(fd, TCGETS, &settings) == 0, EACCES, {ENOTTY});
  close(fd);
  return outcome;
}

char TryNet(const Probe& probe) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(probe.port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  char outcome = probe.kind == ProbeKind::kBind
                     ? Outcome(bind(fd, raw, sizeof address) == 0, EACCES, {EADDRINUSE})
                     : Outcome(connect(fd, raw, sizeof address) == 0, EACCES, {ECONNREFUSED});
  close(fd);
  return outcome;
}

sockaddr_un AbstractAddress(pid_t owner, socklen_t& length) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string name = "landlockc-agreement-" + std::to_string(owner);
  std::memcpy(address.sun_path + 1, name.data(), name.size());
  length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
  return address;
}

char TryAbstractUnix(pid_t owner) {
  socklen_t length = 0;
  sockaddr_un address = AbstractAddress(owner, length);
  // Non-blocking, so that a full backlog (a test bug) shows as EAGAIN instead of a hang.
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  char outcome =
      Outcome(connect(fd, reinterpret_cast<sockaddr*>(&address), length) == 0, EPERM, {});
  close(fd);
  return outcome;
}

char RunProbe(const Probe& probe, int index, pid_t parent) {
  switch (probe.kind) {
    case ProbeKind::kOpenRead:
      return TryOpen(probe.path, O_RDONLY);
    case ProbeKind::kOpenWrite:
      return TryOpen(probe.path, O_WRONLY);
    case ProbeKind::kReadDir:
      return TryOpen(probe.path, O_RDONLY | O_DIRECTORY);
    case ProbeKind::kExecute: {
      char* const argv[] = {const_cast<char*>(probe.path.c_str()), nullptr};
      char* const envp[] = {nullptr};
      execve(probe.path.c_str(), argv, envp);
      return Outcome(false, EACCES, {ENOEXEC});
    }
    case ProbeKind::kTruncate:
      return Outcome(truncate(probe.path.c_str(), 0) == 0, EACCES, {});
    case ProbeKind::kIoctl:
      return TryIoctl(probe.path);
    case ProbeKind::kMake:
      return TryMake(probe, index);
    case ProbeKind::kRemoveFile:
      return Outcome(unlink(probe.path.c_str()) == 0, EACCES, {});
    case ProbeKind::kRemoveDir:
      return Outcome(rmdir(probe.path.c_str()) == 0, EACCES, {});
    case ProbeKind::kLink: {
      std::string entry = probe.dest + "/link" + std::to_string(index);
      char outcome = Outcome(link(probe.path.c_str(), entry.c_str()) == 0, EACCES, {});
      return outcome == kUnexpected && errno == EXDEV ? kDenied : outcome;
    }
    case ProbeKind::kRename: {
      std::string entry = probe.dest + "/renamed" + std::to_string(index);
      char outcome = Outcome(rename(probe.path.c_str(), entry.c_str()) == 0, EACCES, {});
      return outcome == kUnexpected && errno == EXDEV ? kDenied : outcome;
    }
    case ProbeKind::kBind:
    case ProbeKind::kConnect:
      return TryNet(probe);
    case ProbeKind::kSignal:
      return Outcome(kill(parent, 0) == 0, EPERM, {});
    case ProbeKind::kAbstractUnix:
      return TryAbstractUnix(parent);
  }
  return kUnexpected;
}

// Forks a child that applies `policy` and runs `probes`; returns one outcome byte per probe, or
// an empty string when applying failed.
bool ApplyPolicy(Applier applier, const model::Policy& policy, int abi,
                 const std::vector<uint8_t>& blob) {
  if (applier == Applier::kSystemCalls) return ApplyWithSystemCalls(policy, abi);
#ifdef LANDLOCKC_AGREEMENT_WITH_RUNTIME
  landlockc_options options{};
  options.max_abi = abi;
  return landlockc_apply(blob.data(), blob.size(), &options, nullptr) == 0;
#else
  (void)blob;
  return false;
#endif
}

std::string RunInChild(Applier applier, const model::Policy& policy, int abi,
                       const std::vector<Probe>& probes) {
  std::vector<uint8_t> blob;
#ifdef LANDLOCKC_AGREEMENT_WITH_RUNTIME
  if (applier == Applier::kRuntime) blob = codegen::EmitBlob(policy);
#endif
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return {};
  pid_t parent = getpid();
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    std::string outcomes;
    if (ApplyPolicy(applier, policy, abi, blob))
      for (size_t i = 0; i < probes.size(); ++i)
        outcomes += RunProbe(probes[i], static_cast<int>(i), parent);
    (void)!write(fds[1], outcomes.data(), outcomes.size());
    _exit(0);
  }
  close(fds[1]);
  std::string outcomes;
  char buffer[256];
  ssize_t got;
  while ((got = read(fds[0], buffer, sizeof buffer)) > 0) outcomes.append(buffer, got);
  close(fds[0]);
  waitpid(child, nullptr, 0);
  return outcomes;
}

std::string Describe(const Probe& probe) {
  static const char* const kNames[] = {"open-read",  "open-write", "execute",      "read-dir",
                                       "truncate",   "ioctl",      "make",         "remove-file",
                                       "remove-dir", "link",       "rename",       "bind",
                                       "connect",    "signal",     "abstract-unix"};
  std::string text = kNames[static_cast<int>(probe.kind)];
  if (!probe.path.empty()) text += " " + probe.path;
  if (!probe.dest.empty()) text += " -> " + probe.dest;
  if (probe.right) text += std::string(" ") + RightName(abi::Category::kFs, probe.right);
  if (probe.port) text += " port " + std::to_string(probe.port);
  return text;
}

std::string DescribePolicy(const model::Policy& policy) {
  std::string text;
  for (const model::Layer& layer : policy.layers) {
    text += "layer " + layer.name + " fs{" + RightList(abi::Category::kFs, layer.handled.fs) +
            "} net{" + RightList(abi::Category::kNet, layer.handled.net) + "} scope{" +
            RightList(abi::Category::kScope, layer.handled.scope) + "}\n";
    for (const model::FsGrant& grant : layer.fs_grants)
      text +=
          "  allow {" + RightList(abi::Category::kFs, grant.rights) + "} on " + grant.path + "\n";
    for (const model::NetGrant& grant : layer.net_grants)
      text += "  allow {" + RightList(abi::Category::kNet, grant.rights) + "} on " +
              std::to_string(grant.ports.low) + ".." + std::to_string(grant.ports.high) + "\n";
  }
  return text;
}

unsigned EnvNumber(const char* name, unsigned fallback) {
  const char* value = std::getenv(name);
  return value ? static_cast<unsigned>(std::strtoul(value, nullptr, 10)) : fallback;
}

// Whether a kernel of ABI `abi` can deny a probe of `kind`: the right it tries exists there.
bool CanDeny(ProbeKind kind, int abi) {
  switch (kind) {
    case ProbeKind::kTruncate:
      return abi >= abi::AbiOfRight(abi::Category::kFs, LANDLOCK_ACCESS_FS_TRUNCATE);
    case ProbeKind::kBind:
      return abi >= abi::AbiOfRight(abi::Category::kNet, LANDLOCK_ACCESS_NET_BIND_TCP);
    case ProbeKind::kConnect:
      return abi >= abi::AbiOfRight(abi::Category::kNet, LANDLOCK_ACCESS_NET_CONNECT_TCP);
    case ProbeKind::kSignal:
      return abi >= abi::AbiOfRight(abi::Category::kScope, LANDLOCK_SCOPE_SIGNAL);
    case ProbeKind::kAbstractUnix:
      return abi >= abi::AbiOfRight(abi::Category::kScope, LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET);
    default:  // read_file, and the make, remove and move rights: ABI 1
      return true;
  }
}

// What one test compares: how the policy is applied, and at which ABI.
struct Comparison {
  Applier applier;
  int abi;
};

std::string Name(const Comparison& comparison) {
  return std::string(comparison.applier == Applier::kSystemCalls ? "SystemCalls" : "Runtime") +
         "Abi" + std::to_string(comparison.abi);
}

// How gtest shows a parameter.
[[maybe_unused]] void PrintTo(const Comparison& comparison, std::ostream* os) {
  *os << Name(comparison);
}

// The ABIs to compare at: 1 to the running kernel's (at most the newest the table knows), or just
// 0 on a kernel without Landlock, whose test says so.
std::vector<Comparison> Comparisons() {
  int kernel = std::min(ProbeHostAbi(), abi::kNewestAbi);
  std::vector<Comparison> comparisons;
  for (Applier applier : {Applier::kSystemCalls, Applier::kRuntime})
    for (int abi = std::min(kernel, 1); abi <= kernel; ++abi) comparisons.push_back({applier, abi});
  return comparisons;
}

class KernelAgreementTest : public ::testing::TestWithParam<Comparison> {};

TEST_P(KernelAgreementTest, ModelMatchesTheKernel) {
  const auto [applier, abi] = GetParam();
#ifndef LANDLOCKC_AGREEMENT_WITH_RUNTIME
  if (applier == Applier::kRuntime) GTEST_SKIP() << "built without the code generator/runtime";
#endif
  if (abi == 0) GTEST_SKIP() << "this kernel has no Landlock";
  // Policies are written for this ABI or a newer one the kernel has, and applied at this one.
  int kernel = std::min(ProbeHostAbi(), abi::kNewestAbi);
  unsigned policies = EnvNumber("LANDLOCKC_KERNEL_AGREEMENT_POLICIES", 40);
  unsigned seed = EnvNumber("LANDLOCKC_KERNEL_AGREEMENT_SEED", 20261201) + abi;
  constexpr int kProbesPerPolicy = 25;

  char scratch_template[] = "/tmp/landlockc-agreement-XXXXXX";
  ASSERT_NE(mkdtemp(scratch_template), nullptr);
  std::string scratch = scratch_template;

  Generator generator(seed, geteuid() == 0);
  unsigned probes_run = 0;
  // Each kind of probe that this ABI can deny must meet both outcomes, or the comparison proves
  // little.
  constexpr size_t kKinds = static_cast<size_t>(ProbeKind::kAbstractUnix) + 1;
  std::array<bool, kKinds> seen_allowed{};
  std::array<bool, kKinds> seen_denied{};
  unsigned disagreements = 0;
  for (unsigned i = 0; i < policies && disagreements < 10; ++i) {
    generator.port_base_ = static_cast<uint16_t>(20000 + generator.Pick(40000));
    Tree tree = generator.MakeTree(scratch + "/t" + std::to_string(i));
    int written_for = abi + static_cast<int>(generator.Pick(kernel - abi + 1));
    model::Policy policy = generator.MakePolicy(tree, written_for);
    AccessModel model(policy, abi);
    std::vector<Probe> probes =
        generator.MakeProbes(tree, model, kProbesPerPolicy, generator.port_base_);
    // A listening abstract socket outside every sandbox, for the abstract-unix probes; a new one
    // per policy, since nothing accepts the connections.
    socklen_t length = 0;
    sockaddr_un address = AbstractAddress(getpid(), length);
    int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), length), 0) << strerror(errno);
    ASSERT_EQ(listen(listener, kProbesPerPolicy), 0);
    std::string outcomes = RunInChild(applier, policy, abi, probes);
    close(listener);
    ASSERT_EQ(outcomes.size(), probes.size()) << "applying failed at ABI " << abi << ":\n"
                                              << DescribePolicy(policy);
    for (size_t p = 0; p < probes.size(); ++p) {
      ++probes_run;
      ASSERT_NE(outcomes[p], kUnexpected)
          << "probe failed unexpectedly at ABI " << abi << ": " << Describe(probes[p]) << "\n"
          << DescribePolicy(policy);
      bool allowed = outcomes[p] == kAllowed;
      (allowed ? seen_allowed : seen_denied)[static_cast<size_t>(probes[p].kind)] = true;
      if (allowed == probes[p].expected) continue;
      ++disagreements;
      ADD_FAILURE() << "model says " << (probes[p].expected ? "allowed" : "denied")
                    << ", kernel says " << (allowed ? "allowed" : "denied") << " at ABI " << abi
                    << " (policy written for ABI " << written_for << "): " << Describe(probes[p])
                    << "\n"
                    << DescribePolicy(policy);
    }
    std::filesystem::remove_all(tree.root);
  }
  std::filesystem::remove_all(scratch);
  EXPECT_EQ(disagreements, 0u);
  for (size_t kind = 0; kind < kKinds; ++kind) {
    Probe probe;
    probe.kind = static_cast<ProbeKind>(kind);
    EXPECT_TRUE(seen_allowed[kind]) << "no allowed " << Describe(probe);
    EXPECT_TRUE(seen_denied[kind] || !CanDeny(probe.kind, abi)) << "no denied " << Describe(probe);
  }
  EXPECT_GE(probes_run, std::min(policies, 40u) * kProbesPerPolicy);
  RecordProperty("probes", static_cast<int>(probes_run));
}

INSTANTIATE_TEST_SUITE_P(EveryAbi, KernelAgreementTest, ::testing::ValuesIn(Comparisons()),
                         [](const ::testing::TestParamInfo<Comparison>& param_info) {
                           return Name(param_info.param);
                         });

#ifdef LANDLOCKC_AGREEMENT_WITH_RUNTIME
// `explain` on the host against the kernel, on a tree full of symbolic links: links to
// directories and files, chains, relative links with `..`, links that leave the tree and come
// back into it, a dangling link, and a hard link (a rule is tied to an inode, whatever its path).
// Grants are written on links and real paths (some through a variable); queries go through links
// too. Each query asks `Explain` itself, then a child applies the compiled policy with the runtime
// and tries the access.
//
// LANDLOCKC_LINK_AGREEMENT_SEED=S changes the seed.
class LinkTree {
 public:
  explicit LinkTree(const std::string& root) : root_(root) {
    for (const char* dir : {"/t", "/t/a", "/t/a/b", "/t/x", "/outside", "/outside/deep"})
      std::filesystem::create_directories(root + dir);
    for (const char* file : {"/t/f", "/t/a/f", "/t/a/b/f", "/t/x/f", "/outside/f"}) {
      int fd = open((root + file).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
      (void)!write(fd, "garbage\n", 8);
      close(fd);
    }
    const std::pair<const char*, const char*> links[] = {
        {"a", "/t/la"},                 // to a directory
        {"a/f", "/t/lf"},               // to a file
        {"la", "/t/chain"},             // a chain: chain -> la -> a
        {"lf", "/t/chain_f"},           // chain to a file
        {"a/b/..", "/t/rel"},           // `..` inside the target
        {"../outside", "/t/out"},       // leaves the tree
        {"../t/a/b", "/outside/back"},  // re-enters it
        {"../../t/x", "/outside/deep/x"},
        {"nowhere", "/t/dangling"},
    };
    for (const auto& [target, name] : links) symlink(target, (root + name).c_str());
    // A hard link: the same inode as `t/a/b/f`, under a tree of its own.
    link((root + "/t/a/b/f").c_str(), (root + "/outside/hard").c_str());
    for (const char* path :
         {"/t", "/t/a", "/t/a/b", "/t/x", "/outside", "/t/la", "/t/chain", "/t/rel", "/t/out",
          "/outside/back", "/t/out/back", "/t/la/b", "/outside/deep/x", "/t/out/deep/x"})
      dirs_.push_back(root + path);
    for (const char* path : {"/t/f", "/t/a/f", "/t/a/b/f", "/t/x/f", "/outside/f", "/t/lf",
                             "/t/chain_f", "/t/la/f", "/t/chain/b/f", "/t/out/back/f",
                             "/t/rel/b/../f", "/outside/deep/x/f", "/t/out/f", "/outside/hard"})
      files_.push_back(root + path);
  }

  const std::vector<std::string>& dirs() const { return dirs_; }
  const std::vector<std::string>& files() const { return files_; }
  std::string Grantable(std::mt19937& random) const {
    // A policy path has no `..` component (the compiler refuses it).
    std::uniform_int_distribution<size_t> any(0, dirs_.size() + files_.size());
    while (true) {
      size_t pick = any(random);
      if (pick == dirs_.size() + files_.size()) return root_ + "/t/dangling";
      const std::string& path = pick < dirs_.size() ? dirs_[pick] : files_[pick - dirs_.size()];
      if (path.find("..") == std::string::npos) return path;
    }
  }

 private:
  std::string root_;
  std::vector<std::string> dirs_;
  std::vector<std::string> files_;
};

struct LinkQuery {
  ProbeKind kind;
  std::string path;
  const char* access;
  bool expected;
};

char RunLinkQuery(const LinkQuery& query, int index) {
  switch (query.kind) {
    case ProbeKind::kOpenRead:
      return TryOpen(query.path, O_RDONLY);
    case ProbeKind::kOpenWrite:
      return TryOpen(query.path, O_WRONLY);
    case ProbeKind::kReadDir:
      return TryOpen(query.path, O_RDONLY | O_DIRECTORY);
    case ProbeKind::kMake: {
      std::string entry = query.path + "/made" + std::to_string(index);
      return Outcome(mkdir(entry.c_str(), 0755) == 0, EACCES, {});
    }
    default: {
      char* const argv[] = {const_cast<char*>(query.path.c_str()), nullptr};
      char* const envp[] = {nullptr};
      execve(query.path.c_str(), argv, envp);
      return Outcome(false, EACCES, {ENOEXEC});
    }
  }
}

TEST(LinkAgreementTest, ExplainOnTheHostMatchesTheKernelThroughLinks) {
  int abi = std::min(ProbeHostAbi(), abi::kNewestAbi);
  ASSERT_GT(abi, 0) << "this kernel has no Landlock";
  char scratch_template[] = "/tmp/landlockc-links-XXXXXX";
  ASSERT_NE(mkdtemp(scratch_template), nullptr);
  std::string root = std::filesystem::canonical(scratch_template).string();
  LinkTree tree(root);
  setenv("LANDLOCKC_LINK_ROOT", root.c_str(), 1);
  std::mt19937 random(EnvNumber("LANDLOCKC_LINK_AGREEMENT_SEED", 20261206));
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  constexpr uint64_t kRights[] = {LANDLOCK_ACCESS_FS_READ_FILE, LANDLOCK_ACCESS_FS_WRITE_FILE,
                                  LANDLOCK_ACCESS_FS_READ_DIR, LANDLOCK_ACCESS_FS_EXECUTE,
                                  LANDLOCK_ACCESS_FS_MAKE_DIR};
  constexpr int kPolicies = 30;
  constexpr int kQueries = 20;
  unsigned disagreements = 0;
  unsigned queries_run = 0;
  unsigned allowed_seen = 0;
  for (int p = 0; p < kPolicies && disagreements < 10; ++p) {
    model::Policy policy;
    policy.abi = abi;
    int layers = 1 + static_cast<int>(pick(2));
    for (int l = 0; l < layers; ++l) {
      model::Layer layer;
      layer.name = "l" + std::to_string(l);
      layer.handled.fs = abi::RightsForAbi(abi::Category::kFs, abi);
      int grants = 1 + static_cast<int>(pick(4));
      for (int g = 0; g < grants; ++g) {
        model::FsGrant grant;
        grant.path = tree.Grantable(random);
        // Some grants through a variable, expanded by the runtime.
        if (pick(3) == 0) grant.path = "${LANDLOCKC_LINK_ROOT}" + grant.path.substr(root.size());
        grant.optional = true;  // the dangling link is skipped, as the runtime skips it
        for (uint64_t right : kRights)
          if (pick(2)) grant.rights |= right;
        if (grant.rights == 0) grant.rights = LANDLOCK_ACCESS_FS_READ_FILE;
        grant.requested = grant.rights;
        layer.fs_grants.push_back(grant);
      }
      policy.layers.push_back(layer);
    }
    policy.highest_abi_used = abi::AbiNeededFor(abi::Category::kFs, policy.layers[0].handled.fs);

    std::vector<LinkQuery> queries;
    for (int q = 0; q < kQueries; ++q) {
      LinkQuery query;
      switch (pick(5)) {
        case 0:
          query = {ProbeKind::kOpenRead, tree.files()[pick(tree.files().size())], "read_file",
                   false};
          break;
        case 1:
          query = {ProbeKind::kOpenWrite, tree.files()[pick(tree.files().size())], "write_file",
                   false};
          break;
        case 2:
          query = {ProbeKind::kReadDir, tree.dirs()[pick(tree.dirs().size())], "read_dir", false};
          break;
        case 3:
          query = {ProbeKind::kMake, tree.dirs()[pick(tree.dirs().size())], "make_dir", false};
          break;
        default:
          query = {ProbeKind::kExecute, tree.files()[pick(tree.files().size())],
                   "execute + read_file", false};
          break;
      }
      ExplainRequest request{query.path, std::nullopt, query.access, std::nullopt};
      llvm::Expected<bool> allowed = Explain(policy, request, Target{"host", abi}, llvm::nulls());
      ASSERT_TRUE(static_cast<bool>(allowed)) << llvm::toString(allowed.takeError());
      query.expected = *allowed;
      queries.push_back(query);
    }

    std::vector<uint8_t> blob = codegen::EmitBlob(policy);
    int fds[2];
    ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
    pid_t child = fork();
    if (child == 0) {
      close(fds[0]);
      std::string outcomes;
      if (landlockc_apply(blob.data(), blob.size(), nullptr, nullptr) == 0)
        for (size_t i = 0; i < queries.size(); ++i)
          outcomes += RunLinkQuery(queries[i], p * kQueries + static_cast<int>(i));
      (void)!write(fds[1], outcomes.data(), outcomes.size());
      _exit(0);
    }
    close(fds[1]);
    std::string outcomes;
    char buffer[256];
    ssize_t got;
    while ((got = read(fds[0], buffer, sizeof buffer)) > 0) outcomes.append(buffer, got);
    close(fds[0]);
    waitpid(child, nullptr, 0);
    ASSERT_EQ(outcomes.size(), queries.size()) << "applying failed:\n" << DescribePolicy(policy);
    for (size_t i = 0; i < queries.size(); ++i) {
      ++queries_run;
      ASSERT_NE(outcomes[i], kUnexpected) << queries[i].access << " " << queries[i].path;
      bool allowed = outcomes[i] == kAllowed;
      allowed_seen += allowed;
      if (allowed == queries[i].expected) continue;
      ++disagreements;
      ADD_FAILURE() << "explain says " << (queries[i].expected ? "allowed" : "denied")
                    << ", kernel says " << (allowed ? "allowed" : "denied") << ": `"
                    << queries[i].access << "` on " << queries[i].path << "\n"
                    << DescribePolicy(policy);
    }
  }
  std::filesystem::remove_all(root);
  EXPECT_EQ(disagreements, 0u);
  EXPECT_EQ(queries_run, static_cast<unsigned>(kPolicies * kQueries));
  // Both outcomes are met often enough for the comparison to mean something.
  EXPECT_GT(allowed_seen, queries_run / 10);
  EXPECT_LT(allowed_seen, queries_run - queries_run / 10);
}
#endif

}  // namespace
}  // namespace landlockc::lint
