// SPDX-License-Identifier: MIT
// Linter throughput on a corpus of generated policies shaped like real ones: one to three layers,
// a dozen to forty grants on system, home and application paths, a few ports, an ignore comment.
#include <benchmark/benchmark.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "lint/access_model.h"
#include "lint/linter.h"
#include "runtime/abi_table.h"

namespace landlockc::lint {
namespace {

constexpr const char* kReadPaths[] = {"/usr",
                                      "/usr/lib",
                                      "/usr/share/zoneinfo",
                                      "/etc/ssl",
                                      "/etc/resolv.conf",
                                      "/etc/hosts",
                                      "/etc/ld.so.cache",
                                      "/lib",
                                      "/proc/self",
                                      "/opt/app/share",
                                      "$HOME/.config/app",
                                      "/etc/app",
                                      "/usr/share/locale",
                                      "/srv/www",
                                      "/etc/passwd"};
constexpr const char* kWritePaths[] = {
    "/var/log/app", "/var/lib/app", "$HOME/.cache/app", "/tmp/app",
    "/run/app",     "/srv/uploads", "/dev/null",        "$XDG_RUNTIME_DIR/app"};
constexpr const char* kRights[] = {"read",
                                   "read + execute",
                                   "read_file",
                                   "read_write",
                                   "write_file",
                                   "read_write - refer",
                                   "make_reg + write_file"};

std::string GeneratePolicy(std::mt19937& random) {
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  std::string text = "# generated policy\nabi 7;\n\n";
  size_t layers = 1 + pick(3);
  for (size_t l = 0; l < layers; ++l) {
    text += "layer l" + std::to_string(l) + " {\n";
    if (l > 0) text += "    handle fs: execute + write;\n";
    size_t grants = 12 + pick(28) / layers;
    for (size_t g = 0; g < grants; ++g) {
      bool write = pick(3) == 0;
      const char* path = write ? kWritePaths[pick(std::size(kWritePaths))]
                               : kReadPaths[pick(std::size(kReadPaths))];
      const char* rights = write ? kRights[3 + pick(4)] : kRights[pick(3)];
      text += std::string("    allow ") + rights + " on \"" + path + "\"";
      if (pick(4) == 0) text += " optional";
      text += ";";
      if (pick(10) == 0) text += " # lint:ignore redundant-grant generated";
      text += "\n";
    }
    if (l == 0) {
      text += "    allow connect_tcp on port 443, 5432;\n";
      text += "    allow bind_tcp on port 8080..8090;\n";
    }
    text += "}\n\n";
  }
  return text;
}

// A corpus of checked policies, each with its sources and the compiler's warnings.
struct Checked {
  std::string text;
  llvm::SourceMgr source_mgr;
  std::unique_ptr<diag::DiagnosticEngine> diags;
  model::Policy policy;
};

std::vector<std::unique_ptr<Checked>>& Corpus() {
  static std::vector<std::unique_ptr<Checked>> corpus = [] {
    std::vector<std::unique_ptr<Checked>> checked;
    std::mt19937 random(7);
    for (int i = 0; i < 200; ++i) {
      auto entry = std::make_unique<Checked>();
      entry->text = GeneratePolicy(random);
      entry->diags = std::make_unique<diag::DiagnosticEngine>(entry->source_mgr);
      std::optional<model::Policy> policy =
          check::CheckSource("p.landlock", entry->text, check::Options{}, *entry->diags);
      if (!policy) continue;
      entry->policy = std::move(*policy);
      checked.push_back(std::move(entry));
    }
    return checked;
  }();
  return corpus;
}

// Lint alone, on policies already checked: what the linter adds to `check`.
void BM_Lint(benchmark::State& state) {
  auto& corpus = Corpus();
  size_t findings = 0;
  size_t i = 0;
  for (auto _ : state) {
    Checked& entry = *corpus[i++ % corpus.size()];
    diag::DiagnosticEngine out(entry.source_mgr);
    Lint(entry.policy, LintOptions{}, entry.diags->diagnostics(), out);
    findings += out.diagnostics().size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["findings_per_policy"] =
      static_cast<double>(findings) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Lint);

// Lint against three targets at once.
void BM_LintThreeTargets(benchmark::State& state) {
  auto& corpus = Corpus();
  LintOptions options;
  options.targets = {{"debian-12", 2}, {"ubuntu-24.04", 4}, {"abi:10", 10}};
  size_t i = 0;
  for (auto _ : state) {
    Checked& entry = *corpus[i++ % corpus.size()];
    diag::DiagnosticEngine out(entry.source_mgr);
    Lint(entry.policy, options, entry.diags->diagnostics(), out);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_LintThreeTargets);

// What `landlockc lint` does per file: check, then lint.
void BM_CheckAndLint(benchmark::State& state) {
  auto& corpus = Corpus();
  size_t i = 0;
  for (auto _ : state) {
    const std::string& text = corpus[i++ % corpus.size()]->text;
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine check_diags(source_mgr);
    diag::DiagnosticEngine out(source_mgr);
    std::optional<model::Policy> policy =
        check::CheckSource("p.landlock", text, check::Options{}, check_diags);
    if (policy) Lint(*policy, LintOptions{}, check_diags.diagnostics(), out);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_CheckAndLint);

// Access-model queries: one fs right on one path, across all layers.
void BM_ModelQueryFs(benchmark::State& state) {
  auto& corpus = Corpus();
  std::vector<AccessModel> models;
  for (const auto& entry : corpus) models.emplace_back(entry->policy, 7);
  const char* paths[] = {"/usr/lib/x86_64-linux-gnu/libc.so.6",
                         "/etc/shadow",
                         "/var/log/app/x",
                         "${HOME}/.cache/app/y",
                         "/tmp/app/z",
                         "/srv/www/index.html"};
  size_t i = 0;
  for (auto _ : state) {
    const AccessModel& model = models[i % models.size()];
    const abi::Right& right = abi::kRights[i % 16];
    Verdict verdict = model.QueryFs(paths[i % std::size(paths)], right.bit, ObjectKind::kFile);
    benchmark::DoNotOptimize(verdict);
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ModelQueryFs);

// A policy of 10,000 grants (the size `diff` and CI are measured on): two layers of read, write
// and port grants on distinct paths, 50 directories of 100 entries each per layer.
std::string LargePolicy() {
  std::string text = "abi 10;\n";
  for (int layer = 0; layer < 2; ++layer) {
    text += "layer l" + std::to_string(layer) + " {\n";
    for (int i = 0; i < 4'990; ++i) {
      const char* rights = i % 3 == 0 ? "read_write - execute" : "read";
      text += "    allow " + std::string(rights) + " on \"/srv/app" + std::to_string(layer) + "/d" +
              std::to_string(i / 100) + "/f" + std::to_string(i) + "\";\n";
    }
    for (int port = 0; port < 10; ++port)
      text += "    allow connect_tcp on port " + std::to_string(10'000 + port) + ";\n";
    text += "}\n";
  }
  return text;
}

// `landlockc lint` on one 10,000-grant policy: lint alone, on the checked policy.
void BM_LintTenThousandGrants(benchmark::State& state) {
  static const std::string text = LargePolicy();
  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine check_diags(source_mgr);
  std::optional<model::Policy> policy =
      check::CheckSource("large.landlock", text, check::Options{}, check_diags);
  if (!policy) {
    state.SkipWithError("the generated policy does not compile");
    return;
  }
  size_t grants = 0;
  for (const model::Layer& layer : policy->layers)
    grants += layer.fs_grants.size() + layer.net_grants.size();
  for (auto _ : state) {
    diag::DiagnosticEngine out(source_mgr);
    Lint(*policy, LintOptions{}, check_diags.diagnostics(), out);
    benchmark::DoNotOptimize(out);
  }
  state.counters["grants"] = static_cast<double>(grants);
}
BENCHMARK(BM_LintTenThousandGrants)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace landlockc::lint

BENCHMARK_MAIN();
