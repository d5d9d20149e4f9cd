// SPDX-License-Identifier: MIT
// Fuzzes the front end (tokens, parse, includes, check, diagnostics rendering, code generation)
// with policy source. The input is one or more files: the main policy, then after each line
// `##file NAME` the file /fuzz/NAME, which the policy can include (`include "NAME";`); a line so
// marked is a comment, so a plain policy is an input too. The standard library is there as well.
// Every input must end in a model or in diagnostics, never in a crash, a hang or a sanitizer
// report.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "llvm/Support/MemoryBuffer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef input(reinterpret_cast<const char*>(data), size);
  constexpr llvm::StringRef kMarker = "\n##file ";
  auto files = landlockc::fuzz::NewFileSystem();
  llvm::StringRef main = input.substr(0, input.find(kMarker));
  llvm::StringRef rest = input.substr(main.size());
  while (rest.consume_front(kMarker)) {
    auto [name, after] = rest.split('\n');
    size_t end = after.find(kMarker);
    llvm::StringRef text = after.substr(0, end);
    rest = after.substr(text.size());
    // Names that are not a plain relative path are left out (the in-memory file system would
    // treat `..` or a root as paths outside /fuzz).
    if (name.empty() || name.contains('\0')) continue;
    files->addFile(llvm::Twine("/fuzz/") + name, 0,
                   llvm::MemoryBuffer::getMemBufferCopy(text, name));
  }
  landlockc::fuzz::CompileText(main, files);
  return 0;
}
