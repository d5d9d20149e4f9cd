// SPDX-License-Identifier: MIT
#include "compiler/check/policy.h"

#include <deque>

#include "compiler/check/layers.h"
#include "compiler/check/location.h"
#include "compiler/check/targets.h"
#include "compiler/codegen/codegen.h"
#include "compiler/model/abi_used.h"
#include "llvm/ADT/DenseSet.h"
#include "runtime/blob_format.h"

namespace landlockc::check {
namespace {

const abi::RestrictFlag& TsyncFlag() {
  for (const abi::RestrictFlag& flag : abi::kRestrictFlags)
    if (flag.bit == LANDLOCK_RESTRICT_SELF_TSYNC) return flag;
  return abi::kRestrictFlags[0];
}

const char* Keyword(const ast::TopStmt& statement) {
  if (std::holds_alternative<ast::HandleStmt>(statement)) return "handle";
  if (std::holds_alternative<ast::AllowStmt>(statement)) return "allow";
  if (std::holds_alternative<ast::UseStmt>(statement)) return "use";
  return "log";
}

llvm::SMRange RangeOf(const ast::TopStmt& statement) {
  return std::visit([](const auto& each) { return each.range; }, statement);
}

class PolicyChecker {
 public:
  PolicyChecker(LoadedPolicy loaded, diag::DiagnosticEngine& diags)
      : loaded_(std::move(loaded)),
        diags_(diags),
        source_mgr_(diags.source_mgr()),
        context_{source_mgr_, diags_, symbols_, rules_, abi::kNewestAbi} {}

  model::Policy Check() {
    for (const LoadedStatement& each : loaded_.statements) Announce(each);
    CheckSettings();
    for (const LoadedStatement& each : loaded_.statements) Statement(each);
    if (main_layer_) Close(*main_layer_);
    FreeAst();
    BuildLayers();
    if (policy_.layers.empty() && layer_count_ == 0) {
      llvm::SMLoc start = llvm::SMLoc::getFromPointer(
          source_mgr_.getMemoryBuffer(loaded_.main_buffer)->getBufferStart());
      diags_.Report(diag::DiagId::kEmptyPolicy, llvm::SMRange(start, start));
    }
    policy_.highest_abi_used = model::HighestAbiUsed(policy_);
    policy_.files = loaded_.file_names;
    return std::move(policy_);
  }

 private:
  // First pass: the policy-wide settings, every name that will be defined, whether there are
  // layer blocks.
  void Announce(const LoadedStatement& each) {
    const ast::TopStmt& statement = *each.statement;
    if (const auto* abi = std::get_if<ast::AbiStmt>(&statement)) {
      Once(abi_, abi, diag::DiagId::kDuplicateAbi, "abi", abi->range);
    } else if (const auto* requires_abi = std::get_if<ast::RequiresStmt>(&statement)) {
      Once(requires_, requires_abi, diag::DiagId::kDuplicateRequires, "requires abi",
           requires_abi->range);
    } else if (const auto* threads = std::get_if<ast::ThreadsStmt>(&statement)) {
      Once(threads_, threads, diag::DiagId::kDuplicateThreads, "threads all", threads->range);
    } else if (const auto* let = std::get_if<ast::LetStmt>(&statement)) {
      symbols_.Announce(let->name);
    } else if (const auto* rules = std::get_if<ast::RulesBlock>(&statement)) {
      symbols_.Announce(rules->name);
    } else if (const auto* layer = std::get_if<ast::LayerBlock>(&statement)) {
      if (!first_layer_block_) first_layer_block_ = layer;
    }
  }

  template <typename T>
  void Once(const T*& first, const T* statement, diag::DiagId id, const char* keyword,
            llvm::SMRange range) {
    if (first == nullptr) {
      first = statement;
      return;
    }
    const diag::DiagInfo& info = diag::Info(id);
    diags_.Emit(
        info.severity, info.id, range, info.format,
        {{llvm::formatv("the first `{0}` statement is here", keyword).str(), first->range}});
  }

