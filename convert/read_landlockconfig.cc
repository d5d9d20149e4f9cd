// SPDX-License-Identifier: MIT
#include "convert/read_landlockconfig.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "compiler/model/names.h"
#include "config/toml_text.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"

namespace landlockc::convert {
namespace {

namespace json = llvm::json;

// The field names that differ between the two syntaxes (the others are spelled alike).
struct FieldNames {
  const char* handled_fs;
  const char* handled_net;
  const char* path_beneath;
  const char* net_port;
  const char* allowed_access;
};
constexpr FieldNames kJsonNames = {"handledAccessFs", "handledAccessNet", "pathBeneath", "netPort",
                                   "allowedAccess"};
constexpr FieldNames kTomlNames = {"handled_access_fs", "handled_access_net", "path_beneath",
                                   "net_port", "allowed_access"};

constexpr int64_t kMaxAbi = 2147483647;
// More paths than any real grant names; beyond it a template is an error, not an hour of work.
constexpr size_t kMaxExpandedPaths = 4096;  // the schema's bound (a signed 32-bit ABI version)

std::string Join(llvm::ArrayRef<const char*> names) {
  std::string joined;
  for (const char* name : names) joined += (joined.empty() ? "`" : ", `") + std::string(name) + "`";
  return joined;
}

// Checks one document already turned into a json::Value (TOML is converted, keeping each node's
// place in `locations`).
class Reader {
 public:
  Reader(diag::DiagnosticEngine& diags, const FieldNames& names, llvm::SMLoc start,
         std::map<std::string, llvm::SMRange> locations)
      : diags_(diags), names_(names), start_(start), locations_(std::move(locations)) {}

  std::optional<Document> Read(const json::Value& root) {
    const json::Object* object = Object(root, "(root)", "a table of settings");
    if (object == nullptr) return std::nullopt;
    const char* const top_level[] = {"abi", "variable", "ruleset", names_.path_beneath,
                                     names_.net_port};
    KnownFields(*object, "", "the configuration", top_level);
    Document document;
    if (const json::Value* abi = object->get("abi")) document.abi = Abi(*abi);
    if (const json::Value* variables = object->get("variable"))
      ForEach(*variables, "variable", [&](const json::Value& entry, const std::string& path) {
        ReadVariable(entry, path, document);
      });
    if (const json::Value* rulesets = object->get("ruleset"))
      ForEach(*rulesets, "ruleset", [&](const json::Value& entry, const std::string& path) {
        ReadRuleset(entry, path, document);
      });
    if (const json::Value* rules = object->get(names_.path_beneath))
      ForEach(*rules, names_.path_beneath, [&](const json::Value& entry, const std::string& path) {
        ReadPathBeneath(entry, path, document);
      });
    if (const json::Value* rules = object->get(names_.net_port))
      ForEach(*rules, names_.net_port, [&](const json::Value& entry, const std::string& path) {
        ReadNetPort(entry, path, document);
      });
    if (!failed_ && !object->get("variable") && !object->get("ruleset") &&
        !object->get(names_.path_beneath) && !object->get(names_.net_port))
      Invalid("(root)", "the configuration is empty: it needs `ruleset`, `" +
                            std::string(names_.path_beneath) + "`, `" + names_.net_port +
                            "` or `variable`");
    if (failed_) return std::nullopt;
    return document;
  }

 private:
  llvm::SMRange Where(const std::string& path) const {
    auto found = locations_.find(path);
    return found != locations_.end() ? found->second : llvm::SMRange(start_, start_);
  }
  void WrongType(const std::string& path, llvm::StringRef what) {
    diags_.Report(diag::DiagId::kLandlockconfigWrongType, Where(path), path, what);
    failed_ = true;
  }
  void Invalid(const std::string& path, const std::string& why) {
    diags_.Report(diag::DiagId::kLandlockconfigInvalidValue, Where(path), path, why);
    failed_ = true;
  }

  const json::Object* Object(const json::Value& value, const std::string& path,
                             llvm::StringRef what) {
    const json::Object* object = value.getAsObject();
    if (object == nullptr) WrongType(path, what);
    return object;
  }

  void KnownFields(const json::Object& object, const std::string& prefix, llvm::StringRef what,
                   llvm::ArrayRef<const char*> known) {
    // Reported in a stable order, whatever the object's hashing.
    std::set<std::string> unknown;
    for (const auto& [key, value] : object)
      if (!llvm::is_contained(
              llvm::map_range(known, [](const char* k) { return llvm::StringRef(k); }),
              llvm::StringRef(key)))
        unknown.insert(key.str());
    for (const std::string& key : unknown) {
      diags_.Report(diag::DiagId::kLandlockconfigUnknownField, Where(prefix + key), key, what,
                    Join(known));
      failed_ = true;
    }
  }

