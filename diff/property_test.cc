// SPDX-License-Identifier: MIT
// The property that makes `diff` worth trusting: on random policy pairs, when it reports no
// widening, no access that NEW allows is denied by OLD, for random concrete paths, rights and
// ports, both asked through `explain`. It also checks the converse: every widening or narrowing
// it reports is real, and every widened or narrowed access it meets lies under a reported one.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "diff/diff.h"
#include "diff/testing/diff_testing.h"
#include "lint/explain.h"
#include "lint/paths.h"
#include "lint/target.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/abi_table.h"

namespace landlockc::diff {
namespace {

// A variable no test environment sets: `${VAR}` grants stay symbolic in diff and are left out by
// explain for concrete paths, the same way for both policies.
constexpr const char* kVariable = "LANDLOCKC_DIFF_PROPERTY_UNSET";
constexpr const char* kFsRights[] = {"read_file", "read_dir",    "write_file", "execute",
                                     "make_reg",  "remove_file", "refer",      "truncate"};
constexpr const char* kNetRights[] = {"bind_tcp", "connect_tcp", "bind_udp"};
constexpr const char* kScopes[] = {"signal", "abstract_unix_socket"};
constexpr const char* kComponents[] = {"a", "b", "c"};
constexpr unsigned kPortSpace = 40;

struct FsGrant {
  std::vector<std::string> rights;
  std::string path;
};

struct NetGrant {
  std::vector<std::string> rights;
  unsigned low = 0;
  unsigned high = 0;
};

struct Layer {
  std::string name;
  bool deny_by_default = true;
  std::vector<std::string> handle_fs;
  std::vector<std::string> handle_net;
  std::vector<std::string> handle_scope;
  std::vector<FsGrant> fs;
  std::vector<NetGrant> net;
};

using Policy = std::vector<Layer>;

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }
  bool Chance(size_t one_in) { return Pick(one_in) == 0; }

  template <size_t N>
  std::vector<std::string> Subset(const char* const (&names)[N]) {
    std::vector<std::string> chosen;
    for (const char* name : names)
      if (Chance(2)) chosen.push_back(name);
    if (chosen.empty()) chosen.push_back(names[Pick(N)]);
    return chosen;
  }

  std::string Path() {
    std::string path = Chance(5) ? std::string("$") + kVariable : "";
    size_t depth = Pick(4);
    for (size_t i = 0; i < depth; ++i) path += std::string("/") + kComponents[Pick(3)];
    return path.empty() ? "/" : path;
  }

  FsGrant RandomFsGrant() { return {Subset(kFsRights), Path()}; }

  NetGrant RandomNetGrant() {
    unsigned low = static_cast<unsigned>(Pick(kPortSpace));
    unsigned high = Chance(2) ? low : low + static_cast<unsigned>(Pick(6));
    return {Subset(kNetRights), low, high};
  }

  Layer RandomLayer(std::string name) {
    Layer layer;
    layer.name = std::move(name);
    layer.deny_by_default = Chance(2);
    if (!layer.deny_by_default) {
      layer.handle_fs = Subset(kFsRights);
      if (Chance(2)) layer.handle_net = Subset(kNetRights);
      if (Chance(3)) layer.handle_scope = Subset(kScopes);
    }
    size_t fs = Pick(6);
    for (size_t i = 0; i < fs; ++i) layer.fs.push_back(RandomFsGrant());
    size_t net = Pick(3);
    for (size_t i = 0; i < net; ++i) layer.net.push_back(RandomNetGrant());
    return layer;
  }

  Policy RandomPolicy() {
    Policy policy;
    size_t layers = 1 + Pick(3);
    for (size_t i = 0; i < layers; ++i) policy.push_back(RandomLayer("l" + std::to_string(i)));
    return policy;
  }

  // A few random edits, most of them narrowing (so that many pairs do not widen), some widening.
  Policy Mutate(Policy policy) {
    size_t edits = 1 + Pick(3);
    for (size_t e = 0; e < edits; ++e) {
      Layer& layer = policy[Pick(policy.size())];
      switch (Pick(9)) {
        case 0:
          if (!layer.fs.empty()) layer.fs.erase(layer.fs.begin() + Pick(layer.fs.size()));
          break;
        case 1:
          if (!layer.fs.empty()) {
            FsGrant& grant = layer.fs[Pick(layer.fs.size())];
            if (grant.rights.size() > 1) grant.rights.erase(grant.rights.begin());
          }
          break;
        case 2:
          if (!layer.net.empty()) layer.net.erase(layer.net.begin() + Pick(layer.net.size()));
          break;
        case 3:
          if (!layer.deny_by_default) layer.handle_fs.push_back(kFsRights[Pick(8)]);
          break;
        case 4:
          if (policy.size() < 4)
            policy.push_back(RandomLayer("added" + std::to_string(policy.size())));
          break;
        case 5:
          if (!layer.fs.empty()) layer.fs[Pick(layer.fs.size())].path += "/c";
          break;
        case 6:
          layer.fs.push_back(RandomFsGrant());
          break;
        case 7:
          if (!layer.deny_by_default && layer.handle_fs.size() > 1) layer.handle_fs.pop_back();
          break;
        case 8:
          if (!layer.net.empty()) layer.net[Pick(layer.net.size())].high += 2;
          break;
      }
    }
    return policy;
  }

