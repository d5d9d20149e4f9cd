// SPDX-License-Identifier: MIT
// The runtime's costs: validating a blob, and applying it compared with a hand-written program
// making the same raw system calls for the same rules in the same run.
//
// Applying can be repeated in one process only up to the restriction itself (each
// landlock_restrict_self stacks a domain for good), so the comparison is made twice:
//  - Prepare*: in process, everything up to the restriction (probe, create every ruleset, open and
//    fstat every path, add every rule, close every descriptor), repeated;
//  - Apply*: the whole thing, restriction included, once per forked child (fork and wait included
//    in both, so the difference is the runtime's own).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/codegen/codegen.h"
#include "landlockc/runtime.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "runtime/abi_table.h"
#include "runtime/uapi.h"

namespace landlockc {
namespace {

// The server policy, checked once; null (and the benchmarks skip) when it does not check.
const model::Policy* ServerPolicy() {
  static std::optional<model::Policy> policy = [] {
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    check::Options options;
    options.stdlib_dir = LANDLOCKC_SOURCE_DIR;
    std::optional<model::Policy> checked =
        check::CheckFile(LANDLOCKC_SOURCE_DIR "/bench/runtime/server.landlock", options, diags);
    if (!checked) diags.Render(llvm::errs(), false);
    return checked;
  }();
  return policy ? &*policy : nullptr;
}

const std::vector<uint8_t>& ServerBlob() {
  static std::vector<uint8_t> blob =
      ServerPolicy() ? codegen::EmitBlob(*ServerPolicy()) : std::vector<uint8_t>{};
  return blob;
}

// The same rules as plain data, for the hand-written program: what a careful author would
// hard-code (kernel bit masks, paths, ports), already masked to the running kernel's ABI.
struct HandLayer {
  uapi::RulesetAttr attr;
  size_t attr_size;
  struct Path {
    std::string path;
    uint64_t rights;
    bool optional;
  };
  std::vector<Path> paths;
  std::vector<uapi::NetPortAttr> ports;
};

std::vector<HandLayer> HandWrittenRules(int abi_version) {
  std::vector<HandLayer> layers;
  for (const model::Layer& layer : ServerPolicy()->layers) {
    HandLayer& hand = layers.emplace_back();
    uint64_t fs = layer.handled.fs & abi::RightsForAbi(abi::Category::kFs, abi_version);
    uint64_t net = layer.handled.net & abi::RightsForAbi(abi::Category::kNet, abi_version);
    uint64_t scope = layer.handled.scope & abi::RightsForAbi(abi::Category::kScope, abi_version);
    hand.attr = {fs, net, scope};
    hand.attr_size = scope ? 24 : net ? 16 : 8;
    for (const model::FsGrant& grant : layer.fs_grants)
      if (grant.rights & fs) hand.paths.push_back({grant.path, grant.rights & fs, grant.optional});
    for (const model::NetGrant& grant : layer.net_grants)
      if (grant.rights & net)
        for (uint32_t port = grant.ports.low; port <= grant.ports.high; ++port)
          hand.ports.push_back({grant.rights & net, port});
  }
  return layers;
}

// The hand-written program: probe, then every ruleset and rule; returns the ruleset fds (or an
// empty vector on failure). The same system calls, in the same order, as the runtime.
std::vector<int> HandPrepare(const std::vector<HandLayer>& layers) {
  syscall(__NR_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  std::vector<int> fds;
  for (const HandLayer& layer : layers) {
    int ruleset =
        static_cast<int>(syscall(__NR_landlock_create_ruleset, &layer.attr, layer.attr_size, 0));
    for (const HandLayer::Path& path : layer.paths) {
      int fd = open(path.path.c_str(), O_PATH | O_CLOEXEC);
      if (fd < 0) continue;  // only optional paths are missing here
      struct stat status;
      fstat(fd, &status);
      uint64_t rights = S_ISDIR(status.st_mode) ? path.rights : path.rights & abi::kFileRights;
      uapi::PathBeneathAttr attr = {rights, fd};
      if (rights) syscall(__NR_landlock_add_rule, ruleset, uapi::kRulePathBeneath, &attr, 0);
      close(fd);
    }
    for (const uapi::NetPortAttr& port : layer.ports)
      syscall(__NR_landlock_add_rule, ruleset, uapi::kRuleNetPort, &port, 0);
    fds.push_back(ruleset);
  }
  return fds;
}

bool Ready(benchmark::State& state) {
  if (ServerBlob().empty()) {
    state.SkipWithError("bench/runtime/server.landlock does not check");
    return false;
  }
  if (landlockc_probe(nullptr) == 0) {
    state.SkipWithError("the kernel has no Landlock");
    return false;
  }
  return true;
}

void BM_Validate(benchmark::State& state) {
  if (ServerBlob().empty()) return state.SkipWithError("server.landlock does not check");
  const std::vector<uint8_t>& blob = ServerBlob();
  for (auto _ : state)
    benchmark::DoNotOptimize(landlockc_validate(blob.data(), blob.size(), nullptr));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * blob.size()));
  state.counters["blob_bytes"] = static_cast<double>(blob.size());
}
BENCHMARK(BM_Validate);

void BM_PrepareRuntime(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::vector<uint8_t>& blob = ServerBlob();
  landlockc_report report;
  for (auto _ : state) {
    landlockc_state prepared;
    if (landlockc_prepare(blob.data(), blob.size(), nullptr, &prepared, &report) != 0)
      return state.SkipWithError(report.message);
    landlockc_abort(&prepared);
  }
  state.counters["rules"] = static_cast<double>(report.rules_added);
}
BENCHMARK(BM_PrepareRuntime);

void BM_PrepareHandWritten(benchmark::State& state) {
  if (!Ready(state)) return;
  std::vector<HandLayer> layers = HandWrittenRules(landlockc_probe(nullptr));
  for (auto _ : state) {
    for (int fd : HandPrepare(layers)) close(fd);
  }
}
BENCHMARK(BM_PrepareHandWritten);

// Runs `child` in a forked process per iteration and waits for it.
template <typename Child>
void ForkEach(benchmark::State& state, Child child) {
  for (auto _ : state) {
    pid_t pid = fork();
    if (pid == 0) _exit(child());
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return state.SkipWithError("child failed");
  }
}

void BM_ApplyRuntime(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::vector<uint8_t>& blob = ServerBlob();
  ForkEach(state, [&] { return landlockc_apply(blob.data(), blob.size(), nullptr, nullptr); });
}
BENCHMARK(BM_ApplyRuntime)->UseRealTime();

void BM_ApplyHandWritten(benchmark::State& state) {
  if (!Ready(state)) return;
  std::vector<HandLayer> layers = HandWrittenRules(landlockc_probe(nullptr));
  ForkEach(state, [&] {
    std::vector<int> fds = HandPrepare(layers);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return 1;
    for (int fd : fds) {
      if (syscall(__NR_landlock_restrict_self, fd, 0) != 0) return 2;
      close(fd);
    }
    return 0;
  });
}
BENCHMARK(BM_ApplyHandWritten)->UseRealTime();

// Blob size against the source it came from (every file read: includes carry grants too).
void BM_BlobSize(benchmark::State& state) {
  if (!ServerPolicy()) return state.SkipWithError("server.landlock does not check");
  size_t source_bytes = 0;
  for (const std::string& file : ServerPolicy()->files)
    if (auto buffer = llvm::MemoryBuffer::getFile(file)) source_bytes += (*buffer)->getBufferSize();
  std::vector<uint8_t> blob;
  for (auto _ : state) blob = codegen::EmitBlob(*ServerPolicy());
  state.counters["source_bytes"] = static_cast<double>(source_bytes);
  state.counters["blob_bytes"] = static_cast<double>(blob.size());
  state.counters["blob_percent"] = 100.0 * static_cast<double>(blob.size()) / source_bytes;
}
BENCHMARK(BM_BlobSize);

}  // namespace
}  // namespace landlockc

BENCHMARK_MAIN();
