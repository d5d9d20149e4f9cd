// SPDX-License-Identifier: MIT
// The ABI facts the user documents state (docs/language.md, docs/lint/README.md) are the ABI
// table's (runtime/abi_table.h): each is generated here from the table and must stand in the
// document as written, so a change to the table fails until the documents follow.
#include <string>

#include <gtest/gtest.h>

#include "compiler/model/names.h"
#include "runtime/abi_table.h"
#include "tests/support/test_files.h"

namespace landlockc {
namespace {

std::string Document(const std::string& relative) {
  return test_support::ReadTestFile(std::string(LANDLOCKC_SOURCE_DIR) + "/" + relative);
}

// `text` with every run of spaces and line breaks as one space, so that prose may wrap freely.
std::string OneLine(const std::string& text) {
  std::string line;
  for (char c : text) {
    bool space = c == ' ' || c == '\n';
    if (space && !line.empty() && line.back() == ' ') continue;
    line += space ? ' ' : c;
  }
  return line;
}

// "| category | right | ABI |" and a row for each run of rights of one category and ABI.
std::string RightsTable() {
  std::string table = "| category | right | ABI |\n|---|---|---|\n";
  for (int i = 0; i < abi::kRightCount;) {
    const abi::Right& first = abi::kRights[i];
    table += "| " + model::CategoryName(first.category).str() + " |";
    for (; i < abi::kRightCount && abi::kRights[i].category == first.category &&
           abi::kRights[i].abi == first.abi;
         ++i)
      table += " `" + std::string(abi::kRights[i].name) + "`";
    table += " | " + std::to_string(first.abi) + " |\n";
  }
  return table;
}

// "5.13 → 1, 5.19 → 2, ...".
std::string KernelReleases() {
  std::string list;
  for (const abi::KernelRelease& release : abi::kKernelReleases)
    list += (list.empty() ? "" : ", ") + std::to_string(release.major) + "." +
            std::to_string(release.minor) + " → " + std::to_string(release.abi);
  return list;
}

// "`arch` the newest, `debian-11` none, `debian-12` 2, ...".
std::string Distributions() {
  std::string list;
  for (const abi::Distribution& distribution : abi::kDistributions) {
    std::string abi = distribution.abi == abi::kNewestAbi ? "the newest"
                      : distribution.abi == 0             ? "none"
                                                          : std::to_string(distribution.abi);
    list += (list.empty() ? "" : ", ") + ("`" + std::string(distribution.name) + "` ") + abi;
  }
  return list;
}

std::string Range() { return "1.." + std::to_string(abi::kNewestAbi); }

TEST(AbiDocsTest, TheLanguageReferenceHasTheTablesRights) {
  std::string text = Document("docs/language.md");
  EXPECT_NE(text.find(RightsTable()), std::string::npos) << "expected:\n" << RightsTable();
  std::string prose = OneLine(text);
  EXPECT_NE(prose.find("the Landlock ABI the policy is written for (" + Range() + ")"),
            std::string::npos);
  EXPECT_NE(prose.find("refuse to apply on kernels below ABI N (" + Range() + ","),
            std::string::npos);
  EXPECT_NE(prose.find("newest ABI landlockc knows (" + std::to_string(abi::kNewestAbi) + ")"),
            std::string::npos);
}

TEST(AbiDocsTest, TheLinterGuideHasTheTablesTargets) {
  std::string prose = OneLine(Document("docs/lint/README.md"));
  EXPECT_NE(prose.find("`abi:N` (" + Range() + ")"), std::string::npos);
  EXPECT_NE(prose.find("(the ABI that kernel release introduced: " + KernelReleases() + ";"),
            std::string::npos)
      << "expected: " << KernelReleases();
  EXPECT_NE(prose.find("a distribution (" + Distributions() + ")"), std::string::npos)
      << "expected: " << Distributions();
  EXPECT_NE(prose.find("the target is `abi:" + std::to_string(abi::kNewestAbi) + "`"),
            std::string::npos);
}

}  // namespace
}  // namespace landlockc
