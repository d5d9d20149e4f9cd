// `landlockc lint` and `landlockc explain` as thin wrappers: their exit statuses and streams.
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
  EXPECT_NE(result.err.find(policy + ":3:25: warning: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("[broad-grant]"), std::string::npos) << result.err;
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