  bool AbiInRange(uint32_t version, const char* statement, llvm::SMRange version_range) {
    if (version >= 1 && version <= static_cast<uint32_t>(abi::kNewestAbi)) return true;
    diags_.Report(diag::DiagId::kAbiOutOfRange, version_range, statement, SourceText(version_range),
                  std::to_string(abi::kNewestAbi));
    return false;
  }

  void CheckSettings() {
    policy_.abi = abi::kNewestAbi;
    if (abi_) {
      policy_.abi_pinned = true;
      policy_.abi_location = ResolveLocation(source_mgr_, abi_->range);
      if (AbiInRange(abi_->version, "abi", abi_->version_range))
        policy_.abi = static_cast<int>(abi_->version);
    }
    context_.abi = policy_.abi;
    if (requires_) {
      policy_.requires_location = ResolveLocation(source_mgr_, requires_->range);
      if (AbiInRange(requires_->version, "requires abi", requires_->version_range)) {
        policy_.requires_abi = static_cast<int>(requires_->version);
        if (policy_.requires_abi > policy_.abi)
          diags_.Report(diag::DiagId::kRequiresAboveAbi, requires_->version_range,
                        std::to_string(policy_.requires_abi), std::to_string(policy_.abi));
      }
    }
    if (threads_) {
      policy_.threads_all = true;
      policy_.threads_location = ResolveLocation(source_mgr_, threads_->range);
      if (TsyncFlag().abi > policy_.abi)
        diags_.Report(diag::DiagId::kRightNewerThanAbi, threads_->range, "threads all",
                      std::to_string(TsyncFlag().abi), std::to_string(policy_.abi));
    }
  }

  void Statement(const LoadedStatement& each) {
    std::visit(
        [&](const auto& statement) {
          using T = std::decay_t<decltype(statement)>;
          if constexpr (std::is_same_v<T, ast::LetStmt>) {
            Let(statement);
          } else if constexpr (std::is_same_v<T, ast::RulesBlock>) {
            Rules(statement);
          } else if constexpr (std::is_same_v<T, ast::LayerBlock>) {
            Layer(statement);
          } else if constexpr (std::is_same_v<T, ast::HandleStmt> ||
                               std::is_same_v<T, ast::AllowStmt> ||
                               std::is_same_v<T, ast::UseStmt> || std::is_same_v<T, ast::LogStmt>) {
            if (TopLevelRuleAllowed(each)) MainLayer(statement.range).Add(statement);
          }
        },
        *each.statement);
  }

  void Let(const ast::LetStmt& let) {
    if (!let.value) return;  // the parser reported it
    Symbol symbol;
    if (IsTargetExpression(*let.value, symbols_)) {
      Targets targets = ResolveTargets(*let.value, symbols_, diags_);
      symbol.kind = targets.kind;
      symbol.paths = std::move(targets.paths);
      symbol.ports = std::move(targets.ports);
      symbol.valid = targets.valid;
    } else {
      symbol.kind = SymbolKind::kRights;
      symbol.rights = EvaluateRights(*let.value, symbols_, policy_.abi, diags_);
      if (symbol.rights.is_none) diags_.Report(diag::DiagId::kMisplacedNone, let.value->range);
      symbol.valid = symbol.rights.valid && !symbol.rights.is_none;
    }
    symbols_.Define(let.name, std::move(symbol), diags_);
  }

