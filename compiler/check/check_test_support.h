// SPDX-License-Identifier: MIT
// Shared by the check tests: a SourceMgr and a diagnostic engine, checking text in memory, and
// hand-built expressions for the tests of one checker step without the parser.
#ifndef LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_
#define LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/check.h"
#include "compiler/model/names.h"

namespace landlockc::check {

/// An expression without operands: a name, string, port or port range.
inline ast::ExprPtr Leaf(ast::Expr::Kind kind, std::string text, uint32_t low = 0,
                         uint32_t high = 0) {
  auto expr = std::make_unique<ast::Expr>();
  expr->kind = kind;
  expr->text = std::move(text);
  expr->low = low;
  expr->high = high;
  return expr;
}

/// A name: a right, a set or a `let`.
inline ast::ExprPtr Name(std::string name) { return Leaf(ast::Expr::Kind::kName, std::move(name)); }

/// `lhs + rhs` or `lhs - rhs`.
inline ast::ExprPtr Binary(ast::Expr::Kind kind, ast::ExprPtr lhs, ast::ExprPtr rhs) {
  auto expr = std::make_unique<ast::Expr>();
  expr->kind = kind;
  expr->lhs = std::move(lhs);
  expr->rhs = std::move(rhs);
  return expr;
}
inline ast::ExprPtr Plus(ast::ExprPtr lhs, ast::ExprPtr rhs) {
  return Binary(ast::Expr::Kind::kUnion, std::move(lhs), std::move(rhs));
}
inline ast::ExprPtr Minus(ast::ExprPtr lhs, ast::ExprPtr rhs) {
  return Binary(ast::Expr::Kind::kDifference, std::move(lhs), std::move(rhs));
}

/// A path list (`kind` kList) or port list (kPortList) of `items`.
template <typename... Items>
ast::ExprPtr List(ast::Expr::Kind kind, Items... items) {
  auto list = std::make_unique<ast::Expr>();
  list->kind = kind;
  (list->items.push_back(std::move(items)), ...);
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
