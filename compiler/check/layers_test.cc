// SPDX-License-Identifier: MIT
// Layers: handled sets and their defaults, explicit sets, `all`, grants, `use`, `log`.
#include "compiler/check/layers.h"

#include "compiler/check/check_test_support.h"

namespace landlockc::check {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
constexpr auto kFs = abi::Category::kFs;
constexpr auto kNet = abi::Category::kNet;
constexpr auto kScope = abi::Category::kScope;

class LayersTest : public CheckTest {
 protected:
  model::Layer OneLayer(llvm::StringRef text) {
    model::Policy policy = CheckClean(text);
    EXPECT_EQ(policy.layers.size(), 1u);
    return policy.layers.empty() ? model::Layer{} : policy.layers[0];
  }
};

TEST_F(LayersTest, NoHandleLineHandlesEverythingUpToTheAbi) {
  model::Layer layer = OneLayer("abi 6;\nallow read on \"/usr\";");
  EXPECT_EQ(layer.name, "main");
  EXPECT_TRUE(layer.deny_by_default);
  EXPECT_EQ(layer.handled.fs, abi::RightsForAbi(kFs, 6));
  EXPECT_EQ(layer.handled.net, abi::RightsForAbi(kNet, 6));
  EXPECT_EQ(layer.handled.scope, abi::RightsForAbi(kScope, 6));
  EXPECT_THAT(Names(kFs, layer.explicit_handled.fs), ElementsAre("read_file", "read_dir"));
  EXPECT_EQ(layer.explicit_handled.net, 0u);
  EXPECT_EQ(layer.explicit_handled.scope, 0u);
}

TEST_F(LayersTest, UnpinnedDenyByDefaultCoversTheNewestAbi) {
  model::Layer layer = OneLayer("layer x { allow read on \"/usr\"; }");
  EXPECT_EQ(layer.handled.net, abi::RightsForAbi(kNet, abi::kNewestAbi));
  EXPECT_TRUE(layer.handled.fs & LANDLOCK_ACCESS_FS_RESOLVE_UNIX);
}

TEST_F(LayersTest, HandleLinesAddUp) {
  model::Layer layer = OneLayer(
      "abi 7;\nlayer x {\n  handle fs: read;\n  handle fs: execute;\n  handle scope: signal;\n}");
  EXPECT_FALSE(layer.deny_by_default);
  EXPECT_THAT(Names(kFs, layer.handled.fs), ElementsAre("execute", "read_file", "read_dir"));
  EXPECT_EQ(layer.handled.net, 0u);
  EXPECT_THAT(Names(kScope, layer.handled.scope), ElementsAre("signal"));
  EXPECT_EQ(layer.explicit_handled, layer.handled);
}

TEST_F(LayersTest, HandleAllIsNotExplicit) {
  model::Layer layer = OneLayer("abi 3;\nhandle fs: all - refer;\nhandle net: none;");
  EXPECT_EQ(layer.handled.fs, abi::RightsForAbi(kFs, 3) & ~LANDLOCK_ACCESS_FS_REFER);
  EXPECT_EQ(layer.handled.net, 0u);
  EXPECT_EQ(layer.explicit_handled.fs, 0u);
}

TEST_F(LayersTest, ExplicitComesFromHandleAndAllowLists) {
  model::Layer layer = OneLayer(
      "abi 4;\nhandle fs: all;\nhandle net: tcp;\nallow read_file + truncate on \"/a\";\n"
      "allow all on \"/b\";");
  EXPECT_THAT(Names(kFs, layer.explicit_handled.fs), ElementsAre("read_file", "truncate"));
  EXPECT_THAT(Names(kNet, layer.explicit_handled.net), ElementsAre("bind_tcp", "connect_tcp"));
}

TEST_F(LayersTest, AllowAllMeansWhatTheLayerHandles) {
  model::Layer layer =
      OneLayer("handle fs: read + execute;\nallow all on \"/a\";\nallow all - execute on \"/b\";");
  ASSERT_EQ(layer.fs_grants.size(), 2u);
  EXPECT_EQ(layer.fs_grants[0].rights, layer.handled.fs);
  EXPECT_EQ(layer.fs_grants[0].requested, layer.handled.fs);
  EXPECT_THAT(Names(kFs, layer.fs_grants[1].rights), ElementsAre("read_file", "read_dir"));
}

TEST_F(LayersTest, AllInALetFollowsEachUse) {
  model::Policy policy = CheckClean(
      "let most = all - execute;\n"
      "layer a { handle fs: read + execute; allow most on \"/a\"; }\n"
      "layer b { handle fs: write_file + execute; allow most on \"/b\"; }");
  EXPECT_THAT(Names(kFs, policy.layers[0].fs_grants[0].rights),
              ElementsAre("read_file", "read_dir"));
  EXPECT_THAT(Names(kFs, policy.layers[1].fs_grants[0].rights), ElementsAre("write_file"));
}

TEST_F(LayersTest, GrantDetails) {
  model::Layer layer = OneLayer(
      "layer web {\n"
      "  allow read on \"/srv/www\", \"$HOME/site/\" optional;\n"
      "  allow connect_tcp on port 5432, 9000..9010;\n"
      "}");
  ASSERT_EQ(layer.fs_grants.size(), 2u);
  const model::FsGrant& site = layer.fs_grants[1];
  EXPECT_EQ(site.path, "${HOME}/site");
  EXPECT_TRUE(site.optional);
  EXPECT_EQ(site.location.file, "test.landlock");
  EXPECT_EQ(site.location.line, 2u);
  EXPECT_EQ(site.location.column, 3u);
  EXPECT_EQ(site.location.end_line, 2u);
  EXPECT_EQ(site.location.end_column, 52u);
  EXPECT_EQ(site.path_location.column, 29u);
  EXPECT_EQ(site.path_location.end_column, 42u);
  ASSERT_EQ(layer.net_grants.size(), 2u);
  EXPECT_EQ(layer.net_grants[1].ports.low, 9000);
  EXPECT_EQ(layer.net_grants[1].ports.high, 9010);
  EXPECT_EQ(layer.net_grants[1].port_location.column, 35u);
  EXPECT_TRUE(layer.fs_grants[0].optional);  // `optional` covers the whole list
}

// Grants enter the layer as their statements come, and get their rights once the layer's last
// `handle` line is known.
TEST_F(LayersTest, GrantsBeforeAHandleLineFollowIt) {
  model::Policy policy = CheckClean(
      "rules r { allow all on \"/r\"; }\n"
      "layer a { allow all on \"/a\"; use r; allow read on \"/b\"; handle fs: read; }\n"
      "layer b { use r; handle fs: execute; }");
  const model::Layer& a = policy.layers[0];
  ASSERT_EQ(a.fs_grants.size(), 3u);
  EXPECT_EQ(a.fs_grants[0].path, "/a");
  EXPECT_EQ(a.fs_grants[1].path, "/r");
  EXPECT_EQ(a.fs_grants[1].via_rules, "r");
  EXPECT_EQ(a.fs_grants[2].path, "/b");
  for (const model::FsGrant& grant : a.fs_grants)
    EXPECT_THAT(Names(kFs, grant.rights), ElementsAre("read_file", "read_dir"));
  // The block's grant is copied into each layer that uses it, with that layer's rights.
  const model::Layer& b = policy.layers[1];
  ASSERT_EQ(b.fs_grants.size(), 1u);
  EXPECT_EQ(b.fs_grants[0].path, "/r");
  EXPECT_THAT(Names(kFs, b.fs_grants[0].rights), ElementsAre("execute"));
}

// The grant list is sized by the statement count; a statement of many paths outgrows it.
TEST_F(LayersTest, MorePathsThanStatements) {
  std::string text = "layer a {\n  allow read on \"/p0\"";
  for (int i = 1; i < 100; ++i) text += ", \"/p" + std::to_string(i) + "\"";
  text += ";\n  allow execute on \"/x\";\n}";
  model::Layer layer = OneLayer(text);
  ASSERT_EQ(layer.fs_grants.size(), 101u);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(layer.fs_grants[i].path, "/p" + std::to_string(i));
    EXPECT_THAT(Names(kFs, layer.fs_grants[i].rights), ElementsAre("read_file", "read_dir"));
    EXPECT_EQ(layer.fs_grants[i].location.line, 2u);
  }
  EXPECT_EQ(layer.fs_grants[100].path, "/x");
  EXPECT_THAT(Names(kFs, layer.fs_grants[100].rights), ElementsAre("execute"));
}

