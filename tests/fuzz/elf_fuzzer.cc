// SPDX-License-Identifier: MIT
// Fuzzes the readers of what the dynamic loader reads (loader/elf_reader.h, loader/loader_cache.h),
// which the exec pre-flight and `landlockc-exec` run on any file they meet: any bytes parse or are
// refused, with no crash, out-of-bounds read or undefined behaviour, and every text they return
// lies inside the input. The linter's copy into strings (lint/elf_file.h) must agree.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lint/elf_file.h"
#include "loader/elf_reader.h"
#include "loader/loader_cache.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using landlockc::loader::Text;

// True when `text` lies inside the input and holds no NUL, as every text read from it does.
bool FromInput(const uint8_t* data, size_t size, Text text) {
  if (text.size == 0) return true;
  const auto* start = reinterpret_cast<const uint8_t*>(text.data);
  return start >= data && start <= data + size && text.size <= size_t(data + size - start) &&
         std::string(text.data, text.size).find('\0') == std::string::npos;
}

void CheckText(const uint8_t* data, size_t size, Text text, const char* what) {
  if (!FromInput(data, size, text)) landlockc::fuzz::Fail(what, std::string(text.data, text.size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landlockc::loader::ElfFacts elf;
  if (landlockc::loader::ParseElf(data, size, &elf) == nullptr) {
    CheckText(data, size, elf.interpreter, "an interpreter not from the input");
    CheckText(data, size, elf.soname, "a soname not from the input");
    CheckText(data, size, elf.rpath, "an RPATH not from the input");
    CheckText(data, size, elf.runpath, "a RUNPATH not from the input");
    if (elf.runpath.size != 0 && !elf.has_runpath)
      landlockc::fuzz::Fail("a RUNPATH without has_runpath");
    for (size_t i = 0; i < elf.needed_count; ++i)
      CheckText(data, size, landlockc::loader::NeededAt(elf, i), "a DT_NEEDED not from the input");
    llvm::Expected<landlockc::lint::ElfFile> copy =
        landlockc::lint::ParseElf(llvm::StringRef(reinterpret_cast<const char*>(data), size));
    if (!copy || copy->needed.size() != elf.needed_count)
      landlockc::fuzz::Fail("the linter's copy disagrees with the reader");
    if (!copy) llvm::consumeError(copy.takeError());
  }
  // Cache lookups of a common name, and of the one the input's last bytes spell.
  size_t tail = size < 16 ? size : 16;
  const Text names[] = {{"libc.so.6", 9},
                        {reinterpret_cast<const char*>(data) + size - tail, tail}};
  for (Text name : names) {
    landlockc::loader::CacheEntry entry;
    for (landlockc::loader::CacheMatches matches = landlockc::loader::FindInCache(data, size, name);
         landlockc::loader::NextCacheMatch(data, size, &matches, &entry);) {
      if (entry.name.size == 0 || entry.path.size == 0 || entry.path.data[0] != '/')
        landlockc::fuzz::Fail("a cache entry without a name or an absolute path");
      CheckText(data, size, entry.name, "a cache name not from the input");
      CheckText(data, size, entry.path, "a cache path not from the input");
    }
  }
  return 0;
}
