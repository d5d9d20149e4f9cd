// SPDX-License-Identifier: MIT
#include "lint/access_model.h"

#include <gtest/gtest.h>

#include "runtime/abi_table.h"

namespace landlockc::lint {
namespace {

using Kind = LayerDecision::Kind;

constexpr uint64_t kRead = LANDLOCK_ACCESS_FS_READ_FILE;
constexpr uint64_t kReadDir = LANDLOCK_ACCESS_FS_READ_DIR;
constexpr uint64_t kWrite = LANDLOCK_ACCESS_FS_WRITE_FILE;
constexpr uint64_t kExecute = LANDLOCK_ACCESS_FS_EXECUTE;
constexpr uint64_t kRefer = LANDLOCK_ACCESS_FS_REFER;
constexpr uint64_t kMakeReg = LANDLOCK_ACCESS_FS_MAKE_REG;
constexpr uint64_t kRemoveFile = LANDLOCK_ACCESS_FS_REMOVE_FILE;
constexpr uint64_t kTruncate = LANDLOCK_ACCESS_FS_TRUNCATE;
constexpr uint64_t kBind = LANDLOCK_ACCESS_NET_BIND_TCP;
constexpr uint64_t kConnect = LANDLOCK_ACCESS_NET_CONNECT_TCP;

model::Layer Layer(std::string name, uint64_t fs, uint64_t net = 0, uint64_t scope = 0) {
  model::Layer layer;
  layer.name = std::move(name);
  layer.handled = {fs, net, scope};
  return layer;
}

void Grant(model::Layer& layer, std::string path, uint64_t rights) {
  model::FsGrant grant;
  grant.path = std::move(path);
  grant.requested = rights;
  grant.rights = rights & layer.handled.fs;
  layer.fs_grants.push_back(grant);
}

void GrantPorts(model::Layer& layer, uint16_t low, uint16_t high, uint64_t rights) {
  model::NetGrant grant;
  grant.ports = {low, high};
  grant.requested = rights;
  grant.rights = rights & layer.handled.net;
  layer.net_grants.push_back(grant);
}

model::Policy PolicyOf(std::vector<model::Layer> layers) {
  model::Policy policy;
  policy.abi = abi::kNewestAbi;
  policy.layers = std::move(layers);
  return policy;
}

const uint64_t kAllFs = abi::RightsForAbi(abi::Category::kFs, abi::kNewestAbi);

TEST(AccessModelTest, GrantsInheritDownTheHierarchyOnly) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "/a", kRead);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 10);
  EXPECT_TRUE(model.QueryFs("/a", kRead, ObjectKind::kDirectory).allowed);
  EXPECT_TRUE(model.QueryFs("/a/b/c", kRead, ObjectKind::kFile).allowed);
  EXPECT_FALSE(model.QueryFs("/ab", kRead, ObjectKind::kFile).allowed);
  EXPECT_FALSE(model.QueryFs("/", kRead, ObjectKind::kDirectory).allowed);
  EXPECT_FALSE(model.QueryFs("/a/b", kWrite, ObjectKind::kFile).allowed);
}

TEST(AccessModelTest, ReportsTheNearestGrant) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "/a", kRead);
  Grant(layer, "/a/b", kRead | kWrite);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 10);
  Verdict verdict = model.QueryFs("/a/b/c", kRead, ObjectKind::kFile);
  ASSERT_EQ(verdict.layers.size(), 1u);
  EXPECT_EQ(verdict.layers[0].kind, Kind::kAllowed);
  EXPECT_EQ(verdict.layers[0].fs_grant, &policy.layers[0].fs_grants[1]);
}

TEST(AccessModelTest, GrantsOnOnePathUnion) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "/a", kRead);
  Grant(layer, "/a", kWrite);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 10);
  EXPECT_EQ(model.GrantedFs(0, "/a/x", ObjectKind::kFile), kRead | kWrite);
}