TEST_F(LayersTest, UnhandledGrantWarnsAndKeepsOnlyHandledRights) {
  std::optional<model::Policy> policy =
      Check("handle fs: read;\nallow read + execute on \"/a\";\nallow tcp on port 80;");
  ASSERT_TRUE(policy);  // warnings only
  EXPECT_THAT(Ids(), ElementsAre("unhandled-grant", "unhandled-grant"));
  EXPECT_EQ(Rendered(),
            "test.landlock:2:7: warning: layer `main` does not handle `execute`, so granting it "
            "has no effect [unhandled-grant]\n"
            "allow read + execute on \"/a\";\n"
            "      ^~~~~~~~~~~~~~\n"
            "test.landlock:3:7: warning: layer `main` does not handle `bind_tcp`, `connect_tcp`, "
            "so granting them has no effect [unhandled-grant]\n"
            "allow tcp on port 80;\n"
            "      ^~~\n");
  const model::Layer& layer = policy->layers[0];
  EXPECT_THAT(Names(kFs, layer.fs_grants[0].requested),
              ElementsAre("execute", "read_file", "read_dir"));
  EXPECT_THAT(Names(kFs, layer.fs_grants[0].rights), ElementsAre("read_file", "read_dir"));
  EXPECT_EQ(layer.net_grants[0].rights, 0u);
  // Unhandled rights are not explicit.
  EXPECT_EQ(layer.explicit_handled.net, 0u);
  EXPECT_FALSE(layer.explicit_handled.fs & LANDLOCK_ACCESS_FS_EXECUTE);
}

