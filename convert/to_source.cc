// SPDX-License-Identifier: MIT
#include "convert/to_source.h"

#include <algorithm>

#include "compiler/diag/characters.h"
#include "compiler/model/names.h"
#include "compiler/model/path_template.h"
#include "convert/read_landlockconfig.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/blob_format.h"

namespace landlockc::convert {
namespace {

constexpr const char* kTarget = "a .landlock policy";

// A string literal of the policy language.
std::string Quote(llvm::StringRef text) { return "\"" + diag::EscapeForPolicyString(text) + "\""; }

std::string Rights(abi::Category category, uint64_t mask) {
  return model::JoinRightNames(category, mask, " + ");
}

class Writer {
 public:
  Writer(bool lossy, diag::DiagnosticEngine& diags) : lossy_(lossy), diags_(diags) {}

  std::optional<std::string> Write(const Document& document) {
    model::AccessSet handled = document.EffectiveHandled();
    std::string grants;
    for (const PathBeneath& rule : document.path_beneath) grants += PathGrant(rule, document);
    for (const NetPort& rule : document.net_port) grants += PortGrant(rule);
    if (handled.Empty()) {  // a part meant for composition, say; nothing to keep, even lossy
      diags_.Report(diag::DiagId::kLandlockconfigInvalidValue, llvm::SMRange(), "(root)",
                    "the configuration handles no access right: as a policy it would restrict "
                    "nothing");
      return std::nullopt;
    }
    if (refused_) return std::nullopt;
    std::string text = "# Converted from landlockconfig by `landlockc convert`.\n";
    // Every right is named, so `abi` says only what the document was written for; it is raised
    // to the newest right named, which the language requires, and capped at the newest it knows.
    int64_t written_for = std::min<int64_t>(document.abi.value_or(1), abi::kNewestAbi);
    int needed = std::max({abi::AbiNeededFor(abi::Category::kFs, handled.fs),
                           abi::AbiNeededFor(abi::Category::kNet, handled.net),
                           abi::AbiNeededFor(abi::Category::kScope, handled.scope)});
    text += "abi " + std::to_string(std::max<int64_t>(written_for, needed)) + ";\n";
    for (abi::Category category : {abi::Category::kFs, abi::Category::kNet, abi::Category::kScope})
      if (uint64_t mask = handled.Get(category))
        text +=
            "handle " + model::CategoryName(category).str() + ": " + Rights(category, mask) + ";\n";
    return text + grants;
  }

 private:
  void Refuse(const std::string& construct, llvm::SMRange where) {
    diags_.Report(lossy_ ? diag::DiagId::kDroppedInConversion : diag::DiagId::kNotConvertible,
                  where, construct, kTarget);
    refused_ = refused_ || !lossy_;
  }

  std::string PathGrant(const PathBeneath& rule, const Document& document) {
    if (rule.access == 0) return "";  // an `abi.*` group empty at this ABI: no rule
    std::vector<std::string> targets;
    for (const Parent& parent : rule.parents) {
      llvm::Expected<std::vector<std::string>> paths =
          ExpandTemplate(parent.text, document.variables);
      if (!paths) {  // the reader checked every template
        llvm::consumeError(paths.takeError());
        continue;
      }
      for (const std::string& path : *paths) {
        if (path.find('$') != std::string::npos) {
          Refuse(
              "the `$` in path `" + path + "`, which .landlock reads as an environment variable,",
              parent.where);
          continue;
        }
        if (llvm::any_of(path, [](char c) { return llvm::isPrint(c) == 0 && c >= 0; })) {
          Refuse("the control character in path `" + path + "`", parent.where);
          continue;
        }
        model::NormalizedPath normalized = model::NormalizePathTemplate(path);
        if (normalized.problem == model::PathProblem::kRelative)
          Refuse("the relative path `" + path + "`", parent.where);
        else if (normalized.problem != model::PathProblem::kNone)
          Refuse("the path `" + path + "`", parent.where);
        else
          targets.push_back(Quote(path));
      }
    }
    if (targets.empty()) return "";
    std::string line = "allow " + Rights(abi::Category::kFs, rule.access) + " on ";
    for (size_t i = 0; i < targets.size(); ++i) line += (i ? ", " : "") + targets[i];
    return line + ";\n";
  }

  std::string PortGrant(const NetPort& rule) {
    if (rule.access == 0) return "";
    std::string ports;
    for (const Port& port : rule.ports) {
      if (port.number > blob::kMaxPort) {
        Refuse("port " + std::to_string(port.number) + " (ports stop at " +
                   std::to_string(blob::kMaxPort) + ")",
               port.where);
        continue;
      }
      ports += (ports.empty() ? "" : ", ") + std::to_string(port.number);
    }
    if (ports.empty()) return "";
    return "allow " + Rights(abi::Category::kNet, rule.access) + " on port " + ports + ";\n";
  }

  bool lossy_;
  diag::DiagnosticEngine& diags_;
  bool refused_ = false;
};

}  // namespace

std::optional<std::string> LandlockconfigToSource(const Document& document, bool lossy,
                                                  diag::DiagnosticEngine& diags) {
  return Writer(lossy, diags).Write(document);
}

}  // namespace landlockc::convert