  // Calls `read` on each element of the non-empty list `value`.
  template <typename Read>
  void ForEach(const json::Value& value, const std::string& path, Read read) {
    const json::Array* array = value.getAsArray();
    if (array == nullptr) return WrongType(path, "a list");
    if (array->empty()) return Invalid(path, "the list must not be empty");
    for (size_t i = 0; i < array->size(); ++i)
      read((*array)[i], path + "[" + std::to_string(i) + "]");
  }

  std::optional<int64_t> Abi(const json::Value& value) {
    llvm::Optional<int64_t> abi = value.getAsInteger();
    if (!abi) {
      WrongType("abi", "an integer");
      return std::nullopt;
    }
    if (*abi < 1 || *abi > kMaxAbi) {
      Invalid("abi", llvm::formatv("ABI {0} is outside 1..{1}", *abi, kMaxAbi).str());
      return std::nullopt;
    }
    return *abi;
  }

  std::optional<std::string> String(const json::Value& value, const std::string& path) {
    llvm::Optional<llvm::StringRef> text = value.getAsString();
    if (!text) {
      WrongType(path, "a string");
      return std::nullopt;
    }
    return text->str();
  }

  void ReadVariable(const json::Value& value, const std::string& path, Document& document) {
    const json::Object* object = Object(value, path, "a table with `name` and `literal`");
    if (object == nullptr) return;
    const char* const known[] = {"name", "literal"};
    KnownFields(*object, path + ".", "a `variable` entry", known);
    Variable variable;
    const json::Value* name = object->get("name");
    if (name == nullptr) return Invalid(path, "a `variable` entry needs a `name`");
    std::optional<std::string> text = String(*name, path + ".name");
    if (!text) return;
    static const llvm::Regex kName("^[A-Za-z][A-Za-z0-9_]*$");
    if (!kName.match(*text))
      return Invalid(path + ".name", "variable name `" + *text +
                                         "` must start with an ASCII letter and hold only "
                                         "ASCII letters, digits and `_`");
    variable.name = *text;
    if (const json::Value* literals = object->get("literal"))
      ForEach(*literals, path + ".literal", [&](const json::Value& entry, const std::string& at) {
        if (std::optional<std::string> literal = String(entry, at))
          variable.literals.push_back(*literal);
      });
    // Entries of one name add up, as landlockconfig merges them.
    for (Variable& existing : document.variables)
      if (existing.name == variable.name) {
        llvm::append_range(existing.literals, variable.literals);
        return;
      }
    document.variables.push_back(std::move(variable));
  }

  // The rights the access list `value` names in `category`.
  uint64_t Access(const json::Value& value, const std::string& path, abi::Category category,
                  std::optional<int64_t> abi_version) {
    uint64_t mask = 0;
    ForEach(value, path, [&](const json::Value& entry, const std::string& at) {
      std::optional<std::string> name = String(entry, at);
      if (!name) return;
      if (llvm::StringRef(*name).startswith("abi.")) {
        if (!abi_version)
          return Invalid(at,
                         "`" + *name + "` needs the top-level `abi` to say which rights it means");
        if (std::optional<uint64_t> group = ResolveAbiGroup(category, *name, *abi_version)) {
          mask |= *group;
          return;
        }
      } else if (const abi::Right* right = model::FindRight(*name);
                 right != nullptr && right->category == category &&
                 (right->bit & LandlockconfigRights(category)) != 0) {
        mask |= right->bit;
        return;
      }
      const char* kind = category == abi::Category::kFs    ? "filesystem access right"
                         : category == abi::Category::kNet ? "network access right"
                                                           : "scope";
      Invalid(at, "unknown " + std::string(kind) + " `" + *name + "`");
    });
    return mask;
  }

  void ReadRuleset(const json::Value& value, const std::string& path, Document& document) {
    const json::Object* object = Object(value, path, "a table of handled rights");
    if (object == nullptr) return;
    const char* const known[] = {names_.handled_fs, names_.handled_net, "scoped"};
    KnownFields(*object, path + ".", "a `ruleset` entry", known);
    if (object->empty()) return Invalid(path, "a `ruleset` entry must handle something");
    const std::pair<const char*, abi::Category> lists[] = {
        {names_.handled_fs, abi::Category::kFs},
        {names_.handled_net, abi::Category::kNet},
        {"scoped", abi::Category::kScope}};
    for (const auto& [key, category] : lists)
      if (const json::Value* list = object->get(key))
        document.handled.Get(category) |= Access(*list, path + "." + key, category, document.abi);
  }

