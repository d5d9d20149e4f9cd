// SPDX-License-Identifier: MIT
#include "lint/elf_file.h"

#include <gtest/gtest.h>

#include "llvm/Support/MemoryBuffer.h"
#include "loader/testing/loader_files.h"

namespace landlockc::lint {
namespace {

using loader::testing::BuildElf;
using loader::testing::ElfSpec;

std::string ErrorOf(llvm::StringRef bytes) {
  llvm::Expected<ElfFile> file = ParseElf(bytes);
  if (file) return "parsed";
  return llvm::toString(file.takeError());
}

TEST(ElfFileTest, ReadsTheStartUpFacts) {
  ElfSpec spec;
  spec.interpreter = "/lib64/ld-linux-x86-64.so.2";
  spec.needed = {"libgreet.so", "libc.so.6"};
  spec.soname = "libself.so.1";
  spec.rpath = "/opt/old";
  spec.runpath = "$ORIGIN/../lib";
  llvm::Expected<ElfFile> file = ParseElf(BuildElf(spec));
  ASSERT_TRUE(static_cast<bool>(file)) << llvm::toString(file.takeError());
  EXPECT_EQ(file->elf_class, ELFCLASS64);
  EXPECT_EQ(file->machine, EM_X86_64);
  EXPECT_EQ(file->interpreter, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_EQ(file->needed, (std::vector<std::string>{"libgreet.so", "libc.so.6"}));
  EXPECT_EQ(file->soname, "libself.so.1");
  EXPECT_EQ(file->rpath, "/opt/old");
  EXPECT_EQ(file->runpath, "$ORIGIN/../lib");
  EXPECT_TRUE(file->has_runpath);
}

TEST(ElfFileTest, AnEmptyRunpathStillCounts) {
  ElfSpec spec;
  spec.runpath = "";
  llvm::Expected<ElfFile> file = ParseElf(BuildElf(spec));
  ASSERT_TRUE(static_cast<bool>(file));
  EXPECT_TRUE(file->has_runpath);
  EXPECT_EQ(file->interpreter, "");
}

TEST(ElfFileTest, ReadsARealProgram) {
  // /bin/sh starts through a loader and needs the C library, on every Linux distribution.
  llvm::Expected<ElfFile> shell = ReadElf("/bin/sh");
  ASSERT_TRUE(static_cast<bool>(shell)) << llvm::toString(shell.takeError());
  EXPECT_EQ(shell->interpreter.front(), '/');
  EXPECT_NE(std::find(shell->needed.begin(), shell->needed.end(), "libc.so.6"),
            shell->needed.end());
}

TEST(ElfFileTest, GarbageIsAnError) {
  EXPECT_EQ(ErrorOf(""), "malformed ELF file: no ELF header");
  EXPECT_EQ(ErrorOf("#!/bin/sh\necho hi\n"), "malformed ELF file: no ELF header");
  std::string bytes = BuildElf({});
  bytes[EI_CLASS] = 7;
  EXPECT_EQ(ErrorOf(bytes), "malformed ELF file: unknown ELF class");
  bytes[EI_CLASS] = ELFCLASS64;
  bytes[EI_DATA] = bytes[EI_DATA] == ELFDATA2LSB ? ELFDATA2MSB : ELFDATA2LSB;
  EXPECT_EQ(ErrorOf(bytes), "malformed ELF file: the byte order is not this machine's");
}

TEST(ElfFileTest, OffsetsOutsideTheFileAreErrors) {
  ElfSpec spec;
  spec.interpreter = "/lib/ld.so";
  spec.needed = {"libc.so.6"};
  std::string bytes = BuildElf(spec);
  Elf64_Ehdr header;
  std::memcpy(&header, bytes.data(), sizeof header);
  std::string moved = bytes;
  header.e_phoff = ~uint64_t{0} - 8;
  std::memcpy(moved.data(), &header, sizeof header);
  EXPECT_EQ(ErrorOf(moved), "malformed ELF file: the program headers lie outside the file");

  // The string table's address points past the only PT_LOAD.
  Elf64_Phdr load;
  std::memcpy(&load, bytes.data() + sizeof(Elf64_Ehdr), sizeof load);
  load.p_filesz = 16;
  moved = bytes;
  std::memcpy(moved.data() + sizeof(Elf64_Ehdr), &load, sizeof load);
  EXPECT_EQ(ErrorOf(moved), "malformed ELF file: the dynamic string table lies outside the file");
}

TEST(ElfFileTest, EveryTruncationIsAnErrorOrAParse) {
  // Cut a real program and a built one at every length: each prefix must parse or be refused,
  // never read out of bounds (the sanitizer builds check the latter).
  ElfSpec spec;
  spec.interpreter = "/lib/ld.so";
  spec.needed = {"liba.so", "libb.so"};
  spec.runpath = "$ORIGIN";
  std::string built = BuildElf(spec);
  for (size_t length = 0; length < built.size(); ++length) {
    llvm::Expected<ElfFile> file = ParseElf(llvm::StringRef(built).take_front(length));
    EXPECT_FALSE(static_cast<bool>(file)) << length;
    llvm::consumeError(file.takeError());
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> shell =
      llvm::MemoryBuffer::getFile("/bin/sh", false, false);
  ASSERT_TRUE(static_cast<bool>(shell));
  llvm::StringRef whole = (*shell)->getBuffer();
  for (size_t length = 0; length < whole.size(); length += 97) {
    llvm::Expected<ElfFile> file = ParseElf(whole.take_front(length));
    if (!file) llvm::consumeError(file.takeError());
  }
}

TEST(ElfFileTest, AnUnreadableFileNamesThePath) {
  llvm::Expected<ElfFile> file = ReadElf("/nonexistent/prog");
  ASSERT_FALSE(static_cast<bool>(file));
  EXPECT_EQ(llvm::toString(file.takeError()),
            "cannot read `/nonexistent/prog`: No such file or directory");
}

}  // namespace
}  // namespace landlockc::lint
