// SPDX-License-Identifier: MIT
#include "compiler/format/formatter.h"

#include "gtest/gtest.h"

namespace landlockc::format {
namespace {

TEST(FormatPolicyTest, OneStatementPerLineWithCanonicalSpacing) {
  EXPECT_EQ(
      FormatPolicy("abi   7 ;requires abi 4;\n"
                   "let ro=read+execute ;\n"
                   "layer  main{handle fs :read_file+ ( read_dir-refer ) ;"
                   "allow ro on \"/usr\" ,\"/lib\"optional;allow tcp on port 80,9000 .. 9010;}\n"),
      "abi 7;\n"
      "requires abi 4;\n"
      "let ro = read + execute;\n"
      "layer main {\n"
      "    handle fs: read_file + (read_dir - refer);\n"
      "    allow ro on \"/usr\", \"/lib\" optional;\n"
      "    allow tcp on port 80, 9000..9010;\n"
      "}\n");
}

TEST(FormatPolicyTest, KeepsCommentsWhereTheyStand) {
  EXPECT_EQ(FormatPolicy("# header\n"
                         "abi 7;   # pinned\n"
                         "layer main {  # the only layer\n"
                         "        # grants\n"
                         "  allow read on \"/usr\";#trailing   \n"
                         "} # done\n"),
            "# header\n"
            "abi 7;  # pinned\n"
            "layer main {  # the only layer\n"
            "    # grants\n"
            "    allow read on \"/usr\";  #trailing\n"
            "}  # done\n");
}

TEST(FormatPolicyTest, KeepsOneBlankLineBetweenStatementsAndNoneAtBlockEdges) {
  EXPECT_EQ(
      FormatPolicy("\n\nabi 7;\n\n\n\ninclude \"std/runtime.landlock\";\n"
                   "layer main {\n\n    use runtime;\n\n    allow read on \"/usr\";\n\n}\n\n"),
      "abi 7;\n"
      "\n"
      "include \"std/runtime.landlock\";\n"
      "layer main {\n"
      "    use runtime;\n"
      "\n"
      "    allow read on \"/usr\";\n"
      "}\n");
}

TEST(FormatPolicyTest, WrapsLongListsAfterCommasAlignedWithTheFirstItem) {
  EXPECT_EQ(
      FormatPolicy("rules tls { allow read on \"/etc/ssl/certs\", \"/usr/share/ca-certificates\", "
                   "\"/usr/local/share/ca-certificates\", \"/etc/pki/tls/certs\" optional; }\n"
                   "let many = \"/a/very/long/path/number/one\", \"/a/very/long/path/number/two\", "
                   "\"/a/very/long/path/number/three\";\n"),
      "rules tls {\n"
      "    allow read on \"/etc/ssl/certs\", \"/usr/share/ca-certificates\",\n"
      "                  \"/usr/local/share/ca-certificates\", \"/etc/pki/tls/certs\" optional;\n"
      "}\n"
      "let many = \"/a/very/long/path/number/one\", \"/a/very/long/path/number/two\",\n"
      "           \"/a/very/long/path/number/three\";\n");
}

TEST(FormatPolicyTest, ACommentInsideAStatementEndsItsLine) {
  EXPECT_EQ(FormatPolicy("allow read on \"/a\", # first\n\"/b\";\n"),
            "allow read on \"/a\",  # first\n"
            "              \"/b\";\n");
}

TEST(FormatPolicyTest, FormattingTwiceChangesNothing) {
  const char* inputs[] = {
      "abi 7; layer a { allow read on \"/usr\", # c\n \"/lib\"; } # end\n\n\n# tail\n",
      "let x = \"/one\", \"/two\", \"/three\", \"/four\", \"/five\", \"/six\", \"/seven\", "
      "\"/eight\", \"/nine\", \"/ten\", \"/eleven\", \"/twelve\";\n",
      "layer a {\n# only a comment\n}\n",
      "",
  };
  for (const char* input : inputs) {
    std::string once = FormatPolicy(input);
    EXPECT_EQ(FormatPolicy(once), once) << input;
  }
}

TEST(FormatPolicyTest, LeavesStringsAsWritten) {
  EXPECT_EQ(FormatPolicy("allow read on \"/with space/and \\\"quote\\\" # not a comment\";\n"),
            "allow read on \"/with space/and \\\"quote\\\" # not a comment\";\n");
}

TEST(FormatPolicyTest, DropsALeadingByteOrderMark) {
  EXPECT_EQ(FormatPolicy("\xEF\xBB\xBF"
                         "abi 7;  # caf\xC3\xA9\n"),
            "abi 7;  # caf\xC3\xA9\n");
}

}  // namespace
}  // namespace landlockc::format
