// SPDX-License-Identifier: MIT
// Fuzzes convert's landlockconfig reader (convert/read_landlockconfig.h): every input is read as
// JSON and as TOML, as `landlockc convert` reads a file of either syntax. Bad documents must end in
// diagnostics, never in a crash, a hang or a sanitizer report; a document read without error must
// have reported none, and one refused must have reported at least one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "compiler/diag/diagnostics.h"
#include "convert/read_landlockconfig.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

namespace {

void Read(llvm::StringRef text, landlockc::convert::Syntax syntax) {
  llvm::SourceMgr source_mgr;
  unsigned buffer_id = source_mgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "input"), llvm::SMLoc());
  landlockc::diag::DiagnosticEngine diags(source_mgr);
  std::optional<landlockc::convert::Document> document =
      landlockc::convert::ReadLandlockconfig(buffer_id, syntax, diags);
  if (document.has_value() == (diags.error_count() != 0)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char*>(data), size);
  Read(text, landlockc::convert::Syntax::kJson);
  Read(text, landlockc::convert::Syntax::kToml);
  return 0;
}
