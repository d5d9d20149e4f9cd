// SPDX-License-Identifier: MIT
#include "config/config.h"

#include <string_view>

#include "compiler/model/path_template.h"
#include "config/toml_text.h"
#include "lint/rules/registry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace landlockc::config {
namespace {

constexpr const char* kTopLevelKeys[] = {"targets", "fail-on",  "disable",
                                         "host",    "severity", "sensitive-paths"};
constexpr const char* kSensitivePathKeys[] = {"extra"};
constexpr const char* kSeverities[] = {"error", "warning", "note"};
constexpr const char* kFailOns[] = {"error", "warning", "note", "never"};

// " (did you mean `PREFIXx`?)" for the candidate x closest to `text`, when one is close; else "".
template <typename Candidates>
std::string DidYouMean(llvm::StringRef text, const Candidates& candidates,
                       llvm::StringRef prefix = "") {
  std::string best;
  unsigned best_distance = 3;
  for (llvm::StringRef candidate : candidates) {
    unsigned distance = text.edit_distance(candidate, true, best_distance);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate.str();
    }
  }
  return best.empty() ? "" : llvm::formatv(" (did you mean `{0}{1}`?)", prefix, best).str();
}

// Reports problems at a place in one file.
class Reader {
 public:
  explicit Reader(llvm::StringRef path) : path_(path) {}

  llvm::Error ErrorAt(const toml::source_region& where, const llvm::Twine& message) const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::formatv("{0}:{1}:{2}: {3}", path_, where.begin.line,
                                                 where.begin.column, message.str())
                                       .str());
  }

  // Checks that every key of `table` is one of `known` (named `prefix` + key in messages).
  template <size_t N>
  llvm::Error KnownKeys(const toml::table& table, const char* const (&known)[N],
                        llvm::StringRef prefix) const {
    for (auto&& [key, node] : table) {
      llvm::StringRef name(key.str().data(), key.str().size());
      if (llvm::is_contained(llvm::ArrayRef<const char*>(known), name)) continue;
      return ErrorAt(key.source(), llvm::formatv("unknown key `{0}{1}`{2}", prefix, name,
                                                 DidYouMean(name, known, prefix)));
    }
    return llvm::Error::success();
  }

  // The strings of the array `node` (named `key` in messages), each with where it stands.
  llvm::Expected<std::vector<std::pair<std::string, toml::source_region>>> Strings(
      const toml::node& node, llvm::StringRef key) const {
    const toml::array* array = node.as_array();
    if (array == nullptr)
      return ErrorAt(node.source(), llvm::formatv("`{0}` must be an array of strings", key));
    std::vector<std::pair<std::string, toml::source_region>> strings;
    for (const toml::node& element : *array) {
      const toml::value<std::string>* string = element.as_string();
      if (string == nullptr)
        return ErrorAt(element.source(), llvm::formatv("`{0}` must be an array of strings", key));
      strings.emplace_back(string->get(), element.source());
    }
    return strings;
  }

  // The string value of `node` (named `key` in messages).
  llvm::Expected<std::string> String(const toml::node& node, llvm::StringRef key) const {
    const toml::value<std::string>* string = node.as_string();
    if (string == nullptr)
      return ErrorAt(node.source(), llvm::formatv("`{0}` must be a string", key));
    return string->get();
  }

 private:
  std::string path_;
};

llvm::Error ReadTargets(const Reader& reader, const toml::node& node, Config& config) {
  auto names = reader.Strings(node, "targets");
  if (!names) return names.takeError();
  std::vector<lint::Target> targets;
  for (const auto& [name, where] : *names) {
    llvm::Expected<lint::Target> target = lint::ParseTarget(name);
    if (!target) return reader.ErrorAt(where, llvm::toString(target.takeError()));
    targets.push_back(*target);
  }
  config.targets = std::move(targets);
  return llvm::Error::success();
}

llvm::Error ReadFailOn(const Reader& reader, const toml::node& node, Config& config) {
  llvm::Expected<std::string> text = reader.String(node, "fail-on");
  if (!text) return text.takeError();
  llvm::Expected<lint::FailOn> fail_on = lint::ParseFailOn(*text);
  if (!fail_on) {
    llvm::consumeError(fail_on.takeError());
    return reader.ErrorAt(node.source(),
                          llvm::formatv("invalid `fail-on` value `{0}`{1}; expected error, "
                                        "warning, note or never",
                                        *text, DidYouMean(*text, kFailOns)));
  }
  config.fail_on = *fail_on;
  return llvm::Error::success();
}

llvm::Error ReadDisable(const Reader& reader, const toml::node& node, Config& config) {
  auto ids = reader.Strings(node, "disable");
  if (!ids) return ids.takeError();
  std::vector<std::string> disable;
  for (const auto& [id, where] : *ids) {
    if (llvm::Error error = lint::ValidateRuleIds({id}))
      return reader.ErrorAt(where, llvm::toString(std::move(error)));
    disable.push_back(id);
  }
  config.disable = std::move(disable);
  return llvm::Error::success();
}

