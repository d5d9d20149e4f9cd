// SPDX-License-Identifier: MIT
// What the kernel and the dynamic loader read from an ELF file to start a program: the ELF
// interpreter (PT_INTERP) and the dynamic section's library names and search paths. Reads any
// bytes without trusting them: a truncated or malformed file is an error, never a crash. Part of
// the loader library (loader/README.md): no heap, no exceptions, no C++ library; every text it
// returns points into the bytes it read.
#ifndef LANDLOCKC_LOADER_ELF_READER_H_
#define LANDLOCKC_LOADER_ELF_READER_H_

#include <stddef.h>
#include <stdint.h>

#include "loader/mapped_file.h"

namespace landlockc::loader {

/// A run of bytes of the input, without its NUL. Trivial, as every type here (a search's
/// state lives in zeroed static storage): `Text{}` is empty.
struct Text {
  const char* data;
  size_t size;
};

/// The start-up facts of one ELF file; valid while its bytes are. ParseElf zeroes it first.
struct ElfFacts {
  /// ELFCLASS32 or ELFCLASS64.
  unsigned char elf_class;
  /// e_machine (EM_X86_64, EM_AARCH64...): the loader only maps libraries of its own machine.
  uint16_t machine;
  /// PT_INTERP up to its first NUL, the loader the kernel maps for it; empty for none.
  Text interpreter;
  /// DT_SONAME; empty for none.
  Text soname;
  /// DT_RPATH and DT_RUNPATH, as written (colon-separated, `$ORIGIN` unexpanded).
  Text rpath;
  Text runpath;
  /// True when DT_RUNPATH is present, even empty: it then disables DT_RPATH.
  bool has_runpath;
  /// How many DT_NEEDED entries there are (NeededAt reads them).
  size_t needed_count;
  // Where NeededAt finds them: the dynamic entries and the string table, checked by ParseElf.
  const uint8_t* dynamic;
  size_t dynamic_size;
  Text strings;            // the string table from its first name on
  uint64_t strings_start;  // where `strings` starts in the table
};

/// True when `head` (the first `size` bytes of a file) starts with the ELF magic.
bool LooksLikeElf(const void* head, size_t size);

/// Parses the bytes of a whole ELF file of this machine's byte order into `facts`. Returns null,
/// or what is wrong ("the header is truncated"), a static string.
const char* ParseElf(const uint8_t* bytes, size_t size, ElfFacts* facts);

/// The fixed buffer ReadElf reads the parts of a file it needs into.
struct ElfFileBuffer {
  uint8_t bytes[64 * 1024];
};

/// What ReadElf returns when those parts do not fit its buffer (a string table of tens of
/// thousands of C++ symbols): no fault of the file.
extern const char kElfTooLarge[];

/// Reads the start-up facts of the file open as `fd` (`size` bytes) as ParseElf does, but with
/// pread, only the parts it needs (headers, PT_INTERP, dynamic section, string table), into
/// `buffer`: cheaper than mapping a file for a few pages. The texts of `facts` point into `buffer`.
/// Returns null, kElfTooLarge, or what is wrong.
const char* ReadElf(int fd, uint64_t size, ElfFileBuffer* buffer, ElfFacts* facts);

/// A file read by ReadElfFile: what its facts point into.
struct ElfFile {
  ElfFileBuffer buffer;
  MappedFile mapping;  // when the file was too large for the buffer
};

/// Opens the regular file at `path` and reads its facts with ReadElf, or maps it when they do not
/// fit the buffer. The facts are valid until the next ReadElfFile or CloseElfFile on `file`.
/// Returns null or what is wrong (the file cannot be opened, is not ELF...).
const char* ReadElfFile(const char* path, ElfFile* file, ElfFacts* facts);

/// Releases what ReadElfFile mapped, if anything.
void CloseElfFile(ElfFile* file);

/// The `index`th DT_NEEDED name (index < facts.needed_count) of a file ParseElf accepted.
Text NeededAt(const ElfFacts& facts, size_t index);

}  // namespace landlockc::loader

#endif  // LANDLOCKC_LOADER_ELF_READER_H_
