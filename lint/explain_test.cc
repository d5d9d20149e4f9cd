// SPDX-License-Identifier: MIT
#include "lint/explain.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

class ExplainTest : public LintTest {
 protected:
  void SetUp() override {
    std::optional<model::Policy> policy =
        check::CheckSource("web.landlock",
                           "abi 7;\n"
                           "layer base {\n"
                           "    allow read + execute on \"/usr\";\n"
                           "    allow read_write on \"/var/www\", \"$HOME/cache\";\n"
                           "    allow connect_tcp on port 5432;\n"
                           "}\n"
                           "layer no_exec {\n"
                           "    handle fs: execute;\n"
                           "    handle scope: signal;\n"
                           "    allow execute on \"/usr/bin/convert\";\n"
                           "}\n",
                           check::Options{}, check_diags_);
    ASSERT_TRUE(policy.has_value()) << Rendered();
    policy_ = std::move(*policy);
  }

  // Runs explain on the ABI 7 target; returns the verdict (or -1 for an error) and the text.
  int Run(ExplainRequest request, std::string& text) {
    llvm::raw_string_ostream os(text);
    llvm::Expected<bool> allowed = Explain(policy_, request, Target{"abi:7", 7}, os);
    if (!allowed) {
      text = llvm::toString(allowed.takeError());
      return -1;
    }
    return *allowed ? 1 : 0;
  }

  model::Policy policy_;
};

TEST_F(ExplainTest, AllowedByEveryLayer) {
  std::string text;
  EXPECT_EQ(Run({"/usr/bin/convert", std::nullopt, "execute", ObjectKind::kFile}, text), 1);
  EXPECT_EQ(
      text,
      "`execute` on `/usr/bin/convert`, on target `abi:7` (ABI 7):\n"
      "layer `base` (web.landlock:2): handles `execute`, allowed by the grant on `/usr` at "
      "web.landlock:3:5\n"
      "layer `no_exec` (web.landlock:7): handles `execute`, allowed by the grant on "
      "`/usr/bin/convert` at web.landlock:10:5\n"
      "note: running a program also needs `read_file` on it (execve opens it for reading)\n"
      "note: symlinks were not resolved: target `abi:7` (ABI 7) is not this machine, so paths are "
      "compared as written\n"
      "verdict: allowed\n");
}

TEST_F(ExplainTest, DeniedByOneLayer) {
  std::string text;
  EXPECT_EQ(Run({"/usr/bin/ls/", std::nullopt, "execute", ObjectKind::kFile}, text), 0);
  EXPECT_EQ(
      text,
      "`execute` on `/usr/bin/ls`, on target `abi:7` (ABI 7):\n"
      "layer `base` (web.landlock:2): handles `execute`, allowed by the grant on `/usr` at "
      "web.landlock:3:5\n"
      "layer `no_exec` (web.landlock:7): handles `execute`, no grant covers "
      "`/usr/bin/ls`: denied\n"
      "note: running a program also needs `read_file` on it (execve opens it for reading)\n"
      "note: symlinks were not resolved: target `abi:7` (ABI 7) is not this machine, so paths are "
      "compared as written\n"
      "verdict: denied by layer `no_exec`\n");
}

TEST_F(ExplainTest, NotHandledAndReferNote) {
  std::string text;
  EXPECT_EQ(Run({"/var/www/site", std::nullopt, "refer", ObjectKind::kDirectory}, text), 0);
  EXPECT_EQ(
      text,
      "`refer` on `/var/www/site`, on target `abi:7` (ABI 7):\n"
      "layer `base` (web.landlock:2): handles `refer`, allowed by the grant on `/var/www` "
      "at web.landlock:4:5\n"
      "layer `no_exec` (web.landlock:7): denied: no grant of `refer` covers "
      "`/var/www/site` (the kernel blocks reparenting in every layer that does not grant "
      "`refer`)\n"
      "note: a rename or link across directories needs `refer` on both directories, the "
      "make right on the destination, and must not give the moved file rights it lacks "
      "where it is\n"
      "note: symlinks were not resolved: target `abi:7` (ABI 7) is not this machine, so paths are "
      "compared as written\n"
      "verdict: denied by layer `no_exec`\n");
  text.clear();
  EXPECT_EQ(Run({"/var/www/f", std::nullopt, "write_file", ObjectKind::kFile}, text), 1);
  EXPECT_NE(text.find("layer `no_exec` (web.landlock:7): does not handle `write_file`\n"),
            std::string::npos)
      << text;
}