llvm::Error ReadHost(const Reader& reader, const toml::node& node, Config& config) {
  const toml::value<bool>* host = node.as_boolean();
  if (host == nullptr) return reader.ErrorAt(node.source(), "`host` must be true or false");
  config.host = host->get();
  return llvm::Error::success();
}

llvm::Error ReadSeverity(const Reader& reader, const toml::node& node, Config& config) {
  const toml::table* table = node.as_table();
  if (table == nullptr)
    return reader.ErrorAt(node.source(), "`severity` must be a table: `[severity]`");
  for (auto&& [key, value] : *table) {
    std::string id(key.str());
    if (llvm::Error error = lint::ValidateRuleIds({id}))
      return reader.ErrorAt(key.source(), llvm::toString(std::move(error)));
    llvm::Expected<std::string> text = reader.String(value, "severity." + id);
    if (!text) return text.takeError();
    if (*text == "error")
      config.severity[id] = diag::Severity::kError;
    else if (*text == "warning")
      config.severity[id] = diag::Severity::kWarning;
    else if (*text == "note")
      config.severity[id] = diag::Severity::kNote;
    else
      return reader.ErrorAt(value.source(),
                            llvm::formatv("invalid severity `{0}` for `{1}`{2}; expected error, "
                                          "warning or note",
                                          *text, id, DidYouMean(*text, kSeverities)));
  }
  return llvm::Error::success();
}

llvm::Error ReadSensitivePaths(const Reader& reader, const toml::node& node, Config& config) {
  const toml::table* table = node.as_table();
  if (table == nullptr)
    return reader.ErrorAt(node.source(), "`sensitive-paths` must be a table: `[sensitive-paths]`");
  if (llvm::Error error = reader.KnownKeys(*table, kSensitivePathKeys, "sensitive-paths."))
    return error;
  const toml::node* extra = table->get("extra");
  if (extra == nullptr) return llvm::Error::success();
  auto paths = reader.Strings(*extra, "sensitive-paths.extra");
  if (!paths) return paths.takeError();
  for (const auto& [text, where] : *paths) {
    model::NormalizedPath normalized = model::NormalizePathTemplate(text);
    if (normalized.problem != model::PathProblem::kNone)
      return reader.ErrorAt(
          where, llvm::formatv("invalid sensitive path `{0}`: it must be absolute or start with "
                               "a variable, without `..`",
                               text));
    config.extra_sensitive_paths.push_back(normalized.path);
  }
  return llvm::Error::success();
}

}  // namespace

llvm::Expected<Config> Parse(llvm::StringRef text, llvm::StringRef path) {
  Reader reader(path);
  if (const char* at = NonAsciiOutsideStrings(text)) {
    llvm::StringRef before = text.take_front(at - text.data());
    toml::source_region where;
    where.begin.line = static_cast<toml::source_index>(before.count('\n') + 1);
    where.begin.column = static_cast<toml::source_index>(before.size() - before.rfind('\n'));
    return reader.ErrorAt(where, "a character outside ASCII belongs only in a string or a comment");
  }
  toml::parse_result parsed = ParseToml(text, path);
  if (!parsed)
    return reader.ErrorAt(parsed.error().source(), std::string(parsed.error().description()));
  const toml::table& table = parsed.table();
  if (llvm::Error error = reader.KnownKeys(table, kTopLevelKeys, "")) return error;
  Config config;
  config.path = path.str();
  using ReadKey = llvm::Error (*)(const Reader&, const toml::node&, Config&);
  const std::pair<const char*, ReadKey> readers[] = {
      {"targets", ReadTargets}, {"fail-on", ReadFailOn},    {"disable", ReadDisable},
      {"host", ReadHost},       {"severity", ReadSeverity}, {"sensitive-paths", ReadSensitivePaths},
  };
  for (const auto& [key, read] : readers)
    if (const toml::node* node = table.get(key))
      if (llvm::Error error = read(reader, *node, config)) return error;
  return config;
}

llvm::Expected<Config> Load(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return llvm::createStringError(
        buffer.getError(),
        llvm::formatv("cannot read `{0}`: {1}", path, buffer.getError().message()).str());
  return Parse((*buffer)->getBuffer(), path);
}

std::optional<std::string> Find(llvm::StringRef directory) {
  llvm::SmallString<256> dir(directory);
  llvm::sys::fs::make_absolute(dir);
  llvm::sys::path::remove_dots(dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef at = dir; !at.empty(); at = llvm::sys::path::parent_path(at)) {
    llvm::SmallString<256> candidate(at);
    llvm::sys::path::append(candidate, kFileName);
    if (llvm::sys::fs::is_regular_file(candidate)) return candidate.str().str();
  }
  return std::nullopt;
}

std::optional<std::string> FindFor(llvm::StringRef policy) {
  llvm::SmallString<256> directory;
  if (policy == "-") {
    if (llvm::sys::fs::current_path(directory)) return std::nullopt;
  } else {
    directory = policy;
    llvm::sys::fs::make_absolute(directory);
    llvm::sys::path::remove_filename(directory);
  }
  return Find(directory);
}

llvm::Expected<Config> ForPolicy(llvm::StringRef policy) {
  std::optional<std::string> path = FindFor(policy);
  if (!path) return Config{};
  return Load(*path);
}

}  // namespace landlockc::config
