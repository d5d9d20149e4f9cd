// SPDX-License-Identifier: MIT
// The JSON, markdown and SARIF forms of a report, and the exit status for each --fail-on.
#include "diff/output.h"

#include <gtest/gtest.h>

#include "diff/testing/diff_testing.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::diff {
namespace {

// The value of an optional JSON member, or a marker that matches no expectation.
std::string Value(llvm::Optional<llvm::StringRef> value) {
  return value ? value->str() : "<missing>";
}
int64_t Value(llvm::Optional<int64_t> value) { return value ? *value : -1; }
int Value(llvm::Optional<bool> value) { return value ? *value : -1; }

constexpr const char* kOld = R"(abi 10;
requires abi 4;
layer web {
    allow read on "/srv/www/public";
    allow read_write - refer on "/var/log/web";
    allow bind_tcp on port 8080;
    allow connect_tcp on port 5432;
}
)";

constexpr const char* kNew = R"(abi 10;
requires abi 2;
layer web {
    allow read on "/srv/www";
    allow read_write - refer on "/var/log/web";
    allow bind_tcp on port 8080, 8443..8444;
}
layer exec {
    handle fs: execute;
}
)";

Report Sample() {
  Report report = CompareTexts(kOld, kNew);
  report.old_name = "old.landlock";
  report.new_name = "new.landlock";
  return report;
}

TEST(DiffOutputTest, Text) {
  EXPECT_EQ(Text(Sample()),
            "new.landlock:2:1: widened: `requires abi` lowered from 4 to 2\n"
            "new.landlock:4:5: widened: `read_file`, `read_dir` on `/srv/www` (was only "
            "`/srv/www/public`) in layer `web`\n"
            "new.landlock:6:5: widened: `bind_tcp` on ports 8443..8444 in layer `web`\n"
            "narrowed: `connect_tcp` on port 5432 (old.landlock:7:5)\n"
            "new.landlock:8:1: changed: layer `exec` added\n"
            "3 widened, 1 narrowed, 1 changed\n");
}

TEST(DiffOutputTest, JsonDocumentsEveryFact) {
  llvm::json::Value json = ToJson(Sample());
  const llvm::json::Object& root = *json.getAsObject();
  EXPECT_EQ(Value(root.getInteger("version")), 1);
  EXPECT_EQ(Value(root.getString("old")), "old.landlock");
  EXPECT_EQ(Value(root.getString("new")), "new.landlock");
  EXPECT_EQ(Value(root.getObject("target")->getString("name")), "abi:10");
  EXPECT_EQ(Value(root.getObject("target")->getInteger("abi")), 10);
  const llvm::json::Array& widened = *root.getArray("widened");
  ASSERT_EQ(widened.size(), 2u);
  const llvm::json::Object& path = *widened[0].getAsObject();
  EXPECT_EQ(Value(path.getString("category")), "fs");
  EXPECT_EQ(Value(path.getString("path")), "/srv/www");
  EXPECT_EQ(llvm::formatv("{0}", *path.get("rights")).str(), R"(["read_file","read_dir"])");
  EXPECT_EQ(llvm::formatv("{0}", *path.get("was_only")).str(), R"(["/srv/www/public"])");
  EXPECT_EQ(llvm::formatv("{0}", *path.get("grants")).str(),
            R"([{"column":5,"file":"new.landlock","layer":"web","line":4}])");
  EXPECT_EQ(llvm::formatv("{0}", *path.get("layers")).str(), R"(["web"])");
  const llvm::json::Object& port = *widened[1].getAsObject();
  EXPECT_EQ(llvm::formatv("{0}", *port.get("ports")).str(), R"({"from":8443,"to":8444})");
  const llvm::json::Object& narrowed = *(*root.getArray("narrowed"))[0].getAsObject();
  EXPECT_EQ(Value(narrowed.getInteger("ports")), 5432);
  EXPECT_EQ(llvm::formatv("{0}", *narrowed.get("grants")).str(),
            R"([{"column":5,"file":"old.landlock","layer":"web","line":7}])");
  const llvm::json::Object& requires_abi = *(*root.getArray("policy"))[0].getAsObject();
  EXPECT_EQ(Value(requires_abi.getString("subject")), "requires_abi");
  EXPECT_EQ(Value(requires_abi.getString("level")), "widen");
  EXPECT_EQ(Value(requires_abi.getInteger("old")), 4);
  EXPECT_EQ(Value(requires_abi.getInteger("new")), 2);
  EXPECT_EQ(Value(requires_abi.getString("policy")), "new");
  EXPECT_EQ(Value(requires_abi.getInteger("line")), 2);
  EXPECT_EQ(llvm::formatv("{0}", *root.get("summary")).str(),
            R"({"changed":1,"narrowed":1,"widened":3})");
}

TEST(DiffOutputTest, JsonGivesThreadsAsBooleanAndLogAsSettings) {
  Report report =
      CompareTexts("abi 8;\nthreads all;\nlayer a {\n    allow read on \"/\";\n}\n",
                   "abi 8;\nlayer a {\n    log new_exec on;\n    allow read on \"/\";\n}\n");
  llvm::json::Value json = ToJson(report);
  const llvm::json::Array& policy = *json.getAsObject()->getArray("policy");
  ASSERT_EQ(policy.size(), 2u);
  EXPECT_EQ(Value(policy[0].getAsObject()->getString("subject")), "threads");
  EXPECT_EQ(Value(policy[0].getAsObject()->getBoolean("old")), true);
  EXPECT_EQ(Value(policy[0].getAsObject()->getBoolean("new")), false);
  EXPECT_EQ(Value(policy[0].getAsObject()->getString("policy")), "old");
  EXPECT_EQ(Value(policy[1].getAsObject()->getString("subject")), "log");
  EXPECT_EQ(llvm::formatv("{0}", *policy[1].getAsObject()->get("new")).str(), R"(["new_exec on"])");
  EXPECT_EQ(Value(policy[1].getAsObject()->getString("layer")), "a");
}

