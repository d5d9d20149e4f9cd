// SPDX-License-Identifier: MIT
#include "lint/elf_file.h"

#include <memory>

#include "llvm/Support/MemoryBuffer.h"
#include "loader/elf_reader.h"

namespace landlockc::lint {
namespace {

std::string Str(loader::Text text) { return std::string(text.data, text.size); }

}  // namespace

bool LooksLikeElf(llvm::StringRef head) { return loader::LooksLikeElf(head.data(), head.size()); }

llvm::Expected<ElfFile> ParseElf(llvm::StringRef bytes) {
  loader::ElfFacts facts;
  if (const char* problem =
          loader::ParseElf(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &facts))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "malformed ELF file: %s",
                                   problem);
  ElfFile file;
  file.elf_class = facts.elf_class;
  file.machine = facts.machine;
  file.interpreter = Str(facts.interpreter);
  for (size_t i = 0; i < facts.needed_count; ++i)
    file.needed.push_back(Str(loader::NeededAt(facts, i)));
  file.soname = Str(facts.soname);
  file.rpath = Str(facts.rpath);
  file.runpath = Str(facts.runpath);
  file.has_runpath = facts.has_runpath;
  return file;
}
llvm::Expected<ElfFile> ReadElf(const std::string& path) {
  // Mapped, not read: a library can be hundreds of megabytes and only its headers are needed.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read `%s`: %s", path.c_str(),
                                   buffer.getError().message().c_str());
  llvm::Expected<ElfFile> file = ParseElf((*buffer)->getBuffer());
  if (!file)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "`%s`: %s", path.c_str(),
                                   llvm::toString(file.takeError()).c_str());
  return file;
}

}  // namespace landlockc::lint
