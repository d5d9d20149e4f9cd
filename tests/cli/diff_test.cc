// SPDX-License-Identifier: MIT
// `landlockc diff` as a user runs it: each output form on stdout, and the exit status for each
// `--fail-on`, for usage errors and for a policy that does not compile.
#include <cstring>

#include "llvm/Support/JSON.h"
#include "tests/cli/run_landlockc.h"
#include "tests/support/test_files.h"

namespace landlockc::e2e {
namespace {

constexpr char kOld[] =
    "# web.landlock before the change\n"
    "abi 10;\n"
    "requires abi 4;\n"
    "layer base {\n"
    "    handle fs: read_file + read_dir + write_file + make_reg;\n"
    "    handle net: bind_tcp;\n"
    "    allow read_dir on \"/srv/www/private\";\n"
    "    allow read_file + read_dir on \"/srv/www/public\";\n"
    "    allow write_file + make_reg on \"/var/log/web\";\n"
    "    allow bind_tcp on port 8080;\n"
    "}\n";

constexpr char kNew[] =
    "# web.landlock\n"
    "abi 10;\n"
    "requires abi 4;\n"
    "\n"
    "layer base {\n"
    "    handle fs: read_file + read_dir + write_file + make_reg;\n"
    "    handle net: bind_tcp;\n"
    "    allow read_file + read_dir on \"/srv/www/public\";\n"
    "    allow write_file + make_reg on \"/var/log\";\n"
    "\n"
    "    allow bind_tcp on port 8080;\n"
    "    allow bind_tcp on port 8443;\n"
    "}\n";

// The same policy as kOld, written differently: a renamed layer, `let` names and a `rules` block.
constexpr char kOldRefactored[] =
    "abi 10; requires abi 4;\n"
    "let logs = \"/var/log/web\";\n"
    "rules site { allow read on \"/srv/www/public\"; allow read_dir on \"/srv/www/private\"; }\n"
    "layer web {\n"
    "    handle fs: read + write_file + make_reg; handle net: bind_tcp;\n"
    "    use site;\n"
    "    allow write_file + make_reg on logs;\n"
    "    allow bind_tcp on port 8080;\n"
    "}\n";

class DiffTest : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    Write("old/web.landlock", kOld);
    Write("web.landlock", kNew);
    Write("refactored.landlock", kOldRefactored);
  }

  // Runs landlockc in the scratch directory, so file names are printed as given.
  Result Diff(const std::vector<std::string>& arguments) const {
    std::vector<std::string> shell = {"-c", "cd \"$0\" && exec \"$@\"", root(), LANDLOCKC_BINARY,
                                      "diff"};
    shell.insert(shell.end(), arguments.begin(), arguments.end());
    return RunProgram("/bin/sh", shell);
  }
};