TEST_F(ExplainTest, PortsAndScopes) {
  std::string text;
  EXPECT_EQ(Run({std::nullopt, 5432, "connect_tcp", std::nullopt}, text), 1);
  EXPECT_NE(text.find("allowed by the grant on port `5432` at web.landlock:5:5"), std::string::npos)
      << text;
  text.clear();
  EXPECT_EQ(Run({std::nullopt, 80, "bind_tcp", std::nullopt}, text), 0);
  text.clear();
  EXPECT_EQ(Run({std::nullopt, std::nullopt, "signal", std::nullopt}, text), 0);
  EXPECT_NE(text.find("layer `no_exec` (web.landlock:7): scopes `signal`: denied outside the "
                      "sandbox"),
            std::string::npos)
      << text;
}

TEST_F(ExplainTest, VariablesExpandForConcretePaths) {
  setenv("HOME", "/home/tester", 1);
  std::string text;
  EXPECT_EQ(Run({"/home/tester/cache/x", std::nullopt, "write_file", ObjectKind::kFile}, text), 1)
      << text;
  text.clear();
  EXPECT_EQ(Run({"$HOME/cache/x", std::nullopt, "write_file", ObjectKind::kFile}, text), 1) << text;
}

TEST_F(ExplainTest, AGrantOnTheRootCoversVariablePaths) {
  std::optional<model::Policy> policy = check::CheckSource(
      "root.landlock", "abi 7;\nallow read on \"/\";\n", check::Options{}, check_diags_);
  ASSERT_TRUE(policy.has_value()) << Rendered();
  policy_ = std::move(*policy);
  std::string text;
  EXPECT_EQ(Run({"$LANDLOCKC_TEST_DIR/x", std::nullopt, "read_file", ObjectKind::kFile}, text), 1);
  EXPECT_EQ(
      text,
      "`read_file` on `${LANDLOCKC_TEST_DIR}/x`, on target `abi:7` (ABI 7):\n"
      "layer `main` (root.landlock:2): handles `read_file`, allowed by the grant on `/` at "
      "root.landlock:2:1\n"
      "note: symlinks were not resolved: target `abi:7` (ABI 7) is not this machine, so paths are "
      "compared as written\n"
      "verdict: allowed\n");
}

TEST_F(ExplainTest, VariablesInsideAPath) {
  // A value must be absolute, as the runtime requires: `/home/${USER}/src` is `/home//tester/src`.
  setenv("LANDLOCKC_TEST_USER", "/tester", 1);
  std::optional<model::Policy> policy = check::CheckSource(
      "mid.landlock", "abi 7;\nallow read on \"/home/$LANDLOCKC_TEST_USER/src\";\n",
      check::Options{}, check_diags_);
  ASSERT_TRUE(policy.has_value()) << Rendered();
  policy_ = std::move(*policy);
  std::string text;
  // A concrete path: the grant is expanded from the environment, as the runtime does.
  EXPECT_EQ(Run({"/home/tester/src/a", std::nullopt, "read_file", ObjectKind::kFile}, text), 1)
      << text;
  text.clear();
  // A path with the variable: compared symbolically.
  EXPECT_EQ(
      Run({"/home/$LANDLOCKC_TEST_USER/src/a", std::nullopt, "read_file", ObjectKind::kFile}, text),
      1)
      << text;
  text.clear();
  EXPECT_EQ(Run({"/home/other/src/a", std::nullopt, "read_file", ObjectKind::kFile}, text), 0)
      << text;
  // A relative value is refused by the runtime, so explain skips the grant and says why.
  setenv("LANDLOCKC_TEST_USER", "tester", 1);
  text.clear();
  EXPECT_EQ(Run({"/home/tester/src/a", std::nullopt, "read_file", ObjectKind::kFile}, text), 0)
      << text;
  EXPECT_NE(text.find("`${LANDLOCKC_TEST_USER}` is not an absolute path: this grant is skipped, "
                      "and exec would refuse to start"),
            std::string::npos)
      << text;
}

TEST_F(ExplainTest, IoctlDevNotesWhereItApplies) {
  std::string text;
  EXPECT_EQ(Run({"/var/www/disk", std::nullopt, "ioctl_dev", ObjectKind::kFile}, text), 0);
  EXPECT_NE(text.find("note: `ioctl_dev` only restricts ioctl commands on character and block "
                      "device files; on other files ioctl is not restricted\n"),
            std::string::npos)
      << text;
}