  void Rules(const ast::RulesBlock& block) {
    size_t index = rules_.size();
    rules_.push_back(RulesBlock{block.name.name.str(), {}});
    Symbol symbol;
    symbol.kind = SymbolKind::kRules;
    symbol.rules_index = index;
    symbols_.Define(block.name, std::move(symbol), diags_);
    for (const ast::BodyStmt& body : block.body) {
      if (const auto* allow = std::get_if<ast::AllowStmt>(&body)) {
        // A `rules` block is generic (std/ serves policies of every ABI): it may name rights
        // newer than the policy's ABI, which a layer using it drops like unhandled rights.
        std::optional<PendingGrant> grant = ResolveAllow(*allow, symbols_, abi::kNewestAbi, diags_);
        if (grant) rules_[index].entries.push_back(std::move(*grant));
      } else if (const auto* use = std::get_if<ast::UseStmt>(&body)) {
        std::optional<size_t> used = UsedRules(*use, index);
        if (used) rules_[index].entries.push_back(*used);
      }
    }
  }

  std::optional<size_t> UsedRules(const ast::UseStmt& use, size_t user) {
    const Symbol* symbol = symbols_.Find(use.name.name);
    if (symbol == nullptr) {
      symbols_.ReportUnknown(diag::DiagId::kUnknownRules, use.name.name, use.name.range,
                             SymbolKind::kRules, {}, diags_);
      return std::nullopt;
    }
    if (symbol->kind != SymbolKind::kRules) {
      diags_.Report(diag::DiagId::kWrongKind, use.name.range, use.name.name,
                    KindDescription(symbol->kind), "a `rules` block");
      return std::nullopt;
    }
    if (symbol->rules_index == user) {
      diags_.Report(diag::DiagId::kRecursiveRules, use.name.range, use.name.name);
      return std::nullopt;
    }
    return symbol->rules_index;
  }

  void Layer(const ast::LayerBlock& block) {
    ++layer_count_;
    auto [first, inserted] = layer_names_.try_emplace(block.name.name, block.name.range);
    if (!inserted) {
      const diag::DiagInfo& info = diag::Info(diag::DiagId::kDuplicateLayer);
      diags_.Emit(
          info.severity, info.id, block.name.range,
          llvm::formatv(info.format, block.name.name).str(),
          {{llvm::formatv("the first definition of layer `{0}` is here", block.name.name).str(),
            first->second}});
    }
    if (layer_count_ == abi::kMaxLayers + 1)
      diags_.Report(diag::DiagId::kTooManyLayers, block.name.range, block.name.name,
                    std::to_string(abi::kMaxLayers));
    LayerBuilder& builder =
        layers_.emplace_back(context_, block.name.name.str(), block.name.range, block.range);
    for (const ast::BodyStmt& body : block.body) builder.Add(body);
    Close(builder);
  }

  // Ends a layer's statements. What its model brings to light is reported later, in this place of
  // the order.
  void Close(LayerBuilder& builder) {
    builder.Close();
    reported_at_.push_back(diags_.diagnostics().size());
  }

  // Every statement is checked: the AST is not read again, so it is freed before the model's
  // grants are built (the two together were the compiler's peak memory on large policies). The
  // source stays, with the views of it that the layers and symbols hold.
  void FreeAst() {
    std::vector<std::unique_ptr<ast::File>>().swap(loaded_.files);
    std::vector<LoadedStatement>().swap(loaded_.statements);
    abi_ = nullptr;
    requires_ = nullptr;
    threads_ = nullptr;
    first_layer_block_ = nullptr;
  }

  // Builds each layer into the policy, freeing its builder as it goes, and reports what the
  // models show where their layer's statements ended.
  void BuildLayers() {
    size_t reported = 0;  // diagnostics placed so far: each moves the later places one down
    for (size_t at : reported_at_) {
      LayerBuilder& builder = layers_.front();
      llvm::SMRange name_range = builder.name_range();
      policy_.layers.push_back(builder.Build());
      layers_.pop_front();
      reported += CheckSize(policy_.layers.back(), name_range, at + reported);
    }
  }

