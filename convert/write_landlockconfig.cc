// SPDX-License-Identifier: MIT
#include "convert/write_landlockconfig.h"

#include <sstream>

#include "compiler/model/names.h"
#include "config/toml_text.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::convert {
namespace {

// Rights lists as both syntaxes spell them: the language's names are landlockconfig's.
std::vector<std::string> Names(abi::Category category, uint64_t mask) {
  std::vector<std::string> names;
  for (llvm::StringRef name : model::RightNames(category, mask)) names.push_back(name.str());
  return names;
}

std::string WriteJson(const Document& document) {
  model::AccessSet handled = document.EffectiveHandled();
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::json::OStream out(os, /*IndentSize=*/2);
  auto strings = [&](const char* key, const std::vector<std::string>& values) {
    out.attributeArray(key, [&] {
      for (const std::string& value : values) out.value(value);
    });
  };
  out.object([&] {
    if (document.abi) out.attribute("abi", *document.abi);
    if (!document.variables.empty())
      out.attributeArray("variable", [&] {
        for (const Variable& variable : document.variables)
          out.object([&] {
            out.attribute("name", variable.name);
            if (!variable.literals.empty()) strings("literal", variable.literals);
          });
      });
    if (!handled.Empty())
      out.attributeArray("ruleset", [&] {
        out.object([&] {
          if (handled.fs) strings("handledAccessFs", Names(abi::Category::kFs, handled.fs));
          if (handled.net) strings("handledAccessNet", Names(abi::Category::kNet, handled.net));
          if (handled.scope) strings("scoped", Names(abi::Category::kScope, handled.scope));
        });
      });
    if (!document.path_beneath.empty())
      out.attributeArray("pathBeneath", [&] {
        for (const PathBeneath& rule : document.path_beneath)
          out.object([&] {
            strings("allowedAccess", Names(abi::Category::kFs, rule.access));
            out.attributeArray("parent", [&] {
              for (const Parent& parent : rule.parents) out.value(parent.text);
            });
          });
      });
    if (!document.net_port.empty())
      out.attributeArray("netPort", [&] {
        for (const NetPort& rule : document.net_port)
          out.object([&] {
            strings("allowedAccess", Names(abi::Category::kNet, rule.access));
            out.attributeArray("port", [&] {
              for (const Port& port : rule.ports) out.value(port.number);
            });
          });
      });
  });
  os << '\n';
  return os.str();
}

toml::array StringArray(const std::vector<std::string>& values) {
  toml::array array;
  for (const std::string& value : values) array.push_back(value);
  return array;
}

std::string WriteToml(const Document& document) {
  model::AccessSet handled = document.EffectiveHandled();
  toml::table root;
  if (document.abi) root.insert("abi", *document.abi);
  if (!document.variables.empty()) {
    toml::array variables;
    for (const Variable& variable : document.variables) {
      toml::table entry{{"name", variable.name}};
      if (!variable.literals.empty()) entry.insert("literal", StringArray(variable.literals));
      variables.push_back(std::move(entry));
    }
    root.insert("variable", std::move(variables));
  }
  if (!handled.Empty()) {
    toml::table ruleset;
    if (handled.fs)
      ruleset.insert("handled_access_fs", StringArray(Names(abi::Category::kFs, handled.fs)));
    if (handled.net)
      ruleset.insert("handled_access_net", StringArray(Names(abi::Category::kNet, handled.net)));
    if (handled.scope)
      ruleset.insert("scoped", StringArray(Names(abi::Category::kScope, handled.scope)));
    root.insert("ruleset", toml::array{std::move(ruleset)});
  }
  if (!document.path_beneath.empty()) {
    toml::array rules;
    for (const PathBeneath& rule : document.path_beneath) {
      std::vector<std::string> parents;
      for (const Parent& parent : rule.parents) parents.push_back(parent.text);
      rules.push_back(
          toml::table{{"allowed_access", StringArray(Names(abi::Category::kFs, rule.access))},
                      {"parent", StringArray(parents)}});
    }
    root.insert("path_beneath", std::move(rules));
  }
  if (!document.net_port.empty()) {
    toml::array rules;
    for (const NetPort& rule : document.net_port) {
      toml::array ports;
      // TOML integers are signed 64-bit; landlockconfig ports of this document come from the
      // kernel's 16-bit range or from TOML itself.
      for (const Port& port : rule.ports) ports.push_back(static_cast<int64_t>(port.number));
      rules.push_back(
          toml::table{{"allowed_access", StringArray(Names(abi::Category::kNet, rule.access))},
                      {"port", std::move(ports)}});
    }
    root.insert("net_port", std::move(rules));
  }
  std::ostringstream os;
  os << toml::toml_formatter(root) << '\n';
  return os.str();
}

}  // namespace

std::string WriteLandlockconfig(const Document& document, Syntax syntax) {
  return syntax == Syntax::kJson ? WriteJson(document) : WriteToml(document);
}

}  // namespace landlockc::convert
