// SPDX-License-Identifier: MIT
#include "lint/rules/unpinned_abi.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using UnpinnedAbiTest = LintTest;

TEST_F(UnpinnedAbiTest, NoAbiLine) {
  auto findings = Findings("unpinned-abi", "layer main {\n    allow read on \"/usr\";\n}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unpinned-abi", Severity::kNote, 1, 1,
                "the policy does not pin an ABI with `abi N;`, so what `all` and deny-by-default "
                "cover grows when landlockc learns a newer ABI");
  EXPECT_EQ(NoteLines(findings[0]),
            (std::vector<std::string>{"add `abi 10;` to keep today's meaning"}));
}

TEST_F(UnpinnedAbiTest, PinnedIsFine) {
  EXPECT_TRUE(
      Findings("unpinned-abi", "abi 5;\nlayer main {\n    allow read on \"/usr\";\n}\n").empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
