// SPDX-License-Identifier: MIT
#include "lint/rules/sensitive_path.h"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using SensitivePathTest = LintTest;

TEST_F(SensitivePathTest, AncestorsOfSecretsAreReported) {
  auto findings = Findings("sensitive-path",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"$HOME\";\n"
                           "    allow read_file on \"/etc\";\n"
                           "    allow read on \"/home/bob/.config\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 3u) << Rendered();
  ExpectFinding(findings[0], "sensitive-path", Severity::kWarning, 3, 19,
                "grant on `${HOME}` covers `${HOME}/.ssh`, which holds SSH private keys");
  ExpectFinding(findings[1], "sensitive-path", Severity::kWarning, 4, 24,
                "grant on `/etc` covers `/etc/shadow`, which holds password hashes");
  EXPECT_EQ(
      NoteLines(findings[1]),
      (std::vector<std::string>{"it also covers `/etc/gshadow`, `/etc/sudoers`, `/etc/ssh`"}));
  ExpectFinding(findings[2], "sensitive-path", Severity::kWarning, 5, 19,
                "grant on `/home/bob/.config` covers `/home/bob/.config/gcloud`, which holds "
                "Google Cloud credentials");
}

TEST_F(SensitivePathTest, TheLocationItselfIsReported) {
  auto findings = Findings("sensitive-path",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"${HOME}/.ssh\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "sensitive-path", Severity::kWarning, 3, 19,
                "grant on `${HOME}/.ssh` exposes SSH private keys");
}

TEST_F(SensitivePathTest, ALocationThatIsItselfSensitiveIsNamedFirst) {
  auto findings = Findings("sensitive-path",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"/root\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "sensitive-path", Severity::kWarning, 3, 19,
                "grant on `/root` exposes the administrator's files and keys");
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_TRUE(
      llvm::StringRef(findings[0].notes[0].message).startswith("it also covers `/root/.ssh`, "))
      << findings[0].notes[0].message;
}

TEST_F(SensitivePathTest, UnrelatedPathsAreFine) {
  EXPECT_TRUE(
      Findings("sensitive-path",
               "abi 7;\n"
               "layer main {\n"
               "    allow read on \"/usr\", \"/etc/ssl\", \"$HOME/.cache\", \"/home/bob/src\";\n"
               "}\n")
          .empty())
      << Rendered();
}

// With --host, a grant on a link to $HOME is reported where it lands, naming the link; `$HOME` is
// the environment's HOME.
TEST_F(SensitivePathTest, OnTheHostALinkIsReportedWhereItLands) {
  char scratch[] = "/tmp/landlockc-sensitive-XXXXXX";
  ASSERT_NE(mkdtemp(scratch), nullptr);
  std::string root = std::filesystem::canonical(scratch).string();
  std::filesystem::create_directories(root + "/home/me/.ssh");
  ASSERT_EQ(symlink((root + "/home/me").c_str(), (root + "/link").c_str()), 0);
  const char* saved = getenv("HOME");
  std::string saved_home = saved != nullptr ? saved : "";
  setenv("HOME", (root + "/home/me").c_str(), 1);
  setenv("LANDLOCKC_TEST_ROOT", root.c_str(), 1);
  std::string policy =
      "abi 7;\n"
      "layer main {\n"
      "    allow read on \"$LANDLOCKC_TEST_ROOT/link\";\n"
      "}\n";
  LintOptions host;
  host.host = true;
  // Offline the link is only a name; on the host it leads to HOME (findings accumulate).
  size_t offline = Findings("sensitive-path", policy).size();
  auto findings = Findings("sensitive-path", policy, host);
  saved != nullptr ? setenv("HOME", saved_home.c_str(), 1) : unsetenv("HOME");
  std::filesystem::remove_all(root);
  EXPECT_EQ(offline, 0u);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "sensitive-path", Severity::kWarning, 3, 19,
                "grant on `${LANDLOCKC_TEST_ROOT}/link` -> `${HOME}` covers `${HOME}/.ssh`, which "
                "holds SSH private keys");
  EXPECT_EQ(NoteLines(findings[0]).back(),
            "on this machine `${LANDLOCKC_TEST_ROOT}/link` leads to `${HOME}`");
}

}  // namespace
}  // namespace landlockc::lint
