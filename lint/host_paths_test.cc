// SPDX-License-Identifier: MIT
#include "lint/host_paths.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace landlockc::lint {
namespace {

// A scratch tree:
//   real/           dir, real/file, real/sub/
//   dirlink -> real         filelink -> real/file      chain -> dirlink
//   rel -> ./real/sub/..    up -> real/sub/../..       loop -> loop
//   real/sub/out -> ../../other   other/             dangling -> nowhere
class HostPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/landlockc-host-paths-XXXXXX";
    ASSERT_NE(mkdtemp(name), nullptr);
    // The scratch directory itself may be reached through a link (/tmp on some systems).
    root_ = std::filesystem::canonical(name).string();
    std::filesystem::create_directories(root_ + "/real/sub");
    std::filesystem::create_directories(root_ + "/other");
    close(open((root_ + "/real/file").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    Link("real", "dirlink");
    Link(root_ + "/real/file", "filelink");
    Link("dirlink", "chain");
    Link("./real/sub/..", "rel");
    Link("loop", "loop");
    Link("nowhere", "dangling");
    Link("../../other", "real/sub/out");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Link(const std::string& target, const std::string& name) {
    ASSERT_EQ(symlink(target.c_str(), (root_ + "/" + name).c_str()), 0) << name;
  }

  std::string root_;
};

TEST_F(HostPathsTest, FollowsEveryLinkAsTheKernelDoes) {
  HostPath dir = ResolveOnHost(root_ + "/dirlink");
  EXPECT_EQ(dir.path, root_ + "/real");
  EXPECT_TRUE(dir.exists);
  EXPECT_EQ(dir.kind, ObjectKind::kDirectory);
  HostPath file = ResolveOnHost(root_ + "/filelink");
  EXPECT_EQ(file.path, root_ + "/real/file");
  EXPECT_EQ(file.kind, ObjectKind::kFile);
  EXPECT_EQ(ResolveOnHost(root_ + "/chain/file").path, root_ + "/real/file");
  EXPECT_EQ(ResolveOnHost(root_ + "/rel").path, root_ + "/real");
  EXPECT_EQ(ResolveOnHost(root_ + "/dirlink/sub/out").path, root_ + "/other");
  EXPECT_EQ(ResolveOnHost("/").path, "/");
}

TEST_F(HostPathsTest, DotDotIsTakenAfterResolution) {
  // `chain/sub/out/..` is the parent of `other` (the root), not `chain/sub`.
  EXPECT_EQ(ResolveOnHost(root_ + "/chain/sub/out/..").path, root_);
  EXPECT_EQ(ResolveOnHost(root_ + "/dirlink/../other/./").path, root_ + "/other");
  EXPECT_EQ(ResolveOnHost("/..").path, "/");
}

TEST_F(HostPathsTest, MissingComponentsAreAppendedAsWritten) {
  HostPath missing = ResolveOnHost(root_ + "/dirlink/new/deeper");
  EXPECT_FALSE(missing.exists);
  EXPECT_EQ(missing.error, ENOENT);
  EXPECT_EQ(missing.path, root_ + "/real/new/deeper");
  EXPECT_EQ(missing.kind, ObjectKind::kDirectory);
  HostPath below_file = ResolveOnHost(root_ + "/filelink/x");
  EXPECT_EQ(below_file.error, ENOTDIR);
  EXPECT_EQ(below_file.path, root_ + "/real/file/x");
  EXPECT_EQ(ResolveOnHost(root_ + "/dangling").error, ENOENT);
  EXPECT_EQ(ResolveOnHost(root_ + "/loop").error, ELOOP);
}

TEST_F(HostPathsTest, TheLastLinkCanBeKept) {
  // As lstat, unlink or rename see a path: the links on the way are followed, the last is not.
  HostPath kept = ResolveOnHost(root_ + "/chain/sub/out", LastLink::kKeep);
  EXPECT_EQ(kept.path, root_ + "/real/sub/out");
  EXPECT_TRUE(kept.exists);
  EXPECT_EQ(kept.kind, ObjectKind::kFile);
  EXPECT_EQ(ResolveOnHost(root_ + "/dirlink", LastLink::kKeep).path, root_ + "/dirlink");
  EXPECT_TRUE(ResolveOnHost(root_ + "/dangling", LastLink::kKeep).exists);
  EXPECT_EQ(ResolveOnHost(root_ + "/loop", LastLink::kKeep).error, 0);
  // A link followed on the way still is, and `..` after it still counts from its target.
  EXPECT_EQ(ResolveOnHost(root_ + "/dirlink/../x", LastLink::kKeep).path, root_ + "/x");
}

TEST_F(HostPathsTest, ACacheForgetsAPathAndWhatLiesUnderIt) {
  LookupCache cache;
  EXPECT_EQ(ResolveOnHost(root_ + "/dirlink/sub", cache).path, root_ + "/real/sub");
  EXPECT_EQ(ResolveOnHost(root_ + "/real-other", cache).error, ENOENT);
  // The link is replaced: the cache still answers as before, until told the path changed.
  std::filesystem::remove(root_ + "/dirlink");
  Link("other", "dirlink");
  EXPECT_EQ(ResolveOnHost(root_ + "/dirlink", cache).path, root_ + "/real");
  cache.Forget(root_ + "/dirlink");
  EXPECT_EQ(ResolveOnHost(root_ + "/dirlink", cache).path, root_ + "/other");
  // What lies under a forgotten directory goes too; a sibling that shares its prefix stays.
  EXPECT_TRUE(cache.entries.count(root_ + "/real/sub"));
  cache.Forget(root_ + "/real");
  EXPECT_FALSE(cache.entries.count(root_ + "/real"));
  EXPECT_FALSE(cache.entries.count(root_ + "/real/sub"));
  EXPECT_TRUE(cache.entries.count(root_ + "/real-other"));
}

TEST_F(HostPathsTest, ExpandsThroughTheRuntime) {
  const char* envp[] = {"SITE=/srv/site", "REL=srv", "UP=/srv/../etc", "EMPTY=", nullptr};
  HostExpansion ok = ExpandOnHost("${SITE}/data", envp);
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(ok.path, "/srv/site/data");
  ASSERT_EQ(ok.variables.size(), 1u);
  EXPECT_EQ(ok.variables[0].first, "SITE");
  EXPECT_EQ(ok.variables[0].second, "/srv/site");

  HostExpansion relative = ExpandOnHost("/x/${REL}", envp);
  EXPECT_FALSE(relative.ok);
  EXPECT_FALSE(relative.absent);
  EXPECT_EQ(relative.problem, "`${REL}` is not an absolute path");
  EXPECT_EQ(ExpandOnHost("${UP}", envp).problem, "`${UP}` contains a `..` component");
  HostExpansion unset = ExpandOnHost("${NOPE}/x", envp);
  EXPECT_TRUE(unset.absent);
  EXPECT_EQ(unset.problem, "`${NOPE}` is unset");
  EXPECT_EQ(ExpandOnHost("${EMPTY}", envp).problem, "`${EMPTY}` is empty");
  EXPECT_TRUE(ExpandOnHost("${EMPTY}", envp).absent);
}

TEST_F(HostPathsTest, EachGrantIsAppliedSkippedOrRefused) {
  std::string env_root = "ROOT=" + root_;
  const char* envp[] = {env_root.c_str(), nullptr};
  model::Policy policy;
  policy.layers.resize(1);
  auto add = [&](const std::string& path, bool optional) {
    model::FsGrant grant;
    grant.path = path;
    grant.optional = optional;
    grant.rights = LANDLOCK_ACCESS_FS_READ_FILE;
    policy.layers[0].fs_grants.push_back(grant);
  };
  add("${ROOT}/chain", false);
  add("${UNSET}/x", true);
  add("${UNSET}/x", false);
  add("${ROOT}/missing", true);
  add("${ROOT}/missing", false);
  add("${ROOT}/filelink", false);
  HostPolicy host = ResolvePolicyOnHost(policy, envp);
  const std::vector<HostGrant>& grants = host.grants[0];
  ASSERT_EQ(grants.size(), 6u);
  EXPECT_EQ(grants[0].fate, HostGrant::Fate::kApplied);
  EXPECT_EQ(grants[0].expanded, root_ + "/chain");
  EXPECT_EQ(grants[0].resolved, root_ + "/real");
  EXPECT_EQ(grants[1].fate, HostGrant::Fate::kSkipped);
  EXPECT_EQ(grants[1].reason, "`${UNSET}` is unset");
  EXPECT_EQ(grants[2].fate, HostGrant::Fate::kRefused);
  EXPECT_EQ(grants[3].fate, HostGrant::Fate::kSkipped);
  EXPECT_EQ(grants[3].reason,
            "`${ROOT}/missing` expands to `" + root_ + "/missing`, which does not exist");
  EXPECT_EQ(grants[4].fate, HostGrant::Fate::kRefused);
  EXPECT_EQ(grants[5].kind, ObjectKind::kFile);
  EXPECT_TRUE(host.Refused());

  ASSERT_EQ(host.policy.layers[0].fs_grants.size(), 2u);
  EXPECT_EQ(host.policy.layers[0].fs_grants[1].path, root_ + "/real/file");
  EXPECT_EQ(host.Origin(0, host.policy.layers[0].fs_grants[1]).written,
            &policy.layers[0].fs_grants[5]);
}

TEST_F(HostPathsTest, HomeIsTheEnvironmentsHome) {
  std::string home = "HOME=" + root_ + "/dirlink";
  const char* envp[] = {home.c_str(), nullptr};
  EXPECT_EQ(SpellWithHome(root_ + "/real/.ssh", envp), "${HOME}/.ssh");
  EXPECT_EQ(SpellWithHome(root_ + "/real", envp), "${HOME}");
  EXPECT_EQ(SpellWithHome(root_ + "/other", envp), root_ + "/other");
  const char* no_home[] = {nullptr};
  EXPECT_EQ(SpellWithHome("/root/.ssh", no_home), "/root/.ssh");
}

}  // namespace
}  // namespace landlockc::lint
