// SPDX-License-Identifier: MIT
// The policy-wide statements: abi, requires, threads, names, layers and their count.
#include "compiler/check/policy.h"

#include <cstdio>

#include "compiler/check/check_test_support.h"
#include "compiler/codegen/codegen.h"
#include "runtime/blob_format.h"

namespace landlockc::check {
namespace {

using ::testing::ElementsAre;

class PolicyTest : public CheckTest {};

TEST_F(PolicyTest, UnpinnedAbiIsTheNewest) {
  model::Policy policy = CheckClean("allow read on \"/usr\";");
  EXPECT_EQ(policy.abi, abi::kNewestAbi);
  EXPECT_FALSE(policy.abi_pinned);
  EXPECT_EQ(policy.requires_abi, 0);
  EXPECT_FALSE(policy.threads_all);
  EXPECT_EQ(policy.highest_abi_used, abi::kNewestAbi);
  EXPECT_EQ(policy.files, std::vector<std::string>{"test.landlock"});
}

TEST_F(PolicyTest, PinnedAbiAndRequires) {
  model::Policy policy = CheckClean("abi 4;\nrequires abi 2;\nallow read on \"/usr\";");
  EXPECT_EQ(policy.abi, 4);
  EXPECT_TRUE(policy.abi_pinned);
  EXPECT_EQ(policy.abi_location.line, 1u);
  EXPECT_EQ(policy.requires_abi, 2);
  EXPECT_EQ(policy.requires_location.line, 2u);
  EXPECT_EQ(policy.highest_abi_used, 4);
}

TEST_F(PolicyTest, HighestAbiUsedFollowsHandledRights) {
  EXPECT_EQ(CheckClean("abi 7; handle fs: read;").highest_abi_used, 1);
  EXPECT_EQ(CheckClean("abi 7; handle fs: read + truncate;").highest_abi_used, 3);
  EXPECT_EQ(CheckClean("abi 7; handle scope: signal;").highest_abi_used, 6);
  EXPECT_EQ(CheckClean("abi 7; handle fs: read; log same_exec off;").highest_abi_used, 7);
  EXPECT_EQ(CheckClean("abi 6;\nlayer deny_all {}").highest_abi_used, 6);
}

TEST_F(PolicyTest, ThreadsAll) {
  model::Policy policy = CheckClean("abi 8;\nthreads all;\nhandle fs: read;");
  EXPECT_TRUE(policy.threads_all);
  EXPECT_EQ(policy.threads_location.line, 2u);
  EXPECT_EQ(policy.highest_abi_used, 8);
}

TEST_F(PolicyTest, ThreadsNeedAbi8) {
  EXPECT_FALSE(Check("abi 7;\nthreads all;\nhandle fs: read;"));
  EXPECT_THAT(Ids(), ElementsAre("right-newer-than-abi"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "`threads all` needs Landlock ABI 8, but the policy is written for ABI 7");
}

TEST_F(PolicyTest, AbiRangeAndDuplicates) {
  EXPECT_FALSE(
      Check("abi 0;\nabi 11;\nrequires abi 99999999999;\nrequires abi 3;\n"
            "threads all;\nthreads all;\nhandle fs: read;"));
  EXPECT_THAT(Ids(), ElementsAre("duplicate-abi", "duplicate-requires", "duplicate-threads",
                                 "abi-out-of-range", "abi-out-of-range"));
  EXPECT_EQ(diags_.diagnostics()[3].message, "`abi 0` is outside the known Landlock ABIs 1..10");
  EXPECT_EQ(diags_.diagnostics()[4].message,
            "`requires abi 99999999999` is outside the known Landlock ABIs 1..10");
  EXPECT_EQ(Notes(0),
            std::vector<std::string>{"test.landlock:1:1: the first `abi` statement is here"});
  EXPECT_EQ(Notes(1), std::vector<std::string>{
                          "test.landlock:3:1: the first `requires abi` statement is here"});
  EXPECT_EQ(Notes(2), std::vector<std::string>{
                          "test.landlock:5:1: the first `threads all` statement is here"});
}

TEST_F(PolicyTest, RequiresAboveAbi) {
  EXPECT_FALSE(Check("abi 3;\nrequires abi 4;\nhandle fs: read;"));
  EXPECT_THAT(Ids(), ElementsAre("requires-above-abi"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "`requires abi 4` is above the ABI the policy is written for (3)");
}

TEST_F(PolicyTest, AbiMayComeAfterItsUses) {
  EXPECT_FALSE(Check("allow truncate on \"/tmp\";\nabi 2;"));
  EXPECT_THAT(Ids(), ElementsAre("right-newer-than-abi"));
}

TEST_F(PolicyTest, NamesAreUsableAfterTheirDefinition) {
  EXPECT_FALSE(Check("allow ro on \"/usr\";\nlet ro = read;"));
  ASSERT_THAT(Ids(), ElementsAre("unknown-name"));
  EXPECT_EQ(Notes(0), std::vector<std::string>{"test.landlock:2:5: `ro` is defined here, later in "
                                               "the file; define it before this use"});
}

TEST_F(PolicyTest, LetKinds) {
  model::Policy policy = CheckClean(
      "let ro = read + execute;\n"
      "let alias = ro;\n"
      "let one = \"/srv\";\n"
      "let dirs = one, \"/opt//x/\";\n"
      "let web = port 80, 8000..8080;\n"
      "let web2 = web;\n"
      "handle fs: all; handle net: all;\n"
      "allow alias on dirs;\n"
      "allow connect_tcp on web2;\n"
      "allow bind_tcp on port web, 9;\n");
  ASSERT_EQ(policy.layers.size(), 1u);
  const model::Layer& layer = policy.layers[0];
  ASSERT_EQ(layer.fs_grants.size(), 2u);
  EXPECT_EQ(layer.fs_grants[0].path, "/srv");
  EXPECT_EQ(layer.fs_grants[1].path, "/opt/x");
  EXPECT_THAT(Names(abi::Category::kFs, layer.fs_grants[0].rights),
              ElementsAre("execute", "read_file", "read_dir"));
  ASSERT_EQ(layer.net_grants.size(), 5u);
  EXPECT_EQ(layer.net_grants[0].ports.low, 80);
  EXPECT_EQ(layer.net_grants[1].ports.low, 8000);
  EXPECT_EQ(layer.net_grants[1].ports.high, 8080);
  EXPECT_EQ(layer.net_grants[4].ports.low, 9);
  EXPECT_THAT(Names(abi::Category::kNet, layer.net_grants[4].rights), ElementsAre("bind_tcp"));
  // A path that came through a `let` points at the name in the `allow`.
  EXPECT_EQ(layer.fs_grants[1].path_location.line, 8u);
  EXPECT_EQ(layer.fs_grants[1].path_location.column, 16u);
}

TEST_F(PolicyTest, LetErrors) {
  EXPECT_FALSE(
      Check("let read = execute;\n"
            "let x = read;\n"
            "let x = write;\n"
            "let n = none;\n"
            "let p = \"/a\";\n"
            "let bad = p + read;\n"
            "handle fs: read;"));
  EXPECT_THAT(Ids(), ElementsAre("predefined-redefinition", "redefinition", "misplaced-none",
                                 "wrong-kind"));
}

// A `let` whose value has an error is reported once: its uses do not repeat it as a wrong kind
// (`r` written with a comma reads as a path list) or as a layer that handles nothing.
TEST_F(PolicyTest, UsesOfAFailedLetStaySilent) {
  EXPECT_FALSE(
      Check("let r = read, execute;\n"
            "let n = none;\n"
            "let p = \"/a\", \"rel\";\n"
            "let q = p;\n"
            "layer a { handle fs: r; }\n"
            "layer b { handle fs: n; }\n"
            "layer c { handle fs: read; allow read on q, p; }"));
  EXPECT_EQ(Rendered(),
            "test.landlock:1:9: error: `read` is a predefined rights set, but a path is expected "
            "here [wrong-kind]\n"
            "let r = read, execute;\n"
            "        ^~~~\n"
            "test.landlock:1:15: error: `execute` is a right, but a path is expected here "
            "[wrong-kind]\n"
            "let r = read, execute;\n"
            "              ^~~~~~~\n"
            "test.landlock:2:9: error: `none` is only allowed alone in a `handle` line "
            "[misplaced-none]\n"
            "let n = none;\n"
            "        ^~~~\n"
            "test.landlock:3:15: error: path `rel` is not absolute; start it with `/` or a "
            "variable such as `$HOME` [relative-path]\n"
            "let p = \"/a\", \"rel\";\n"
            "              ^~~~~\n");
}

TEST_F(PolicyTest, EmptyPolicy) {
  EXPECT_FALSE(Check("abi 3;\nlet ro = read;\n"));
  EXPECT_THAT(Ids(), ElementsAre("empty-policy"));
  EXPECT_EQ(Rendered(),
            "test.landlock:1:1: error: the policy has no layer; write a `layer` block or "
            "top-level rules [empty-policy]\n"
            "abi 3;\n"
            "^\n");
}

TEST_F(PolicyTest, EmptyFileIsAnEmptyPolicy) {
  EXPECT_FALSE(Check(""));
  EXPECT_THAT(Ids(), ElementsAre("empty-policy"));
}

TEST_F(PolicyTest, MixedTopLevelReportedOnce) {
  EXPECT_FALSE(Check("allow read on \"/a\";\nlayer x { handle fs: read; }\nallow read on \"/b\";"));
  EXPECT_THAT(Ids(), ElementsAre("mixed-top-level"));
  EXPECT_EQ(diags_.diagnostics()[0].line, 1u);
  EXPECT_EQ(Notes(0), std::vector<std::string>{"test.landlock:2:7: the first layer block is here"});
}

TEST_F(PolicyTest, LayersInOrder) {
  model::Policy policy =
      CheckClean("layer a { handle fs: read; }\nlayer b { handle fs: execute; }");
  ASSERT_EQ(policy.layers.size(), 2u);
  EXPECT_EQ(policy.layers[0].name, "a");
  EXPECT_EQ(policy.layers[1].name, "b");
  EXPECT_EQ(policy.layers[1].location.line, 2u);
}

TEST_F(PolicyTest, DuplicateLayer) {
  EXPECT_FALSE(Check("layer a { handle fs: read; }\nlayer a { handle fs: execute; }"));
  EXPECT_THAT(Ids(), ElementsAre("duplicate-layer"));
}

TEST_F(PolicyTest, SixteenLayersButNotSeventeen) {
  std::string text;
  for (int i = 0; i < abi::kMaxLayers; ++i)
    text += "layer l" + std::to_string(i) + " { handle fs: read; }\n";
  EXPECT_EQ(CheckClean(text).layers.size(), 16u);
  text += "layer l16 { handle fs: read; }\nlayer l17 { handle fs: read; }\n";
  EXPECT_FALSE(Check(text));
  EXPECT_THAT(Ids(), ElementsAre("too-many-layers"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "layer `l16` is one too many: the kernel stacks at most 16 layers");
}

TEST_F(PolicyTest, AtMostTheBoundOfKernelRulesPerLayer) {
  // A path grant is one rule, a port range one per port: every port four times for each of the
  // four network rights reaches the bound, 16 * 65536 = 2^20; `paths` paths go past it.
  auto policy = [](int paths) {
    std::string text;
    for (int copy = 0; copy < 4; ++copy)
      for (const char* right : {"bind_tcp", "connect_tcp", "bind_udp", "connect_send_udp"})
        text += std::string("allow ") + right + " on port 0..65535;\n";
    for (int i = 0; i < paths; ++i) text += "allow read on \"/p" + std::to_string(i) + "\";\n";
    return text;
  };
  EXPECT_EQ(CheckClean(policy(0)).layers.at(0).net_grants.size(), 16u);
  EXPECT_FALSE(Check(policy(1)));
  ASSERT_THAT(Ids(), ElementsAre("too-many-rules"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "layer `main` adds 1048577 kernel rules, one per path and one per port; a layer adds "
            "at most 1048576");
  EXPECT_EQ(diags_.diagnostics()[0].line, 1u);
}

// A layer's model is built once every statement is checked (the AST freed first): what it shows
// is reported where the layer's statements ended, before what later layers report.
TEST_F(PolicyTest, WhatTheBuiltLayerShowsKeepsItsPlace) {
  std::string text = "layer big {\n";
  for (int copy = 0; copy < 4; ++copy)
    for (const char* right : {"bind_tcp", "connect_tcp", "bind_udp", "connect_send_udp"})
      text += std::string("  allow ") + right + " on port 0..65535;\n";
  text += "  allow read on \"/p\";\n  allow read - read on \"/q\";\n}\n";
  text += "layer next { handle fs: read; allow execute on \"/bin\"; }\n";
  EXPECT_FALSE(Check(text));
  EXPECT_THAT(Ids(), ElementsAre("empty-grant", "too-many-rules", "unhandled-grant"));
  EXPECT_EQ(diags_.diagnostics()[1].line, 1u);
  EXPECT_EQ(diags_.diagnostics()[2].line, 21u);
}

// The model's paths outlive the AST, whichever way they were written.
TEST_F(PolicyTest, PathsOfEveryKindSurviveTheAst) {
  model::Policy policy = CheckClean(
      "let home = \"$HOME/.config/\";\n"
      "rules shared { allow read on \"/usr/share\", \"/srv//data/./x\"; }\n"
      "layer a {\n"
      "  allow read on \"/etc\";\n"
      "  allow read on \"/var//log/\";\n"
      "  allow read on \"/tab\\there\";\n"
      "  allow read on home;\n"
      "  use shared;\n"
      "}\n");
  const model::Layer& layer = policy.layers.at(0);
  std::vector<std::string> paths;
  std::vector<std::string> via;
  for (const model::FsGrant& grant : layer.fs_grants) {
    paths.push_back(grant.path);
    via.push_back(grant.via_rules);
  }
  EXPECT_THAT(paths, ElementsAre("/etc", "/var/log", "/tab\there", "${HOME}/.config", "/usr/share",
                                 "/srv/data/x"));
  EXPECT_THAT(via, ElementsAre("", "", "", "", "shared", "shared"));
  EXPECT_EQ(layer.fs_grants[3].path_location.line, 7u);
  EXPECT_EQ(layer.fs_grants[3].path_location.column, 17u);
  EXPECT_EQ(layer.fs_grants[5].location.line, 2u);
  EXPECT_EQ(layer.fs_grants[5].path_location.column, 44u);
}

// A top-level layer of `count` grants on the longest paths, `/000000/xx...`, `/000001/xx...`, ...,
// the last one `last` bytes long.
std::string LongGrants(int count, size_t last) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    char name[16];
    snprintf(name, sizeof name, "/%06d/", i);
    std::string path = name;
    path.resize(i + 1 == count ? last : blob::kMaxStringLength, 'x');
    text += "allow read on \"" + path + "\";\n";
  }
  return text;
}

TEST_F(PolicyTest, AtMostTheBoundOfBlobBytes) {
  // The blob grows by one byte per byte of the last path: find the grants that reach the bound
  // exactly, measuring with the code generator.
  constexpr size_t kShortest = 9;  // "/000000/x" (a trailing `/` would be dropped)
  auto size_of = [&](int count, size_t last) {
    llvm::SourceMgr sources;
    diag::DiagnosticEngine diags(sources);
    std::optional<model::Policy> policy =
        CheckSource("test.landlock", LongGrants(count, last), {}, diags);
    return policy ? codegen::EmitBlob(*policy).size() : 0;
  };
  // One grant and two give the bytes a longest path takes; the loop below then corrects for the
  // few paths that share less with the one before (and checks the bound with few 8 MiB policies).
  size_t one = size_of(1, kShortest);
  size_t per_grant = size_of(2, kShortest) - one;
  int count = 1 + static_cast<int>((blob::kMaxBlobSize - one) / per_grant);
  size_t last = 0;
  while (last == 0) {
    size_t built = size_of(count, kShortest);
    ASSERT_NE(built, 0u);
    if (built > blob::kMaxBlobSize)
      --count;
    else if (blob::kMaxBlobSize - built > blob::kMaxStringLength - kShortest)
      ++count;
    else
      last = kShortest + (blob::kMaxBlobSize - built);
  }
  model::Policy at_bound = CheckClean(LongGrants(count, last));
  EXPECT_EQ(codegen::EmitBlob(at_bound).size(), blob::kMaxBlobSize);
  EXPECT_FALSE(Check(LongGrants(count, last + 1)));
  ASSERT_THAT(Ids(), ElementsAre("blob-too-large"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "layer `main` brings the compiled policy to " + std::to_string(blob::kMaxBlobSize + 1) +
                " bytes; the runtime reads at most " + std::to_string(blob::kMaxBlobSize));
  EXPECT_EQ(diags_.diagnostics()[0].line, 1u);
}

TEST_F(PolicyTest, RulesBlocks) {
  model::Policy policy = CheckClean(
      "rules base { allow read on \"/usr\"; }\n"
      "rules more { use base; allow execute on \"/bin\"; use base; }\n"
      "layer a { use more; use base; allow read on \"/etc\"; }");
  const model::Layer& layer = policy.layers.at(0);
  ASSERT_EQ(layer.fs_grants.size(), 3u);
  EXPECT_EQ(layer.fs_grants[0].path, "/usr");
  EXPECT_EQ(layer.fs_grants[0].via_rules, "base");
  EXPECT_EQ(layer.fs_grants[1].path, "/bin");
  EXPECT_EQ(layer.fs_grants[1].via_rules, "more");
  EXPECT_EQ(layer.fs_grants[2].path, "/etc");
  EXPECT_EQ(layer.fs_grants[2].via_rules, "");
  EXPECT_EQ(layer.fs_grants[0].location.line, 1u);
}

TEST_F(PolicyTest, RulesErrors) {
  EXPECT_FALSE(
      Check("rules a { use a; }\n"
            "rules b { use c; }\n"
            "rules c { use b; }\n"
            "let p = \"/x\";\n"
            "layer l { use p; use aa; }"));
  EXPECT_THAT(Ids(),
              ElementsAre("recursive-rules", "unknown-rules", "wrong-kind", "unknown-rules"));
  EXPECT_EQ(diags_.diagnostics()[0].message, "`rules a` uses itself");
  EXPECT_EQ(Notes(1), std::vector<std::string>{"test.landlock:3:7: `c` is defined here, later in "
                                               "the file; define it before this use"});
  EXPECT_EQ(diags_.diagnostics()[2].message,
            "`p` is a path list, but a `rules` block is expected here");
  EXPECT_EQ(diags_.diagnostics()[3].message, "unknown `rules` block `aa`; did you mean `a`?");
}

TEST_F(PolicyTest, LongRulesChainsDoNotRecurse) {
  std::string text = "rules r0 { allow read on \"/r0\"; }\n";
  for (int i = 1; i < 20000; ++i)
    text += "rules r" + std::to_string(i) + " { use r" + std::to_string(i - 1) + "; }\n";
  text += "layer a { use r19999; use r5; }\n";
  model::Policy policy = CheckClean(text);
  ASSERT_EQ(policy.layers.at(0).fs_grants.size(), 1u);
  EXPECT_EQ(policy.layers[0].fs_grants[0].via_rules, "r0");
}

TEST_F(PolicyTest, ExponentialUseIsLinear) {
  // Each block uses the previous one twice: spliced once per layer, it stays one grant.
  std::string text = "rules r0 { allow read on \"/r0\"; }\n";
  for (int i = 1; i < 64; ++i) {
    std::string previous = "r" + std::to_string(i - 1);
    text += "rules r" + std::to_string(i) + " { use " + previous + "; use " + previous + "; }\n";
  }
  text += "layer a { use r63; }\n";
  EXPECT_EQ(CheckClean(text).layers.at(0).fs_grants.size(), 1u);
}

}  // namespace
}  // namespace landlockc::check
