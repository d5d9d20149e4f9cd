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
                "`${LANDLOCKC_TEST_UNSET_VARIABLE}` is not set on this machine, so "
                "`${LANDLOCKC_TEST_UNSET_VARIABLE}/x` cannot be opened");
}

TEST_F(MissingPathTest, VariablesAnywhereInThePathAreExpanded) {
  setenv("LANDLOCKC_TEST_TOP", "usr", 1);
  setenv("LANDLOCKC_TEST_SUB", "nonexistent-landlockc", 1);
  LintOptions options;
  options.host = true;
  auto findings = Findings("missing-path",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"/${LANDLOCKC_TEST_TOP}/lib\";\n"
                           "    allow read on \"/usr/$LANDLOCKC_TEST_SUB/x\";\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "missing-path", Severity::kWarning, 4, 19,
                "`/usr/${LANDLOCKC_TEST_SUB}/x` does not exist on this machine");
}

TEST_F(MissingPathTest, OnlyWithHost) {
  EXPECT_TRUE(Findings("missing-path", kPolicy).empty()) << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
