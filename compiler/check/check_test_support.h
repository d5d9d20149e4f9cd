// SPDX-License-Identifier: MIT
// Shared by the check tests: a SourceMgr and a diagnostic engine, checking text in memory, and
// hand-built expressions for the tests of one checker step without the parser.
#ifndef LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_
#define LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/check.h"
#include "compiler/model/names.h"

namespace landlockc::check {

/// Where hand-built expressions and their texts live (as a parsed file's arena holds its own):
/// for the whole test program.
inline ast::Arena& TestArena() {
  static ast::Arena arena;
  return arena;
}

inline ast::Expr* NewTestExpr(ast::Expr::Kind kind) {
  auto* expr = new (TestArena().Allocate<ast::Expr>()) ast::Expr();
  expr->kind = kind;
  return expr;
}

/// An expression without operands: a name, string, port or port range.
inline ast::ExprPtr Leaf(ast::Expr::Kind kind, llvm::StringRef text, uint32_t low = 0,
                         uint32_t high = 0) {
  ast::Expr* expr = NewTestExpr(kind);
  char* copy = TestArena().Allocate<char>(text.size());
  std::copy(text.begin(), text.end(), copy);
  expr->text = llvm::StringRef(copy, text.size());
  expr->low = low;
  expr->high = high;
  return expr;
}

/// A name: a right, a set or a `let`.
inline ast::ExprPtr Name(llvm::StringRef name) { return Leaf(ast::Expr::Kind::kName, name); }

/// `lhs + rhs` or `lhs - rhs`.
inline ast::ExprPtr Binary(ast::Expr::Kind kind, ast::ExprPtr lhs, ast::ExprPtr rhs) {
  ast::Expr* expr = NewTestExpr(kind);
  ast::ExprPtr* operands = TestArena().Allocate<ast::ExprPtr>(2);
  operands[0] = lhs;
  operands[1] = rhs;
  expr->items = llvm::ArrayRef<ast::ExprPtr>(operands, 2);
  return expr;
}
inline ast::ExprPtr Plus(ast::ExprPtr lhs, ast::ExprPtr rhs) {
  return Binary(ast::Expr::Kind::kUnion, lhs, rhs);
}
inline ast::ExprPtr Minus(ast::ExprPtr lhs, ast::ExprPtr rhs) {
  return Binary(ast::Expr::Kind::kDifference, lhs, rhs);
}

/// A path list (`kind` kList) or port list (kPortList) of `items`.
template <typename... Items>
ast::ExprPtr List(ast::Expr::Kind kind, Items... items) {
  ast::Expr* list = NewTestExpr(kind);
  ast::ExprPtr built[] = {items...};
  ast::ExprPtr* copy = TestArena().Allocate<ast::ExprPtr>(sizeof...(items));
  std::copy(std::begin(built), std::end(built), copy);
  list->items = llvm::ArrayRef<ast::ExprPtr>(copy, sizeof...(items));
  return list;
}

class CheckTest : public ::testing::Test {
 protected:
  std::optional<model::Policy> Check(llvm::StringRef text, const Options& options = {}) {
    return CheckSource("test.landlock", text, options, diags_);
  }

  /// Checks `text`, which must have no diagnostic at all, and returns its model.
  model::Policy CheckClean(llvm::StringRef text, const Options& options = {}) {
    std::optional<model::Policy> policy = Check(text, options);
    EXPECT_TRUE(diags_.diagnostics().empty()) << Rendered();
    EXPECT_TRUE(policy.has_value());
    return policy.value_or(model::Policy{});
  }

  /// The ids reported so far, in order.
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const diag::Diagnostic& diagnostic : diags_.diagnostics()) ids.push_back(diagnostic.id);
    return ids;
  }

  /// The notes of diagnostic `index`, each as "file:line:col: message" (just the message when it
  /// has no location).
  std::vector<std::string> Notes(size_t index) const {
    std::vector<std::string> notes;
    for (const diag::Note& note : diags_.diagnostics().at(index).notes)
      notes.push_back(note.file.empty() ? note.message
                                        : note.file + ":" + std::to_string(note.line) + ":" +
                                              std::to_string(note.column) + ": " + note.message);
    return notes;
  }

  std::string Rendered() const {
    std::string text;
    llvm::raw_string_ostream os(text);
    diags_.Render(os, /*colors=*/false);
    return os.str();
  }

  static std::vector<llvm::StringRef> Names(abi::Category category, uint64_t mask) {
    return model::RightNames(category, mask);
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
};

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_
