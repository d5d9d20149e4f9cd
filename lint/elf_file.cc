// SPDX-License-Identifier: MIT
#include "lint/elf_file.h"

#include <elf.h>

#include <cstring>
#include <memory>
#include <optional>

#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::lint {
namespace {

// The longest PT_INTERP the kernel accepts (it refuses longer ones with ENOEXEC).
constexpr uint64_t kMaxInterpreterLength = 4096;

llvm::Error Malformed(const char* what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "malformed ELF file: %s", what);
}

// Copies the `T` at `offset` of `bytes`; false when it does not lie wholly inside.
template <typename T>
bool ReadAt(llvm::StringRef bytes, uint64_t offset, T& out) {
  if (offset > bytes.size() || bytes.size() - offset < sizeof(T)) return false;
  std::memcpy(&out, bytes.data() + offset, sizeof(T));
  return true;
}

// The NUL-terminated string at `offset` of `table`, or nullopt when it runs past the end.
std::optional<std::string> StringAt(llvm::StringRef table, uint64_t offset) {
  if (offset >= table.size()) return std::nullopt;
  llvm::StringRef rest = table.drop_front(offset);
  size_t end = rest.find('\0');
  if (end == llvm::StringRef::npos) return std::nullopt;
  return rest.take_front(end).str();
}

template <typename Ehdr, typename Phdr, typename Dyn>
llvm::Expected<ElfFile> ParseClass(llvm::StringRef bytes) {
  Ehdr header;
  if (!ReadAt(bytes, 0, header)) return Malformed("the header is truncated");
  ElfFile file;
  file.elf_class = header.e_ident[EI_CLASS];
  file.machine = header.e_machine;
  if (header.e_phnum == 0) return file;
  if (header.e_phentsize != sizeof(Phdr)) return Malformed("unexpected program header size");
  std::vector<Phdr> segments(header.e_phnum);
  for (size_t i = 0; i < segments.size(); ++i)
    if (!ReadAt(bytes, header.e_phoff + uint64_t{i} * sizeof(Phdr), segments[i]))
      return Malformed("the program headers lie outside the file");

  const Phdr* dynamic = nullptr;
  for (const Phdr& segment : segments) {
    if (segment.p_type == PT_DYNAMIC) dynamic = &segment;
    if (segment.p_type != PT_INTERP) continue;
    if (segment.p_filesz == 0 || segment.p_filesz > kMaxInterpreterLength ||
        segment.p_offset > bytes.size() || bytes.size() - segment.p_offset < segment.p_filesz)
      return Malformed("PT_INTERP lies outside the file");
    llvm::StringRef path = bytes.substr(segment.p_offset, segment.p_filesz);
    file.interpreter = path.take_until([](char c) { return c == '\0'; }).str();
  }
  if (dynamic == nullptr) return file;

  // Dynamic entries name strings by virtual address: find the file offset through PT_LOAD.
  auto file_offset = [&](uint64_t address) -> std::optional<uint64_t> {
    for (const Phdr& segment : segments)
      if (segment.p_type == PT_LOAD && address >= segment.p_vaddr &&
          address - segment.p_vaddr < segment.p_filesz)
        return address - segment.p_vaddr + segment.p_offset;
    return std::nullopt;
  };
  std::vector<std::pair<int64_t, uint64_t>> entries;
  uint64_t string_table = 0, string_table_size = 0;
  bool has_string_table = false;
  for (uint64_t at = 0; at + sizeof(Dyn) <= dynamic->p_filesz; at += sizeof(Dyn)) {
    Dyn entry;
    if (!ReadAt(bytes, dynamic->p_offset + at, entry))
      return Malformed("the dynamic section lies outside the file");
    if (entry.d_tag == DT_NULL) break;
    if (entry.d_tag == DT_STRTAB) {
      has_string_table = true;
      string_table = entry.d_un.d_ptr;
    } else if (entry.d_tag == DT_STRSZ) {
      string_table_size = entry.d_un.d_val;
    } else {
      entries.emplace_back(entry.d_tag, entry.d_un.d_val);
    }
  }
  bool names_strings = false;
  for (const auto& [tag, value] : entries)
    names_strings |= tag == DT_NEEDED || tag == DT_SONAME || tag == DT_RPATH || tag == DT_RUNPATH;
  if (!names_strings) return file;
  std::optional<uint64_t> table_offset = file_offset(string_table);
  if (!has_string_table || !table_offset || *table_offset > bytes.size())
    return Malformed("the dynamic string table lies outside the file");
  llvm::StringRef table = bytes.substr(*table_offset, string_table_size);
  for (const auto& [tag, value] : entries) {
    if (tag != DT_NEEDED && tag != DT_SONAME && tag != DT_RPATH && tag != DT_RUNPATH) continue;
    std::optional<std::string> text = StringAt(table, value);
    if (!text) return Malformed("a dynamic entry's name lies outside the string table");
    if (tag == DT_NEEDED) file.needed.push_back(std::move(*text));
    if (tag == DT_SONAME) file.soname = std::move(*text);
    if (tag == DT_RPATH) file.rpath = std::move(*text);
    if (tag == DT_RUNPATH) {
      file.runpath = std::move(*text);
      file.has_runpath = true;
    }
  }
  return file;
}

}  // namespace

bool LooksLikeElf(llvm::StringRef head) {
  return head.startswith(llvm::StringRef(ELFMAG, SELFMAG));
}

llvm::Expected<ElfFile> ParseElf(llvm::StringRef bytes) {
  if (bytes.size() < EI_NIDENT || !LooksLikeElf(bytes)) return Malformed("no ELF header");
  unsigned char native = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
  if (static_cast<unsigned char>(bytes[EI_DATA]) != native)
    return Malformed("the byte order is not this machine's");
  switch (bytes[EI_CLASS]) {
    case ELFCLASS64:
      return ParseClass<Elf64_Ehdr, Elf64_Phdr, Elf64_Dyn>(bytes);
    case ELFCLASS32:
      return ParseClass<Elf32_Ehdr, Elf32_Phdr, Elf32_Dyn>(bytes);
    default:
      return Malformed("unknown ELF class");
  }
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
