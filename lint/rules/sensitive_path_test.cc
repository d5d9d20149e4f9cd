#include "lint/rules/sensitive_path.h"

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

}  // namespace
}  // namespace landlockc::lint