  // The `allowedAccess` of a rule, checked present.
  std::optional<uint64_t> RuleAccess(const json::Object& object, const std::string& path,
                                     abi::Category category, const Document& document) {
    const json::Value* access = object.get(names_.allowed_access);
    if (access == nullptr) {
      Invalid(path, "the rule needs `" + std::string(names_.allowed_access) + "`");
      return std::nullopt;
    }
    return Access(*access, path + "." + names_.allowed_access, category, document.abi);
  }

  void ReadPathBeneath(const json::Value& value, const std::string& path, Document& document) {
    const json::Object* object = Object(
        value, path, "a table with `" + std::string(names_.allowed_access) + "` and `parent`");
    if (object == nullptr) return;
    const char* const known[] = {names_.allowed_access, "parent"};
    KnownFields(*object, path + ".", "a `" + std::string(names_.path_beneath) + "` entry", known);
    PathBeneath rule;
    std::optional<uint64_t> access = RuleAccess(*object, path, abi::Category::kFs, document);
    const json::Value* parents = object->get("parent");
    if (parents == nullptr) return Invalid(path, "the rule needs `parent`");
    ForEach(*parents, path + ".parent", [&](const json::Value& entry, const std::string& at) {
      std::optional<std::string> text = String(entry, at);
      if (!text) return;
      if (llvm::Expected<std::vector<std::string>> expanded =
              ExpandTemplate(*text, document.variables);
          !expanded)
        return Invalid(at, llvm::toString(expanded.takeError()));
      rule.parents.push_back({*text, Where(at)});
    });
    if (!access) return;
    rule.access = *access;
    document.path_beneath.push_back(std::move(rule));
  }

  void ReadNetPort(const json::Value& value, const std::string& path, Document& document) {
    const json::Object* object =
        Object(value, path, "a table with `" + std::string(names_.allowed_access) + "` and `port`");
    if (object == nullptr) return;
    const char* const known[] = {names_.allowed_access, "port"};
    KnownFields(*object, path + ".", "a `" + std::string(names_.net_port) + "` entry", known);
    NetPort rule;
    std::optional<uint64_t> access = RuleAccess(*object, path, abi::Category::kNet, document);
    const json::Value* ports = object->get("port");
    if (ports == nullptr) return Invalid(path, "the rule needs `port`");
    ForEach(*ports, path + ".port", [&](const json::Value& entry, const std::string& at) {
      if (llvm::Optional<int64_t> port = entry.getAsInteger(); port && *port >= 0)
        rule.ports.push_back({static_cast<uint64_t>(*port), Where(at)});
      else if (llvm::Optional<uint64_t> large = entry.getAsUINT64())
        rule.ports.push_back({*large, Where(at)});
      else
        WrongType(at, "an integer from 0 to 18446744073709551615");
    });
    if (!access) return;
    rule.access = *access;
    document.net_port.push_back(std::move(rule));
  }

  diag::DiagnosticEngine& diags_;
  const FieldNames& names_;
  llvm::SMLoc start_;
  std::map<std::string, llvm::SMRange> locations_;
  bool failed_ = false;
};

// A TOML document as a json::Value, with the place of each node by its path (`a[0].b`).
class TomlToJson {
 public:
  TomlToJson(llvm::SourceMgr& sources, unsigned buffer_id)
      : sources_(sources), buffer_id_(buffer_id) {}

  json::Value Convert(const toml::node& node, const std::string& path) {
    Locate(node, path);
    if (const toml::table* table = node.as_table()) {
      json::Object object;
      for (const auto& [key, child] : *table) {
        std::string name(key.str());
        object[name] = Convert(child, path.empty() ? name : path + "." + name);
        LocateKey(key, path.empty() ? name : path + "." + name);
      }
      return object;
    }
    if (const toml::array* array = node.as_array()) {
      json::Array elements;
      for (size_t i = 0; i < array->size(); ++i)
        elements.push_back(Convert(*array->get(i), path + "[" + std::to_string(i) + "]"));
      return elements;
    }
    if (const toml::value<std::string>* text = node.as_string()) return text->get();
    if (const toml::value<int64_t>* integer = node.as_integer()) return integer->get();
    if (const toml::value<double>* real = node.as_floating_point()) return real->get();
    if (const toml::value<bool>* boolean = node.as_boolean()) return boolean->get();
    return nullptr;  // dates and times: no landlockconfig field takes one
  }

