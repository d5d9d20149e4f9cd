// SPDX-License-Identifier: MIT
// Front-end throughput in grants per second, for policies of 100, 10,000 and 100,000 grants:
// parsing alone, and parsing plus checking (the whole of `landlockc check` but reading the file).
// A flat rate across sizes means time per grant does not grow with the policy.
#include <benchmark/benchmark.h>

#include <string>

#include "compiler/check/check.h"
#include "compiler/check/loader.h"
#include "compiler/check/policy.h"
#include "compiler/parse/parse.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc {
namespace {

// A realistic mix: path grants with sets and `let` names, optional grants with variables, port
// grants, spread over several layers with `rules` blocks in use.
std::string GeneratePolicy(int grants) {
  std::string text =
      "abi 7;\n"
      "let ro = read + execute;\n"
      "let web = port 80, 443;\n"
      "rules common { allow read on \"/usr/share\"; allow connect_tcp on port 53; }\n";
  constexpr int kLayers = 4;
  int per_layer = grants / kLayers;
  int written = 0;
  for (int layer = 0; layer < kLayers; ++layer) {
    text += "layer l" + std::to_string(layer) + " {\n    use common;\n";
    int count = layer == kLayers - 1 ? grants - written : per_layer;
    for (int i = 0; i < count; ++i, ++written) {
      std::string n = std::to_string(written);
      switch (written % 4) {
        case 0:
          text += "    allow ro on \"/srv/data/d" + n + "\";\n";
          break;
        case 1:
          text += "    allow read_write - refer on \"$HOME/projects/p" + n + "/\" optional;\n";
          break;
        case 2:
          text += "    allow bind_tcp on port " + std::to_string(1024 + written % 60000) + ";\n";
          break;
        default:
          text += "    allow read_file + write_file on \"/var/lib/app//x" + n + "/./y\";\n";
      }
    }
    text += "}\n";
  }
  return text;
}

void SetRate(benchmark::State& state, int grants, size_t bytes) {
  state.counters["grants/s"] =
      benchmark::Counter(static_cast<double>(grants) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}

void BM_Parse(benchmark::State& state) {
  int grants = static_cast<int>(state.range(0));
  std::string text = GeneratePolicy(grants);
  for (auto _ : state) {
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    unsigned buffer = source_mgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBuffer(text, "bench.landlock"), llvm::SMLoc());
    ast::File file = parse::ParseFile(buffer, diags);
    if (diags.error_count() != 0) state.SkipWithError("the generated policy has errors");
    benchmark::DoNotOptimize(file.statements.data());
  }
  SetRate(state, grants, text.size());
}

void BM_ParseAndCheck(benchmark::State& state) {
  int grants = static_cast<int>(state.range(0));
  std::string text = GeneratePolicy(grants);
  for (auto _ : state) {
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    std::optional<model::Policy> policy =
        check::CheckSource("bench.landlock", text, check::Options{}, diags);
    if (!policy) state.SkipWithError("the generated policy has errors");
    benchmark::DoNotOptimize(policy);
  }
  SetRate(state, grants, text.size());
}

// The check phase alone: the statement pass over an already parsed policy, and the model. The
// check phase takes the parsed files over (it frees them before building the model), so each
// iteration parses anew, untimed.
void BM_Check(benchmark::State& state) {
  int grants = static_cast<int>(state.range(0));
  std::string text = GeneratePolicy(grants);
  for (auto _ : state) {
    state.PauseTiming();
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    check::LoadedPolicy loaded = check::LoadSource("bench.landlock", text, check::Options{}, diags);
    state.ResumeTiming();
    model::Policy policy = check::CheckPolicy(std::move(loaded), diags);
    if (diags.error_count() != 0) state.SkipWithError("the generated policy has errors");
    benchmark::DoNotOptimize(policy.layers.data());
  }
  SetRate(state, grants, text.size());
}

BENCHMARK(BM_Parse)->Arg(100)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Check)->Arg(100)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAndCheck)->Arg(100)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace landlockc

BENCHMARK_MAIN();