TEST(DiffOutputTest, MarkdownTable) {
  std::string text;
  llvm::raw_string_ostream os(text);
  WriteMarkdown(Sample(), os);
  EXPECT_EQ(os.str(),
            "**landlockc diff** `old.landlock` → `new.landlock` on target `abi:10` (ABI 10): 3 "
            "widened, 1 narrowed, 1 changed.\n"
            "\n"
            "| | What | On | Layers | Grants |\n"
            "|---|---|---|---|---|\n"
            "| **widened** | `requires abi` lowered from 4 to 2 |  |  | new.landlock:2:1 |\n"
            "| **widened** | `read_file`, `read_dir` | `/srv/www` (was only `/srv/www/public`) | "
            "`web` | new.landlock:4:5 |\n"
            "| **widened** | `bind_tcp` | ports 8443..8444 | `web` | new.landlock:6:5 |\n"
            "| narrowed | `connect_tcp` | port 5432 | `web` | old.landlock:7:5 |\n"
            "| changed | layer `exec` added |  | `exec` | new.landlock:8:1 |\n");
}

TEST(DiffOutputTest, MarkdownSaysWhenNothingDiffers) {
  Report report = CompareTexts(kOld, kOld);
  report.old_name = "a|b.landlock";
  report.new_name = "c.landlock";
  std::string text;
  llvm::raw_string_ostream os(text);
  WriteMarkdown(report, os);
  EXPECT_EQ(os.str(),
            "**landlockc diff** `a\\|b.landlock` → `c.landlock` on target `abi:10` (ABI 10): no "
            "difference in what the policies allow.\n");
}

TEST(DiffOutputTest, SarifReportsWideningsAtNewGrants) {
  llvm::json::Value sarif = ToSarif(Sample(), "/work");
  const llvm::json::Object& run = *(*sarif.getAsObject()->getArray("runs"))[0].getAsObject();
  EXPECT_EQ(Value(sarif.getAsObject()->getString("version")), "2.1.0");
  const llvm::json::Object& rule =
      *(*run.getObject("tool")->getObject("driver")->getArray("rules"))[0].getAsObject();
  EXPECT_EQ(Value(rule.getString("id")), "widened");
  EXPECT_EQ(llvm::formatv("{0}", *rule.getObject("properties")->get("tags")).str(),
            R"(["security"])");
  const llvm::json::Array& results = *run.getArray("results");
  ASSERT_EQ(results.size(), 3u);  // widenings only
  const llvm::json::Object& path = *results[1].getAsObject();
  EXPECT_EQ(Value(path.getString("ruleId")), "widened");
  EXPECT_EQ(Value(path.getObject("message")->getString("text")),
            "widened: `read_file`, `read_dir` on `/srv/www` (was only `/srv/www/public`) in layer "
            "`web`");
  const llvm::json::Object& physical =
      *(*path.getArray("locations"))[0].getAsObject()->getObject("physicalLocation");
  EXPECT_EQ(Value(physical.getObject("artifactLocation")->getString("uri")), "new.landlock");
  EXPECT_EQ(Value(physical.getObject("region")->getInteger("startLine")), 4);
  EXPECT_EQ(Value(physical.getObject("region")->getInteger("startColumn")), 5);
}

// Fingerprints follow what widened, not where: moving the grant down a line keeps them.
TEST(DiffOutputTest, SarifFingerprintsIgnoreLines) {
  auto fingerprint = [](const Report& report) {
    llvm::json::Value sarif = ToSarif(report, "/work");
    const llvm::json::Object& run = *(*sarif.getAsObject()->getArray("runs"))[0].getAsObject();
    const llvm::json::Object& result = *(*run.getArray("results"))[0].getAsObject();
    return result.getObject("partialFingerprints")->getString("landlockcDiffHash/v1")->str();
  };
  Report first = CompareTexts("layer a {\n    allow read on \"/a\";\n}\n",
                              "layer a {\n    allow read on \"/\";\n}\n");
  Report moved = CompareTexts("layer a {\n    allow read on \"/a\";\n}\n",
                              "# moved\n\nlayer a {\n    allow read on \"/\";\n}\n");
  EXPECT_EQ(fingerprint(first), fingerprint(moved));
}

TEST(DiffOutputTest, ExitCodeFollowsFailOn) {
  Report widened = Sample();
  EXPECT_EQ(ExitCode(widened, FailOn::kWiden), 1);
  EXPECT_EQ(ExitCode(widened, FailOn::kChange), 1);
  EXPECT_EQ(ExitCode(widened, FailOn::kNever), 0);
  Report narrowed = CompareTexts("layer a {\n    allow read on \"/\";\n}\n",
                                 "layer a {\n    allow read on \"/a\";\n}\n");
  ASSERT_TRUE(narrowed.widened.empty());
  ASSERT_FALSE(narrowed.narrowed.empty());
  EXPECT_EQ(ExitCode(narrowed, FailOn::kWiden), 0);
  EXPECT_EQ(ExitCode(narrowed, FailOn::kChange), 1);
  Report same = CompareTexts(kOld, kOld);
  EXPECT_EQ(ExitCode(same, FailOn::kChange), 0);
}

}  // namespace
}  // namespace landlockc::diff
