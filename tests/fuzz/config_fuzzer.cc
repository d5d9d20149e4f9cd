// SPDX-License-Identifier: MIT
// Fuzzes the `.landlockc.toml` reader (config/config.h, toml++ through config/toml_text.h), which
// reads a file from anyone's source tree: any bytes end in a configuration or in one error naming
// the file, a line of the input and a column (`PATH:LINE:COLUMN: message`), never in a crash, a
// hang or a sanitizer report. A configuration read is one the linter takes: every rule id known,
// every sensitive path absolute or starting with a variable.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "lint/linter.h"
#include "llvm/ADT/StringExtras.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using landlockc::fuzz::Fail;

constexpr llvm::StringLiteral kPath = "/src/.landlockc.toml";

// `PATH:LINE:COLUMN: message`, with LINE within the text (or just past its end) and COLUMN >= 1.
void CheckError(llvm::StringRef text, const std::string& error) {
  llvm::StringRef rest(error);
  if (!rest.consume_front(kPath) || !rest.consume_front(":"))
    Fail("an error that does not name the file", error);
  unsigned line = 0, column = 0;
  if (rest.consumeInteger(10, line) || !rest.consume_front(":") ||
      rest.consumeInteger(10, column) || !rest.consume_front(": ") || rest.empty())
    Fail("an error without a line and a column", error);
  if (line < 1 || line > text.count('\n') + 2 || column < 1)
    Fail("an error at a place outside the text", error);
}

void CheckConfig(const landlockc::config::Config& config) {
  if (config.path != kPath) Fail("a configuration of another file", config.path);
  if (config.disable)
    if (llvm::Error error = landlockc::lint::ValidateRuleIds(*config.disable))
      Fail("an unknown rule id disabled", llvm::toString(std::move(error)));
  for (const auto& [id, severity] : config.severity)
    if (llvm::Error error = landlockc::lint::ValidateRuleIds({id}))
      Fail("a severity for an unknown rule id", llvm::toString(std::move(error)));
  for (const std::string& path : config.extra_sensitive_paths)
    if (path.empty() || (path.front() != '/' && path.front() != '$'))
      Fail("a sensitive path neither absolute nor starting with a variable", path);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char*>(data), size);
  llvm::Expected<landlockc::config::Config> config = landlockc::config::Parse(text, kPath);
  if (config)
    CheckConfig(*config);
  else
    CheckError(text, llvm::toString(config.takeError()));
  return 0;
}
