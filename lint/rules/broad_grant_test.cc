// SPDX-License-Identifier: MIT
#include "lint/rules/broad_grant.h"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using BroadGrantTest = LintTest;

TEST_F(BroadGrantTest, WriteOnRootIsAnError) {
  auto findings = Findings("broad-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read + make_reg on \"/\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "broad-grant", Severity::kError, 3, 30,
                "write access to `/` lets the program change the whole system");
  EXPECT_EQ(NoteLines(findings[0]), (std::vector<std::string>{"granted there: `make_reg`"}));
}

TEST_F(BroadGrantTest, SystemDirectoriesAndHomesAreWarnings) {
  auto findings = Findings("broad-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read_write on \"/etc\";\n"
                           "    allow remove_file on \"/home\";\n"
                           "    allow refer on \"$HOME\";\n"
                           "    allow write_file on \"/home/alice\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 4u) << Rendered();
  ExpectFinding(findings[0], "broad-grant", Severity::kWarning, 3, 25,
                "write access to `/etc` lets the program change system configuration");
  ExpectFinding(findings[1], "broad-grant", Severity::kWarning, 4, 26,
                "write access to `/home` lets the program change every user's files");
  ExpectFinding(findings[2], "broad-grant", Severity::kWarning, 5, 20,
                "write access to `${HOME}` lets the program change the user's files, including "
                "shell startup files");
  ExpectFinding(findings[3], "broad-grant", Severity::kWarning, 6, 25,
                "write access to `/home/alice` lets the program change the user's files, "
                "including shell startup files");
}

TEST_F(BroadGrantTest, ReadOnlyAndNarrowWritesAreFine) {
  EXPECT_TRUE(
      Findings("broad-grant",
               "abi 7;\n"
               "layer main {\n"
               "    allow read + execute on \"/\", \"/usr\", \"/etc\";\n"
               "    allow read_write on \"/var/log/app\", \"$HOME/.cache/app\", \"/etcx\";\n"
               "}\n")
          .empty())
      << Rendered();
}

TEST_F(BroadGrantTest, OnTheHostALinkToASystemDirectoryIsReported) {
  char scratch[] = "/tmp/landlockc-broad-XXXXXX";
  ASSERT_NE(mkdtemp(scratch), nullptr);
  std::string root = std::filesystem::canonical(scratch).string();
  ASSERT_EQ(symlink("/etc", (root + "/conf").c_str()), 0);
  std::string policy = "abi 7;\nlayer main {\n    allow read_write on \"" + root + "/conf\";\n}\n";
  LintOptions host;
  host.host = true;
  auto findings = Findings("broad-grant", policy, host);
  std::filesystem::remove_all(root);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "broad-grant", Severity::kWarning, 3, 25,
                "write access to `" + root +
                    "/conf` -> `/etc` lets the program change system "
                    "configuration");
}

}  // namespace
}  // namespace landlockc::lint
