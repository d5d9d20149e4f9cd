// SPDX-License-Identifier: MIT
#include "lint/output.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>

#include "lint/rules/registry.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::lint {
namespace {

class OutputTest : public ::testing::Test {
 protected:
  OutputTest() {
    text_ = "layer main {\n    allow read_write on \"/etc\";\n}\n";
    source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(text_, "/work/project/web.landlock"), llvm::SMLoc());
    llvm::StringRef buffer = source_mgr_.getMemoryBuffer(1)->getBuffer();
    const char* start = buffer.data() + buffer.find("\"/etc\"");
    const char* layer = buffer.data() + buffer.find("main");
    diags_.Emit(diag::Severity::kWarning, "broad-grant",
                {llvm::SMLoc::getFromPointer(start), llvm::SMLoc::getFromPointer(start + 6)},
                "write access to `/etc` lets the program change system configuration",
                {"granted there: `write_file`",
                 {"in layer `main`",
                  {llvm::SMLoc::getFromPointer(layer), llvm::SMLoc::getFromPointer(layer + 4)}}});
  }

  std::string text_;
  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
};

TEST(DocsUrlTest, EachDiagnosticLinksToItsDocumentation) {
  std::string base = "https://github.com/landlockc/landlockc/blob/v" LANDLOCKC_VERSION "/docs/";
  EXPECT_EQ(DiagnosticDocumentationUrl("redundant-grant"), base + "lint/redundant-grant.md");
  EXPECT_EQ(RuleDocumentationUrl("redundant-grant"), base + "lint/redundant-grant.md");
  EXPECT_EQ(DiagnosticDocumentationUrl("unknown-rules"), base + "language.md#diagnostics");
  EXPECT_EQ(DocumentationUrl("cli.md#lsp"), base + "cli.md#lsp");
}

TEST(DocsUrlTest, UriPathPercentEncodesAllButUnreservedBytes) {
  EXPECT_EQ(UriPath("/srv/a b#c%d~e_f-g.h"), "/srv/a%20b%23c%25d~e_f-g.h");
}

TEST_F(OutputTest, ParsesFormats) {
  EXPECT_EQ(*ParseFormat("text"), Format::kText);
  EXPECT_EQ(*ParseFormat("json"), Format::kJson);
  EXPECT_EQ(*ParseFormat("sarif"), Format::kSarif);
  llvm::Expected<Format> bad = ParseFormat("xml");
  ASSERT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()), "invalid format `xml` (expected text, json or sarif)");
}

TEST_F(OutputTest, TextIsTheSourceMgrForm) {
  std::string out;
  llvm::raw_string_ostream os(out);
  WriteDiagnostics({&diags_}, Format::kText, os, {.colors = false, .quiet = true});
  EXPECT_EQ(os.str(),
            "/work/project/web.landlock:2:25: warning: write access to `/etc` lets the program "
            "change system configuration [broad-grant]\n"
            "    allow read_write on \"/etc\";\n"
            "                        ^~~~~~\n"
            "note: granted there: `write_file`\n"
            "/work/project/web.landlock:1:7: note: in layer `main`\n"
            "layer main {\n"
            "      ^~~~\n");
}

TEST_F(OutputTest, TextLinksTheDocumentationOfEachRuleOnceAndEndsWithASummary) {
  llvm::StringRef buffer = source_mgr_.getMemoryBuffer(1)->getBuffer();
  llvm::SMLoc layer = llvm::SMLoc::getFromPointer(buffer.data() + buffer.find("main"));
  diags_.Emit(diag::Severity::kWarning, "broad-grant", {layer, layer}, "again");
  diags_.Emit(diag::Severity::kNote, "unpinned-abi", {layer, layer}, "unpinned");
  std::string out;
  llvm::raw_string_ostream os(out);
  WriteDiagnostics({&diags_}, Format::kText, os);
  std::string url = "https://github.com/landlockc/landlockc/blob/v" LANDLOCKC_VERSION "/docs/lint/";
  EXPECT_EQ(os.str(),
            "/work/project/web.landlock:2:25: warning: write access to `/etc` lets the program "
            "change system configuration [broad-grant]\n"
            "    allow read_write on \"/etc\";\n"
            "                        ^~~~~~\n"
            "note: granted there: `write_file`\n"
            "/work/project/web.landlock:1:7: note: in layer `main`\n"
            "layer main {\n"
            "      ^~~~\n"
            "note: see " +
                url +
                "broad-grant.md\n"
                "/work/project/web.landlock:1:7: warning: again [broad-grant]\n"
                "layer main {\n"
                "      ^\n"
                "/work/project/web.landlock:1:7: note: unpinned [unpinned-abi]\n"
                "layer main {\n"
                "      ^\n"
                "note: see " +
                url +
                "unpinned-abi.md\n"
                "2 warnings, 1 note\n");
}

