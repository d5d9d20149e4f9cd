// SPDX-License-Identifier: MIT
#include "compiler/check/targets.h"

#include "compiler/check/location.h"
#include "compiler/check/paths.h"
#include "compiler/check/ports.h"
#include "compiler/model/names.h"

namespace landlockc::check {
namespace {

using Kind = ast::Expr::Kind;

const char* DescribePredefined(llvm::StringRef name) {
  return model::FindRight(name) != nullptr ? "a right" : "a predefined rights set";
}

class Resolver {
 public:
  Resolver(const SymbolTable& symbols, diag::DiagnosticEngine& diags)
      : symbols_(symbols), diags_(diags) {}

  Targets Resolve(const ast::Expr& expr) {
    bool ports =
        expr.kind == Kind::kPortList || expr.kind == Kind::kPort || expr.kind == Kind::kPortRange;
    targets_.kind = ports ? SymbolKind::kPorts : SymbolKind::kPaths;
    // A list led by the name of a port `let` is a port list: `allow connect_tcp on db_ports;`.
    const ast::Expr* first =
        expr.kind == Kind::kList && !expr.items.empty() && expr.items[0] ? expr.items[0] : &expr;
    if (first->kind == Kind::kName) {
      const Symbol* symbol = symbols_.Find(first->text);
      if (symbol != nullptr && symbol->kind == SymbolKind::kPorts)
        targets_.kind = SymbolKind::kPorts;
    }
    if (expr.kind == Kind::kList || expr.kind == Kind::kPortList) {
      for (ast::ExprPtr item : expr.items)
        if (item) Item(*item);
    } else {
      Item(expr);
    }
    return std::move(targets_);
  }

 private:
  void Item(const ast::Expr& item) {
    switch (item.kind) {
      case Kind::kString:
        return Path(item);
      case Kind::kPort:
      case Kind::kPortRange:
        return Port(item);
      case Kind::kName:
        return Name(item);
      default:
        diags_.Report(diag::DiagId::kWrongKind, item.range, Excerpt(SourceText(item.range)),
                      "a rights expression", Expected());
        targets_.valid = false;
    }
  }

  const char* Expected() const { return targets_.kind == SymbolKind::kPorts ? "a port" : "a path"; }

  void Path(const ast::Expr& item) {
    if (targets_.kind != SymbolKind::kPaths) return Mismatch(item, "a path");
    std::optional<std::string> path = NormalizePath(item.text, item.range, diags_);
    if (!path) {
      targets_.valid = false;
      return;
    }
    targets_.paths.push_back({std::move(*path), item.range});
  }

  void Port(const ast::Expr& item) {
    if (targets_.kind != SymbolKind::kPorts) return Mismatch(item, "a port");
    std::optional<model::PortRange> ports = CheckPort(item, diags_);
    if (!ports) {
      targets_.valid = false;
      return;
    }
    targets_.ports.push_back({*ports, item.range});
  }

  void Name(const ast::Expr& item) {
    const Symbol* symbol = symbols_.Find(item.text);
    if (symbol == nullptr && !SymbolTable::IsPredefined(item.text)) {
      symbols_.ReportUnknown(diag::DiagId::kUnknownName, item.text, item.range, targets_.kind, {},
                             diags_);
      targets_.valid = false;
      return;
    }
    if (symbol != nullptr && !symbol->valid) {
      targets_.valid = false;
      return;
    }
    if (symbol == nullptr || symbol->kind != targets_.kind) {
      diags_.Report(diag::DiagId::kWrongKind, item.range, item.text,
                    symbol ? KindDescription(symbol->kind) : DescribePredefined(item.text),
                    Expected());
      targets_.valid = false;
      return;
    }
    for (const PathValue& path : symbol->paths) targets_.paths.push_back({path.path, item.range});
    for (const PortValue& port : symbol->ports) targets_.ports.push_back({port.ports, item.range});
  }

  void Mismatch(const ast::Expr& item, const char* what) {
    diags_.Report(diag::DiagId::kWrongKind, item.range, Excerpt(SourceText(item.range)), what,
                  Expected());
    targets_.valid = false;
  }

  const SymbolTable& symbols_;
  diag::DiagnosticEngine& diags_;
  Targets targets_;
};

}  // namespace

Targets ResolveTargets(const ast::Expr& expr, const SymbolTable& symbols,
                       diag::DiagnosticEngine& diags) {
  return Resolver(symbols, diags).Resolve(expr);
}

bool IsTargetExpression(const ast::Expr& expr, const SymbolTable& symbols) {
  switch (expr.kind) {
    case Kind::kString:
    case Kind::kList:
    case Kind::kPortList:
    case Kind::kPort:
    case Kind::kPortRange:
      return true;
    case Kind::kName: {
      const Symbol* symbol = symbols.Find(expr.text);
      return symbol != nullptr &&
             (symbol->kind == SymbolKind::kPaths || symbol->kind == SymbolKind::kPorts);
    }
    default:
      return false;
  }
}

}  // namespace landlockc::check