 private:
  std::mt19937 random_;
};

std::string Join(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : " + ") + name;
  return text;
}

std::string Render(const Policy& policy) {
  std::string text = "abi 10;\n";
  for (const Layer& layer : policy) {
    text += "layer " + layer.name + " {\n";
    if (!layer.deny_by_default) {
      text += "    handle fs: " + Join(layer.handle_fs) + ";\n";
      if (!layer.handle_net.empty()) text += "    handle net: " + Join(layer.handle_net) + ";\n";
      if (!layer.handle_scope.empty())
        text += "    handle scope: " + Join(layer.handle_scope) + ";\n";
    }
    for (const FsGrant& grant : layer.fs)
      text += "    allow " + Join(grant.rights) + " on \"" + grant.path + "\";\n";
    for (const NetGrant& grant : layer.net)
      text += "    allow " + Join(grant.rights) + " on port " + std::to_string(grant.low) + ".." +
              std::to_string(grant.high) + ";\n";
    text += "}\n";
  }
  return text;
}

// Whether `policy` allows the access, as `landlockc explain` decides it.
bool ExplainAllows(const model::Policy& policy, const lint::ExplainRequest& request,
                   const lint::Target& target) {
  llvm::Expected<bool> allowed = lint::Explain(policy, request, target, llvm::nulls());
  if (!allowed) {
    ADD_FAILURE() << llvm::toString(allowed.takeError());
    return false;
  }
  return *allowed;
}

lint::ExplainRequest FsRequest(const std::string& path, const char* right, lint::ObjectKind kind) {
  lint::ExplainRequest request;
  request.path = path;
  request.access = right;
  request.kind = kind;
  return request;
}

lint::ExplainRequest NetRequest(unsigned port, const char* right) {
  lint::ExplainRequest request;
  request.port = port;
  request.access = right;
  return request;
}

// A concrete path that may or may not be named: up to four components, a few unnamed.
std::string ConcretePath(Generator& generator) {
  static constexpr const char* kQueryComponents[] = {"a", "b", "c", "z"};
  std::string path = generator.Chance(5) ? std::string("${") + kVariable + "}" : "";
  size_t depth = generator.Pick(5);
  for (size_t i = 0; i < depth; ++i) path += std::string("/") + kQueryComponents[generator.Pick(4)];
  return path.empty() ? "/" : path;
}

bool Holds(const AccessChange& change, const std::string& path, uint64_t bit) {
  return change.category == abi::Category::kFs && (change.rights & bit) != 0 &&
         lint::IsSameOrBeneath(path, change.path);
}

bool HoldsPort(const AccessChange& change, unsigned port, uint64_t bit) {
  return change.category == abi::Category::kNet && (change.rights & bit) != 0 &&
         port >= change.ports.low && port <= change.ports.high;
}

bool AnyHolds(const std::vector<AccessChange>& changes, auto holds) {
  for (const AccessChange& change : changes)
    if (holds(change)) return true;
  return false;
}

const abi::Right& RightNamed(llvm::StringRef name) {
  for (const abi::Right& right : abi::kRights)
    if (name == right.name) return right;
  ADD_FAILURE() << "no right " << name.str();
  return abi::kRights[0];
}

// Every access the report names is one that the two policies decide differently.
void ExpectReportedChangesAreReal(const Report& report, const model::Policy& before,
                                  const model::Policy& after, const lint::Target& target) {
  for (bool widened : {true, false}) {
    const model::Policy& allows = widened ? after : before;
    const model::Policy& denies = widened ? before : after;
    for (const AccessChange& change : widened ? report.widened : report.narrowed) {
      for (const abi::Right& right : abi::kRights) {
        if (right.category != change.category || (change.rights & right.bit) == 0) continue;
        std::vector<lint::ExplainRequest> requests;
        if (change.category == abi::Category::kFs) {
          requests.push_back(FsRequest(change.path, right.name, lint::ObjectKind::kDirectory));
          requests.push_back(
              FsRequest(change.path + "/unnamed", right.name, lint::ObjectKind::kDirectory));
        } else if (change.category == abi::Category::kNet) {
          requests.push_back(NetRequest(change.ports.low, right.name));
          requests.push_back(NetRequest(change.ports.high, right.name));
        } else {
          lint::ExplainRequest request;
          request.access = right.name;
          requests.push_back(request);
        }
        for (const lint::ExplainRequest& request : requests) {
          EXPECT_TRUE(ExplainAllows(allows, request, target)) << right.name << " " << change.path;
          EXPECT_FALSE(ExplainAllows(denies, request, target)) << right.name << " " << change.path;
        }
      }
    }
  }
}

