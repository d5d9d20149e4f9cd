// SPDX-License-Identifier: MIT
// Fuzzes the readers of what the dynamic loader reads, which the exec pre-flight runs on any file
// it meets (lint/elf_file.h, lint/loader_cache.h): any bytes parse or are refused, with no crash,
// out-of-bounds read or undefined behaviour, and what they return lies inside the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lint/elf_file.h"
#include "lint/loader_cache.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

// True when `text` is a run of bytes of `input` without a NUL, as every string read from it is.
bool FromInput(llvm::StringRef input, const std::string& text) {
  return text.find('\0') == std::string::npos && input.find(text) != llvm::StringRef::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef input(reinterpret_cast<const char*>(data), size);
  llvm::Expected<landlockc::lint::ElfFile> elf = landlockc::lint::ParseElf(input);
  if (elf) {
    for (const std::string& text : {elf->interpreter, elf->soname, elf->rpath, elf->runpath})
      if (!FromInput(input, text)) landlockc::fuzz::Fail("an ELF string not from the input", text);
    for (const std::string& name : elf->needed)
      if (!FromInput(input, name)) landlockc::fuzz::Fail("a DT_NEEDED not from the input", name);
    if (!elf->runpath.empty() && !elf->has_runpath)
      landlockc::fuzz::Fail("a RUNPATH without has_runpath");
  } else {
    llvm::consumeError(elf.takeError());
  }
  for (const landlockc::lint::LoaderCacheEntry& entry : landlockc::lint::ParseLoaderCache(input)) {
    if (entry.name.empty() || entry.path.empty() || entry.path.front() != '/')
      landlockc::fuzz::Fail("a cache entry without a name or an absolute path", entry.path);
    if (!FromInput(input, entry.name) || !FromInput(input, entry.path))
      landlockc::fuzz::Fail("a cache string not from the input", entry.name);
  }
  return 0;
}