TEST_F(DiffTest, TextIsTheContractExample) {
  Result result = Diff({"old/web.landlock", "web.landlock"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "web.landlock:9:5: widened: `write_file`, `make_reg` on `/var/log` (was only "
            "`/var/log/web`) in layer `base`\n"
            "web.landlock:12:5: widened: `bind_tcp` on port 8443 in layer `base`\n"
            "narrowed: `read_dir` on `/srv/www/private` (old/web.landlock:7:5)\n"
            "2 widened, 1 narrowed\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(DiffTest, QuietDropsTheSummaryLine) {
  Result result = Diff({"old/web.landlock", "web.landlock", "-q"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "web.landlock:9:5: widened: `write_file`, `make_reg` on `/var/log` (was only "
            "`/var/log/web`) in layer `base`\n"
            "web.landlock:12:5: widened: `bind_tcp` on port 8443 in layer `base`\n"
            "narrowed: `read_dir` on `/srv/www/private` (old/web.landlock:7:5)\n");
}

// The docs show this very run: they must show what the tool prints.
TEST_F(DiffTest, TheDocsShowTheRealOutput) {
  std::string expected = "$ landlockc diff old/web.landlock web.landlock\n" +
                         Diff({"old/web.landlock", "web.landlock"}).out;
  for (const char* page : {"/docs/diff.md", "/docs/cli.md"}) {
    std::string text = test_support::ReadTestFile(std::string(LANDLOCKC_SOURCE_DIR) + page);
    EXPECT_NE(text.find(expected), std::string::npos) << page << " lacks:\n" << expected;
  }
}

TEST_F(DiffTest, ARefactorGivesNoOutputAndExits0) {
  Result result = Diff({"old/web.landlock", "refactored.landlock", "--fail-on=change"});
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST_F(DiffTest, FailOnLevels) {
  EXPECT_EQ(Diff({"old/web.landlock", "web.landlock", "--fail-on=widen"}).exit_code, 1);
  EXPECT_EQ(Diff({"old/web.landlock", "web.landlock", "--fail-on=never"}).exit_code, 0);
  // Going back only narrows: a change, not a widening.
  EXPECT_EQ(Diff({"web.landlock", "old/web.landlock"}).exit_code, 1);
  std::string narrower = kOld;
  narrower.erase(narrower.find("    allow bind_tcp"),
                 std::strlen("    allow bind_tcp on port 8080;\n"));
  Write("narrower.landlock", narrower);
  EXPECT_EQ(Diff({"old/web.landlock", "narrower.landlock"}).exit_code, 0);
  EXPECT_EQ(Diff({"old/web.landlock", "narrower.landlock", "--fail-on=change"}).exit_code, 1);
}

TEST_F(DiffTest, Json) {
  Result result = Diff({"old/web.landlock", "web.landlock", "--format=json"});
  EXPECT_EQ(result.exit_code, 1);
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(result.out);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const llvm::json::Object& root = *parsed->getAsObject();
  EXPECT_EQ(root.getInteger("version").getValueOr(0), 1);
  EXPECT_EQ(root.getString("old").getValueOr("").str(), "old/web.landlock");
  ASSERT_EQ(root.getArray("widened")->size(), 2u);
  EXPECT_EQ((*root.getArray("widened"))[1].getAsObject()->getInteger("ports").getValueOr(0), 8443);
  EXPECT_EQ(root.getArray("narrowed")->size(), 1u);
}

TEST_F(DiffTest, Markdown) {
  Result result = Diff({"old/web.landlock", "web.landlock", "--format=markdown"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "**landlockc diff** `old/web.landlock` → `web.landlock` on target `abi:10` (ABI 10): "
            "2 widened, 1 narrowed.\n\n"
            "| | What | On | Layers | Grants |\n"
            "|---|---|---|---|---|\n"
            "| **widened** | `write_file`, `make_reg` | `/var/log` (was only `/var/log/web`) | "
            "`base` | web.landlock:9:5 |\n"
            "| **widened** | `bind_tcp` | port 8443 | `base` | web.landlock:12:5 |\n"
            "| narrowed | `read_dir` | `/srv/www/private` | `base` | old/web.landlock:7:5 |\n");
}

TEST_F(DiffTest, SarifPutsWideningsAtTheNewGrants) {
  Result result = Diff({"old/web.landlock", "web.landlock", "--format=sarif"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(SarifProblems(result.out), "");
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(result.out);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const llvm::json::Object& run = *(*parsed->getAsObject()->getArray("runs"))[0].getAsObject();
  const llvm::json::Array& results = *run.getArray("results");
  ASSERT_EQ(results.size(), 2u);
  const llvm::json::Object& location =
      *(*results[1].getAsObject()->getArray("locations"))[0].getAsObject()->getObject(
          "physicalLocation");
  EXPECT_EQ(location.getObject("artifactLocation")->getString("uri").getValueOr("").str(),
            "web.landlock");
  EXPECT_EQ(location.getObject("region")->getInteger("startLine").getValueOr(0), 12);
}

TEST_F(DiffTest, TargetLimitsTheRightsCompared) {
  // On ABI 3 the kernel has no network rights: the new port is no widening there.
  Result result = Diff({"old/web.landlock", "web.landlock", "--target=abi:3"});
  EXPECT_EQ(result.out.find("8443"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("on `/var/log`"), std::string::npos) << result.out;
}

TEST_F(DiffTest, IncludesAreFoundThroughI) {
  Write("lib/site.landlock", "rules site { allow read on \"/srv/www\"; }\n");
  Write("with-include.landlock",
        "include \"site.landlock\";\nlayer a {\n    use site;\n    allow read on \"/etc\";\n}\n");
  Write("plain.landlock", "layer a {\n    allow read on \"/srv/www\";\n}\n");
  EXPECT_EQ(Diff({"plain.landlock", "with-include.landlock"}).exit_code, 1);  // not found
  Result result = Diff({"plain.landlock", "with-include.landlock", "-I", "lib"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "with-include.landlock:4:5: widened: `read_file`, `read_dir` on `/etc` in layer `a`\n"
            "1 widened, 0 narrowed\n");
}

TEST_F(DiffTest, UsageErrorsExit2) {
  Result bad_target = Diff({"old/web.landlock", "web.landlock", "--target=abi:99"});
  EXPECT_EQ(bad_target.exit_code, 2);
  EXPECT_EQ(bad_target.err.rfind("landlockc: error: ", 0), 0u) << bad_target.err;
  EXPECT_EQ(Diff({"old/web.landlock", "web.landlock", "--format=yaml"}).exit_code, 2);
  EXPECT_EQ(Diff({"old/web.landlock"}).exit_code, 2);
  EXPECT_EQ(Diff({"old/web.landlock", "missing.landlock"}).exit_code, 2);
  EXPECT_EQ(Diff({"old/web.landlock", "web.landlock", "-Ino-such-dir"}).exit_code, 2);
}

TEST_F(DiffTest, ComparesABlobWithSource) {
  ASSERT_EQ(Landlockc({"compile", Path("old/web.landlock"), "-o", Path("old.llpb")}).exit_code, 0);
  Result same = Diff({"old.llpb", "refactored.landlock", "--fail-on=change"});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_EQ(same.out, "");
  // A blob has no source locations: its grants are named by their layer.
  Result back = Diff({"web.landlock", "old.llpb"});
  EXPECT_EQ(back.exit_code, 1);
  EXPECT_NE(back.out.find("widened: `read_dir` on `/srv/www/private` in layer `base`\n"),
            std::string::npos)
      << back.out;
  EXPECT_NE(back.out.find("narrowed: `bind_tcp` on port 8443 (web.landlock:12:5)\n"),
            std::string::npos)
      << back.out;
}

TEST_F(DiffTest, ReadsOnePolicyFromStandardInput) {
  std::vector<std::string> shell = {"-c",   "cd \"$0\" && exec \"$@\" < web.landlock",
                                    root(), LANDLOCKC_BINARY,
                                    "diff", "old/web.landlock",
                                    "-"};
  Result result = RunProgram("/bin/sh", shell);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("<stdin>:12:5: widened: `bind_tcp` on port 8443"), std::string::npos)
      << result.out << result.err;
  Result twice = Diff({"-", "-"});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_EQ(twice.err, "landlockc: error: only one of OLD and NEW can be `-` (standard input)\n");
}

TEST(DiffHelpTest, ListedAndDocumentedByHelp) {
  EXPECT_NE(Landlockc({"--help"}).out.find("  diff "), std::string::npos);
  Result help = Landlockc({"diff", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("USAGE: landlockc diff"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--fail-on=<value>"), std::string::npos) << help.out;
}

TEST_F(DiffTest, APolicyThatDoesNotCompileFails) {
  Write("broken.landlock", "layer a { allow read_fle on \"/\"; }\n");
  Result result = Diff({"old/web.landlock", "broken.landlock", "--fail-on=never"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("broken.landlock:1:17: error: "), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

}  // namespace
}  // namespace landlockc::e2e
