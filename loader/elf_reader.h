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
  Text strings;
};

/// True when `head` (the first `size` bytes of a file) starts with the ELF magic.
bool LooksLikeElf(const void* head, size_t size);

/// Parses the bytes of a whole ELF file of this machine's byte order into `facts`. Returns null,
/// or what is wrong ("the header is truncated"), a static string.
const char* ParseElf(const uint8_t* bytes, size_t size, ElfFacts* facts);

/// The `index`th DT_NEEDED name (index < facts.needed_count) of a file ParseElf accepted.
Text NeededAt(const ElfFacts& facts, size_t index);

}  // namespace landlockc::loader

#endif  // LANDLOCKC_LOADER_ELF_READER_H_