TEST_F(ExplainTest, NotesWhenThePolicyRefusesToRunOnTheTarget) {
  std::optional<model::Policy> policy =
      check::CheckSource("req.landlock", "abi 7;\nrequires abi 7;\nallow read on \"/usr\";\n",
                         check::Options{}, check_diags_);
  ASSERT_TRUE(policy.has_value()) << Rendered();
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::Expected<bool> allowed = Explain(
      *policy, {"/usr/x", std::nullopt, "read_file", ObjectKind::kFile}, Target{"abi:5", 5}, os);
  ASSERT_TRUE(static_cast<bool>(allowed)) << llvm::toString(allowed.takeError());
  EXPECT_TRUE(*allowed);
  EXPECT_EQ(
      text,
      "`read_file` on `/usr/x`, on target `abi:5` (ABI 5):\n"
      "layer `main` (req.landlock:3): handles `read_file`, allowed by the grant on `/usr` at "
      "req.landlock:3:1\n"
      "note: symlinks were not resolved: target `abi:5` (ABI 5) is not this machine, so paths are "
      "compared as written\n"
      "note: the policy requires ABI 7: on target `abi:5` (ABI 5) applying it fails and the "
      "program does not start\n"
      "verdict: allowed\n");
}

TEST_F(ExplainTest, AVariablePathIsLookedAtThroughTheEnvironment) {
  // `/etc/passwd` is a file: a grant on it keeps only file rights, so `read_dir` is denied.
  setenv("LANDLOCKC_TEST_ETC", "/etc", 1);
  std::optional<model::Policy> policy =
      check::CheckSource("file.landlock", "abi 7;\nallow read on \"$LANDLOCKC_TEST_ETC/passwd\";\n",
                         check::Options{}, check_diags_);
  ASSERT_TRUE(policy.has_value()) << Rendered();
  policy_ = std::move(*policy);
  std::string text;
  EXPECT_EQ(Run({"$LANDLOCKC_TEST_ETC/passwd", std::nullopt, "read_file", std::nullopt}, text), 1)
      << text;
  text.clear();
  EXPECT_EQ(Run({"$LANDLOCKC_TEST_ETC/passwd", std::nullopt, "read_dir", std::nullopt}, text), 0)
      << text;
}

TEST_F(ExplainTest, BadRequests) {
  std::string text;
  EXPECT_EQ(Run({"/usr", std::nullopt, "read_fiel", std::nullopt}, text), -1);
  EXPECT_EQ(text, "unknown access right `read_fiel` (did you mean `read_file`?)");
  EXPECT_EQ(Run({std::nullopt, 80, "read_file", std::nullopt}, text), -1);
  EXPECT_EQ(text, "`read_file` is a file-system right: give --path");
  EXPECT_EQ(Run({"/usr", std::nullopt, "bind_tcp", std::nullopt}, text), -1);
  EXPECT_EQ(text, "`bind_tcp` is a network right: give --port");
  EXPECT_EQ(Run({std::nullopt, 70000, "bind_tcp", std::nullopt}, text), -1);
  EXPECT_EQ(text, "port 70000 is out of range (0..65535)");
  EXPECT_EQ(Run({"usr/../x", std::nullopt, "read_file", std::nullopt}, text), -1);
  EXPECT_EQ(text,
            "invalid path `usr/../x`: it must be absolute (or start with a variable) and have no "
            "`..`");
}

