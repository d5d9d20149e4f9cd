// SPDX-License-Identifier: MIT
#include "compiler/check/layers.h"

#include <algorithm>
#include <type_traits>

#include "compiler/check/location.h"
#include "compiler/model/names.h"

namespace landlockc::check {
namespace {

// The flag a setting sets: each flag turns one setting away from its default (`same_exec on`,
// `new_exec off`, `subdomains on`), so writing the default sets nothing.
uint32_t LogFlagFor(const abi::RestrictFlag& flag, bool on) {
  return llvm::StringRef(flag.log_value) == (on ? "on" : "off") ? flag.bit : 0;
}

std::string QuotedRightNames(abi::Category category, uint64_t mask) {
  std::string text;
  for (llvm::StringRef name : model::RightNames(category, mask)) {
    if (!text.empty()) text += ", ";
    text += "`" + name.str() + "`";
  }
  return text;
}

}  // namespace

LayerBuilder::LayerBuilder(const LayerContext& context, std::string name, llvm::SMRange name_range,
                           llvm::SMRange range, size_t statement_count)
    : context_(context), name_range_(name_range) {
  layer_.name = std::move(name);
  layer_.location = ResolveLocation(context_.source_mgr, range);
  layer_.fs_grants.reserve(statement_count);
  unresolved_.reserve(statement_count);
}

void LayerBuilder::Add(const ast::BodyStmt& statement) {
  std::visit([this](const auto& body) { Add(body); }, statement);
}

template <typename Grant>
void LayerBuilder::Append(Grant&& grant, const RulesBlock* via) {
  // A temporary's paths are moved into the layer; a `rules` block's are copied (several layers
  // may use the block).
  constexpr bool kMovePaths = !std::is_lvalue_reference_v<Grant>;
  const ast::AllowStmt& allow = *grant.statement;
  abi::Category category = grant.category;
  auto index = static_cast<size_t>(category);
  bool fs = category == abi::Category::kFs;
  unresolved_.push_back(
      {&allow, fs ? layer_.fs_grants.size() : layer_.net_grants.size(),
       static_cast<uint32_t>(fs ? grant.targets.paths.size() : grant.targets.ports.size()),
       FormulasIndex({grant.rights.rights[index], grant.rights.named[index]}), category,
       via == nullptr});
  std::string via_name = via ? via->name : "";
  model::Location location = ResolveLocation(context_.source_mgr, allow.range);
  for (auto& path : grant.targets.paths) {
    model::FsGrant each;
    if constexpr (kMovePaths)
      each.path = std::move(path.path);
    else
      each.path = path.path;
    each.optional = allow.optional;
    each.via_rules = via_name;
    each.location = location;
    each.path_location = ResolveLocation(context_.source_mgr, path.range);
    layer_.fs_grants.push_back(std::move(each));
  }
  for (const PortValue& port : grant.targets.ports) {
    model::NetGrant each;
    each.ports = port.ports;
    each.via_rules = via_name;
    each.location = location;
    each.port_location = ResolveLocation(context_.source_mgr, port.range);
    layer_.net_grants.push_back(std::move(each));
  }
}

void LayerBuilder::Add(const ast::HandleStmt& handle) {
  std::optional<abi::Category> category = model::FindCategory(handle.category.name);
  if (!category) return;  // the grammar only lets `fs`, `net` and `scope` through
  has_handle_ = true;
  if (!handle.rights) return;
  RightsValue value =
      EvaluateRights(*handle.rights, context_.symbols, context_.abi, context_.diags);
  if (!value.valid) {
    handle_failed_ = true;
    return;
  }
  if (value.is_none) return;
  for (int other = 0; other < abi::kCategoryCount; ++other) {
    auto other_category = static_cast<abi::Category>(other);
    if (other_category == *category || !value.Names(other_category)) continue;
    context_.diags.Report(diag::DiagId::kWrongCategory, value.first_named[other],
                          SourceText(value.first_named[other]), model::CategoryName(other_category),
                          model::CategoryName(*category));
    handle_failed_ = true;
    return;
  }
  uint64_t all = abi::RightsForAbi(*category, context_.abi);
  layer_.handled.Get(*category) |= value.Resolve(*category, all) & all;
  layer_.explicit_handled.Get(*category) |= value.ResolveNamed(*category, all) & all;
}

void LayerBuilder::Add(const ast::AllowStmt& allow) {
  std::optional<PendingGrant> grant =
      ResolveAllow(allow, context_.symbols, context_.abi, context_.diags);
  if (grant) Append(std::move(*grant), nullptr);
}

void LayerBuilder::Add(const ast::UseStmt& use) {
  const Symbol* symbol = context_.symbols.Find(use.name.name);
  if (symbol == nullptr) {
    context_.symbols.ReportUnknown(diag::DiagId::kUnknownRules, use.name.name, use.name.range,
                                   SymbolKind::kRules, {}, context_.diags);
    return;
  }
  if (symbol->kind != SymbolKind::kRules) {
    context_.diags.Report(diag::DiagId::kWrongKind, use.name.range, use.name.name,
                          KindDescription(symbol->kind), "a `rules` block");
    return;
  }
  Splice(symbol->rules_index);
}

void LayerBuilder::Splice(size_t rules_index) {
  // Iterative, so that a long chain of blocks each using the previous one cannot exhaust the
  // stack; each block is spliced once per layer, as a second copy would grant nothing new.
  spliced_.resize(context_.rules.size());
  if (spliced_.test(rules_index)) return;
  spliced_.set(rules_index);
  std::vector<std::pair<size_t, size_t>> stack = {{rules_index, 0}};
  while (!stack.empty()) {
    auto& [index, position] = stack.back();
    const RulesBlock& block = context_.rules[index];
    if (position == block.entries.size()) {
      stack.pop_back();
      continue;
    }
    const auto& entry = block.entries[position++];
    if (const auto* grant = std::get_if<PendingGrant>(&entry)) {
      Append(*grant, &block);
      continue;
    }
    size_t nested = std::get<size_t>(entry);
    if (spliced_.test(nested)) continue;
    spliced_.set(nested);
    stack.push_back({nested, 0});
  }
}

void LayerBuilder::Add(const ast::LogStmt& log) {
  if (!layer_.log_location.range.Start.isValid())
    layer_.log_location = ResolveLocation(context_.source_mgr, log.range);
  for (const ast::LogSetting& setting : log.settings) {
    const abi::RestrictFlag* flag =
        abi::FindLogFlag(setting.word.name.data(), setting.word.name.size());
    if (flag == nullptr) continue;  // the parser reported `invalid-log-setting`
    if (llvm::is_contained(log_words_, setting.word.name)) {
      context_.diags.Report(diag::DiagId::kDuplicateLogSetting, setting.word.range,
                            setting.word.name);
      continue;
    }
    log_words_.push_back(setting.word.name);
    if (flag->abi > context_.abi) {
      context_.diags.Report(diag::DiagId::kRightNewerThanAbi, setting.range,
                            SourceText(setting.range), std::to_string(flag->abi),
                            std::to_string(context_.abi));
      continue;
    }
    layer_.log_flags |= LogFlagFor(*flag, setting.on);
  }
}

model::Layer LayerBuilder::Finish() {
  if (!has_handle_) {
    layer_.deny_by_default = true;
    for (int category = 0; category < abi::kCategoryCount; ++category) {
      auto each = static_cast<abi::Category>(category);
      layer_.handled.Get(each) = abi::RightsForAbi(each, context_.abi);
    }
  }
  model::AccessSet all = layer_.handled;
  for (const UnresolvedGrants& unresolved : unresolved_) Resolve(unresolved, all);
  for (int category = 0; category < abi::kCategoryCount; ++category) {
    auto each = static_cast<abi::Category>(category);
    layer_.explicit_handled.Get(each) &= layer_.handled.Get(each);
  }
  if (layer_.handled.Empty() && !handle_failed_)
    context_.diags.Report(diag::DiagId::kEmptyLayer, name_range_, layer_.name);
  return std::move(layer_);
}

uint32_t LayerBuilder::FormulasIndex(const GrantFormulas& formulas) {
  // Statements near each other mostly repeat a few rights expressions: look back a little.
  constexpr size_t kLookBack = 8;
  auto same = [&](const GrantFormulas& other) {
    return other.rights.with_all == formulas.rights.with_all &&
           other.rights.without_all == formulas.rights.without_all &&
           other.named.with_all == formulas.named.with_all &&
           other.named.without_all == formulas.named.without_all;
  };
  for (size_t back = 1; back <= std::min(kLookBack, formulas_.size()); ++back)
    if (same(formulas_[formulas_.size() - back]))
      return static_cast<uint32_t>(formulas_.size() - back);
  formulas_.push_back(formulas);
  return static_cast<uint32_t>(formulas_.size() - 1);
}

void LayerBuilder::Resolve(const UnresolvedGrants& unresolved, const model::AccessSet& all) {
  abi::Category category = unresolved.category;
  const GrantFormulas& formulas = formulas_[unresolved.formulas];
  uint64_t handled = all.Get(category);
  uint64_t requested = formulas.rights.Resolve(handled) & abi::RightsForAbi(category, context_.abi);
  uint64_t rights = requested & handled;
  layer_.explicit_handled.Get(category) |= formulas.named.Resolve(handled);
  if (unresolved.written_here) {
    if (requested == 0)
      context_.diags.Report(diag::DiagId::kEmptyGrant, unresolved.allow->range);
    else if (requested & ~handled)
      WarnUnhandled(*unresolved.allow, category, requested, handled);
  }
  auto fill = [&](auto& grants) {
    for (size_t i = unresolved.first; i < unresolved.first + unresolved.count; ++i) {
      grants[i].requested = requested;
      grants[i].rights = rights;
    }
  };
  if (category == abi::Category::kFs)
    fill(layer_.fs_grants);
  else
    fill(layer_.net_grants);
}

void LayerBuilder::WarnUnhandled(const ast::AllowStmt& allow, abi::Category category,
                                 uint64_t requested, uint64_t handled) {
  uint64_t unhandled = requested & ~handled;
  bool several = (unhandled & (unhandled - 1)) != 0;
  context_.diags.Report(diag::DiagId::kUnhandledGrant, allow.rights->range, layer_.name,
                        QuotedRightNames(category, unhandled), several ? "them" : "it");
}

}  // namespace landlockc::check