TEST(DiffPropertyTest, NoWideningMeansNewAllowsNothingOldDenies) {
  unsetenv(kVariable);
  Generator generator(20261206);
  int pairs_without_widening = 0;
  int pairs_with_widening = 0;
  for (int pair = 0; pair < 250; ++pair) {
    Policy old_policy = generator.RandomPolicy();
    Policy new_policy =
        generator.Chance(4) ? generator.RandomPolicy() : generator.Mutate(old_policy);
    std::string old_text = Render(old_policy);
    std::string new_text = Render(new_policy);
    std::unique_ptr<CheckedPolicy> before = CheckText("old.landlock", old_text);
    std::unique_ptr<CheckedPolicy> after = CheckText("new.landlock", new_text);
    ASSERT_TRUE(before->policy && after->policy) << old_text << "\n" << new_text;
    // Mostly the newest ABI; older targets drop the rights they lack from both policies.
    static constexpr int kTargets[] = {10, 10, 10, 6, 4, 3};
    int abi = kTargets[generator.Pick(std::size(kTargets))];
    lint::Target target{"abi:" + std::to_string(abi), abi};
    Report report = Compare(*before->policy, *after->policy, target);
    SCOPED_TRACE("OLD:\n" + old_text + "NEW:\n" + new_text + "on " + target.name);
    (report.widened.empty() ? pairs_without_widening : pairs_with_widening)++;
    ExpectReportedChangesAreReal(report, *before->policy, *after->policy, target);

    for (int probe = 0; probe < 40; ++probe) {
      std::string path = ConcretePath(generator);
      const abi::Right& right = RightNamed(kFsRights[generator.Pick(std::size(kFsRights))]);
      bool file = (right.bit & abi::kFileRights) != 0 && generator.Chance(2);
      lint::ExplainRequest request = FsRequest(
          path, right.name, file ? lint::ObjectKind::kFile : lint::ObjectKind::kDirectory);
      bool old_allows = ExplainAllows(*before->policy, request, target);
      bool new_allows = ExplainAllows(*after->policy, request, target);
      if (report.widened.empty()) {
        EXPECT_FALSE(new_allows && !old_allows) << right.name << " on " << path;
      }
      if (new_allows && !old_allows) {
        EXPECT_TRUE(
            AnyHolds(report.widened,
                     [&](const AccessChange& change) { return Holds(change, path, right.bit); }))
            << "unreported widening: " << right.name << " on " << path;
      }
      if (old_allows && !new_allows) {
        EXPECT_TRUE(
            AnyHolds(report.narrowed,
                     [&](const AccessChange& change) { return Holds(change, path, right.bit); }))
            << "unreported narrowing: " << right.name << " on " << path;
      }
    }
    for (int probe = 0; probe < 15; ++probe) {
      unsigned port = generator.Chance(5) ? static_cast<unsigned>(generator.Pick(65536))
                                          : static_cast<unsigned>(generator.Pick(kPortSpace + 8));
      const abi::Right& right = RightNamed(kNetRights[generator.Pick(std::size(kNetRights))]);
      lint::ExplainRequest request = NetRequest(port, right.name);
      bool old_allows = ExplainAllows(*before->policy, request, target);
      bool new_allows = ExplainAllows(*after->policy, request, target);
      if (report.widened.empty()) {
        EXPECT_FALSE(new_allows && !old_allows) << right.name << " on port " << port;
      }
      if (new_allows && !old_allows) {
        EXPECT_TRUE(AnyHolds(
            report.widened,
            [&](const AccessChange& change) { return HoldsPort(change, port, right.bit); }))
            << "unreported widening: " << right.name << " on port " << port;
      }
      if (old_allows && !new_allows) {
        EXPECT_TRUE(AnyHolds(
            report.narrowed,
            [&](const AccessChange& change) { return HoldsPort(change, port, right.bit); }))
            << "unreported narrowing: " << right.name << " on port " << port;
      }
    }
    for (const char* scope : kScopes) {
      lint::ExplainRequest request;
      request.access = scope;
      bool widened = ExplainAllows(*after->policy, request, target) &&
                     !ExplainAllows(*before->policy, request, target);
      if (widened) {
        EXPECT_TRUE(AnyHolds(report.widened,
                             [&](const AccessChange& change) {
                               return change.category == abi::Category::kScope &&
                                      (change.rights & RightNamed(scope).bit) != 0;
                             }))
            << "unreported widening: " << scope;
      }
    }
  }
  // The property is not vacuous: both kinds of pair occur often.
  EXPECT_GT(pairs_without_widening, 50);
  EXPECT_GT(pairs_with_widening, 50);
}

}  // namespace
}  // namespace landlockc::diff
