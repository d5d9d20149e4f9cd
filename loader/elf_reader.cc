// SPDX-License-Identifier: MIT
#include "loader/elf_reader.h"

#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

namespace landlockc::loader {
namespace {

// The longest PT_INTERP the kernel accepts (it refuses longer ones with ENOEXEC).
constexpr uint64_t kMaxInterpreterLength = 4096;

// A whole file in memory.
struct MemorySource {
  const uint8_t* bytes;
  size_t size;

  uint64_t Size() const { return size; }
  // Where to stop reading a string table of `table_size` bytes whose names start between `first`
  // and `last`: at its end.
  uint64_t StringsEnd(uint64_t, uint64_t, uint64_t table_size) const { return table_size; }
  bool StringsCut() const { return false; }
  // The `length` bytes at `offset`; null when they do not lie wholly inside.
  const uint8_t* At(uint64_t offset, uint64_t length) const {
    if (offset > size || size - offset < length) return nullptr;
    return bytes + offset;
  }
};

// A file read in pieces with pread, into windows of a fixed buffer (ReadElf). Each piece read
// fills a window from its offset (kWindow bytes for the first, a quarter of that for the others,
// or the piece if larger), so that the reads that follow it (the next program header, the next
// dynamic entry) cost no system call.
struct FileSource {
  static constexpr uint64_t kWindow = 4096;
  static constexpr int kMaxWindows = 8;
  struct Window {
    uint64_t offset;
    uint64_t length;
    const uint8_t* data;
  };
  int fd;
  uint64_t size;
  ElfFileBuffer* buffer;
  size_t used = 0;
  Window windows[kMaxWindows] = {};
  int window_count = 0;
  bool too_large = false;  // a piece did not fit the buffer: not a fault of the file
  bool failed = false;     // pread failed

  uint64_t Size() const { return size; }
  // A string table can be large (C++ symbols) while the names the loader reads are a few, close
  // together: the table is read from the first up to a window past the last. A name running past
  // that cut is left to the mapped file (too_large).
  uint64_t StringsEnd(uint64_t first, uint64_t last, uint64_t table_size) {
    uint64_t end = table_size - first <= 4 * kWindow || last >= table_size - kWindow
                       ? table_size
                       : last + kWindow;
    strings_cut = end < table_size;
    return end;
  }
  bool StringsCut() {
    too_large |= strings_cut;
    return strings_cut;
  }
  bool strings_cut = false;
  const uint8_t* At(uint64_t offset, uint64_t length) {
    if (offset > size || size - offset < length) return nullptr;
    for (int i = 0; i < window_count; ++i) {
      const Window& window = windows[i];
      if (offset >= window.offset && offset - window.offset <= window.length &&
          window.length - (offset - window.offset) >= length)
        return window.data + (offset - window.offset);
    }
    // The first window, at the start, holds the headers (and often a small program's strings);
    // the others (PT_INTERP, the dynamic section, the names) need less: each page of the buffer
    // first written costs a page fault.
    uint64_t window = window_count == 0 ? kWindow : kWindow / 4;
    uint64_t wanted = length > window ? length : window;
    if (wanted > size - offset) wanted = size - offset;
    if (window_count == kMaxWindows || wanted > sizeof buffer->bytes - used) {
      too_large = true;
      return nullptr;
    }
    uint8_t* data = buffer->bytes + used;
    for (uint64_t done = 0; done < wanted;) {
      ssize_t got = pread(fd, data + done, wanted - done, static_cast<off_t>(offset + done));
      if (got <= 0) {
        failed = true;
        return nullptr;
      }
      done += static_cast<uint64_t>(got);
    }
    used += wanted;
    windows[window_count++] = {offset, wanted, data};
    return data;
  }
};

// Copies the `T` at `offset` of the input; false when it does not lie wholly inside.
template <typename T, typename Source>
bool ReadAt(Source& source, uint64_t offset, T& out) {
  const uint8_t* bytes = source.At(offset, sizeof(T));
  if (bytes == nullptr) return false;
  memcpy(&out, bytes, sizeof(T));
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
template <typename Ehdr, typename Phdr, typename Source>
bool FileOffset(Source& source, const Ehdr& header, uint64_t address, uint64_t& offset) {
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    Phdr segment;
    ReadAt(source, header.e_phoff + uint64_t{i} * sizeof(Phdr), segment);  // checked
    if (segment.p_type == PT_LOAD && address >= segment.p_vaddr &&
        address - segment.p_vaddr < segment.p_filesz) {
      offset = address - segment.p_vaddr + segment.p_offset;
      return true;
    }
  }
  return false;
}

template <typename Ehdr, typename Phdr, typename Dyn, typename Source>
const char* ParseClass(Source& source, ElfFacts& facts) {
  Ehdr header;
  if (!ReadAt(source, 0, header)) return "the header is truncated";
  facts.elf_class = header.e_ident[EI_CLASS];
  facts.machine = header.e_machine;
  if (header.e_phnum == 0) return nullptr;
  if (header.e_phentsize != sizeof(Phdr)) return "unexpected program header size";
  uint64_t size = source.Size();
  Phdr dynamic{};
  bool has_dynamic = false;
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    Phdr segment;
    if (!ReadAt(source, header.e_phoff + uint64_t{i} * sizeof(Phdr), segment))
      return "the program headers lie outside the file";
    if (segment.p_type == PT_DYNAMIC) {
      dynamic = segment;
      has_dynamic = true;
    }
    if (segment.p_type != PT_INTERP) continue;
    if (segment.p_filesz == 0 || segment.p_filesz > kMaxInterpreterLength ||
        segment.p_offset > size || size - segment.p_offset < segment.p_filesz)
      return "PT_INTERP lies outside the file";
    const char* path = reinterpret_cast<const char*>(source.At(segment.p_offset, segment.p_filesz));
    if (path == nullptr) return "PT_INTERP lies outside the file";
    facts.interpreter = {path, strnlen(path, segment.p_filesz)};
  }
  if (!has_dynamic) return nullptr;

