// SPDX-License-Identifier: MIT
#include "lint/rules/missing_path.h"

#include <cstdlib>

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using MissingPathTest = LintTest;

constexpr const char* kPolicy =
    "abi 7;\n"
    "layer main {\n"
    "    allow read on \"/nonexistent/landlockc\";\n"
    "    allow read on \"/nonexistent/other\" optional;\n"
    "    allow read on \"${LANDLOCKC_TEST_UNSET_VARIABLE}/x\";\n"
    "    allow read on \"/usr\";\n"
    "}\n";

TEST_F(MissingPathTest, MissingPathsOnTheHost) {
  unsetenv("LANDLOCKC_TEST_UNSET_VARIABLE");
  LintOptions options;
  options.host = true;
  auto findings = Findings("missing-path", kPolicy, options);
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[0], "missing-path", Severity::kWarning, 3, 19,
                "`/nonexistent/landlockc` does not exist on this machine");
  ExpectFinding(findings[1], "missing-path", Severity::kWarning, 5, 19,
                "`${LANDLOCKC_TEST_UNSET_VARIABLE}` is unset on this machine");
}

TEST_F(MissingPathTest, VariablesAreExpandedAsTheRuntimeExpandsThem) {
  setenv("LANDLOCKC_TEST_TOP", "/usr", 1);
  setenv("LANDLOCKC_TEST_SUB", "/nonexistent-landlockc", 1);
  setenv("LANDLOCKC_TEST_RELATIVE", "usr", 1);
  setenv("LANDLOCKC_TEST_DOTDOT", "/srv/../etc", 1);
  LintOptions options;
  options.host = true;
  auto findings = Findings("missing-path",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"${LANDLOCKC_TEST_TOP}/lib\";\n"
                           "    allow read on \"/usr/$LANDLOCKC_TEST_SUB/x\";\n"
                           "    allow read on \"/${LANDLOCKC_TEST_RELATIVE}/lib\";\n"
                           "    allow read on \"${LANDLOCKC_TEST_DOTDOT}\";\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 3u) << Rendered();
  ExpectFinding(findings[0], "missing-path", Severity::kWarning, 4, 19,
                "`/usr/${LANDLOCKC_TEST_SUB}/x` expands to `/usr//nonexistent-landlockc/x`, which "
                "does not exist on this machine");
  // The runtime refuses these values, so lint says so too (one expansion, the runtime's).
  ExpectFinding(findings[1], "missing-path", Severity::kWarning, 5, 19,
                "`${LANDLOCKC_TEST_RELATIVE}` is not an absolute path on this machine");
  ExpectFinding(findings[2], "missing-path", Severity::kWarning, 6, 19,
                "`${LANDLOCKC_TEST_DOTDOT}` contains a `..` component on this machine");
}

TEST_F(MissingPathTest, OnlyWithHost) {
  EXPECT_TRUE(Findings("missing-path", kPolicy).empty()) << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
