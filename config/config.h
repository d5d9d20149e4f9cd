// SPDX-License-Identifier: MIT
// `.landlockc.toml`: the lint settings a team writes down once, next to its policies. Found by
// walking up from a policy's directory (the nearest file wins, and only it is read). The CLI and
// the language server both load it through this library, which knows nothing of either.
#ifndef LANDLOCKC_CONFIG_CONFIG_H_
#define LANDLOCKC_CONFIG_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostics.h"
#include "lint/linter.h"
#include "lint/target.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace landlockc::config {

/// The configuration file's name.
inline constexpr llvm::StringLiteral kFileName = ".landlockc.toml";

/// What one `.landlockc.toml` says. A key the file leaves out is empty (or nullopt), so the
/// caller's default stands.
struct Config {
  /// The file this came from; empty for no file.
  std::string path;
  /// `targets = [...]`, as `--target`.
  std::optional<std::vector<lint::Target>> targets;
  /// `fail-on = "..."`, as `--fail-on`.
  std::optional<lint::FailOn> fail_on;
  /// `disable = [...]`, as `--disable`: rule ids, each known.
  std::optional<std::vector<std::string>> disable;
  /// `host = true|false`, as `--host`.
  std::optional<bool> host;
  /// `[severity]`: rule id to the severity its findings are reported with.
  std::map<std::string, diag::Severity> severity;
  /// `[sensitive-paths] extra = [...]`: more locations that hold secrets, normalized as policy
  /// paths are (`$HOME/x` as `${HOME}/x`).
  std::vector<std::string> extra_sensitive_paths;
};

/// Parses `text` as the configuration file `path`. Errors name the file, line and column:
/// `PATH:LINE:COLUMN: unknown key `fial-on` (did you mean `fail-on`?)`.
llvm::Expected<Config> Parse(llvm::StringRef text, llvm::StringRef path);

/// Reads and parses the configuration file `path`.
llvm::Expected<Config> Load(llvm::StringRef path);

/// The nearest `.landlockc.toml` in `directory` or one of its ancestors, or nullopt.
std::optional<std::string> Find(llvm::StringRef directory);

/// The configuration file that applies to the policy file `policy` (`-` for standard input, whose
/// search starts in the current directory): Find(its directory).
std::optional<std::string> FindFor(llvm::StringRef policy);

/// Load(FindFor(policy)), or an empty Config when there is no file.
llvm::Expected<Config> ForPolicy(llvm::StringRef policy);

}  // namespace landlockc::config

#endif  // LANDLOCKC_CONFIG_CONFIG_H_
