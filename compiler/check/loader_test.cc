// SPDX-License-Identifier: MIT
// Includes: lookup order, read once, cycles, missing and unreadable files.
#include "compiler/check/loader.h"

#include "compiler/check/check_test_support.h"
#include "llvm/Support/FileSystem.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::check {
namespace {

using ::testing::ElementsAre;

class LoaderTest : public CheckTest {
 protected:
  std::string Write(const std::string& relative, const std::string& text) {
    return scratch_.Write(relative, text);
  }
  std::string Dir(const std::string& relative) { return scratch_.Path(relative); }

  std::optional<model::Policy> CheckAt(const std::string& path, const Options& options = {}) {
    return CheckFile(path, options, diags_);
  }

  test_support::ScratchDir scratch_;
};

TEST_F(LoaderTest, RelativeToTheIncludingFile) {
  Write("sub/defs.landlock", "include \"more/x.landlock\";\nlet a = \"/a\";");
  Write("sub/more/x.landlock", "let b = \"/b\";");
  std::string main = Write("main.landlock", "include \"sub/defs.landlock\";\nallow read on a, b;");
  std::optional<model::Policy> policy = CheckAt(main);
  ASSERT_TRUE(policy) << Rendered();
  EXPECT_EQ(policy->layers.at(0).fs_grants.size(), 2u);
  EXPECT_THAT(policy->files,
              ElementsAre(main, Dir("sub/defs.landlock"), Dir("sub/more/x.landlock")));
}

TEST_F(LoaderTest, SearchOrderIsLocalThenIncludeDirsThenStdlib) {
  Write("local/x.landlock", "let where = \"/local\";");
  Write("i1/x.landlock", "let where = \"/i1\";");
  Write("i2/y.landlock", "let where = \"/i2\";");
  Write("std/std/z.landlock", "let where = \"/std\";");
  Options options{{Dir("i1"), Dir("i2")}, Dir("std")};
  auto path_of = [&](llvm::StringRef include) {
    std::string main =
        Write("local/main.landlock", "include \"" + include.str() + "\";\nallow read on where;");
    std::optional<model::Policy> policy = CheckAt(main, options);
    EXPECT_TRUE(policy) << Rendered();
    return policy ? policy->layers.at(0).fs_grants.at(0).path : "";
  };
  EXPECT_EQ(path_of("x.landlock"), "/local");
  EXPECT_EQ(path_of("y.landlock"), "/i2");
  EXPECT_EQ(path_of("std/z.landlock"), "/std");
}

TEST_F(LoaderTest, FindIncludedFileSearchesAsTheLoaderDoes) {
  std::string local = Write("local/x.landlock", "");
  Write("i1/x.landlock", "");
  std::string in_dir = Write("i1/y.landlock", "");
  std::string in_std = Write("std/std/z.landlock", "");
  Options options{{Dir("i1")}, Dir("std")};
  std::string from = Dir("local/main.landlock");
  EXPECT_EQ(FindIncludedFile("x.landlock", from, options), local);
  EXPECT_EQ(FindIncludedFile("y.landlock", from, options), in_dir);
  EXPECT_EQ(FindIncludedFile("std/z.landlock", from, options), in_std);
  EXPECT_EQ(FindIncludedFile(in_std, from, options), in_std);
  EXPECT_EQ(FindIncludedFile("missing.landlock", from, options), std::nullopt);
  EXPECT_EQ(FindIncludedFile("", from, options), std::nullopt);
}

TEST_F(LoaderTest, EachFileIsReadOnce) {
  Write("defs.landlock", "let a = \"/a\";");
  Write("other.landlock", "include \"./defs.landlock\";");
  std::string main = Write("main.landlock",
                           "include \"defs.landlock\";\ninclude \"other.landlock\";\n"
                           "include \"defs.landlock\";\nallow read on a;");
  std::optional<model::Policy> policy = CheckAt(main);
  ASSERT_TRUE(policy) << Rendered();
  EXPECT_EQ(policy->files.size(), 3u);
}

TEST_F(LoaderTest, IncludesExpandInPlace) {
  Write("l.landlock", "layer second { handle fs: execute; }");
  std::string main = Write("main.landlock",
                           "layer first { handle fs: read; }\ninclude \"l.landlock\";\nlayer third "
                           "{ handle fs: read; }");
  std::optional<model::Policy> policy = CheckAt(main);
  ASSERT_TRUE(policy) << Rendered();
  ASSERT_EQ(policy->layers.size(), 3u);
  EXPECT_EQ(policy->layers[1].name, "second");
}

TEST_F(LoaderTest, CycleShowsTheChain) {
  Write("a.landlock", "include \"b.landlock\";");
  Write("b.landlock", "include \"a.landlock\";");
  std::string main = Write("main.landlock", "include \"a.landlock\";\nallow read on \"/x\";");
  EXPECT_FALSE(CheckAt(main));
  ASSERT_THAT(Ids(), ElementsAre("include-cycle"));
  EXPECT_EQ(diags_.diagnostics()[0].file, Dir("b.landlock"));
  EXPECT_EQ(diags_.diagnostics()[0].message, "`a.landlock` includes itself");
  const std::vector<diag::Note>& notes = diags_.diagnostics()[0].notes;
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].message,
            "`" + Dir("a.landlock") + "` includes `" + Dir("b.landlock") + "` here");
  EXPECT_EQ(notes[0].file, Dir("a.landlock"));
  EXPECT_EQ(notes[0].line, 1u);
  EXPECT_EQ(notes[0].column, 9u);
}