  std::map<std::string, llvm::SMRange> TakeLocations() { return std::move(locations_); }

 private:
  llvm::SMLoc Loc(const toml::source_position& position) const {
    if (!position) return llvm::SMLoc();
    return sources_.FindLocForLineAndColumn(buffer_id_, position.line, position.column);
  }
  void Locate(const toml::node& node, const std::string& path) {
    llvm::SMLoc begin = Loc(node.source().begin);
    if (begin.isValid()) locations_.emplace(path, llvm::SMRange(begin, Loc(node.source().end)));
  }
  // A key's own place is better than its value's for "unknown field".
  void LocateKey(const toml::key& key, const std::string& path) {
    llvm::SMLoc begin = Loc(key.source().begin);
    if (begin.isValid()) locations_[path] = llvm::SMRange(begin, Loc(key.source().end));
  }

  llvm::SourceMgr& sources_;
  unsigned buffer_id_;
  std::map<std::string, llvm::SMRange> locations_;
};

// The place of each value of JSON text that LLVM parsed (so it is valid), by its path (`a[0].b`):
// an object member at its key, an array element at the element. LLVM's values keep no places.
class JsonLocator {
 public:
  JsonLocator(llvm::StringRef text, std::map<std::string, llvm::SMRange>& locations)
      : text_(text), locations_(locations) {}

  void Value(const std::string& path) {
    SkipSpace();
    if (pos_ >= text_.size()) return;
    char c = text_[pos_];
    if (c == '{' || c == '[') {
      ++pos_;
      std::set<std::string> keys;
      for (size_t index = 0;; ++index) {
        SkipSpace();
        if (pos_ >= text_.size() || text_[pos_] == '}' || text_[pos_] == ']') break;
        size_t start = pos_;
        std::string child;
        if (c == '{') {
          std::string key = String();
          child = path.empty() ? key : path + "." + key;
          Record(child, start, pos_);
          // LLVM keeps the last of two equal keys; landlockconfig refuses the document.
          if (!keys.insert(key).second) duplicates_.push_back({key, Range(start, pos_)});
          SkipSpace();
          ++pos_;  // `:`
          Value(child);
        } else {
          child = path + "[" + std::to_string(index) + "]";
          Value(child);
          Record(child, start, pos_);
        }
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
      }
      ++pos_;
      return;
    }
    if (c == '"') {
      String();
      return;
    }
    while (pos_ < text_.size() && !llvm::StringRef(",]} \t\r\n").contains(text_[pos_])) ++pos_;
  }

  // Each key given twice in one object, and where the second one is.
  const std::vector<std::pair<std::string, llvm::SMRange>>& duplicates() const {
    return duplicates_;
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && llvm::StringRef(" \t\r\n").contains(text_[pos_])) ++pos_;
  }
  // Skips a string, returning its text between the quotes as written (escapes kept).
  std::string String() {
    size_t start = ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    std::string text = text_.slice(start, pos_).str();
    ++pos_;
    return text;
  }
  llvm::SMRange Range(size_t begin, size_t end) const {
    return llvm::SMRange(llvm::SMLoc::getFromPointer(text_.data() + begin),
                         llvm::SMLoc::getFromPointer(text_.data() + end));
  }
  void Record(const std::string& path, size_t begin, size_t end) {
    locations_.emplace(path, Range(begin, end));
  }

  llvm::StringRef text_;
  std::map<std::string, llvm::SMRange>& locations_;
  std::vector<std::pair<std::string, llvm::SMRange>> duplicates_;
  size_t pos_ = 0;
};

// LLVM's parse errors read `[LINE:COLUMN, byte=OFFSET]: MESSAGE`: the offset places the caret.
void ReportJsonSyntax(llvm::Error error, llvm::StringRef text, llvm::SMLoc start,
                      diag::DiagnosticEngine& diags) {
  std::string message = llvm::toString(std::move(error));
  static const llvm::Regex kPlace("^\\[[0-9]+:[0-9]+, byte=([0-9]+)\\]: (.*)$");
  llvm::SmallVector<llvm::StringRef, 3> parts;
  llvm::SMLoc at = start;
  if (kPlace.match(message, &parts)) {
    size_t offset = 0;
    if (!parts[1].getAsInteger(10, offset) && offset <= text.size())
      at = llvm::SMLoc::getFromPointer(text.data() + offset);
    message = parts[2].str();
  }
  // LLVM capitalizes its messages; ours start in lower case.
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  diags.Report(diag::DiagId::kLandlockconfigSyntax, llvm::SMRange(at, at), "JSON", message);
}

}  // namespace

