// SPDX-License-Identifier: MIT
#include "compiler/parse/ast_builder.h"

#include <optional>
#include <string>

#include "compiler/parse/ast_nodes.h"
#include "compiler/parse/lexer.h"
#include "compiler/parse/token_text.h"
#include "runtime/abi_table.h"
#include "tree/ErrorNode.h"

namespace landlockc::parse {
namespace {

using landlockc_grammar::LandlockParser;
using P = LandlockParser;

// Whether any part of `tree` is an error node (a token the parser skipped or made up) or a rule it
// abandoned.
bool HasErrorNode(antlr4::tree::ParseTree* tree) {
  std::vector<antlr4::tree::ParseTree*> pending = {tree};
  while (!pending.empty()) {
    antlr4::tree::ParseTree* node = pending.back();
    pending.pop_back();
    if (dynamic_cast<antlr4::tree::ErrorNode*>(node) != nullptr) return true;
    auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(node);
    if (rule != nullptr && rule->exception != nullptr) return true;
    pending.insert(pending.end(), node->children.begin(), node->children.end());
  }
  return false;
}

// Whether `rule` itself was abandoned or had a token skipped or made up (not looking deeper).
bool HasOwnError(antlr4::ParserRuleContext* rule) {
  if (rule->exception != nullptr) return true;
  for (antlr4::tree::ParseTree* child : rule->children)
    if (dynamic_cast<antlr4::tree::ErrorNode*>(child) != nullptr) return true;
  return false;
}

// "`same_exec`, `new_exec` or `subdomains`": the `log` settings of the ABI table.
std::string LogSettingList() {
  std::vector<std::string> names;
  for (const abi::RestrictFlag& flag : abi::kRestrictFlags)
    if (flag.log_value != nullptr) names.push_back("`" + std::string(flag.name) + "`");
  std::string list;
  for (size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return list;
}

enum class BlockKind { kLayer, kRules };

template <typename Statement>
std::optional<ast::TopStmt> ToTop(std::optional<Statement> statement) {
  if (!statement) return std::nullopt;
  return ast::TopStmt(std::move(*statement));
}

// Rule statements at top level form the implicit layer `main`: they are top-level statements too.
std::optional<ast::TopStmt> ToTop(std::optional<ast::BodyStmt> statement) {
  if (!statement) return std::nullopt;
  return std::visit([](auto& rule) { return ast::TopStmt(std::move(rule)); }, *statement);
}

class Builder {
 public:
  Builder(llvm::StringRef text, ErrorListener& listener, ast::Arena& arena)
      : text_(text), listener_(listener), arena_(arena) {}

  std::optional<ast::TopStmt> BuildTop(P::StatementContext* statement);

 private:
  // Whether the parser met an error inside `rule`: such a statement is left out.
  bool HasError(antlr4::ParserRuleContext* rule) const {
    return HasErrorNode(rule) || listener_.IsDamaged(Range(rule));
  }
  // Whether the head of a block (`layer NAME {`) or its closing `}` is broken.
  bool HasBlockError(antlr4::ParserRuleContext* head, P::BlockContext* block) const {
    // Error nodes among the block's own children are stray tokens skipped between statements.
    if (HasOwnError(head) || block->exception != nullptr) return true;
    llvm::SMRange opening(TokenStart(text_, *head->getStart()),
                          TokenEnd(text_, *block->getStart()));
    antlr4::tree::TerminalNode* closing = block->RBRACE();
    return listener_.IsDamaged(opening) || closing == nullptr ||
           closing->getSymbol()->getTokenIndex() == INVALID_INDEX;
  }

  llvm::SMRange Range(antlr4::ParserRuleContext* rule) const {
    return TokenRange(text_, *rule->getStart(), *rule->getStop());
  }
  llvm::SMRange Range(antlr4::tree::TerminalNode* node) const {
    return TokenRange(text_, *node->getSymbol(), *node->getSymbol());
  }
  llvm::StringRef Text(antlr4::tree::TerminalNode* node) const {
    return TokenText(text_, *node->getSymbol());
  }
  ast::Ident MakeIdent(antlr4::tree::TerminalNode* node) const {
    return ast::Ident{Text(node), Range(node)};
  }

  std::optional<ast::BodyStmt> BuildBody(P::StatementContext* statement, BlockKind kind);
  std::vector<ast::BodyStmt> BuildBlock(P::BlockContext* block, BlockKind kind);
  ast::AbiStmt BuildAbi(P::AbiStmtContext* abi);
  ast::RequiresStmt BuildRequires(P::RequiresStmtContext* requires_stmt);
  ast::IncludeStmt BuildInclude(P::IncludeStmtContext* include);
  ast::LetStmt BuildLet(P::LetStmtContext* let);
  std::optional<ast::ThreadsStmt> BuildThreads(P::ThreadsStmtContext* threads);
  std::optional<ast::RulesBlock> BuildRules(P::RulesBlockContext* rules);
  std::optional<ast::LayerBlock> BuildLayer(P::LayerBlockContext* layer);
  ast::HandleStmt BuildHandle(P::HandleStmtContext* handle);
  ast::AllowStmt BuildAllow(P::AllowStmtContext* allow);
  ast::UseStmt BuildUse(P::UseStmtContext* use);
  std::optional<ast::LogStmt> BuildLog(P::LogStmtContext* log);
  std::optional<ast::LogSetting> BuildLogSetting(P::LogSettingContext* setting);
  ast::ExprPtr BuildValue(P::ValueContext* value);
  ast::ExprPtr BuildPortList(P::PortListContext* ports);
  ast::ExprPtr BuildPortItem(P::PortItemContext* item);
  ast::ExprPtr BuildExpr(P::ExprContext* expr);
  ast::ExprPtr BuildTerm(P::TermContext* term);

  llvm::StringRef text_;
  ErrorListener& listener_;
  ast::Arena& arena_;
};

std::optional<ast::TopStmt> Builder::BuildTop(P::StatementContext* statement) {
  // A block is kept around its broken statements; any other statement is all or nothing.
  if (auto* rules = statement->rulesBlock()) return ToTop(BuildRules(rules));
  if (auto* layer = statement->layerBlock()) return ToTop(BuildLayer(layer));
  if (HasError(statement)) return std::nullopt;
  if (auto* abi = statement->abiStmt()) return BuildAbi(abi);
  if (auto* requires_stmt = statement->requiresStmt()) return BuildRequires(requires_stmt);
  if (auto* include = statement->includeStmt()) return BuildInclude(include);
  if (auto* let = statement->letStmt()) return BuildLet(let);
  if (auto* threads = statement->threadsStmt()) return ToTop(BuildThreads(threads));
  return ToTop(BuildBody(statement, BlockKind::kLayer));
}

std::optional<ast::BodyStmt> Builder::BuildBody(P::StatementContext* statement, BlockKind kind) {
  if (auto* allow = statement->allowStmt()) return BuildAllow(allow);
  if (auto* use = statement->useStmt()) return BuildUse(use);
  bool in_layer = kind == BlockKind::kLayer;
  if (auto* handle = statement->handleStmt(); handle != nullptr && in_layer)
    return BuildHandle(handle);
  if (auto* log = statement->logStmt(); log != nullptr && in_layer) {
    if (auto built = BuildLog(log)) return ast::BodyStmt(std::move(*built));
    return std::nullopt;
  }
  listener_.Report(diag::DiagId::kMisplacedStatement, Range(statement),
                   TokenText(text_, *statement->getStart()), in_layer ? "a layer" : "`rules`");
  return std::nullopt;
}

std::vector<ast::BodyStmt> Builder::BuildBlock(P::BlockContext* block, BlockKind kind) {
  std::vector<ast::BodyStmt> body;
  for (P::StatementContext* statement : block->statement()) {
    if (HasError(statement)) continue;
    if (auto built = BuildBody(statement, kind)) body.push_back(std::move(*built));
  }
  return body;
}

ast::AbiStmt Builder::BuildAbi(P::AbiStmtContext* abi) {
  return ast::AbiStmt{ParseNumber(Text(abi->INT())), Range(abi), Range(abi->INT())};
}

ast::RequiresStmt Builder::BuildRequires(P::RequiresStmtContext* requires_stmt) {
  return ast::RequiresStmt{ParseNumber(Text(requires_stmt->INT())), Range(requires_stmt),
                           Range(requires_stmt->INT())};
}

ast::IncludeStmt Builder::BuildInclude(P::IncludeStmtContext* include) {
  return ast::IncludeStmt{DecodeString(Text(include->STRING())), Range(include),
                          Range(include->STRING())};
}

ast::LetStmt Builder::BuildLet(P::LetStmtContext* let) {
  return ast::LetStmt{MakeIdent(let->IDENT()), BuildValue(let->value()), Range(let)};
}

std::optional<ast::ThreadsStmt> Builder::BuildThreads(P::ThreadsStmtContext* threads) {
  llvm::StringRef word = Text(threads->IDENT());
  if (word != "all") {
    listener_.ReportSyntax(diag::DiagId::kSyntaxError, Range(threads->IDENT()),
                           "`all` after `threads`", QuoteSource(word));
    return std::nullopt;
  }
  return ast::ThreadsStmt{Range(threads)};
}

std::optional<ast::RulesBlock> Builder::BuildRules(P::RulesBlockContext* rules) {
  if (HasBlockError(rules, rules->block())) return std::nullopt;
  return ast::RulesBlock{MakeIdent(rules->IDENT()), BuildBlock(rules->block(), BlockKind::kRules),
                         Range(rules)};
}

std::optional<ast::LayerBlock> Builder::BuildLayer(P::LayerBlockContext* layer) {
  if (HasBlockError(layer, layer->block())) return std::nullopt;
  return ast::LayerBlock{MakeIdent(layer->IDENT()), BuildBlock(layer->block(), BlockKind::kLayer),
                         Range(layer)};
}

ast::HandleStmt Builder::BuildHandle(P::HandleStmtContext* handle) {
  return ast::HandleStmt{ast::Ident{TokenText(text_, *handle->category),
                                    TokenRange(text_, *handle->category, *handle->category)},
                         BuildExpr(handle->expr()), Range(handle)};
}

ast::AllowStmt Builder::BuildAllow(P::AllowStmtContext* allow) {
  return ast::AllowStmt{BuildExpr(allow->expr()), BuildValue(allow->value()),
                        allow->OPTIONAL() != nullptr, Range(allow)};
}

ast::UseStmt Builder::BuildUse(P::UseStmtContext* use) {
  return ast::UseStmt{MakeIdent(use->IDENT()), Range(use)};
}

std::optional<ast::LogStmt> Builder::BuildLog(P::LogStmtContext* log) {
  ast::LogStmt built;
  built.range = Range(log);
  bool valid = true;
  for (P::LogSettingContext* setting : log->logSetting()) {
    std::optional<ast::LogSetting> parsed = BuildLogSetting(setting);
    if (parsed)
      built.settings.push_back(std::move(*parsed));
    else
      valid = false;
  }
  if (!valid) return std::nullopt;
  return built;
}

std::optional<ast::LogSetting> Builder::BuildLogSetting(P::LogSettingContext* setting) {
  llvm::StringRef word = TokenText(text_, *setting->word);
  if (abi::FindLogFlag(word.data(), word.size()) == nullptr) {
    listener_.Report(diag::DiagId::kInvalidLogSetting,
                     TokenRange(text_, *setting->word, *setting->word), word, LogSettingList());
    return std::nullopt;
  }
  antlr4::Token* value = setting->getStop();
  llvm::StringRef value_text = TokenText(text_, *value);
  if (value->getType() != P::ON && value_text != "off") {
    listener_.Report(diag::DiagId::kInvalidLogValue, TokenRange(text_, *value, *value), word,
                     value_text);
    return std::nullopt;
  }
  return ast::LogSetting{ast::Ident{word, TokenRange(text_, *setting->word, *setting->word)},
                         value->getType() == P::ON, Range(setting)};
}

ast::ExprPtr Builder::BuildValue(P::ValueContext* value) {
  if (P::PortListContext* ports = value->portList()) return BuildPortList(ports);
  std::vector<P::ExprContext*> items = value->exprList()->expr();
  if (items.size() == 1) return BuildExpr(items.front());
  std::vector<ast::ExprPtr> built;
  for (P::ExprContext* item : items) built.push_back(BuildExpr(item));
  ast::Expr* list = NewExpr(arena_, ast::Expr::Kind::kList, Range(value));
  list->items = CopyItems(arena_, built);
  return list;
}

ast::ExprPtr Builder::BuildPortList(P::PortListContext* ports) {
  std::vector<ast::ExprPtr> built;
  for (P::PortItemContext* item : ports->portItem()) built.push_back(BuildPortItem(item));
  ast::Expr* list = NewExpr(arena_, ast::Expr::Kind::kPortList, Range(ports));
  list->items = CopyItems(arena_, built);
  return list;
}

ast::ExprPtr Builder::BuildPortItem(P::PortItemContext* item) {
  ast::Expr* port = NewExpr(arena_, ast::Expr::Kind::kName, Range(item));
  if (antlr4::tree::TerminalNode* name = item->IDENT()) {
    port->text = Text(name);
    return port;
  }
  std::vector<antlr4::tree::TerminalNode*> numbers = item->INT();
  port->low = ParseNumber(Text(numbers.front()));
  if (numbers.size() == 1) {
    port->kind = ast::Expr::Kind::kPort;
    port->high = port->low;
  } else {
    port->kind = ast::Expr::Kind::kPortRange;
    port->high = ParseNumber(Text(numbers.back()));
  }
  return port;
}

ast::ExprPtr Builder::BuildExpr(P::ExprContext* expr) {
  // Children alternate term, operator, term...: fold them left to right.
  ast::ExprPtr result = nullptr;
  ast::Expr::Kind pending_kind = ast::Expr::Kind::kUnion;
  for (antlr4::tree::ParseTree* child : expr->children) {
    if (auto* op = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      pending_kind = op->getSymbol()->getType() == P::PLUS ? ast::Expr::Kind::kUnion
                                                           : ast::Expr::Kind::kDifference;
      continue;
    }
    auto* term = static_cast<P::TermContext*>(child);
    ast::ExprPtr operand = BuildTerm(term);
    if (result == nullptr) {
      result = operand;
      continue;
    }
    result = NewBinary(
        arena_, pending_kind,
        llvm::SMRange(TokenStart(text_, *expr->getStart()), TokenEnd(text_, *term->getStop())),
        result, operand);
  }
  return result;
}

ast::ExprPtr Builder::BuildTerm(P::TermContext* term) {
  if (P::ExprContext* inner = term->expr()) return BuildExpr(inner);
  ast::Expr* leaf = NewExpr(arena_, ast::Expr::Kind::kName, Range(term));
  if (antlr4::tree::TerminalNode* string = term->STRING()) {
    leaf->kind = ast::Expr::Kind::kString;
    leaf->text = DecodeStringInto(arena_, Text(string));
  } else {
    leaf->text = TokenText(text_, *term->getStart());
  }
  return leaf;
}

}  // namespace

void BuildStatements(P::FileContext* file, llvm::StringRef text, ErrorListener& listener,
                     std::vector<ast::TopStmt>& statements, ast::Arena& arena) {
  Builder builder(text, listener, arena);
  for (P::StatementContext* statement : file->statement())
    if (auto built = builder.BuildTop(statement)) statements.push_back(std::move(*built));
}

}  // namespace landlockc::parse
