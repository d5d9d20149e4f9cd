// SPDX-License-Identifier: MIT
// What the kernel and the dynamic loader read from an ELF file to start a program, as the linter
// wants it: loader/elf_reader.h (the one reader, shared with `landlockc-exec`) copied into
// strings, its problems as errors. Reads any bytes without trusting them.
#ifndef LANDLOCKC_LINT_ELF_FILE_H_
#define LANDLOCKC_LINT_ELF_FILE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace landlockc::lint {

/// The start-up facts of one ELF file.
struct ElfFile {
  /// ELFCLASS32 or ELFCLASS64.
  unsigned char elf_class = 0;
  /// e_machine (EM_X86_64, EM_AARCH64...): the loader only maps libraries of its own machine.
  uint16_t machine = 0;
  /// PT_INTERP, the loader the kernel maps for it; "" for none (a library, a static program).
  std::string interpreter;
  /// DT_NEEDED, in order.
  std::vector<std::string> needed;
  /// DT_SONAME; "" for none.
  std::string soname;
  /// DT_RPATH and DT_RUNPATH, as written (colon-separated, `$ORIGIN` unexpanded).
  std::string rpath;
  std::string runpath;
  /// True when DT_RUNPATH is present, even empty: it then disables DT_RPATH.
  bool has_runpath = false;
};

/// True when `head` (the first bytes of a file) starts with the ELF magic.
bool LooksLikeElf(llvm::StringRef head);

/// Parses the bytes of a whole ELF file of this machine's byte order.
llvm::Expected<ElfFile> ParseElf(llvm::StringRef bytes);

/// Reads and parses the ELF file at `path`; errors name the path.
llvm::Expected<ElfFile> ReadElf(const std::string& path);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_ELF_FILE_H_