TEST(AccessModelTest, LayersIntersect) {
  model::Layer first = Layer("first", kAllFs);
  Grant(first, "/a", kRead | kExecute);
  model::Layer second = Layer("second", kExecute);
  Grant(second, "/a/bin", kExecute);
  model::Policy policy = PolicyOf({first, second});
  AccessModel model(policy, 10);
  Verdict read = model.QueryFs("/a/f", kRead, ObjectKind::kFile);
  EXPECT_TRUE(read.allowed);
  EXPECT_EQ(read.layers[1].kind, Kind::kNotHandled);
  Verdict exec = model.QueryFs("/a/f", kExecute, ObjectKind::kFile);
  EXPECT_FALSE(exec.allowed);
  EXPECT_EQ(exec.layers[0].kind, Kind::kAllowed);
  EXPECT_EQ(exec.layers[1].kind, Kind::kDenied);
  EXPECT_TRUE(model.QueryFs("/a/bin/tool", kExecute, ObjectKind::kFile).allowed);
}

TEST(AccessModelTest, AGrantOnAFileKeepsOnlyFileRights) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "/a/f", kRead | kReadDir | kMakeReg);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 10);
  EXPECT_TRUE(model.QueryFs("/a/f", kRead, ObjectKind::kFile).allowed);
  EXPECT_FALSE(model.QueryFs("/a/f", kMakeReg, ObjectKind::kFile).allowed);
  EXPECT_TRUE(model.QueryFs("/a/f", kMakeReg, ObjectKind::kDirectory).allowed);
}

TEST(AccessModelTest, RightsTheTargetLacksAreDropped) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "/a", kRead);
  model::Policy policy = PolicyOf({layer});
  // Truncate arrived in ABI 3: an ABI 2 kernel cannot restrict it.
  EXPECT_TRUE(AccessModel(policy, 2).QueryFs("/x", kTruncate, ObjectKind::kFile).allowed);
  EXPECT_FALSE(AccessModel(policy, 3).QueryFs("/x", kTruncate, ObjectKind::kFile).allowed);
  // No Landlock at all: nothing is restricted.
  AccessModel none(policy, 0);
  EXPECT_FALSE(none.Applied(0));
  EXPECT_TRUE(none.QueryFs("/x", kRead, ObjectKind::kFile).allowed);
}

TEST(AccessModelTest, ALayerHandlingNothingOnTheTargetIsNotApplied) {
  model::Layer fs = Layer("fs", kRead);
  model::Layer net = Layer("net", 0, kBind);
  model::Policy policy = PolicyOf({fs, net});
  AccessModel old(policy, 3);
  EXPECT_TRUE(old.Applied(0));
  EXPECT_FALSE(old.Applied(1));
  EXPECT_EQ(old.EffectiveHandledFs(1), 0u);
  AccessModel recent(policy, 4);
  EXPECT_TRUE(recent.Applied(1));
  // A network-only layer still blocks reparenting when the domain restricts the file system.
  EXPECT_EQ(recent.EffectiveHandledFs(1), kRefer);
}

TEST(AccessModelTest, EveryLayerBlocksReferUnlessItGrantsIt) {
  model::Layer first = Layer("first", kAllFs);
  Grant(first, "/a", kRefer | kMakeReg | kRemoveFile | kRead);
  model::Layer second = Layer("second", kRead);
  Grant(second, "/", kRead);
  model::Policy policy = PolicyOf({first, second});
  AccessModel model(policy, 10);
  Verdict verdict = model.QueryFs("/a", kRefer, ObjectKind::kDirectory);
  EXPECT_FALSE(verdict.allowed);
  EXPECT_EQ(verdict.layers[0].kind, Kind::kAllowed);
  EXPECT_EQ(verdict.layers[1].kind, Kind::kDenied);
  EXPECT_TRUE(verdict.layers[1].implicit_refer);
  EXPECT_FALSE(model.Reparent("/a/x/f", ObjectKind::kFile, "/a/y", false));
}

