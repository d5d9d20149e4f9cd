// SPDX-License-Identifier: MIT
#include "loader/elf_reader.h"

#include <elf.h>
#include <string.h>

namespace landlockc::loader {
namespace {

// The longest PT_INTERP the kernel accepts (it refuses longer ones with ENOEXEC).
constexpr uint64_t kMaxInterpreterLength = 4096;

// Copies the `T` at `offset` of the input; false when it does not lie wholly inside.
template <typename T>
bool ReadAt(const uint8_t* bytes, size_t size, uint64_t offset, T& out) {
  if (offset > size || size - offset < sizeof(T)) return false;
  memcpy(&out, bytes + offset, sizeof(T));
  return true;
}

// The NUL-terminated string at `offset` of `table`; false when it runs past the end.
bool StringAt(Text table, uint64_t offset, Text& out) {
  if (offset >= table.size) return false;
  const void* end = memchr(table.data + offset, '\0', table.size - offset);
  if (end == nullptr) return false;
  out = {table.data + offset, static_cast<size_t>(static_cast<const char*>(end) - table.data) -
                                  static_cast<size_t>(offset)};
  return true;
}

bool NamesString(int64_t tag) {
  return tag == DT_NEEDED || tag == DT_SONAME || tag == DT_RPATH || tag == DT_RUNPATH;
}

// The file offset of virtual `address`, through the PT_LOAD that maps it; false for none.
template <typename Ehdr, typename Phdr>
bool FileOffset(const uint8_t* bytes, size_t size, const Ehdr& header, uint64_t address,
                uint64_t& offset) {
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    Phdr segment;
    ReadAt(bytes, size, header.e_phoff + uint64_t{i} * sizeof(Phdr), segment);  // checked
    if (segment.p_type == PT_LOAD && address >= segment.p_vaddr &&
        address - segment.p_vaddr < segment.p_filesz) {
      offset = address - segment.p_vaddr + segment.p_offset;
      return true;
    }
  }
  return false;
}

template <typename Ehdr, typename Phdr, typename Dyn>
const char* ParseClass(const uint8_t* bytes, size_t size, ElfFacts& facts) {
  Ehdr header;
  if (!ReadAt(bytes, size, 0, header)) return "the header is truncated";
  facts.elf_class = header.e_ident[EI_CLASS];
  facts.machine = header.e_machine;
  if (header.e_phnum == 0) return nullptr;
  if (header.e_phentsize != sizeof(Phdr)) return "unexpected program header size";
  Phdr dynamic{};
  bool has_dynamic = false;
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    Phdr segment;
    if (!ReadAt(bytes, size, header.e_phoff + uint64_t{i} * sizeof(Phdr), segment))
      return "the program headers lie outside the file";
    if (segment.p_type == PT_DYNAMIC) {
      dynamic = segment;
      has_dynamic = true;
    }
    if (segment.p_type != PT_INTERP) continue;
    if (segment.p_filesz == 0 || segment.p_filesz > kMaxInterpreterLength ||
        segment.p_offset > size || size - segment.p_offset < segment.p_filesz)
      return "PT_INTERP lies outside the file";
    const char* path = reinterpret_cast<const char*>(bytes) + segment.p_offset;
    facts.interpreter = {path, strnlen(path, segment.p_filesz)};
  }
  if (!has_dynamic) return nullptr;

  // The entries up to DT_NULL, each inside the file; dynamic entries name strings by virtual
  // address, so the string table is found through PT_LOAD.
  uint64_t string_table = 0, string_table_size = 0, count = 0;
  bool has_string_table = false, names_strings = false;
  for (uint64_t at = 0; at + sizeof(Dyn) <= dynamic.p_filesz; at += sizeof(Dyn), ++count) {
    Dyn entry;
    if (!ReadAt(bytes, size, dynamic.p_offset + at, entry))
      return "the dynamic section lies outside the file";
    if (entry.d_tag == DT_NULL) break;
    if (entry.d_tag == DT_STRTAB) {
      has_string_table = true;
      string_table = entry.d_un.d_ptr;
    } else if (entry.d_tag == DT_STRSZ) {
      string_table_size = entry.d_un.d_val;
    }
    names_strings |= NamesString(entry.d_tag);
  }
  if (!names_strings) return nullptr;
  uint64_t table_offset = 0;
  if (!has_string_table ||
      !FileOffset<Ehdr, Phdr>(bytes, size, header, string_table, table_offset) ||
      table_offset > size)
    return "the dynamic string table lies outside the file";
  Text table{reinterpret_cast<const char*>(bytes) + table_offset,
             static_cast<size_t>(string_table_size < size - table_offset ? string_table_size
                                                                         : size - table_offset)};
  facts.dynamic = bytes + dynamic.p_offset;
  facts.dynamic_size = count * sizeof(Dyn);
  facts.strings = table;
  for (uint64_t at = 0; at < facts.dynamic_size; at += sizeof(Dyn)) {
    Dyn entry;
    memcpy(&entry, facts.dynamic + at, sizeof entry);
    if (!NamesString(entry.d_tag)) continue;
    Text text;
    if (!StringAt(table, entry.d_un.d_val, text))
      return "a dynamic entry's name lies outside the string table";
    if (entry.d_tag == DT_NEEDED) ++facts.needed_count;
    if (entry.d_tag == DT_SONAME) facts.soname = text;
    if (entry.d_tag == DT_RPATH) facts.rpath = text;
    if (entry.d_tag == DT_RUNPATH) {
      facts.runpath = text;
      facts.has_runpath = true;
    }
  }
  return nullptr;
}

template <typename Dyn>
Text NeededIn(const ElfFacts& facts, size_t index) {
  Text text{};
  for (uint64_t at = 0; at < facts.dynamic_size; at += sizeof(Dyn)) {
    Dyn entry;
    memcpy(&entry, facts.dynamic + at, sizeof entry);
    if (entry.d_tag != DT_NEEDED || index-- != 0) continue;
    StringAt(facts.strings, entry.d_un.d_val, text);  // ParseElf checked it
    break;
  }
  return text;
}

}  // namespace

bool LooksLikeElf(const void* head, size_t size) {
  return size >= SELFMAG && memcmp(head, ELFMAG, SELFMAG) == 0;
}

const char* ParseElf(const uint8_t* bytes, size_t size, ElfFacts* facts) {
  *facts = ElfFacts{};
  if (size < EI_NIDENT || !LooksLikeElf(bytes, size)) return "no ELF header";
  unsigned char native = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
  if (bytes[EI_DATA] != native) return "the byte order is not this machine's";
  switch (bytes[EI_CLASS]) {
    case ELFCLASS64:
      return ParseClass<Elf64_Ehdr, Elf64_Phdr, Elf64_Dyn>(bytes, size, *facts);
    case ELFCLASS32:
      return ParseClass<Elf32_Ehdr, Elf32_Phdr, Elf32_Dyn>(bytes, size, *facts);
    default:
      return "unknown ELF class";
  }
}

Text NeededAt(const ElfFacts& facts, size_t index) {
  return facts.elf_class == ELFCLASS64 ? NeededIn<Elf64_Dyn>(facts, index)
                                       : NeededIn<Elf32_Dyn>(facts, index);
}

}  // namespace landlockc::loader
