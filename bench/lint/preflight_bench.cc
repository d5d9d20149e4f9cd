// SPDX-License-Identifier: MIT
// What the `exec` pre-flight costs against what `exec` spends anyway before running a command:
// resolving a policy on this machine (the runtime's expansion, symlinks), tracing how `sh` starts
// (PATH, `#!`, PT_INTERP), the access-model check, and, for scale, landlockc_prepare of the same
// policy (opening every path and building the rulesets). The policy is `std/shell` as a program
// uses it. Figures: docs/performance.md, section "exec pre-flight".
#include <benchmark/benchmark.h>

#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/codegen/codegen.h"
#include "landlockc/runtime.h"
#include "lint/host_paths.h"
#include "lint/preflight.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::lint {
namespace {

const model::Policy& ShellPolicy() {
  static const model::Policy policy = [] {
    llvm::SourceMgr sources;
    diag::DiagnosticEngine diags(sources);
    check::Options options;
    options.stdlib_dir = LANDLOCKC_SOURCE_DIR;
    std::optional<model::Policy> checked = check::CheckSource(
        "shell.landlock",
        "abi 7;\ninclude \"std/shell.landlock\";\n\nlayer main {\n    use shell;\n"
        "    allow read_write on \"/tmp\";\n}\n",
        options, diags);
    if (!checked) std::abort();
    return *checked;
  }();
  return policy;
}

void BM_ResolvePolicyOnHost(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(ResolvePolicyOnHost(ShellPolicy(), ProcessEnvironment()));
}
BENCHMARK(BM_ResolvePolicyOnHost);

void BM_TraceLaunch(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(TraceLaunch("/bin/sh", "as given"));
}
BENCHMARK(BM_TraceLaunch);

// The whole pre-flight, as `exec` runs it.
void BM_Preflight(benchmark::State& state) {
  for (auto _ : state) {
    HostPolicy host = ResolvePolicyOnHost(ShellPolicy(), ProcessEnvironment());
    benchmark::DoNotOptimize(LaunchDenial(host, 7, "sh", TraceLaunch("/bin/sh", "as given"),
                                          ProcessLoaderEnvironment()));
  }
}
BENCHMARK(BM_Preflight);

// What `exec` does in any case before running: prepare every ruleset, then give them up.
void BM_PrepareForScale(benchmark::State& state) {
  std::vector<uint8_t> blob = codegen::EmitBlob(ShellPolicy());
  for (auto _ : state) {
    landlockc_state prepared;
    benchmark::DoNotOptimize(
        landlockc_prepare(blob.data(), blob.size(), nullptr, &prepared, nullptr));
    landlockc_abort(&prepared);
  }
}
BENCHMARK(BM_PrepareForScale);

}  // namespace
}  // namespace landlockc::lint

BENCHMARK_MAIN();