// On the host, the queried path and every grant are resolved as the kernel resolves them.
class HostExplainTest : public LintTest {
 protected:
  void SetUp() override {
    char scratch[] = "/tmp/landlockc-explain-XXXXXX";
    ASSERT_NE(mkdtemp(scratch), nullptr);
    root_ = std::filesystem::canonical(scratch).string();
    std::filesystem::create_directories(root_ + "/real/sub");
    std::filesystem::create_directories(root_ + "/bin");
    close(open((root_ + "/bin/dash").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0755));
    close(open((root_ + "/real/sub/f").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    ASSERT_EQ(symlink("dash", (root_ + "/bin/sh").c_str()), 0);
    ASSERT_EQ(symlink("real", (root_ + "/link").c_str()), 0);
    setenv("LANDLOCKC_TEST_ROOT", root_.c_str(), 1);
    unsetenv("LANDLOCKC_TEST_UNSET");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  // Checks `source`, explains `request` on the host (ABI 7); returns the verdict (-1: error).
  int Run(const std::string& source, ExplainRequest request, std::string& text) {
    std::optional<model::Policy> policy =
        check::CheckSource("host.landlock", source, check::Options{}, check_diags_);
    if (!policy) {
      text = Rendered();
      return -1;
    }
    llvm::raw_string_ostream os(text);
    llvm::Expected<bool> allowed = Explain(*policy, request, Target{"host", 7}, os);
    if (!allowed) {
      text = llvm::toString(allowed.takeError());
      return -1;
    }
    return *allowed ? 1 : 0;
  }

  std::string root_;
};

TEST_F(HostExplainTest, AGrantOnALinkCoversItsTarget) {
  std::string text;
  EXPECT_EQ(Run("abi 7;\nallow read_file on \"$LANDLOCKC_TEST_ROOT/bin/sh\";\n",
                {root_ + "/bin/dash", std::nullopt, "read_file", std::nullopt}, text),
            1)
      << text;
  EXPECT_EQ(text, "`read_file` on `" + root_ + "/bin/dash`, on target `host` (ABI 7):\n" +
                      "layer `main` (host.landlock:2): handles `read_file`, allowed by the grant "
                      "on `${LANDLOCKC_TEST_ROOT}/bin/sh` -> `" +
                      root_ + "/bin/dash` at host.landlock:2:1\nverdict: allowed\n");
}

TEST_F(HostExplainTest, AQueryThroughALinkIsDecidedAtItsTarget) {
  std::string text;
  EXPECT_EQ(Run("abi 7;\nallow read on \"$LANDLOCKC_TEST_ROOT/real/sub\";\n",
                {root_ + "/link/sub/../sub/f", std::nullopt, "read_file", std::nullopt}, text),
            1)
      << text;
  EXPECT_EQ(text.substr(0, text.find('\n')), "`read_file` on `" + root_ +
                                                 "/link/sub/../sub/f` -> `" + root_ +
                                                 "/real/sub/f`, on target `host` (ABI 7):");
  text.clear();
  // `..` is taken after resolution: `link/..` is the root, not `link`'s parent spelled out.
  EXPECT_EQ(
      Run("abi 7;\nallow read on \"$LANDLOCKC_TEST_ROOT/real/sub\";\n",
          {root_ + "/link/sub/../../bin/dash", std::nullopt, "read_file", std::nullopt}, text),
      0)
      << text;
}

TEST_F(HostExplainTest, SkippedGrantsSayWhy) {
  std::string text;
  EXPECT_EQ(Run("abi 7;\n"
                "allow read on \"/usr\";\n"
                "allow read on \"${LANDLOCKC_TEST_UNSET}/site\";\n"
                "allow read on \"$LANDLOCKC_TEST_ROOT/none\" optional;\n",
                {"/usr", std::nullopt, "read_dir", ObjectKind::kDirectory}, text),
            1)
      << text;
  EXPECT_NE(text.find("layer `main`: the grant on `${LANDLOCKC_TEST_UNSET}/site` at "
                      "host.landlock:3:1: `${LANDLOCKC_TEST_UNSET}` is unset: this grant is "
                      "skipped, and exec would refuse to start\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("layer `main`: the grant on `${LANDLOCKC_TEST_ROOT}/none` at "
                      "host.landlock:4:1: `${LANDLOCKC_TEST_ROOT}/none` expands to `" +
                      root_ + "/none`, which does not exist: this optional grant is skipped\n"),
            std::string::npos)
      << text;
}

TEST_F(HostExplainTest, ARightsExpressionGetsAVerdictPerRight) {
  std::string text;
  EXPECT_EQ(
      Run("abi 7;\nallow read + write_file on \"$LANDLOCKC_TEST_ROOT/real\";\n",
          {root_ + "/real/sub/f", std::nullopt, "read_write - refer", ObjectKind::kFile}, text),
      0)
      << text;
  EXPECT_NE(text.find("verdict for `read_file`: allowed\n"), std::string::npos) << text;
  EXPECT_NE(text.find("verdict for `write_file`: allowed\n"), std::string::npos) << text;
  EXPECT_NE(text.find("verdict for `truncate`: denied by layer `main`\n"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("`refer` on"), std::string::npos) << text;
  size_t verdict = text.find("verdict: denied (`");
  ASSERT_NE(verdict, std::string::npos) << text;
  EXPECT_NE(text.find("`truncate`", verdict), std::string::npos) << text;
  EXPECT_EQ(text.find("`write_file`", verdict), std::string::npos) << text;
  text.clear();
  EXPECT_EQ(Run("abi 7;\nallow read on \"$LANDLOCKC_TEST_ROOT/real\";\n",
                {root_ + "/real/sub", std::nullopt, "read", std::nullopt}, text),
            1)
      << text;
  EXPECT_NE(text.find("verdict: allowed\n"), std::string::npos) << text;
  text.clear();
  EXPECT_EQ(Run("abi 7;\nallow read on \"/usr\";\n",
                {"/usr", std::nullopt, "read + bind_tcp", std::nullopt}, text),
            -1);
  EXPECT_EQ(text, "`read + bind_tcp` mixes rights of different categories");
}

}  // namespace
}  // namespace landlockc::lint
