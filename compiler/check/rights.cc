// SPDX-License-Identifier: MIT
#include "compiler/check/rights.h"

#include <vector>

#include "compiler/check/location.h"
#include "compiler/check/symbols.h"
#include "compiler/model/names.h"

namespace landlockc::check {
namespace {

int Index(abi::Category category) { return static_cast<int>(category); }

RightsValue Invalid() {
  RightsValue value;
  value.valid = false;
  return value;
}

RightsValue Constant(abi::Category category, uint64_t mask, llvm::SMRange range) {
  RightsValue value;
  value.rights[Index(category)] = {mask, mask};
  value.named[Index(category)] = {mask, mask};
  value.named_categories = 1u << Index(category);
  value.first_named[Index(category)] = range;
  return value;
}

RightsValue All() {
  RightsValue value;
  for (RightsFormula& formula : value.rights) formula = {~uint64_t{0}, 0};
  return value;
}

RightsValue Combine(ast::Expr::Kind kind, const RightsValue& lhs, const RightsValue& rhs) {
  RightsValue value;
  for (int category = 0; category < abi::kCategoryCount; ++category) {
    const RightsFormula& left = lhs.rights[category];
    const RightsFormula& right = rhs.rights[category];
    const RightsFormula& left_named = lhs.named[category];
    if (kind == ast::Expr::Kind::kUnion) {
      value.rights[category] = {left.with_all | right.with_all,
                                left.without_all | right.without_all};
      const RightsFormula& right_named = rhs.named[category];
      value.named[category] = {left_named.with_all | right_named.with_all,
                               left_named.without_all | right_named.without_all};
    } else {
      value.rights[category] = {left.with_all & ~right.with_all,
                                left.without_all & ~right.without_all};
      value.named[category] = {left_named.with_all & ~right.with_all,
                               left_named.without_all & ~right.without_all};
    }
    value.first_named[category] = lhs.first_named[category].Start.isValid()
                                      ? lhs.first_named[category]
                                      : rhs.first_named[category];
  }
  value.named_categories = lhs.named_categories | rhs.named_categories;
  value.valid = lhs.valid && rhs.valid;
  return value;
}

const std::vector<llvm::StringRef>& BuiltinNames() {
  static const std::vector<llvm::StringRef> names = [] {
    std::vector<llvm::StringRef> all_names;
    for (const abi::Right& right : abi::kRights) all_names.push_back(right.name);
    for (const model::PredefinedSet& set : model::PredefinedSets()) all_names.push_back(set.name);
    all_names.push_back("all");
    return all_names;
  }();
  return names;
}

// The lowest ABI that has any right of `mask`: when even that is above the policy's ABI, the set
// is empty there and naming it is an error.
int LowestAbiOf(abi::Category category, uint64_t mask) {
  int lowest = abi::kNewestAbi;
  for (const abi::Right& right : abi::kRights)
    if (right.category == category && (mask & right.bit) && right.abi < lowest) lowest = right.abi;
  return lowest;
}

const char* DescribeNonRights(ast::Expr::Kind kind) {
  switch (kind) {
    case ast::Expr::Kind::kString:
    case ast::Expr::Kind::kList:
      return "a path";
    default:
      return "a port";
  }
}

class Evaluator {
 public:
  Evaluator(const SymbolTable& symbols, int abi, diag::DiagnosticEngine& diags)
      : symbols_(symbols), abi_(abi), diags_(diags) {}

  RightsValue Evaluate(const ast::Expr& root) {
    struct Frame {
      const ast::Expr* expr;
      bool operands_done;
    };
    std::vector<Frame> stack = {{&root, false}};
    std::vector<RightsValue> values;
    while (!stack.empty()) {
      Frame frame = stack.back();
      stack.pop_back();
      const ast::Expr& expr = *frame.expr;
      bool binary =
          expr.kind == ast::Expr::Kind::kUnion || expr.kind == ast::Expr::Kind::kDifference;
      if (!binary) {
        values.push_back(Leaf(expr, &expr == &root));
      } else if (!expr.lhs() || !expr.rhs()) {
        values.push_back(Invalid());  // the parser reported the missing operand
      } else if (!frame.operands_done) {
        stack.push_back({&expr, true});
        stack.push_back({expr.rhs(), false});
        stack.push_back({expr.lhs(), false});
      } else {
        RightsValue rhs = std::move(values.back());
        values.pop_back();
        values.back() = Combine(expr.kind, values.back(), rhs);
      }
    }
    return values.back();
  }

 private:
  RightsValue Leaf(const ast::Expr& expr, bool is_root) {
    if (expr.kind != ast::Expr::Kind::kName) {
      diags_.Report(diag::DiagId::kWrongKind, expr.range, Excerpt(SourceText(expr.range)),
                    DescribeNonRights(expr.kind), "a rights set");
      return Invalid();
    }
    llvm::StringRef name = expr.text;
    if (name == "none") {
      if (is_root) {
        RightsValue value;
        value.is_none = true;
        return value;
      }
      diags_.Report(diag::DiagId::kMisplacedNone, expr.range);
      return Invalid();
    }
    if (name == "all") return All();
    if (const abi::Right* right = model::FindRight(name)) {
      if (right->abi > abi_) {
        diags_.Report(diag::DiagId::kRightNewerThanAbi, expr.range, name,
                      std::to_string(right->abi), std::to_string(abi_));
        return Invalid();
      }
      return Constant(right->category, right->bit, expr.range);
    }
    if (const model::PredefinedSet* set = model::FindPredefinedSet(name)) {
      uint64_t mask = set->mask & abi::RightsForAbi(set->category, abi_);
      if (mask == 0) {
        diags_.Report(diag::DiagId::kRightNewerThanAbi, expr.range, name,
                      std::to_string(LowestAbiOf(set->category, set->mask)), std::to_string(abi_));
        return Invalid();
      }
      return Constant(set->category, mask, expr.range);
    }
    return LetValue(name, expr.range);
  }

  RightsValue LetValue(llvm::StringRef name, llvm::SMRange range) {
    const Symbol* symbol = symbols_.Find(name);
    if (symbol == nullptr) {
      symbols_.ReportUnknown(diag::DiagId::kUnknownName, name, range, SymbolKind::kRights,
                             BuiltinNames(), diags_);
      return Invalid();
    }
    if (!symbol->valid) return Invalid();
    if (symbol->kind != SymbolKind::kRights) {
      diags_.Report(diag::DiagId::kWrongKind, range, name, KindDescription(symbol->kind),
                    "a rights set");
      return Invalid();
    }
    RightsValue value = symbol->rights;
    for (llvm::SMRange& first : value.first_named)
      if (first.Start.isValid()) first = range;
    return value;
  }

  const SymbolTable& symbols_;
  int abi_;
  diag::DiagnosticEngine& diags_;
};

}  // namespace

RightsValue EvaluateRights(const ast::Expr& expr, const SymbolTable& symbols, int abi,
                           diag::DiagnosticEngine& diags) {
  return Evaluator(symbols, abi, diags).Evaluate(expr);
}

}  // namespace landlockc::check