  // The entries up to DT_NULL, each inside the file; dynamic entries name strings by virtual
  // address, so the string table is found through PT_LOAD.
  uint64_t string_table = 0, string_table_size = 0, count = 0;
  uint64_t first_name = UINT64_MAX, last_name = 0;  // where the names start in the table
  bool has_string_table = false, names_strings = false;
  for (uint64_t at = 0; at + sizeof(Dyn) <= dynamic.p_filesz; at += sizeof(Dyn), ++count) {
    Dyn entry;
    if (!ReadAt(source, dynamic.p_offset + at, entry))
      return "the dynamic section lies outside the file";
    if (entry.d_tag == DT_NULL) break;
    if (entry.d_tag == DT_STRTAB) {
      has_string_table = true;
      string_table = entry.d_un.d_ptr;
    } else if (entry.d_tag == DT_STRSZ) {
      string_table_size = entry.d_un.d_val;
    }
    if (NamesString(entry.d_tag)) {
      names_strings = true;
      if (entry.d_un.d_val < first_name) first_name = entry.d_un.d_val;
      if (entry.d_un.d_val > last_name) last_name = entry.d_un.d_val;
    }
  }
  if (!names_strings) return nullptr;
  uint64_t table_offset = 0;
  if (!has_string_table || !FileOffset<Ehdr, Phdr>(source, header, string_table, table_offset) ||
      table_offset > size)
    return "the dynamic string table lies outside the file";
  uint64_t table_size =
      string_table_size < size - table_offset ? string_table_size : size - table_offset;
  if (first_name >= table_size) return "a dynamic entry's name lies outside the string table";
  // Only the part of the table from the first name on is read (StringAt counts from there).
  uint64_t strings_end = source.StringsEnd(first_name, last_name, table_size);
  const uint8_t* table_bytes = source.At(table_offset + first_name, strings_end - first_name);
  facts.dynamic = source.At(dynamic.p_offset, count * sizeof(Dyn));
  if (table_bytes == nullptr || facts.dynamic == nullptr) return "the file cannot be read";
  Text table{reinterpret_cast<const char*>(table_bytes),
             static_cast<size_t>(strings_end - first_name)};
  facts.dynamic_size = count * sizeof(Dyn);
  facts.strings = table;
  facts.strings_start = first_name;
  for (uint64_t at = 0; at < facts.dynamic_size; at += sizeof(Dyn)) {
    Dyn entry;
    memcpy(&entry, facts.dynamic + at, sizeof entry);
    if (!NamesString(entry.d_tag)) continue;
    Text text;
    if (!StringAt(table, entry.d_un.d_val - first_name, text))
      return source.StringsCut() ? kElfTooLarge
                                 : "a dynamic entry's name lies outside the string table";
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
    StringAt(facts.strings, entry.d_un.d_val - facts.strings_start, text);  // ParseElf checked it
    break;
  }
  return text;
}

// `head`: the first `size` bytes (at least EI_NIDENT) of the file `source` reads.
template <typename Source>
const char* ParseSource(Source& source, const uint8_t* head, uint64_t size, ElfFacts& facts) {
  if (size < EI_NIDENT || !LooksLikeElf(head, size)) return "no ELF header";
  unsigned char native = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
  if (head[EI_DATA] != native) return "the byte order is not this machine's";
  switch (head[EI_CLASS]) {
    case ELFCLASS64:
      return ParseClass<Elf64_Ehdr, Elf64_Phdr, Elf64_Dyn>(source, facts);
    case ELFCLASS32:
      return ParseClass<Elf32_Ehdr, Elf32_Phdr, Elf32_Dyn>(source, facts);
    default:
      return "unknown ELF class";
  }
}

}  // namespace

