#include "lint/rules/unhandled_fs.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using UnhandledFsTest = LintTest;

TEST_F(UnhandledFsTest, NamesTheRightsLeftUnrestricted) {
  LintOptions options;
  options.targets = {TargetNamed("debian-12")};
  auto findings = Findings("unhandled-fs",
                           "abi 7;\n"
                           "layer ro {\n"
                           "    handle fs: write;\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-fs", Severity::kWarning, 2, 1,
                "layer `ro` leaves `execute`, `read_file`, `read_dir`, `make_char`, `make_block` "
                "unrestricted on target `debian-12` (ABI 2)");
}

TEST_F(UnhandledFsTest, DependsOnTheTarget) {
  LintOptions options;
  options.targets = {TargetNamed("abi:2"), TargetNamed("abi:3")};
  auto findings = Findings("unhandled-fs",
                           "abi 2;\n"
                           "layer main {\n"
                           "    allow read on \"/usr\";\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-fs", Severity::kWarning, 2, 1,
                "layer `main` leaves `truncate` unrestricted on target `abi:3` (ABI 3)");
  EXPECT_EQ(NoteLines(findings[0]),
            (std::vector<std::string>{"`truncate` came after ABI 2, the ABI the policy is written "
                                      "for; raise `abi` to restrict them"}));
}

TEST_F(UnhandledFsTest, FullOrNoFsHandlingIsFine) {
  EXPECT_TRUE(Findings("unhandled-fs",
                       "layer all_fs {\n"
                       "    handle fs: all;\n"
                       "}\n"
                       "layer net_only {\n"
                       "    handle net: all;\n"
                       "}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
