// SPDX-License-Identifier: MIT
// `landlockc lint` and `landlockc explain` as thin wrappers: their exit statuses and streams.
#include <cstdlib>
#include <set>

#include "llvm/Support/JSON.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

// Clean on target `abi:4`: pinned ABI, everything handled, nothing sensitive.
constexpr char kCleanPolicy[] =
    "abi 4;\n"
    "layer main {\n"
    "    allow read on \"/usr/share/doc\";\n"
    "}\n";

// `broad-grant` (warning: write access to /srv) and nothing at error level.
constexpr char kWarningPolicy[] =
    "abi 4;\n"
    "layer main {\n"
    "    allow read_write on \"/srv\";\n"
    "}\n";

// `unhandled-grant` (the compiler's warning: `execute` is not handled), and `unhandled-fs`.
constexpr char kUnhandledGrantPolicy[] =
    "abi 7;\n"
    "handle fs: read;\n"
    "handle net: all;\n"
    "handle scope: all;\n"
    "allow read + execute on \"/usr\";\n";

class LintTest : public ScratchTest {};

TEST_F(LintTest, ACleanPolicyExits0Silently) {
  Result result = Landlockc({"lint", Write("clean.landlock", kCleanPolicy), "--target=abi:4"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST_F(LintTest, AWarningFailsByDefaultButNotWithFailOnError) {
  std::string policy = Write("warn.landlock", kWarningPolicy);
  Result result = Landlockc({"lint", policy, "--target=abi:4"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find(policy + ":3:25: warning: "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("[broad-grant]"), std::string::npos) << result.out;
  EXPECT_EQ(Landlockc({"lint", policy, "--target=abi:4", "--fail-on=error"}).exit_code, 0);
  EXPECT_EQ(Landlockc({"lint", policy, "--target=abi:4", "--disable=broad-grant"}).exit_code, 0);
}

TEST_F(LintTest, JsonAndSarifGoToStdout) {
  std::string policy = Write("warn.landlock", kWarningPolicy);
  Result json = Landlockc({"lint", policy, "--target=abi:4", "--format=json"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_EQ(json.err, "");
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(json.out);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const llvm::json::Array* findings = parsed->getAsObject()->getArray("findings");
  ASSERT_NE(findings, nullptr);
  ASSERT_FALSE(findings->empty());
  ASSERT_EQ(findings->size(), 1u) << json.out;
  EXPECT_EQ((*findings)[0].getAsObject()->getString("id").getValueOr("").str(), "broad-grant");
  Result sarif = Landlockc({"lint", policy, "--format=sarif"});
  EXPECT_EQ(sarif.exit_code, 1);
  llvm::Expected<llvm::json::Value> log = llvm::json::parse(sarif.out);
  ASSERT_TRUE(static_cast<bool>(log)) << llvm::toString(log.takeError());
  EXPECT_EQ(log->getAsObject()->getString("version").getValueOr("").str(), "2.1.0");
  EXPECT_EQ(SarifProblems(sarif.out), "");
}

// The SARIF check the tests above rely on fails a log that breaks the schema, naming where.
TEST_F(LintTest, TheSarifCheckNamesASchemaViolation) {
  std::string problems = SarifProblems("{\"version\": \"2.0.0\", \"runs\": []}");
  EXPECT_NE(problems.find("version: '2.0.0' is not one of ['2.1.0']"), std::string::npos)
      << problems;
}

// `unhandled-grant` is the compiler's warning; `lint` reports it once, as the rule's finding.
TEST_F(LintTest, AnUnhandledGrantIsReportedOnce) {
  std::string policy = Write("unhandled.landlock", kUnhandledGrantPolicy);
  Result result =
      Landlockc({"lint", policy, "-q", "--disable=unhandled-fs", "--disable=newer-abi"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out, policy +
                            ":5:7: warning: layer `main` does not handle `execute`, so granting "
                            "it has no effect [unhandled-grant]\n"
                            "allow read + execute on \"/usr\";\n"
                            "      ^~~~~~~~~~~~~~\n");
  Result disabled = Landlockc({"lint", policy, "-q", "--disable=unhandled-fs",
                               "--disable=newer-abi", "--disable=unhandled-grant"});
  EXPECT_EQ(disabled.exit_code, 0);
  EXPECT_EQ(disabled.out, "");
  EXPECT_EQ(disabled.err, "");
}

TEST_F(LintTest, APolicyThatDoesNotCompileAlwaysFails) {
  std::string policy = Write("bad.landlock", "abi 4;\nallow read on \"relative\";\n");
  Result result = Landlockc({"lint", policy, "--fail-on=never"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("[relative-path]"), std::string::npos) << result.err;
}

TEST_F(LintTest, UsageAndIoErrorsExit2) {
  std::string policy = Write("clean.landlock", kCleanPolicy);
  EXPECT_EQ(Landlockc({"lint", Path("missing.landlock")}).exit_code, 2);
  EXPECT_EQ(Landlockc({"lint", policy, "--target", "windows-11"}).exit_code, 2);
  EXPECT_EQ(Landlockc({"lint", policy, "--disable=no-such-rule"}).exit_code, 2);
  EXPECT_EQ(Landlockc({"lint", policy, "--fail-on=sometimes"}).exit_code, 2);
  EXPECT_EQ(Landlockc({"lint", policy, "--format=xml"}).exit_code, 2);
  Result no_dir = Landlockc({"lint", policy, "-I", Path("no-such-dir")});
  EXPECT_EQ(no_dir.exit_code, 2);
  EXPECT_EQ(no_dir.err,
            "landlockc: error: include directory `" + Path("no-such-dir") + "` does not exist\n");
}

// Findings are the output of `lint`, as for shellcheck and ruff: stdout. A policy that does not
// compile gets compiler diagnostics, which stay on stderr as compilers print them.
TEST_F(LintTest, FindingsGoToStdoutAndCompilerErrorsToStderr) {
  std::string warn = Write("warn.landlock", kWarningPolicy);
  std::string bad = Write("bad.landlock", "abi 4;\nallow read on \"relative\";\n");
  Result result = Landlockc({"lint", warn, bad, "--target=abi:4", "--color=never"});
  EXPECT_EQ(result.exit_code, 1);
  std::string url =
      "https://github.com/landlockc/landlockc/blob/v" LANDLOCKC_VERSION "/docs/lint/broad-grant.md";
  EXPECT_EQ(result.out,
            warn +
                ":3:25: warning: write access to `/srv` lets the program change the data this "
                "system serves [broad-grant]\n"
                "    allow read_write on \"/srv\";\n"
                "                        ^~~~~~\n"
                "note: granted there: `write_file`, `remove_dir`, `remove_file`, `make_dir`, "
                "`make_reg`, `make_sock`, `make_fifo`, `make_sym`, `refer`, `truncate`\n"
                "note: see " +
                url + "\n1 warning\n");
  EXPECT_NE(result.err.find(bad + ":2:15: error: "), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("broad-grant"), std::string::npos) << result.err;
}

TEST_F(LintTest, QuietPrintsFindingsOnly) {
  std::string policy = Write("warn.landlock", kWarningPolicy);
  for (const char* quiet : {"-q", "--quiet"}) {
    Result result = Landlockc({"lint", policy, "--target=abi:4", quiet});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.out.find("[broad-grant]"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("note: see "), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("1 warning"), std::string::npos) << result.out;
  }
}

TEST_F(LintTest, ColorFollowsTheOptionAndNoColor) {
  std::string policy = Write("warn.landlock", kWarningPolicy);
  auto colored = [](const Result& result) {
    return (result.out + result.err).find("\x1b[") != std::string::npos;
  };
  EXPECT_TRUE(colored(Landlockc({"lint", policy, "--color=always"})));
  EXPECT_FALSE(colored(Landlockc({"lint", policy, "--color=never"})));
  EXPECT_FALSE(colored(Landlockc({"lint", policy})));  // auto: not a terminal
  std::string bad = Write("bad.landlock", "abi 4;\nallow read on \"relative\";\n");
  EXPECT_TRUE(colored(Landlockc({"check", bad, "--color=always"})));
  EXPECT_FALSE(colored(Landlockc({"check", bad, "--color=never"})));
  EXPECT_EQ(Landlockc({"probe", "--color=never"}).exit_code, 0);
  EXPECT_EQ(Landlockc({"lint", policy, "--color=sometimes"}).exit_code, 2);
  ::setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(colored(Landlockc({"lint", policy, "--color=auto"})));
  EXPECT_TRUE(colored(Landlockc({"lint", policy, "--color=always"})));
  ::unsetenv("NO_COLOR");
}

TEST_F(LintTest, EveryCommandTakesColor) {
  for (const char* command :
       {"check", "compile", "inspect", "exec", "fmt", "lint", "explain", "probe"}) {
    Result help = Landlockc({command, "--color=never", "--help"});
    EXPECT_EQ(help.exit_code, 0) << command << ": " << help.err;
    EXPECT_NE(help.out.find("--color=<value>"), std::string::npos) << command;
  }
  EXPECT_EQ(Landlockc({"probe", "--color=rainbow"}).exit_code, 2);
  EXPECT_EQ(Landlockc({"exec", "--color=rainbow", "x", "--", "true"}).exit_code, 125);
}

TEST_F(LintTest, ListRulesAsATableAndAsJson) {
  Result table = Landlockc({"lint", "--list-rules"});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.rfind("ID ", 0), 0u) << table.out;
  EXPECT_NE(table.out.find("\nnewer-abi "), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("/docs/lint/newer-abi.md"), std::string::npos) << table.out;
  Result json = Landlockc({"lint", "--list-rules", "--format=json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(json.out);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(parsed->getAsObject()->getInteger("version").getValueOr(0), 1);
  EXPECT_GE(parsed->getAsObject()->getArray("rules")->size(), 16u);
  EXPECT_EQ(Landlockc({"lint", "--list-rules", "--format=sarif"}).exit_code, 2);
  EXPECT_EQ(Landlockc({"lint"}).exit_code, 2);
}

// `.landlockc.toml`: the nearest one up the tree from each policy, only it; the command line wins.
TEST_F(LintTest, TheNearestConfigurationFileDrivesLint) {
  Write(".landlockc.toml", "disable = [\"broad-grant\"]\n");
  Write("team/.landlockc.toml",
        "targets = [\"abi:4\"]\n"
        "fail-on = \"note\"\n"
        "[severity]\n"
        "redundant-grant = \"warning\"\n");
  std::string top = Write("top.landlock", kWarningPolicy);
  std::string team = Write("team/policies/p.landlock",
                           "abi 4;\nlayer main {\n    allow read on \"/usr\";\n"
                           "    allow read on \"/usr/lib\";\n}\n");
  Result top_result = Landlockc({"lint", top, "--target=abi:4"});
  EXPECT_EQ(top_result.exit_code, 0) << top_result.out;  // broad-grant disabled
  Result team_result = Landlockc({"lint", team});
  EXPECT_EQ(team_result.exit_code, 1);
  EXPECT_NE(team_result.out.find(":4:19: warning: grant of"), std::string::npos) << team_result.out;
  // The outer file is not read for the team's policy: broad-grant runs there.
  std::string team_broad = Write("team/broad.landlock", kWarningPolicy);
  EXPECT_NE(Landlockc({"lint", team_broad}).out.find("[broad-grant]"), std::string::npos);
  // The command line overrides the file.
  EXPECT_EQ(Landlockc({"lint", team, "--fail-on=error"}).exit_code, 0);
  // --no-config reads none; --config names the one file.
  EXPECT_NE(Landlockc({"lint", top, "--target=abi:4", "--no-config"}).out.find("[broad-grant]"),
            std::string::npos);
  Result named = Landlockc({"lint", team, "--config", Path(".landlockc.toml")});
  EXPECT_EQ(named.exit_code, 0) << named.out;
  EXPECT_NE(named.out.find("note: grant of"), std::string::npos) << named.out;
  EXPECT_EQ(Landlockc({"lint", team, "--config", Path("x.toml"), "--no-config"}).exit_code, 2);
}

TEST_F(LintTest, HostFromTheConfigurationUnlessTheCommandLineSaysOtherwise) {
  Write(".landlockc.toml", "host = true\n");
  std::string policy = Write("p.landlock", "abi 4;\nlayer main {\n    allow read on \"" +
                                               Path("no-such-dir") + "\";\n}\n");
  Result result = Landlockc({"lint", policy, "--target=abi:4"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("[missing-path]"), std::string::npos) << result.out;
  Result off = Landlockc({"lint", policy, "--target=abi:4", "--host=false"});
  EXPECT_EQ(off.exit_code, 0) << off.out;
}

TEST_F(LintTest, ConfigurationErrorsNameFileAndLineAndExit2) {
  std::string config = Write(".landlockc.toml", "host = false\nfial-on = \"note\"\n");
  std::string policy = Write("p.landlock", kCleanPolicy);
  Result result = Landlockc({"lint", policy});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "landlockc: error: " + config +
                            ":2:1: unknown key `fial-on` (did you mean `fail-on`?)\n");
  Write(".landlockc.toml", "[severity]\nbroad-prot = \"error\"\n");
  Result rule = Landlockc({"lint", policy});
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_EQ(rule.err, "landlockc: error: " + config +
                          ":2:1: unknown lint rule `broad-prot` (did you mean `broad-port`?)\n");
  EXPECT_EQ(Landlockc({"lint", policy, "--no-config"}).exit_code, 0);
}

TEST_F(LintTest, ExtraSensitivePathsFromTheConfiguration) {
  Write(".landlockc.toml", "[sensitive-paths]\nextra = [\"/srv/app/token\"]\n");
  std::string policy =
      Write("p.landlock", "abi 4;\nlayer main {\n    allow read on \"/srv/app\";\n}\n");
  Result result = Landlockc({"lint", policy, "--target=abi:4"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("warning: grant on `/srv/app` covers `/srv/app/token`, which holds "
                            "secrets (listed in `.landlockc.toml`) [sensitive-path]"),
            std::string::npos)
      << result.out;
}

// Code scanning matches alerts across runs by fingerprint: the order of `--target` options and of
// files on the command line must not change them.
TEST_F(LintTest, SarifFingerprintsDoNotDependOnTheOrderOfTargetsOrFiles) {
  std::string a = Write("a.landlock",
                        "abi 10;\nlayer main {\n    handle fs: all - truncate;\n"
                        "    allow read_write on \"/srv\";\n}\n");
  std::string b = Write("b.landlock", "abi 10;\nlayer main {\n    handle fs: all - truncate;\n}\n");
  auto fingerprints = [&](const std::vector<std::string>& arguments) {
    std::vector<std::string> command = {"lint", "--format=sarif"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    Result result = Landlockc(command);
    EXPECT_EQ(SarifProblems(result.out), "");
    llvm::Expected<llvm::json::Value> log = llvm::json::parse(result.out);
    std::set<std::string> found;
    if (!log) {
      ADD_FAILURE() << llvm::toString(log.takeError());
      return found;
    }
    const llvm::json::Object& run = *log->getAsObject()->getArray("runs")->front().getAsObject();
    for (const llvm::json::Value& value : *run.getArray("results")) {
      const llvm::json::Object& object = *value.getAsObject();
      found.insert(
          object.getString("ruleId")->str() + " " +
          object.getObject("partialFingerprints")->getString("landlockcStatementHash/v1")->str() +
          " " + object.getObject("message")->getString("text")->str());
    }
    return found;
  };
  std::set<std::string> forward =
      fingerprints({a, b, "--target=rhel-9", "--target=abi:10", "--target=debian-12"});
  EXPECT_GE(forward.size(), 6u);
  EXPECT_EQ(fingerprints({b, a, "--target=debian-12", "--target=abi:10", "--target=rhel-9"}),
            forward);
}

class ExplainTest : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    policy_ = Write("p.landlock",
                    "abi 4;\n"
                    "layer main {\n"
                    "    allow read on \"" +
                        Path("public") +
                        "\";\n"
                        "    allow connect_tcp on port 443;\n"
                        "}\n");
    Write("public/file.txt", "x");
    Write("private/file.txt", "x");
  }
  std::string policy_;
};

TEST_F(ExplainTest, AllowedExits0AndDeniedExits1) {
  Result allowed = Landlockc({"explain", policy_, "--target=abi:4", "--path",
                              Path("public/file.txt"), "--access", "read_file"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_NE(allowed.out.find(policy_ + ":3:5"), std::string::npos) << allowed.out;
  Result denied = Landlockc({"explain", policy_, "--target=abi:4", "--path",
                             Path("private/file.txt"), "--access", "read_file"});
  EXPECT_EQ(denied.exit_code, 1) << denied.err;
  EXPECT_EQ(
      Landlockc({"explain", policy_, "--target=abi:4", "--port", "443", "--access", "connect_tcp"})
          .exit_code,
      0);
  EXPECT_EQ(
      Landlockc({"explain", policy_, "--target=abi:4", "--port", "80", "--access", "connect_tcp"})
          .exit_code,
      1);
}

TEST_F(ExplainTest, ABlobGivesTheSameVerdict) {
  std::string blob = Path("p.llpb");
  ASSERT_EQ(Landlockc({"compile", policy_, "-o", blob}).exit_code, 0);
  EXPECT_EQ(Landlockc({"explain", blob, "--target=abi:4", "--path", Path("public/file.txt"),
                       "--access", "read_file"})
                .exit_code,
            0);
  EXPECT_EQ(Landlockc({"explain", blob, "--target=abi:4", "--path", Path("private/file.txt"),
                       "--access", "read_file"})
                .exit_code,
            1);
}

TEST_F(ExplainTest, UsageErrorsExit2) {
  EXPECT_EQ(
      Landlockc({"explain", policy_, "--path", Path("public"), "--access", "read_fle"}).exit_code,
      2);
  EXPECT_EQ(Landlockc({"explain", policy_, "--path", Path("public")}).exit_code, 2);
  EXPECT_EQ(Landlockc({"explain", policy_, "--path", "/x", "--port", "80", "--access", "read_file"})
                .exit_code,
            2);
  EXPECT_EQ(
      Landlockc({"explain", Path("missing.landlock"), "--path", "/x", "--access", "read_file"})
          .exit_code,
      2);
  Result no_dir = Landlockc(
      {"explain", policy_, "--path", "/x", "--access", "read_file", "-I", Path("no-such-dir")});
  EXPECT_EQ(no_dir.exit_code, 2);
  EXPECT_EQ(no_dir.err,
            "landlockc: error: include directory `" + Path("no-such-dir") + "` does not exist\n");
}

}  // namespace
}  // namespace landlockc::e2e