  // Reports `too-many-rules` and `blob-too-large` for a built layer at `name_range`, placed at
  // `at` in the order of diagnostics. Returns how many it reported.
  size_t CheckSize(const model::Layer& layer, llvm::SMRange name_range, size_t at) {
    size_t reported = 0;
    uint64_t rules = KernelRules(layer);
    if (rules > blob::kMaxRulesPerLayer) {
      diags_.ReportAt(at + reported++, diag::DiagId::kTooManyRules, name_range, layer.name,
                      std::to_string(rules), std::to_string(blob::kMaxRulesPerLayer));
    }
    // The blob's size, from the code generator's own encoding: reported at the layer that passes
    // the runtime's bound, once.
    bool within = blob_size_ <= blob::kMaxBlobSize;
    blob_size_ += codegen::EncodedLayerSize(layer);
    if (within && blob_size_ > blob::kMaxBlobSize) {
      diags_.ReportAt(at + reported++, diag::DiagId::kBlobTooLarge, name_range, layer.name,
                      std::to_string(blob_size_), std::to_string(blob::kMaxBlobSize));
    }
    return reported;
  }

  // The landlock_add_rule calls the layer makes at apply time: one per path grant and one per
  // port of each port grant (grants left without a right are not written to the blob).
  static uint64_t KernelRules(const model::Layer& layer) {
    uint64_t rules = 0;
    for (const model::FsGrant& grant : layer.fs_grants) rules += grant.rights != 0;
    for (const model::NetGrant& grant : layer.net_grants)
      if (grant.rights != 0) rules += uint64_t{grant.ports.high} - grant.ports.low + 1;
    return rules;
  }

  // Rule statements at top level make the layer `main`, in the policy file itself and only when
  // it has no layer blocks.
  bool TopLevelRuleAllowed(const LoadedStatement& each) {
    if (!each.in_main_file) {
      if (rule_in_include_reported_.insert(each.buffer_id).second)
        diags_.Report(diag::DiagId::kRuleInInclude, RangeOf(*each.statement),
                      Keyword(*each.statement));
      return false;
    }
    if (first_layer_block_ == nullptr) return true;
    if (!mixed_reported_) {
      mixed_reported_ = true;
      const diag::DiagInfo& info = diag::Info(diag::DiagId::kMixedTopLevel);
      diags_.Emit(info.severity, info.id, RangeOf(*each.statement), info.format,
                  {{"the first layer block is here", first_layer_block_->name.range}});
    }
    return false;
  }

  LayerBuilder& MainLayer(llvm::SMRange first_statement) {
    if (main_layer_ == nullptr) {
      ++layer_count_;
      main_layer_ = &layers_.emplace_back(context_, "main", first_statement, first_statement);
    }
    return *main_layer_;
  }

  LoadedPolicy loaded_;
  diag::DiagnosticEngine& diags_;
  const llvm::SourceMgr& source_mgr_;
  SymbolTable symbols_;
  std::deque<RulesBlock> rules_;
  LayerContext context_;
  model::Policy policy_;
  const ast::AbiStmt* abi_ = nullptr;
  const ast::RequiresStmt* requires_ = nullptr;
  const ast::ThreadsStmt* threads_ = nullptr;
  const ast::LayerBlock* first_layer_block_ = nullptr;
  // Layers whose statements are checked, in order, waiting to be built; `main` (top-level rules,
  // only in a policy without layer blocks) is one of them.
  std::deque<LayerBuilder> layers_;
  LayerBuilder* main_layer_ = nullptr;
  // For each of layers_, how many diagnostics had been reported when its statements ended.
  std::vector<size_t> reported_at_;
  int layer_count_ = 0;
  // The size of the blob of the layers so far.
  uint64_t blob_size_ = blob::kHeaderSize;
  llvm::StringMap<llvm::SMRange> layer_names_;
  bool mixed_reported_ = false;
  llvm::DenseSet<unsigned> rule_in_include_reported_;
};

}  // namespace

model::Policy CheckPolicy(LoadedPolicy loaded, diag::DiagnosticEngine& diags) {
  return PolicyChecker(std::move(loaded), diags).Check();
}

}  // namespace landlockc::check
