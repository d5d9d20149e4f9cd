// SPDX-License-Identifier: MIT
// The language server on the document under edit: each `didChange` makes it check the whole
// policy again, lint it and publish the diagnostics. Target: under 10 ms for 1,000 grants.
#include <benchmark/benchmark.h>

#include <string>

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "lsp/server.h"

namespace landlockc::lsp {
namespace {

constexpr char kUri[] = "file:///srv/policies/large.landlock";

// 1,000 grants in one deny-by-default layer: 980 on distinct files (read, or read_write -
// execute) in ten directories, and 20 ports. It lints clean, as a policy under edit mostly does;
// lint's 10,000-grant policy (two disjoint deny-by-default layers) makes every grant ineffective.
std::string ThousandGrantPolicy() {
  std::string text = "abi 10;\nlayer app {\n";
  for (int i = 0; i < 980; ++i) {
    const char* rights = i % 3 == 0 ? "read_write - execute" : "read";
    text += "    allow " + std::string(rights) + " on \"/srv/app/d" + std::to_string(i / 100) +
            "/f" + std::to_string(i) + "\";\n";
  }
  for (int port = 0; port < 20; ++port)
    text += "    allow connect_tcp on port " + std::to_string(10'000 + port) + ";\n";
  return text + "}\n";
}

std::string Message(llvm::StringRef method, llvm::json::Object params) {
  return llvm::formatv("{0}",
                       llvm::json::Value(llvm::json::Object{
                           {"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}))
      .str();
}

// One keystroke: a full-text `didChange` of the open 1,000-grant policy, answered with its
// `publishDiagnostics`.
void BM_RecheckAndPublishThousandGrants(benchmark::State& state) {
  std::string text = ThousandGrantPolicy();
  Server server({});
  server.Handle(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  server.Handle(Message(
      "textDocument/didOpen",
      llvm::json::Object{
          {"textDocument",
           llvm::json::Object{
               {"uri", kUri}, {"languageId", "landlock"}, {"version", 1}, {"text", text}}}}));
  std::string change =
      Message("textDocument/didChange",
              llvm::json::Object{
                  {"textDocument", llvm::json::Object{{"uri", kUri}, {"version", 2}}},
                  {"contentChanges", llvm::json::Array{llvm::json::Object{{"text", text}}}}});
  size_t published = 0;
  for (auto _ : state) {
    std::vector<std::string> out = server.Handle(change);
    if (out.size() != 1) {
      state.SkipWithError("no publishDiagnostics");
      return;
    }
    published = out[0].size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes_published"] = static_cast<double>(published);
  state.counters["policy_bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_RecheckAndPublishThousandGrants)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace landlockc::lsp

BENCHMARK_MAIN();
