// SPDX-License-Identifier: MIT
#include "runtime/expand.h"

#include <string>

#include "gtest/gtest.h"

namespace landlockc::runtime {
namespace {

const char* const kEnv[] = {"HOME=/home/ann",  "HOMEDIR=/nope",   "EMPTY=", "REL=home/ann",
                            "UP=/home/../etc", "DOTS=/a/..b/c..", "ROOT=/", nullptr};

struct Expanded {
  Expansion status;
  std::string text;  // the expansion, or the faulty variable
};

Expanded Expand(const char* path_template, const char* const* envp = kEnv, size_t size = 4096) {
  char out[4096];
  ExpandResult result = ExpandPath(path_template, envp, out, size);
  if (result.status == Expansion::kOk) return {result.status, result.path};
  return {result.status,
          result.variable ? std::string(result.variable, result.variable_length) : std::string()};
}

TEST(ExpandPathTest, CopiesPathsWithoutVariables) {
  Expanded plain = Expand("/usr/lib");
  EXPECT_EQ(plain.status, Expansion::kOk);
  EXPECT_EQ(plain.text, "/usr/lib");
}

TEST(ExpandPathTest, ReplacesEveryVariableByItsExactName) {
  Expanded expanded = Expand("${HOME}/x${ROOT}y/${HOMEDIR}");
  EXPECT_EQ(expanded.status, Expansion::kOk);
  EXPECT_EQ(expanded.text, "/home/ann/x/y//nope");
  Expanded dots = Expand("${DOTS}");
  EXPECT_EQ(dots.status, Expansion::kOk);
  EXPECT_EQ(dots.text, "/a/..b/c..");
}

TEST(ExpandPathTest, NamesTheFaultyVariable) {
  Expanded unset = Expand("/a/${HOM}/b");
  EXPECT_EQ(unset.status, Expansion::kUnset);
  EXPECT_EQ(unset.text, "HOM");
  Expanded empty = Expand("${EMPTY}/b");
  EXPECT_EQ(empty.status, Expansion::kEmpty);
  EXPECT_EQ(empty.text, "EMPTY");
  Expanded relative = Expand("${REL}/b");
  EXPECT_EQ(relative.status, Expansion::kRelative);
  EXPECT_EQ(relative.text, "REL");
  Expanded up = Expand("${HOME}/${UP}");
  EXPECT_EQ(up.status, Expansion::kDotDot);
  EXPECT_EQ(up.text, "UP");
}

// A value ending in `/` or `/.` and the template text after it can form a `..` that neither
// holds alone: the variable before it is at fault.
TEST(ExpandPathTest, RefusesADotDotAValueFormsWithTheTextAfterIt) {
  const char* const env[] = {"SLASH=/tmp/", "DOT=/tmp/.", "ROOT=/", nullptr};
  struct Case {
    const char* path_template;
    const char* culprit;
  };
  for (const Case& bad :
       {Case{"${SLASH}..", "SLASH"}, Case{"${SLASH}../etc", "SLASH"}, Case{"${DOT}./etc", "DOT"},
        Case{"${DOT}.", "DOT"}, Case{"${SLASH}..${ROOT}etc", "SLASH"},
        Case{"${ROOT}${SLASH}../x", "SLASH"}}) {
    Expanded expanded = Expand(bad.path_template, env);
    EXPECT_EQ(expanded.status, Expansion::kDotDot) << bad.path_template;
    EXPECT_EQ(expanded.text, bad.culprit) << bad.path_template;
  }
  Expanded fine = Expand("${SLASH}..x/${DOT}.x", env);
  EXPECT_EQ(fine.status, Expansion::kOk);
  EXPECT_EQ(fine.text, "/tmp/..x//tmp/..x");
}

TEST(ExpandPathTest, RefusesVariablesWithoutAnEnvironment) {
  Expanded secure = Expand("${HOME}", nullptr);
  EXPECT_EQ(secure.status, Expansion::kSecure);
  EXPECT_EQ(secure.text, "HOME");
  EXPECT_EQ(Expand("/etc", nullptr).status, Expansion::kOk);
}

TEST(ExpandPathTest, UsesTemplatesWithoutVariablesInPlace) {
  const char path_template[] = "/usr/lib";
  char out[1];
  ExpandResult result = ExpandPath(path_template, kEnv, out, sizeof(out));
  EXPECT_EQ(result.status, Expansion::kOk);
  EXPECT_EQ(result.path, path_template);
}

TEST(ExpandPathTest, RefusesWhatDoesNotFitWithItsNul) {
  EXPECT_EQ(Expand("/${ROOT}usr", kEnv, 6).status, Expansion::kOk);
  EXPECT_EQ(Expand("/${ROOT}usr", kEnv, 5).status, Expansion::kTooLong);
  EXPECT_EQ(Expand("${HOME}", kEnv, 10).status, Expansion::kOk);
  EXPECT_EQ(Expand("${HOME}", kEnv, 9).status, Expansion::kTooLong);
}

}  // namespace
}  // namespace landlockc::runtime