bool LooksLikeElf(const void* head, size_t size) {
  return size >= SELFMAG && memcmp(head, ELFMAG, SELFMAG) == 0;
}

const char* ParseElf(const uint8_t* bytes, size_t size, ElfFacts* facts) {
  *facts = ElfFacts{};
  MemorySource source{bytes, size};
  return ParseSource(source, bytes, size, *facts);
}

const char kElfTooLarge[] = "the parts the loader reads do not fit the buffer";

const char* ReadElf(int fd, uint64_t size, ElfFileBuffer* buffer, ElfFacts* facts) {
  *facts = ElfFacts{};
  FileSource source{fd, size, buffer};
  const uint8_t* head = source.At(0, size < EI_NIDENT ? size : EI_NIDENT);
  if (head == nullptr) return source.too_large ? kElfTooLarge : "the file cannot be read";
  const char* error = ParseSource(source, head, size, *facts);
  if (source.too_large) return kElfTooLarge;
  if (source.failed) return "the file cannot be read";
  return error;
}

const char* ReadElfFile(const char* path, ElfFile* file, ElfFacts* facts) {
  Unmap(file->mapping);
  file->mapping = {};
  *facts = ElfFacts{};
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "the file cannot be opened";
  struct stat status;
  const char* error = "not a regular, non-empty file";
  if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    error = ReadElf(fd, static_cast<uint64_t>(status.st_size), &file->buffer, facts);
    if (error == kElfTooLarge) {
      // Rare (a huge string table, as C++ libraries have): the file is mapped instead.
      error = "the file cannot be mapped";
      if (MapOpenFile(fd, static_cast<size_t>(status.st_size), &file->mapping))
        error = ParseElf(file->mapping.bytes, file->mapping.size, facts);
    }
  }
  close(fd);
  return error;
}

void CloseElfFile(ElfFile* file) {
  Unmap(file->mapping);
  file->mapping = {};
}

Text NeededAt(const ElfFacts& facts, size_t index) {
  return facts.elf_class == ELFCLASS64 ? NeededIn<Elf64_Dyn>(facts, index)
                                       : NeededIn<Elf32_Dyn>(facts, index);
}

}  // namespace landlockc::loader
