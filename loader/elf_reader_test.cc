// SPDX-License-Identifier: MIT
// ReadElfFile (pieces read with pread) must say exactly what ParseElf says of the whole file, on
// real programs and libraries, on built ones, on every truncation, and past its buffer.
#include "loader/elf_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "loader/testing/loader_files.h"

namespace landlockc::loader {
namespace {

std::string Text(loader::Text text) { return std::string(text.data, text.size); }

// What a reader said of one file, as plain values.
struct Said {
  std::string error;  // empty for none
  unsigned char elf_class = 0;
  uint16_t machine = 0;
  std::string interpreter, soname, rpath, runpath;
  bool has_runpath = false;
  std::vector<std::string> needed;

  bool operator==(const Said&) const = default;
};

Said Describe(const char* error, const ElfFacts& facts) {
  Said said;
  if (error != nullptr) {
    said.error = error;
    return said;
  }
  said = {"",
          facts.elf_class,
          facts.machine,
          Text(facts.interpreter),
          Text(facts.soname),
          Text(facts.rpath),
          Text(facts.runpath),
          facts.has_runpath,
          {}};
  for (size_t i = 0; i < facts.needed_count; ++i) said.needed.push_back(Text(NeededAt(facts, i)));
  return said;
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Said ParsedWhole(const std::string& bytes) {
  ElfFacts facts;
  return Describe(ParseElf(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &facts),
                  facts);
}

Said ReadInPieces(const std::string& path) {
  static ElfFile file;
  ElfFacts facts;
  Said said = Describe(ReadElfFile(path.c_str(), &file, &facts), facts);
  CloseElfFile(&file);
  return said;
}

class ElfReaderTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
    return path_;
  }
  void TearDown() override { unlink(path_.c_str()); }

 private:
  std::string path_ =
      std::string(::testing::TempDir()) + "/elf_reader_test." + std::to_string(getpid());
};

TEST_F(ElfReaderTest, RealFilesReadAsWhole) {
  char self[PATH_MAX];
  ASSERT_NE(realpath("/proc/self/exe", self), nullptr);
  // The test program, a C program, its interpreter, the C library, and the C++ library, whose
  // string table does not fit the buffer (the file is then mapped).
  for (std::string path :
       {std::string(self), std::string("/bin/true"), std::string("/lib64/ld-linux-x86-64.so.2"),
        std::string("/lib/x86_64-linux-gnu/libc.so.6"),
        std::string("/lib/x86_64-linux-gnu/libstdc++.so.6")}) {
    std::string bytes = ReadWhole(path);
    if (bytes.empty()) continue;  // not on this machine
    Said whole = ParsedWhole(bytes);
    EXPECT_EQ(whole.error, "") << path;
    EXPECT_EQ(ReadInPieces(path), whole) << path;
  }
}

TEST_F(ElfReaderTest, BuiltFilesAndEveryTruncation) {
  testing::ElfSpec spec;
  spec.interpreter = "/lib64/ld-linux-x86-64.so.2";
  spec.needed = {"libapp.so", "libc.so.6"};
  spec.soname = "libself.so";
  spec.rpath = "$ORIGIN/../lib";
  spec.runpath = "/opt/lib";
  std::string bytes = testing::BuildElf(spec);
  EXPECT_EQ(ParsedWhole(bytes).needed, (std::vector<std::string>{"libapp.so", "libc.so.6"}));
  // From one byte: an empty file is refused before it is read (as mapping refuses it).
  for (size_t length = 1; length <= bytes.size(); ++length) {
    std::string cut = bytes.substr(0, length);
    EXPECT_EQ(ReadInPieces(Write(cut)), ParsedWhole(cut)) << length;
  }
}

TEST_F(ElfReaderTest, PastTheBufferTheFileIsMapped) {
  // A RUNPATH longer than the buffer: ReadElf says so, ReadElfFile maps the file instead.
  testing::ElfSpec spec;
  spec.needed = {"libc.so.6"};
  spec.runpath = std::string(sizeof(ElfFileBuffer::bytes), 'r');
  std::string bytes = testing::BuildElf(spec);
  std::string path = Write(bytes);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  static ElfFileBuffer buffer;
  ElfFacts facts;
  EXPECT_EQ(ReadElf(fd, bytes.size(), &buffer, &facts), kElfTooLarge);
  close(fd);
  Said whole = ParsedWhole(bytes);
  EXPECT_EQ(whole.runpath.size(), sizeof(ElfFileBuffer::bytes));
  EXPECT_EQ(ReadInPieces(path), whole);
  // Files that are not there or not regular.
  EXPECT_EQ(ReadInPieces("/nonexistent-landlockc").error, "the file cannot be opened");
  EXPECT_EQ(ReadInPieces("/").error, "not a regular, non-empty file");
  EXPECT_EQ(ReadInPieces(Write("")).error, "not a regular, non-empty file");
}

}  // namespace
}  // namespace landlockc::loader
