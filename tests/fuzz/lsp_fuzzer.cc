// SPDX-License-Identifier: MIT
// Fuzzes the language server's message handling: the input is what an editor writes to
// `landlockc lsp` after `initialize` (framed messages, or anything else), served whole. Every
// input must end in answers and errors, never in a crash, a hang or a sanitizer report. Documents
// are served from their `file:` URIs, so a session may open, edit, include and ask about them.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lsp/lsp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string kInitialize =
      "Content-Length: 58\r\n\r\n"
      R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{}})";
  std::istringstream in(kInitialize + std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  // The standard library of the source tree, for `include "std/..."`.
  landlockc::lsp::Serve(in, out, {{}, LANDLOCKC_SOURCE_DIR});
  return 0;
}
