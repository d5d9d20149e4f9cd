// SPDX-License-Identifier: MIT
// The fast parser against the ANTLR path: on every input, it must accept exactly what the ANTLR
// path parses without a diagnostic, and build the same AST, ranges included.
#include "compiler/parse/fast_parser.h"

#include <iterator>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "compiler/diag/diagnostics.h"
#include "compiler/parse/encoding.h"
#include "compiler/parse/error_listener.h"
#include "compiler/parse/lexer.h"
#include "compiler/parse/parse_test_support.h"
#include "compiler/parse/recovering_parser.h"
#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::parse {
namespace {

// Renders an AST with ranges as byte offsets into `base`, so that two ASTs of the same text
// compare as strings and a difference shows where it is.
class Dumper {
 public:
  explicit Dumper(const char* base) : base_(base) {}

  std::string Dump(const std::vector<ast::TopStmt>& statements) {
    for (const ast::TopStmt& statement : statements) {
      std::visit([this](const auto& node) { Node(node); }, statement);
      out_ += '\n';
    }
    return out_;
  }

 private:
  void Range(llvm::SMRange range) {
    out_ += '[';
    out_ += std::to_string(range.Start.getPointer() - base_);
    out_ += ',';
    out_ += std::to_string(range.End.getPointer() - base_);
    out_ += ')';
  }
  void Ident(const ast::Ident& ident) {
    out_ += " " + ident.name.str();
    Range(ident.range);
  }
  void Expr(const ast::Expr* expr) {
    if (expr == nullptr) {
      out_ += " null";
      return;
    }
    out_ += " (" + std::to_string(static_cast<int>(expr->kind)) + " '" + expr->text.str() + "' " +
            std::to_string(expr->low) + ".." + std::to_string(expr->high);
    Range(expr->range);
    // The operands of `+` and `-` are its items.
    for (ast::ExprPtr item : expr->items) Expr(item);
    out_ += ")";
  }
  void Body(const std::vector<ast::BodyStmt>& body) {
    out_ += " {";
    for (const ast::BodyStmt& statement : body)
      std::visit([this](const auto& node) { Node(node); }, statement);
    out_ += " }";
  }

  void Node(const ast::AbiStmt& abi) {
    out_ += " abi " + std::to_string(abi.version);
    Range(abi.range);
    Range(abi.version_range);
  }
  void Node(const ast::RequiresStmt& requires_stmt) {
    out_ += " requires " + std::to_string(requires_stmt.version);
    Range(requires_stmt.range);
    Range(requires_stmt.version_range);
  }
  void Node(const ast::IncludeStmt& include) {
    out_ += " include '" + include.path + "'";
    Range(include.range);
    Range(include.path_range);
  }
  void Node(const ast::LetStmt& let) {
    out_ += " let";
    Ident(let.name);
    Expr(let.value);
    Range(let.range);
  }
  void Node(const ast::ThreadsStmt& threads) {
    out_ += " threads";
    Range(threads.range);
  }
  void Node(const ast::RulesBlock& rules) {
    out_ += " rules";
    Ident(rules.name);
    Body(rules.body);
    Range(rules.range);
  }
  void Node(const ast::LayerBlock& layer) {
    out_ += " layer";
    Ident(layer.name);
    Body(layer.body);
    Range(layer.range);
  }
  void Node(const ast::HandleStmt& handle) {
    out_ += " handle";
    Ident(handle.category);
    Expr(handle.rights);
    Range(handle.range);
  }
  void Node(const ast::AllowStmt& allow) {
    out_ += allow.optional ? " allow-optional" : " allow";
    Expr(allow.rights);
    Expr(allow.targets);
    Range(allow.range);
  }
  void Node(const ast::UseStmt& use) {
    out_ += " use";
    Ident(use.name);
    Range(use.range);
  }
  void Node(const ast::LogStmt& log) {
    out_ += " log";
    for (const ast::LogSetting& setting : log.settings) {
      Ident(setting.word);
      out_ += setting.on ? " on" : " off";
      Range(setting.range);
    }
    Range(log.range);
  }