TEST(AccessModelTest, NoLayerRestrictingFilesMeansNoReferCheck) {
  model::Layer net = Layer("net", 0, kConnect);
  model::Policy policy = PolicyOf({net});
  AccessModel model(policy, 10);
  EXPECT_FALSE(model.RestrictsFs());
  EXPECT_TRUE(model.QueryFs("/a", kRefer, ObjectKind::kDirectory).allowed);
  EXPECT_TRUE(model.Reparent("/a/f", ObjectKind::kFile, "/b", true));
}

TEST(AccessModelTest, AbiOneDeniesEveryReparenting) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "/", kAllFs);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 1);
  EXPECT_FALSE(model.Reparent("/a/f", ObjectKind::kFile, "/b", false));
  EXPECT_TRUE(model.Reparent("/a/f", ObjectKind::kFile, "/a", false));
  EXPECT_TRUE(AccessModel(policy, 2).Reparent("/a/f", ObjectKind::kFile, "/b", false));
}

TEST(AccessModelTest, ReparentingMayNotGainRights) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "/src", kRefer | kRemoveFile);
  Grant(layer, "/dst", kRefer | kMakeReg | kRead);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 10);
  // The file would gain `read_file` in /dst.
  EXPECT_FALSE(model.Reparent("/src/f", ObjectKind::kFile, "/dst", true));
  // Unless it already has it, through a grant on itself.
  Grant(policy.layers[0], "/src/f", kRead);
  EXPECT_TRUE(AccessModel(policy, 10).Reparent("/src/f", ObjectKind::kFile, "/dst", true));
  // Renaming needs `remove_file` at the source, linking does not.
  model::Layer link_only = Layer("main", kAllFs);
  Grant(link_only, "/src", kRefer | kRead);
  Grant(link_only, "/dst", kRefer | kMakeReg | kRead);
  model::Policy links = PolicyOf({link_only});
  EXPECT_TRUE(AccessModel(links, 10).Reparent("/src/f", ObjectKind::kFile, "/dst", false));
  EXPECT_FALSE(AccessModel(links, 10).Reparent("/src/f", ObjectKind::kFile, "/dst", true));
}

TEST(AccessModelTest, PortGrantsUnionPerLayer) {
  model::Layer layer = Layer("main", 0, kBind | kConnect);
  GrantPorts(layer, 80, 80, kBind);
  GrantPorts(layer, 8000, 8010, kBind | kConnect);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 10);
  EXPECT_TRUE(model.QueryNet(80, kBind).allowed);
  EXPECT_FALSE(model.QueryNet(80, kConnect).allowed);
  EXPECT_TRUE(model.QueryNet(8005, kConnect).allowed);
  EXPECT_FALSE(model.QueryNet(8011, kBind).allowed);
  EXPECT_EQ(model.QueryNet(8005, kConnect).layers[0].net_grant, &policy.layers[0].net_grants[1]);
  EXPECT_TRUE(AccessModel(policy, 3).QueryNet(81, kBind).allowed);
}

TEST(AccessModelTest, ScopesDenyPeersOutsideTheDomain) {
  model::Layer scoped = Layer("scoped", kRead, 0, LANDLOCK_SCOPE_SIGNAL);
  model::Layer plain = Layer("plain", kRead);
  model::Policy policy = PolicyOf({scoped, plain});
  AccessModel model(policy, 10);
  Verdict signal = model.QueryScope(LANDLOCK_SCOPE_SIGNAL);
  EXPECT_FALSE(signal.allowed);
  EXPECT_EQ(signal.layers[0].kind, Kind::kDenied);
  EXPECT_EQ(signal.layers[1].kind, Kind::kNotHandled);
  EXPECT_TRUE(model.QueryScope(LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET).allowed);
  EXPECT_TRUE(AccessModel(policy, 5).QueryScope(LANDLOCK_SCOPE_SIGNAL).allowed);
}

