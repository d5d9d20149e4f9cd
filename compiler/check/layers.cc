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

// The path as written between the quotes of its string, when normalizing left it as it is: a view
// of the source, which outlives the AST. Empty otherwise (a path is never empty).
llvm::StringRef AsWritten(const PathValue& path) {
  llvm::StringRef written = SourceText(path.range);
  if (written.size() < 2 || written.front() != '"' || written.back() != '"') return {};
  written = written.drop_front().drop_back();
  return written == path.path ? written : llvm::StringRef();
}

}  // namespace

LayerBuilder::LayerBuilder(const LayerContext& context, std::string name, llvm::SMRange name_range,
                           llvm::SMRange range)
    : context_(context), name_range_(name_range) {
  layer_.name = std::move(name);
  layer_.location = ResolveLocation(context_.source_mgr, range);
}

void LayerBuilder::Add(const ast::BodyStmt& statement) {
  std::visit([this](const auto& body) { Add(body); }, statement);
}

template <typename Grant>
void LayerBuilder::Append(Grant&& grant, uint32_t via) {
  // A temporary's paths that are not views of the source are moved into the builder; a `rules`
  // block's are viewed where the block holds them (the context's blocks outlive the builder).
  constexpr bool kTemporary = !std::is_lvalue_reference_v<Grant>;
  const ast::AllowStmt& allow = *grant.statement;
  abi::Category category = grant.category;
  auto index = static_cast<size_t>(category);
  bool fs = category == abi::Category::kFs;
  allows_.push_back(
      {allow.range, allow.rights->range,
       static_cast<uint32_t>(fs ? grant.targets.paths.size() : grant.targets.ports.size()),
       FormulasIndex({category, grant.rights.rights[index], grant.rights.named[index]}), via,
       allow.optional});
  for (auto& path : grant.targets.paths) {
    llvm::StringRef view = path.path;
    if constexpr (kTemporary) {
      view = AsWritten(path);
      if (view.empty()) view = owned_paths_.emplace_back(std::move(path.path));
    }
    paths_.push_back({view, path.range});
  }
  if (grant.targets.ports.empty()) return;
  std::string via_name = via == kWrittenHere ? "" : context_.rules[via].name;
  model::Location location = ResolveLocation(context_.source_mgr, allow.range);
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
  if (grant) Append(std::move(*grant), kWrittenHere);
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
      Append(*grant, static_cast<uint32_t>(index));
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

void LayerBuilder::Close() {
  if (!has_handle_) {
    layer_.deny_by_default = true;
    for (int category = 0; category < abi::kCategoryCount; ++category) {
      auto each = static_cast<abi::Category>(category);
      layer_.handled.Get(each) = abi::RightsForAbi(each, context_.abi);
    }
  }
  resolved_.reserve(formulas_.size());
  for (const GrantFormulas& formulas : formulas_) {
    uint64_t handled = layer_.handled.Get(formulas.category);
    uint64_t requested =
        formulas.rights.Resolve(handled) & abi::RightsForAbi(formulas.category, context_.abi);
    resolved_.push_back({requested, requested & handled});
    layer_.explicit_handled.Get(formulas.category) |= formulas.named.Resolve(handled);
  }
  for (const PendingAllow& allow : allows_) {
    if (allow.via != kWrittenHere) continue;
    abi::Category category = formulas_[allow.formulas].category;
    uint64_t requested = resolved_[allow.formulas].requested;
    uint64_t handled = layer_.handled.Get(category);
    if (requested == 0)
      context_.diags.Report(diag::DiagId::kEmptyGrant, allow.range);
    else if (requested & ~handled)
      WarnUnhandled(allow, category, requested, handled);
  }
  for (int category = 0; category < abi::kCategoryCount; ++category) {
    auto each = static_cast<abi::Category>(category);
    layer_.explicit_handled.Get(each) &= layer_.handled.Get(each);
  }
  if (layer_.handled.Empty() && !handle_failed_)
    context_.diags.Report(diag::DiagId::kEmptyLayer, name_range_, layer_.name);
}

model::Layer LayerBuilder::Build() {
  layer_.fs_grants.reserve(paths_.size());
  size_t next_port = 0;
  for (; !allows_.empty(); allows_.pop_front()) {
    const PendingAllow& allow = allows_.front();
    const ResolvedRights& resolved = resolved_[allow.formulas];
    if (formulas_[allow.formulas].category != abi::Category::kFs) {
      for (size_t end = next_port + allow.count; next_port < end; ++next_port) {
        layer_.net_grants[next_port].requested = resolved.requested;
        layer_.net_grants[next_port].rights = resolved.rights;
      }
      continue;
    }
    // Both arms a StringRef: with "" as one, the conditional would make a temporary std::string.
    llvm::StringRef via_rules = allow.via == kWrittenHere
                                    ? llvm::StringRef()
                                    : llvm::StringRef(context_.rules[allow.via].name);
    model::Location location = ResolveLocation(context_.source_mgr, allow.range);
    for (uint32_t i = 0; i < allow.count; ++i, paths_.pop_front()) {
      const PendingPath& path = paths_.front();
      model::FsGrant& grant = layer_.fs_grants.emplace_back();
      grant.path = path.path.str();
      grant.requested = resolved.requested;
      grant.rights = resolved.rights;
      grant.optional = allow.optional;
      grant.via_rules = via_rules.str();
      grant.location = location;
      grant.path_location = ResolveLocation(context_.source_mgr, path.range);
    }
  }
  return std::move(layer_);
}

uint32_t LayerBuilder::FormulasIndex(const GrantFormulas& formulas) {
  // Statements near each other mostly repeat a few rights expressions: look back a little.
  constexpr size_t kLookBack = 8;
  auto same = [&](const GrantFormulas& other) {
    return other.category == formulas.category &&
           other.rights.with_all == formulas.rights.with_all &&
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

void LayerBuilder::WarnUnhandled(const PendingAllow& allow, abi::Category category,
                                 uint64_t requested, uint64_t handled) {
  uint64_t unhandled = requested & ~handled;
  bool several = (unhandled & (unhandled - 1)) != 0;
  context_.diags.Report(diag::DiagId::kUnhandledGrant, allow.rights_range, layer_.name,
                        QuotedRightNames(category, unhandled), several ? "them" : "it");
}

}  // namespace landlockc::check