  const char* base_;
  std::string out_;
};

// Parses `text` both ways and expects the same verdict and, when accepted, the same AST. Returns
// whether the fast parser accepted `text`.
bool ExpectSameAsAntlr(llvm::StringRef text, const std::string& name) {
  SCOPED_TRACE(name);
  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine diags(source_mgr);
  unsigned buffer_id = source_mgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, name), llvm::SMLoc());
  llvm::StringRef buffer = source_mgr.getMemoryBuffer(buffer_id)->getBuffer();
  ErrorListener listener(buffer, buffer_id, diags);
  // ParseFile goes no further with text that is not UTF-8.
  if (!CheckEncoding(buffer, listener)) return false;
  TokenBuffer tokens = Lex(buffer);
  std::vector<ast::TopStmt> antlr_statements;
  ast::Arena antlr_arena;
  try {
    ParseWithRecovery(tokens, listener, antlr_statements, antlr_arena);
  } catch (const ParseAborted&) {
  }
  listener.Flush();
  bool antlr_clean = diags.error_count() == 0;

  ast::Arena fast_arena;
  std::optional<std::vector<ast::TopStmt>> fast = ParseWellFormed(tokens, fast_arena);
  EXPECT_EQ(fast.has_value(), antlr_clean);
  if (fast && antlr_clean) {
    EXPECT_EQ(Dumper(buffer.data()).Dump(*fast), Dumper(buffer.data()).Dump(antlr_statements));
  }
  return fast.has_value();
}

TEST(FastParserTest, AgreesWithAntlrOnWellFormedConstructs) {
  const char* const inputs[] = {
      "",
      "# only a comment",
      "\xEF\xBB\xBF"
      "abi 7;",
      "abi 7;\r\nrequires abi 4;\n",
      "abi 99999999999;",
      "include \"std/tty.landlock\";",
      "include \"a\\\"b\\\\c\\n\\td\";",
      "let ro = read + execute;",
      "let web = port 80, 443..444, http;",
      "let paths = \"/a\", \"/b\", name;",
      "let x = ((a - b) + (c)) - (none);",
      "threads all;",
      "handle fs: all - (refer + truncate);",
      "handle net: none;\nhandle scope: signal;",
      "allow read on \"/usr\";",
      "allow read on (\"/usr\") optional;",
      "allow bind_tcp + connect_tcp on port 1..65535, 99999999999;",
      "use common;",
      "log same_exec off, new_exec on, subdomains off;",
      "rules r { allow read on \"/x\"; use q; }",
      "layer l { handle fs: read; allow ro on \"/srv\" , ro2 optional; log new_exec on; }",
      "layer a{}layer b{use a;}#end",
      "allow abis+ons-nonex on \"é\";",
      "allow read on \"# not a comment\"; # comment \"with quote",
      "abi 7 ; allow\tread\ron\n\"/x\"\n;",
      "# comment ended by a carriage return\rabi 7;",
      "use _x9;",
  };
  for (const char* input : inputs) EXPECT_TRUE(ExpectSameAsAntlr(input, input));
}

TEST(FastParserTest, LeavesEveryReportToAntlr) {
  const char* const inputs[] = {
      "abi 7",
      "abi;",
      ";",
      "}",
      "allow read on \"/x;",
      "allow read on \"\\q\";",
      "allow read on \"/x\" @;",
      "allow read on \"/x\" . ;",
      "allow bind_tcp on port 1...2;",
      "allow read on \"/x\\",
      "allow read on \"/x\"\f;",
      "allow () on \"/x\";",
      "allow read on port 80..;",
      "let on = read;",
      "use none;",
      "threads some;",
      "log same_exec maybe;",
      "log everything off;",
      "rules r { handle fs: read; }",
      "rules r { log same_exec off; }",
      "layer a { layer b { } }",
      "layer a { abi 7; }",
      "layer a { allow read on \"/x\";",
      "handle file: read;",
      "allow read on \"/x\" optional optional;",
      "\xEF\xBB\xBF\xEF\xBB\xBF"
      "abi 7;",
  };
  for (const char* input : inputs) EXPECT_FALSE(ExpectSameAsAntlr(input, input));
}

