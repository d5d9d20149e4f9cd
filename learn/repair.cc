// SPDX-License-Identifier: MIT
#include "learn/repair.h"

#include <map>
#include <set>

#include "compiler/model/names.h"
#include "learn/host_paths.h"
#include "learn/needs.h"
#include "lint/access_model.h"
#include "lint/paths.h"

namespace landlockc::learn {
namespace {

// The grants one layer is missing: fs rights per path (with what was seen), net ports per right.
struct Missing {
  std::map<std::string, std::pair<uint64_t, std::set<std::string>>> fs;
  std::map<uint64_t, std::set<uint16_t>> net;
};

std::string Where(const model::Layer& layer) {
  return "layer `" + layer.name + "` (" + layer.location.file.str() + ":" +
         std::to_string(layer.location.line) + ")";
}

std::string Spelled(const std::string& path, const std::string& home) {
  if (!home.empty() && home != "/" && lint::IsSameOrBeneath(path, home))
    return "$HOME" + path.substr(home.size());
  return path;
}

// Byte offset of 1-based `line`, `column` in `text`.
size_t Offset(llvm::StringRef text, unsigned line, unsigned column) {
  size_t offset = 0;
  for (unsigned i = 1; i < line && offset != llvm::StringRef::npos; ++i) {
    offset = text.find('\n', offset);
    if (offset != llvm::StringRef::npos) ++offset;
  }
  return offset == llvm::StringRef::npos ? text.size() : std::min(text.size(), offset + column - 1);
}

// The lines to add to one layer, indented by `indent`.
std::string GrantLines(const Missing& missing, const std::string& indent, const std::string& home) {
  std::string lines;
  for (const auto& [path, entry] : missing.fs) {
    const auto& [rights, seen] = entry;
    std::string what;
    for (const std::string& one : seen) what += (what.empty() ? "" : ", ") + one;
    lines += indent + "allow " + model::JoinRightNames(abi::Category::kFs, rights, " + ") +
             " on \"" + Spelled(path, home) + "\";  # learned: " + what + "\n";
  }
  for (const auto& [right, ports] : missing.net) {
    std::string list;
    for (uint16_t port : ports) list += (list.empty() ? "" : ", ") + std::to_string(port);
    lines += indent + "allow " + model::JoinRightNames(abi::Category::kNet, right) + " on port " +
             list + ";  # learned: " + model::JoinRightNames(abi::Category::kNet, right) +
             " port " + list + "\n";
  }
  return lines;
}

}  // namespace

Repair RepairPolicy(const model::Policy& policy, llvm::StringRef file, llvm::StringRef text,
                    llvm::ArrayRef<trace::Access> accesses, int abi, const std::string& home) {
  Repair repair;
  // Decide on the paths as the kernel will see them; report and edit with P's own.
  model::Policy on_host = policy;
  ResolveGrantsOnHost(on_host);
  lint::AccessModel model(on_host, abi);
  Needs needs = NeedsFrom(accesses, abi);
  std::map<size_t, Missing> missing;
  auto deny = [&](const lint::Verdict& verdict, const std::string& what, auto&& add) {
    for (size_t layer = 0; layer < verdict.layers.size(); ++layer)
      if (verdict.layers[layer].kind == lint::LayerDecision::Kind::kDenied) {
        repair.denials.push_back(what + " is denied by " + Where(policy.layers[layer]));
        add(missing[layer]);
      }
  };
  std::set<std::string> reported;
  for (const FsNeed& need : needs.fs)
    for (uint64_t bit = 1; bit != 0 && bit <= need.rights; bit <<= 1) {
      if (!(need.rights & bit)) continue;
      std::string what = "`" + model::JoinRightNames(abi::Category::kFs, bit) + "` on `" +
                         Spelled(need.path, home) + "`";
      if (!reported.insert(what).second) continue;
      deny(model.QueryFs(need.path, bit, need.kind), what, [&](Missing& layer) {
        auto& entry = layer.fs[need.path];
        entry.first |= bit;
        entry.second.insert(std::string(VerbText(need.verb)) + " " + Spelled(need.seen, home));
      });
    }
  for (const NetNeed& need : needs.net) {
    std::string what = "`" + model::JoinRightNames(abi::Category::kNet, need.right) + "` on port " +
                       std::to_string(need.port);
    if (!reported.insert(what).second) continue;
    deny(model.QueryNet(need.port, need.right), what,
         [&](Missing& layer) { layer.net[need.right].insert(need.port); });
  }
  for (const ScopeNeed& need : needs.scopes) {
    lint::Verdict verdict = model.QueryScope(need.scope);
    for (size_t layer = 0; layer < verdict.layers.size(); ++layer)
      if (verdict.layers[layer].kind == lint::LayerDecision::Kind::kDenied)
        repair.unfixable.push_back(
            need.seen + ": scope `" + model::JoinRightNames(abi::Category::kScope, need.scope) +
            "` is handled by " + Where(policy.layers[layer]) +
            "; a scope takes no grants: leave it out of the layer's `handle` lines");
  }

  // Insert each layer's lines before its closing brace, from the end so offsets stay valid.
  std::string out = text.str();
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    const model::Layer& layer = policy.layers[it->first];
    if (layer.location.file != file) {
      repair.unfixable.push_back("the grants missing from " + Where(layer) +
                                 " belong in that file, which `learn` does not change");
      continue;
    }
    size_t start = Offset(out, layer.location.line, layer.location.column);
    bool block = llvm::StringRef(out).substr(start).startswith("layer");
    if (!block) {
      // The implicit `main` layer of a file without `layer` blocks: its statements end the file.
      if (!out.empty() && out.back() != '\n') out += '\n';
      out += GrantLines(it->second, "", home);
      continue;
    }
    size_t brace = out.rfind('}', Offset(out, layer.location.end_line, layer.location.end_column));
    if (brace == std::string::npos || brace < start) continue;
    size_t line_start = out.rfind('\n', brace);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    std::string before_brace = out.substr(line_start, brace - line_start);
    bool alone = before_brace.find_first_not_of(" \t") == std::string::npos;
    std::string indent = before_brace.substr(0, before_brace.find_first_not_of(" \t")) + "    ";
    if (!alone) indent = "    ";
    std::string lines = GrantLines(it->second, alone ? before_brace + "    " : indent, home);
    if (alone)
      out.insert(line_start, lines);
    else
      out.insert(brace, "\n" + lines);
  }
  repair.text = std::move(out);
  return repair;
}

}  // namespace landlockc::learn