TEST_F(LayersTest, UnhandledGrantsThroughUseAreSilent) {
  model::Layer layer =
      OneLayer("rules r { allow read + execute on \"/a\"; }\nlayer x { handle fs: read; use r; }");
  ASSERT_EQ(layer.fs_grants.size(), 1u);
  EXPECT_THAT(Names(kFs, layer.fs_grants[0].rights), ElementsAre("read_file", "read_dir"));
  EXPECT_EQ(layer.fs_grants[0].via_rules, "r");
}

TEST_F(LayersTest, EmptyGrant) {
  EXPECT_TRUE(Check("handle fs: read;\nallow read - read on \"/a\";\nallow all on port 1;"));
  EXPECT_THAT(Ids(), ElementsAre("empty-grant", "empty-grant"));
}

TEST_F(LayersTest, EmptyLayer) {
  EXPECT_FALSE(Check("layer x { handle fs: none; handle net: read_file - read_file; }"));
  EXPECT_THAT(Ids(), ElementsAre("wrong-category"));  // no `empty-layer` on top of it
}

TEST_F(LayersTest, EmptyLayerWithNone) {
  EXPECT_FALSE(Check("layer x { handle fs: none; }"));
  EXPECT_THAT(Ids(), ElementsAre("empty-layer"));
  EXPECT_EQ(diags_.diagnostics()[0].message, "layer `x` handles nothing, so it restricts nothing");
}

TEST_F(LayersTest, CategoryErrors) {
  EXPECT_FALSE(
      Check("abi 7;\nlayer x {\n"
            "  handle fs: read + bind_tcp;\n"
            "  allow read + bind_tcp on \"/a\";\n"
            "  allow bind_tcp on \"/a\";\n"
            "  allow read on port 1;\n"
            "  allow signal on \"/a\";\n"
            "  allow none on \"/a\";\n"
            "  allow bind_tcp on port 1 optional;\n"
            "}"));
  EXPECT_THAT(Ids(),
              ElementsAre("wrong-category", "mixed-categories", "net-right-on-path",
                          "fs-right-on-port", "scope-grant", "misplaced-none", "optional-port"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "`bind_tcp` is in the net category, but this line handles fs rights");
  EXPECT_EQ(diags_.diagnostics()[2].message,
            "net rights (`bind_tcp`) are granted on ports, not on paths");
  EXPECT_EQ(diags_.diagnostics()[4].column, 9u);
}

TEST_F(LayersTest, TargetsOfTheWrongKind) {
  EXPECT_FALSE(
      Check("let ro = read;\nlet web = port 80;\n"
            "allow read on ro;\n"
            "allow read on \"/a\", web;\n"
            "allow read on \"/a\" + \"/b\";\n"
            "allow \"/a\" on \"/b\";\n"
            "allow read on sitee;\n"));
  EXPECT_THAT(Ids(),
              ElementsAre("wrong-kind", "wrong-kind", "wrong-kind", "wrong-kind", "unknown-name"));
  EXPECT_EQ(diags_.diagnostics()[0].message, "`ro` is a rights set, but a path is expected here");
  EXPECT_EQ(diags_.diagnostics()[1].message, "`web` is a port list, but a path is expected here");
  EXPECT_EQ(diags_.diagnostics()[3].message,
            "`\"/a\"` is a path, but a rights set is expected here");
}

TEST_F(LayersTest, Log) {
  model::Layer layer =
      OneLayer("abi 7;\nhandle fs: read;\nlog same_exec off, new_exec on;\nlog subdomains off;");
  EXPECT_EQ(layer.log_flags, LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF |
                                 LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON |
                                 LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF);
  EXPECT_EQ(layer.log_location.line, 3u);
}

TEST_F(LayersTest, LogDefaultsSetNothing) {
  model::Layer layer =
      OneLayer("abi 7;\nhandle fs: read;\nlog same_exec on, new_exec off, subdomains on;");
  EXPECT_EQ(layer.log_flags, 0u);
}

TEST_F(LayersTest, LogErrors) {
  EXPECT_FALSE(Check("abi 6;\nhandle fs: read;\nlog same_exec off;\n"));
  EXPECT_THAT(Ids(), ElementsAre("right-newer-than-abi"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "`same_exec off` needs Landlock ABI 7, but the policy is written for ABI 6");
}

TEST_F(LayersTest, LogSettingTwice) {
  EXPECT_FALSE(Check("handle fs: read;\nlog same_exec off;\nlog same_exec on;\n"));
  EXPECT_THAT(Ids(), ElementsAre("duplicate-log-setting"));
}

}  // namespace
}  // namespace landlockc::check
