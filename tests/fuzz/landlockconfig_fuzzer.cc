// SPDX-License-Identifier: MIT
// Fuzzes `convert`'s landlockconfig reader (JSON or TOML, told apart by content as the tool does)
// and what follows it. Every input must end in a document or in diagnostics, never in a crash, a
// hang or a sanitizer report; and a document that converts must give landlockconfig JSON that
// reads back and converts to the same source, and (when it is ASCII: the compiler refuses
// deceptive characters in paths) source that compiles.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "convert/convert.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using landlockc::convert::Form;
using landlockc::convert::Target;

// Converts landlockconfig `text` to `target` (diagnostics rendered to nowhere).
std::optional<std::string> Convert(llvm::StringRef text, Target target) {
  Form form = landlockc::convert::DetectForm(text);
  if (form == Form::kPolicySource) form = Form::kLandlockconfigToml;
  llvm::SourceMgr sources;
  unsigned buffer =
      sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz"), {});
  landlockc::diag::DiagnosticEngine diags(sources);
  std::optional<std::string> output =
      landlockc::convert::ConvertLandlockconfig(buffer, form, target, /*lossy=*/true, diags);
  diags.Render(llvm::nulls(), /*colors=*/false);
  return output;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef input(reinterpret_cast<const char*>(data), size);
  std::optional<std::string> source = Convert(input, Target::kLandlock);
  if (!source) return 0;
  bool ascii = llvm::all_of(input, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii && !landlockc::fuzz::CompileText(*source))
    landlockc::fuzz::Fail("converted landlockconfig does not compile", *source);
  std::optional<std::string> json = Convert(input, Target::kLandlockconfigJson);
  if (!json) landlockc::fuzz::Fail("landlockconfig converts to source but not to JSON");
  std::optional<std::string> again = Convert(*json, Target::kLandlock);
  if (again != source)
    landlockc::fuzz::Fail("landlockconfig JSON written by convert converts differently", *json);
  return 0;
}