TEST_F(OutputTest, RuleListHasEveryRule) {
  llvm::json::Value json = RulesJson();
  const llvm::json::Object& list = *json.getAsObject();
  EXPECT_EQ(list.getInteger("version").getValueOr(0), 1);
  const llvm::json::Array& rules = *list.getArray("rules");
  ASSERT_EQ(rules.size(), AllRules().size());
  const llvm::json::Object& first = *rules.front().getAsObject();
  EXPECT_EQ(*first.getString("id"), AllRules().front()->id);
  EXPECT_EQ(*first.getString("severity"), diag::SeverityName(AllRules().front()->severity));
  EXPECT_EQ(*first.getString("summary"), AllRules().front()->summary);
  EXPECT_EQ(*first.getString("url"), RuleDocumentationUrl(AllRules().front()->id));
  std::string table;
  llvm::raw_string_ostream os(table);
  WriteRuleTable(os);
  llvm::SmallVector<llvm::StringRef, 32> lines;
  llvm::StringRef(os.str()).split(lines, '\n', -1, /*KeepEmpty=*/false);
  ASSERT_EQ(lines.size(), AllRules().size() + 1);
  EXPECT_TRUE(lines[0].startswith("ID")) << lines[0].str();
  // Columns line up: each rule's severity starts where the header's does.
  size_t severity_column = lines[0].find("SEVERITY");
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_TRUE(lines[i].startswith(AllRules()[i - 1]->id)) << lines[i].str();
    EXPECT_EQ(
        lines[i].substr(severity_column).find(diag::SeverityName(AllRules()[i - 1]->severity)), 0u)
        << lines[i].str();
    EXPECT_TRUE(lines[i].contains(RuleDocumentationUrl(AllRules()[i - 1]->id)));
    EXPECT_TRUE(lines[i].endswith(AllRules()[i - 1]->summary));
  }
}

TEST_F(OutputTest, JsonHoldsOneObjectPerFinding) {
  llvm::json::Value json = ToJson({&diags_});
  std::string text;
  llvm::raw_string_ostream(text) << json;
  EXPECT_EQ(text,
            "{\"findings\":[{\"column\":25,\"end_column\":31,\"end_line\":2,\"file\":\"/work/"
            "project/web.landlock\",\"id\":\"broad-grant\",\"line\":2,\"message\":\"write access "
            "to `/etc` lets the program change system configuration\",\"notes\":[{\"message\":"
            "\"granted there: `write_file`\"},{\"column\":7,\"end_column\":11,\"end_line\":1,"
            "\"file\":\"/work/project/web.landlock\",\"line\":1,\"message\":\"in layer "
            "`main`\"}],\"severity\":\"warning\"}],\"version\":1}");
}