TEST(AccessModelTest, VariablesCompareSymbolically) {
  model::Layer layer = Layer("main", kAllFs);
  Grant(layer, "${HOME}", kRead);
  Grant(layer, "/", kExecute);
  model::Policy policy = PolicyOf({layer});
  AccessModel model(policy, 10);
  EXPECT_TRUE(model.QueryFs("${HOME}/.ssh", kRead, ObjectKind::kDirectory).allowed);
  EXPECT_FALSE(model.QueryFs("/home/me", kRead, ObjectKind::kDirectory).allowed);
  // Whatever `$HOME` holds is an absolute path, so a grant on `/` covers it (as in the kernel).
  Verdict verdict = model.QueryFs("${HOME}/.ssh", kExecute, ObjectKind::kFile);
  EXPECT_TRUE(verdict.allowed);
  ASSERT_NE(verdict.layers[0].fs_grant, nullptr);
  EXPECT_EQ(verdict.layers[0].fs_grant->path, "/");
  // Nothing else is known about its value: `/home` does not cover it.
  model::Layer home = Layer("home", kAllFs);
  Grant(home, "/home", kRead);
  model::Policy home_policy = PolicyOf({home});
  EXPECT_FALSE(AccessModel(home_policy, 10).QueryFs("${HOME}/x", kRead, ObjectKind::kFile).allowed);
}

// The bulk queries `diff` uses agree with the one-right queries `explain` uses, right by right.
TEST(AccessModelTest, BulkQueriesAgreeWithQueries) {
  model::Layer first = Layer("first", kAllFs, kBind | kConnect, LANDLOCK_SCOPE_SIGNAL);
  Grant(first, "/a", kRead | kReadDir | kMakeReg);
  Grant(first, "/a/b/file", kWrite | kMakeReg);
  Grant(first, "${HOME}", kExecute);
  Grant(first, "/", kTruncate);
  GrantPorts(first, 80, 90, kBind);
  GrantPorts(first, 85, 100, kBind | kConnect);
  model::Layer second = Layer("second", kRead | kWrite, kConnect);
  Grant(second, "/a/b", kRead | kWrite);
  GrantPorts(second, 95, 65535, kConnect);
  model::Policy policy = PolicyOf({first, second});
  AccessModel model(policy, 10);
  for (const char* path : {"/", "/a", "/a/b", "/a/b/file", "/a/c", "/x", "${HOME}", "${HOME}/y"}) {
    for (ObjectKind kind : {ObjectKind::kDirectory, ObjectKind::kFile}) {
      uint64_t expected = 0;
      for (const abi::Right& right : abi::kRights)
        if (right.category == abi::Category::kFs && model.QueryFs(path, right.bit, kind).allowed)
          expected |= right.bit;
      EXPECT_EQ(model.AllowedFs(path, kind), expected) << path;
    }
  }
  std::vector<PortSpan> spans = model.AllowedNet();
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans.front().ports.low, 0);
  EXPECT_EQ(spans.back().ports.high, 65535);
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) {
      EXPECT_EQ(spans[i].ports.low, spans[i - 1].ports.high + 1);
      EXPECT_NE(spans[i].allowed, spans[i - 1].allowed);
    }
    for (uint32_t port : {uint32_t{spans[i].ports.low}, uint32_t{spans[i].ports.high}}) {
      for (uint64_t right : {kBind, kConnect, uint64_t{LANDLOCK_ACCESS_NET_BIND_UDP}})
        EXPECT_EQ(model.QueryNet(static_cast<uint16_t>(port), right).allowed,
                  (spans[i].allowed & right) != 0)
            << port;
    }
  }
  // bind_tcp on 80..100 (first layer only handles it); connect_tcp on 95..100 (both layers).
  std::vector<std::pair<uint16_t, uint16_t>> runs;
  for (const PortSpan& span : spans) runs.emplace_back(span.ports.low, span.ports.high);
  EXPECT_EQ(runs, (std::vector<std::pair<uint16_t, uint16_t>>{
                      {0, 79}, {80, 94}, {95, 100}, {101, 65535}}));
  EXPECT_EQ(model.AllowedScopes(), uint64_t{LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET});
}

}  // namespace
}  // namespace landlockc::lint
