// SPDX-License-Identifier: MIT
// Fuzzes the round trips with policy source: for any policy that compiles,
//  - `inspect` then compile gives the same blob (BlobToSource is what `inspect` prints), and
//  - `fmt` then compile gives the same blob, and formatting the formatted text changes nothing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/codegen/decode.h"
#include "compiler/format/formatter.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

std::string Show(const std::string& source, const std::string& other) {
  return "source:\n" + source + "\n---- became:\n" + other;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using landlockc::fuzz::CompileText;
  using landlockc::fuzz::Fail;
  std::string source(reinterpret_cast<const char*>(data), size);
  std::optional<std::vector<uint8_t>> blob = CompileText(source);
  if (!blob) return 0;

  llvm::Expected<std::string> inspected = landlockc::codegen::BlobToSource(*blob);
  if (!inspected) Fail("a compiled blob does not decode", llvm::toString(inspected.takeError()));
  if (CompileText(*inspected) != blob)
    Fail("inspect then compile changed the blob", Show(source, *inspected));

  std::string formatted = landlockc::format::FormatPolicy(source);
  if (CompileText(formatted) != blob)
    Fail("fmt then compile changed the blob", Show(source, formatted));
  if (landlockc::format::FormatPolicy(formatted) != formatted)
    Fail("fmt is not idempotent", Show(source, formatted));
  return 0;
}
