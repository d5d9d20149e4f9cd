// SPDX-License-Identifier: MIT
// `landlockc diff` on two large policies: 10,000 grants each (9,000 on paths, 1,000 on ports, in
// three layers), NEW being OLD with about one grant in a hundred widened, narrowed, moved or
// dropped, as a big pull request might do.
#include <benchmark/benchmark.h>

#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "diff/diff.h"
#include "lint/target.h"

namespace landlockc::diff {
namespace {

constexpr int kFsGrants = 9000;
constexpr int kNetGrants = 1000;
constexpr const char* kRights[] = {"read",       "read + execute",        "read_file",
                                   "read_write", "write_file + make_reg", "read_write - refer"};
constexpr const char* kLayerHandles[] = {"", "    handle fs: execute + write;\n",
                                         "    handle fs: read_file;\n    handle net: tcp;\n"};

struct Grant {
  int layer;
  std::string statement;
};

// A path in a tree of 10 x 30 x 40 directories under a few roots, some under `$HOME`.
std::string RandomPath(std::mt19937& random) {
  static constexpr const char* kRoots[] = {"/srv", "/var/lib", "/opt", "/usr/share", "$HOME"};
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  std::string path = kRoots[pick(5)];
  path += "/app" + std::to_string(pick(10));
  if (pick(4) != 0) path += "/part" + std::to_string(pick(30));
  if (pick(3) != 0) path += "/item" + std::to_string(pick(40));
  return path;
}

std::string FsGrant(std::mt19937& random) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  return std::string("allow ") + kRights[pick(6)] + " on \"" + RandomPath(random) + "\";";
}

std::string NetGrant(std::mt19937& random) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  int low = 1024 + pick(60000);
  std::string ports = std::to_string(low);
  if (pick(3) == 0) ports += ".." + std::to_string(low + pick(20));
  return std::string("allow ") + (pick(2) ? "bind_tcp" : "connect_tcp") + " on port " + ports + ";";
}

std::string Render(const std::vector<Grant>& grants) {
  std::string text = "abi 10;\n";
  for (int layer = 0; layer < 3; ++layer) {
    text += "layer l" + std::to_string(layer) + " {\n" + kLayerHandles[layer];
    for (const Grant& grant : grants)
      if (grant.layer == layer) text += "    " + grant.statement + "\n";
    text += "}\n";
  }
  return text;
}

struct Pair {
  std::string old_text;
  std::string new_text;
};

Pair GeneratePair() {
  std::mt19937 random(42);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  std::vector<Grant> grants;
  for (int i = 0; i < kFsGrants; ++i)
    grants.push_back({pick(10) < 8 ? 0 : 1 + pick(2), FsGrant(random)});
  for (int i = 0; i < kNetGrants; ++i) grants.push_back({pick(4) == 0 ? 2 : 0, NetGrant(random)});
  std::vector<Grant> changed = grants;
  for (Grant& grant : changed) {
    if (pick(100) != 0) continue;
    switch (pick(3)) {
      case 0:  // replaced by another grant (a path or port widened, narrowed or moved)
        grant.statement =
            grant.statement.find("port") != std::string::npos ? NetGrant(random) : FsGrant(random);
        break;
      case 1:  // dropped
        grant.statement = "";
        break;
      case 2:  // moved to another layer
        grant.layer = (grant.layer + 1) % 3;
        break;
    }
  }
  return {Render(grants), Render(changed)};
}

struct Checked {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags{sources};
  model::Policy policy;
};

std::unique_ptr<Checked> Check(const std::string& name, const std::string& text) {
  auto checked = std::make_unique<Checked>();
  std::optional<model::Policy> policy =
      check::CheckSource(name, text, check::Options{}, checked->diags);
  if (!policy) {
    checked->diags.Render(llvm::errs(), false);
    std::abort();
  }
  checked->policy = std::move(*policy);
  return checked;
}

const Pair& Policies() {
  static const Pair pair = GeneratePair();
  return pair;
}

// The comparison alone, on policies already checked: what `diff` adds to checking both.
void BM_Compare10kGrants(benchmark::State& state) {
  std::unique_ptr<Checked> before = Check("old.landlock", Policies().old_text);
  std::unique_ptr<Checked> after = Check("new.landlock", Policies().new_text);
  size_t differences = 0;
  for (auto _ : state) {
    Report report = Compare(before->policy, after->policy, lint::DefaultTarget());
    differences = report.widened.size() + report.narrowed.size() + report.policy.size();
    benchmark::DoNotOptimize(report);
  }
  state.counters["differences"] = static_cast<double>(differences);
}
BENCHMARK(BM_Compare10kGrants)->Unit(benchmark::kMillisecond);

// What `landlockc diff` does past reading the files: check both policies, then compare.
void BM_CheckAndCompare10kGrants(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<Checked> before = Check("old.landlock", Policies().old_text);
    std::unique_ptr<Checked> after = Check("new.landlock", Policies().new_text);
    Report report = Compare(before->policy, after->policy, lint::DefaultTarget());
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_CheckAndCompare10kGrants)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace landlockc::diff

BENCHMARK_MAIN();