std::optional<Document> ReadLandlockconfig(unsigned buffer_id, Syntax syntax,
                                           diag::DiagnosticEngine& diags) {
  const llvm::MemoryBuffer& buffer = *diags.source_mgr().getMemoryBuffer(buffer_id);
  llvm::StringRef text = buffer.getBuffer();
  llvm::SMLoc start = llvm::SMLoc::getFromPointer(text.data());
  if (syntax == Syntax::kJson) {
    llvm::Expected<json::Value> root = json::parse(text);
    if (!root) {
      ReportJsonSyntax(root.takeError(), text, start, diags);
      return std::nullopt;
    }
    std::map<std::string, llvm::SMRange> locations;
    JsonLocator locator(text, locations);
    locator.Value("");
    for (const auto& [key, where] : locator.duplicates())
      diags.Report(diag::DiagId::kLandlockconfigSyntax, where, "JSON",
                   "key `" + key + "` is given twice in one object");
    if (!locator.duplicates().empty()) return std::nullopt;
    locations["(root)"] = llvm::SMRange(start, start);
    return Reader(diags, kJsonNames, start, std::move(locations)).Read(*root);
  }
  if (const char* at = config::NonAsciiOutsideStrings(text)) {
    llvm::SMLoc loc = llvm::SMLoc::getFromPointer(at);
    diags.Report(diag::DiagId::kLandlockconfigSyntax, llvm::SMRange(loc, loc), "TOML",
                 "a character outside ASCII belongs only in a string or a comment");
    return std::nullopt;
  }
  toml::parse_result parsed = config::ParseToml(text, "");
  if (!parsed) {
    const toml::source_position& at = parsed.error().source().begin;
    llvm::SMLoc loc =
        at ? diags.source_mgr().FindLocForLineAndColumn(buffer_id, at.line, at.column) : start;
    diags.Report(diag::DiagId::kLandlockconfigSyntax, llvm::SMRange(loc, loc), "TOML",
                 std::string(parsed.error().description()));
    return std::nullopt;
  }
  TomlToJson converter(diags.source_mgr(), buffer_id);
  json::Value root = converter.Convert(parsed.table(), "");
  std::map<std::string, llvm::SMRange> locations = converter.TakeLocations();
  locations["(root)"] = llvm::SMRange(start, start);
  return Reader(diags, kTomlNames, start, std::move(locations)).Read(root);
}

llvm::Expected<std::vector<std::string>> ExpandTemplate(llvm::StringRef text,
                                                        const std::vector<Variable>& variables) {
  // Each piece of the template is a set of alternatives; the paths are their product.
  std::vector<std::string> paths = {""};
  bool too_many = false;
  auto append = [&](llvm::ArrayRef<std::string> alternatives) {
    // Variables multiply: `${a}${a}${a}` with a few literals each is already many paths.
    if (paths.size() * std::max<size_t>(alternatives.size(), 1) > kMaxExpandedPaths) {
      too_many = true;
      return;
    }
    std::vector<std::string> product;
    for (const std::string& head : paths)
      for (const std::string& tail : alternatives) product.push_back(head + tail);
    paths = std::move(product);
  };
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' || i + 1 == text.size()) {
      literal += text[i];
      continue;
    }
    if (text[i + 1] == '$') {  // `$$` is one `$`
      literal += '$';
      ++i;
      continue;
    }
    if (text[i + 1] != '{') {
      literal += '$';
      continue;
    }
    size_t close = text.find('}', i + 2);
    if (close == llvm::StringRef::npos)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "`%s` opens a variable with `${` but never closes it",
                                     text.str().c_str());
    llvm::StringRef name = text.slice(i + 2, close);
    const Variable* variable = nullptr;
    for (const Variable& candidate : variables)
      if (candidate.name == name) variable = &candidate;
    if (variable == nullptr)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "variable `%s` is not defined by any `variable` entry",
                                     name.str().c_str());
    append({literal});
    literal.clear();
    append(variable->literals);
    i = close;
  }
  append({literal});
  if (too_many)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "`%s` stands for more than %zu paths", text.str().c_str(),
                                   kMaxExpandedPaths);
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

}  // namespace landlockc::convert