TEST_F(LoaderTest, SelfInclude) {
  std::string main = Write("main.landlock", "include \"main.landlock\";\nallow read on \"/x\";");
  EXPECT_FALSE(CheckAt(main));
  EXPECT_THAT(Ids(), ElementsAre("include-cycle"));
}

// A chain of `depth` files: main.landlock includes 1.landlock, which includes 2.landlock ...
std::string WriteIncludeChain(test_support::ScratchDir& scratch, size_t depth) {
  for (size_t level = 1; level <= depth; ++level)
    scratch.Write(std::to_string(level) + ".landlock",
                  level == depth ? "let deepest = \"/x\";"
                                 : "include \"" + std::to_string(level + 1) + ".landlock\";");
  return scratch.Write("main.landlock", "include \"1.landlock\";\nallow read on deepest;");
}

TEST_F(LoaderTest, IncludesNestUpToTheBound) {
  std::string main = WriteIncludeChain(scratch_, kMaxIncludeDepth);
  std::optional<model::Policy> policy = CheckAt(main);
  ASSERT_TRUE(policy) << Rendered();
  EXPECT_EQ(policy->files.size(), kMaxIncludeDepth + 1);
}

TEST_F(LoaderTest, IncludeOneLevelPastTheBound) {
  std::string main = WriteIncludeChain(scratch_, kMaxIncludeDepth + 1);
  EXPECT_FALSE(CheckAt(main));
  ASSERT_THAT(Ids(), ElementsAre("include-too-deep"));
  const diag::Diagnostic& error = diags_.diagnostics()[0];
  EXPECT_EQ(error.file, Dir(std::to_string(kMaxIncludeDepth) + ".landlock"));
  EXPECT_EQ(error.column, 9u);
  EXPECT_EQ(error.message, "including `" + std::to_string(kMaxIncludeDepth + 1) +
                               ".landlock` nests includes too deep: at most 16 levels");
}

// main.landlock including `count` files, each defining one path.
std::string WriteIncludes(test_support::ScratchDir& scratch, size_t count) {
  std::string main;
  for (size_t i = 1; i <= count; ++i) {
    std::string name = std::to_string(i) + ".landlock";
    scratch.Write(name, "let p" + std::to_string(i) + " = \"/p" + std::to_string(i) + "\";");
    main += "include \"" + name + "\";\n";
  }
  return scratch.Write("main.landlock", main + "allow read on \"/x\";");
}

TEST_F(LoaderTest, IncludedFilesUpToTheBound) {
  std::optional<model::Policy> policy = CheckAt(WriteIncludes(scratch_, kMaxIncludedFiles));
  ASSERT_TRUE(policy) << Rendered();
  EXPECT_EQ(policy->files.size(), kMaxIncludedFiles + 1);
}

TEST_F(LoaderTest, OneIncludedFilePastTheBound) {
  EXPECT_FALSE(CheckAt(WriteIncludes(scratch_, kMaxIncludedFiles + 1)));
  ASSERT_THAT(Ids(), ElementsAre("too-many-includes"));
  const diag::Diagnostic& error = diags_.diagnostics()[0];
  EXPECT_EQ(error.file, Dir("main.landlock"));
  EXPECT_EQ(error.line, kMaxIncludedFiles + 1);
  EXPECT_EQ(error.message,
            "`" + std::to_string(kMaxIncludedFiles + 1) +
                ".landlock` is one file too many: a policy includes at most 64 files");
}

TEST_F(LoaderTest, NotFound) {
  std::string main = Write("main.landlock", "include \"nope.landlock\";\nallow read on \"/x\";");
  EXPECT_FALSE(CheckAt(main));
  EXPECT_THAT(Ids(), ElementsAre("include-not-found"));
  EXPECT_EQ(diags_.diagnostics()[0].column, 9u);
}

TEST_F(LoaderTest, UnreadableInclude) {
  llvm::sys::fs::create_directories(Dir("adir"));
  std::string main = Write("main.landlock", "include \"adir\";\nallow read on \"/x\";");
  EXPECT_FALSE(CheckAt(main));
  EXPECT_THAT(Ids(), ElementsAre("io-error"));
}

TEST_F(LoaderTest, UnreadableMainFile) {
  EXPECT_FALSE(CheckAt(Dir("missing.landlock")));
  ASSERT_THAT(Ids(), ElementsAre("io-error"));
  EXPECT_EQ(Rendered(), "error: cannot read `" + Dir("missing.landlock") +
                            "`: No such file or directory [io-error]\n");
}

TEST_F(LoaderTest, RuleStatementsInAnIncludedFile) {
  Write("r.landlock", "allow read on \"/a\";\nallow read on \"/b\";");
  std::string main = Write("main.landlock", "include \"r.landlock\";\nallow read on \"/x\";");
  EXPECT_FALSE(CheckAt(main));
  EXPECT_THAT(Ids(), ElementsAre("rule-in-include"));
}

TEST_F(LoaderTest, SyntaxErrorsOfEveryFileButNoMeaningCheck) {
  Write("bad.landlock", "let = ;");
  std::string main =
      Write("main.landlock", "include \"bad.landlock\";\nallow read on nosuchname;\nlet ;");
  EXPECT_FALSE(CheckAt(main));
  // main.landlock's `let ;`, then bad.landlock's errors; no `unknown-name` for `nosuchname`.
  EXPECT_THAT(Ids(), ElementsAre("syntax-error", "missing-token", "syntax-error")) << Rendered();
  EXPECT_EQ(diags_.diagnostics()[0].file, main);
  EXPECT_EQ(diags_.diagnostics()[1].file, Dir("bad.landlock"));
}

}  // namespace
}  // namespace landlockc::check