TEST_F(OutputTest, SarifDescribesEveryRuleAndRelativeLocations) {
  llvm::json::Value sarif = ToSarif({&diags_}, "/work/project");
  const llvm::json::Object& log = *sarif.getAsObject();
  EXPECT_EQ(*log.getString("version"), "2.1.0");
  EXPECT_EQ(*log.getString("$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  const llvm::json::Object& run = *log.getArray("runs")->front().getAsObject();
  const llvm::json::Object& driver = *run.getObject("tool")->getObject("driver");
  EXPECT_EQ(*driver.getString("name"), "landlockc");
  const llvm::json::Array& rules = *driver.getArray("rules");
  ASSERT_GE(rules.size(), AllRules().size());
  for (size_t i = 0; i < AllRules().size(); ++i) {
    const Rule& expected = *AllRules()[i];
    const llvm::json::Object& rule = *rules[i].getAsObject();
    EXPECT_EQ(*rule.getString("id"), expected.id);
    EXPECT_EQ(*rule.getObject("shortDescription")->getString("text"), expected.summary);
    EXPECT_EQ(*rule.getObject("fullDescription")->getString("text"), expected.description);
    EXPECT_TRUE(rule.getObject("help")->getString("text")->startswith(expected.description));
    EXPECT_TRUE(rule.getObject("help")->getString("markdown"));
    EXPECT_EQ(*rule.getObject("defaultConfiguration")->getString("level"),
              diag::SeverityName(expected.severity));
    // The documentation of the version that wrote the log, not of whatever `main` holds later.
    EXPECT_EQ(*rule.getString("helpUri"),
              "https://github.com/landlockc/landlockc/blob/v" LANDLOCKC_VERSION "/docs/lint/" +
                  std::string(expected.id) + ".md");
  }
  // Every rule, compiler diagnostics included, has the fields code scanning shows.
  for (const llvm::json::Value& value : rules) {
    const llvm::json::Object& rule = *value.getAsObject();
    // Message formats read as prose, without their `{0}` placeholders.
    EXPECT_FALSE(rule.getObject("shortDescription")->getString("text")->contains("{0}"))
        << rule.getString("id")->str();
    EXPECT_TRUE(rule.getString("name")) << rule.getString("id")->str();
    EXPECT_TRUE(rule.getObject("shortDescription")->getString("text"));
    EXPECT_TRUE(rule.getObject("fullDescription")->getString("text"));
    EXPECT_TRUE(rule.getObject("help")->getString("text"));
    EXPECT_TRUE(rule.getObject("defaultConfiguration")->getString("level"));
  }
  const llvm::json::Object& result = *run.getArray("results")->front().getAsObject();
  EXPECT_EQ(*result.getString("ruleId"), "broad-grant");
  EXPECT_EQ(*rules[*result.getInteger("ruleIndex")].getAsObject()->getString("id"), "broad-grant");
  // The friendly name is the id in Pascal case, distinct from the id.
  EXPECT_EQ(*rules[*result.getInteger("ruleIndex")].getAsObject()->getString("name"), "BroadGrant");
  EXPECT_EQ(*result.getString("level"), "warning");
  EXPECT_EQ(*result.getObject("message")->getString("text"),
            "write access to `/etc` lets the program change system configuration\nnote: granted "
            "there: `write_file`\nnote: [in layer `main`](1)");
  const llvm::json::Object& physical =
      *result.getArray("locations")->front().getAsObject()->getObject("physicalLocation");
  EXPECT_EQ(*physical.getObject("artifactLocation")->getString("uri"), "web.landlock");
  EXPECT_EQ(*physical.getObject("artifactLocation")->getString("uriBaseId"), "%SRCROOT%");
  const llvm::json::Object& region = *physical.getObject("region");
  EXPECT_EQ(*region.getInteger("startLine"), 2);
  EXPECT_EQ(*region.getInteger("startColumn"), 25);
  EXPECT_EQ(*region.getInteger("endLine"), 2);
  EXPECT_EQ(*region.getInteger("endColumn"), 31);
  llvm::StringRef fingerprint =
      *result.getObject("partialFingerprints")->getString("landlockcStatementHash/v1");
  // 16 hex digits of the hash, then the occurrence of that statement.
  EXPECT_EQ(fingerprint.size(), 18u) << fingerprint.str();
  EXPECT_TRUE(fingerprint.endswith(":1")) << fingerprint.str();
  // The located note is a related location; the unlocated one stays in the message.
  const llvm::json::Array& related = *result.getArray("relatedLocations");
  ASSERT_EQ(related.size(), 1u);
  const llvm::json::Object& note = *related.front().getAsObject();
  EXPECT_EQ(*note.getInteger("id"), 1);
  EXPECT_EQ(*note.getObject("message")->getString("text"), "in layer `main`");
  const llvm::json::Object& note_physical = *note.getObject("physicalLocation");
  EXPECT_EQ(*note_physical.getObject("artifactLocation")->getString("uri"), "web.landlock");
  const llvm::json::Object& note_region = *note_physical.getObject("region");
  EXPECT_EQ(*note_region.getInteger("startLine"), 1);
  EXPECT_EQ(*note_region.getInteger("startColumn"), 7);
  EXPECT_EQ(*note_region.getInteger("endLine"), 1);
  EXPECT_EQ(*note_region.getInteger("endColumn"), 11);
}

// What GitHub code scanning ranks alerts by: tags with `security`, a security-severity between 0
// and 10 (notes at most 3), a precision, and problem.severity.
TEST_F(OutputTest, EveryLintRuleCarriesSecurityMetadata) {
  llvm::json::Value sarif = ToSarif({&diags_}, "/work/project");
  const llvm::json::Array& rules = *sarif.getAsObject()
                                        ->getArray("runs")
                                        ->front()
                                        .getAsObject()
                                        ->getObject("tool")
                                        ->getObject("driver")
                                        ->getArray("rules");
  std::map<std::string, std::string> severities;
  for (size_t i = 0; i < AllRules().size(); ++i) {
    const Rule& rule = *AllRules()[i];
    SCOPED_TRACE(rule.id);
    const llvm::json::Object& properties = *rules[i].getAsObject()->getObject("properties");
    const llvm::json::Array& tags = *properties.getArray("tags");
    EXPECT_TRUE(llvm::any_of(tags, [](const llvm::json::Value& tag) {
      return tag.getAsString() == llvm::StringRef("security");
    }));
    ASSERT_TRUE(properties.getString("security-severity").hasValue());
    double score = 0;
    ASSERT_FALSE(properties.getString("security-severity")->getAsDouble(score));
    EXPECT_GE(score, 0.0);
    EXPECT_LE(score, rule.severity == diag::Severity::kNote ? 3.0 : 10.0);
    severities[rule.id] = properties.getString("security-severity")->str();
    llvm::StringRef precision = properties.getString("precision").getValueOr("");
    EXPECT_TRUE(precision == "very-high" || precision == "high" || precision == "medium")
        << precision.str();
    EXPECT_EQ(properties.getString("problem.severity").getValueOr(""),
              rule.severity == diag::Severity::kNote ? "recommendation"
                                                     : diag::SeverityName(rule.severity));
  }
  EXPECT_EQ(severities["sensitive-path"], "8.0");
  EXPECT_EQ(severities["write-execute"], "7.0");
  EXPECT_EQ(severities["broad-grant"], "6.5");
}

TEST_F(OutputTest, ABroadGrantOnTheRootRanksHighest) {
  llvm::StringRef buffer = source_mgr_.getMemoryBuffer(1)->getBuffer();
  llvm::SMLoc at = llvm::SMLoc::getFromPointer(buffer.data() + buffer.find("\"/etc\""));
  diag::DiagnosticEngine diags(source_mgr_);
  diags.Emit(diag::Severity::kError, "broad-grant", {at, at}, "write access to `/`");
  llvm::json::Value sarif = ToSarif({&diags}, "/work/project");
  const llvm::json::Object& result = *sarif.getAsObject()
                                          ->getArray("runs")
                                          ->front()
                                          .getAsObject()
                                          ->getArray("results")
                                          ->front()
                                          .getAsObject();
  EXPECT_EQ(result.getObject("properties")->getString("security-severity").getValueOr(""), "9.0");
}

TEST_F(OutputTest, EveryCompilerDiagnosticHasADescription) {
  std::set<std::string> described;
#define LANDLOCKC_DIAG_DESCRIPTION(Id, Text)                 \
  EXPECT_TRUE(llvm::StringRef(Text).endswith(".")) << Id;    \
  EXPECT_FALSE(llvm::StringRef(Text).contains("{0}")) << Id; \
  EXPECT_TRUE(described.insert(Id).second) << Id << " is described twice";
#include "compiler/diag/descriptions.def"
  for (const diag::DiagInfo& info : diag::AllDiagnostics())
    EXPECT_TRUE(described.count(info.id)) << info.id << " has no line in descriptions.def";
  EXPECT_EQ(described.size(), diag::AllDiagnostics().size());
}

TEST_F(OutputTest, MessagesEscapeBracketsSoOnlyNoteLinksAreLinks) {
  llvm::StringRef buffer = source_mgr_.getMemoryBuffer(1)->getBuffer();
  llvm::SMLoc at = llvm::SMLoc::getFromPointer(buffer.data() + buffer.find("main"));
  diag::DiagnosticEngine diags(source_mgr_);
  diags.Emit(diag::Severity::kWarning, "broad-grant", {at, at}, "path `/a[1]`",
             {{"here", {at, at}}});
  llvm::json::Value sarif = ToSarif({&diags}, "/work/project");
  const llvm::json::Object& result = *sarif.getAsObject()
                                          ->getArray("runs")
                                          ->front()
                                          .getAsObject()
                                          ->getArray("results")
                                          ->front()
                                          .getAsObject();
  EXPECT_EQ(*result.getObject("message")->getString("text"), "path `/a\\[1\\]`\nnote: [here](1)");
}

TEST_F(OutputTest, FingerprintsIgnoreLineNumbers) {
  auto fingerprint = [](const llvm::json::Value& sarif) {
    return sarif.getAsObject()
        ->getArray("runs")
        ->front()
        .getAsObject()
        ->getArray("results")
        ->front()
        .getAsObject()
        ->getObject("partialFingerprints")
        ->getString("landlockcStatementHash/v1")
        ->str();
  };
  std::string before = fingerprint(ToSarif({&diags_}, "/work/project"));

  llvm::SourceMgr moved_mgr;
  moved_mgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy("\n\n" + text_, "/work/project/web.landlock"),
      llvm::SMLoc());
  diag::DiagnosticEngine moved(moved_mgr);
  llvm::StringRef buffer = moved_mgr.getMemoryBuffer(1)->getBuffer();
  const char* start = buffer.data() + buffer.find("\"/etc\"");
  moved.Emit(diag::Severity::kWarning, "broad-grant",
             {llvm::SMLoc::getFromPointer(start), llvm::SMLoc::getFromPointer(start + 6)}, "m");
  EXPECT_EQ(fingerprint(ToSarif({&moved}, "/work/project")), before);
}

TEST_F(OutputTest, FilesOutsideTheBaseGetAbsoluteUris) {
  llvm::json::Value sarif = ToSarif({&diags_}, "/elsewhere");
  const llvm::json::Object& physical = *sarif.getAsObject()
                                            ->getArray("runs")
                                            ->front()
                                            .getAsObject()
                                            ->getArray("results")
                                            ->front()
                                            .getAsObject()
                                            ->getArray("locations")
                                            ->front()
                                            .getAsObject()
                                            ->getObject("physicalLocation");
  EXPECT_EQ(*physical.getObject("artifactLocation")->getString("uri"),
            "file:///work/project/web.landlock");
}

TEST_F(OutputTest, UrisArePercentEncoded) {
  llvm::SourceMgr source_mgr;
  source_mgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text_, "/work/my project/web #1.landlock"),
      llvm::SMLoc());
  diag::DiagnosticEngine diags(source_mgr);
  llvm::StringRef buffer = source_mgr.getMemoryBuffer(1)->getBuffer();
  const char* start = buffer.data() + buffer.find("\"/etc\"");
  diags.Emit(diag::Severity::kWarning, "broad-grant",
             {llvm::SMLoc::getFromPointer(start), llvm::SMLoc::getFromPointer(start + 6)}, "m");
  auto uri = [&](llvm::StringRef base_dir) {
    llvm::json::Value sarif = ToSarif({&diags}, base_dir);
    const llvm::json::Object& run = *sarif.getAsObject()->getArray("runs")->front().getAsObject();
    const llvm::json::Object& artifact = *run.getArray("results")
                                              ->front()
                                              .getAsObject()
                                              ->getArray("locations")
                                              ->front()
                                              .getAsObject()
                                              ->getObject("physicalLocation")
                                              ->getObject("artifactLocation");
    return std::make_pair(
        artifact.getString("uri")->str(),
        run.getObject("originalUriBaseIds")->getObject("%SRCROOT%")->getString("uri")->str());
  };
  EXPECT_EQ(uri("/work/my project"), std::make_pair(std::string("web%20%231.landlock"),
                                                    std::string("file:///work/my%20project/")));
  EXPECT_EQ(uri("/elsewhere").first, "file:///work/my%20project/web%20%231.landlock");
}

}  // namespace
}  // namespace landlockc::lint