TEST(FastParserTest, EnforcesTheSameLimits) {
  // Built by appending: GCC 12 warns wrongly (-Wrestrict) about chained string concatenation.
  auto nested = [](unsigned depth, bool in_block) {
    std::string text = in_block ? "layer l { allow " : "allow ";
    text.append(depth, '(');
    text += "read";
    text.append(depth, ')');
    text += in_block ? " on \"/x\"; }" : " on \"/x\";";
    return text;
  };
  EXPECT_TRUE(ExpectSameAsAntlr(nested(kMaxNesting, false), "deepest nesting"));
  EXPECT_FALSE(ExpectSameAsAntlr(nested(kMaxNesting + 1, false), "too deep"));
  auto sum = [](unsigned operators) {
    std::string text = "allow a";
    for (unsigned i = 0; i < operators; ++i) text += " + a";
    return text + " on \"/x\";";
  };
  EXPECT_TRUE(ExpectSameAsAntlr(sum(kMaxOperators), "longest sum"));
  EXPECT_FALSE(ExpectSameAsAntlr(sum(kMaxOperators + 1), "sum too long"));
  EXPECT_TRUE(ExpectSameAsAntlr(nested(kMaxNesting - 1, true), "deepest nesting in a block"));
  EXPECT_FALSE(ExpectSameAsAntlr(nested(kMaxNesting, true), "too deep in a block"));
}

// Token soup with well-formed statements mixed in, from a fixed seed: mostly errors of every
// kind, in every position, some files valid, so that the verdicts are compared where hand-picked
// cases would not think to look.
TEST(FastParserTest, AgreesWithAntlrOnRandomInput) {
  const char* const pieces[] = {"allow",
                                "read",
                                "+",
                                "-",
                                "(",
                                ")",
                                "on",
                                "\"/x\"",
                                "port",
                                "80",
                                "..",
                                ",",
                                ";",
                                "{",
                                "}",
                                "layer",
                                "l",
                                "rules",
                                "use",
                                "log",
                                "same_exec",
                                "off",
                                "handle",
                                "fs",
                                ":",
                                "let",
                                "=",
                                "threads",
                                "all",
                                "abi",
                                "7",
                                "requires",
                                "include",
                                "optional",
                                "none",
                                "# c\n",
                                " ",
                                "\n",
                                "\"a\\q\"",
                                "@",
                                ".",
                                "\"open",
                                "allow read on \"/usr\";",
                                "layer x { use r; }",
                                "rules r { allow read on port 1..2; }",
                                "let s = a, \"b\";",
                                "log new_exec on;"};
  unsigned accepted = 0;
  for (const std::string& text : RandomTexts(pieces, 20261201, 3000, 1, 12, " "))
    if (ExpectSameAsAntlr(text, text)) ++accepted;
  // Both verdicts were exercised.
  EXPECT_GT(accepted, 20u);
  EXPECT_LT(accepted, 2950u);
}

TEST(FastParserTest, AgreesWithAntlrOnThePoliciesOfTheSourceTree) {
  unsigned compared = 0;
  for (const char* folder :
       {"examples", "std", "tests/diagnostics", "tests/diagnostics/inc", "bench/runtime"}) {
    llvm::SmallString<256> directory(LANDLOCKC_SOURCE_DIR);
    llvm::sys::path::append(directory, folder);
    std::error_code error;
    for (llvm::sys::fs::directory_iterator entry(directory, error), end; entry != end && !error;
         entry.increment(error)) {
      // tests/diagnostics/inc holds a directory named like a policy, for the include errors.
      if (llvm::sys::path::extension(entry->path()) != ".landlock" ||
          !llvm::sys::fs::is_regular_file(entry->path()))
        continue;
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
          llvm::MemoryBuffer::getFile(entry->path());
      ASSERT_TRUE(file) << entry->path();
      ExpectSameAsAntlr((*file)->getBuffer(), entry->path());
      ++compared;
    }
  }
  EXPECT_GT(compared, 50u);
}

}  // namespace
}  // namespace landlockc::parse
