// SPDX-License-Identifier: MIT
#include "lint/library_search.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "lint/elf_file.h"
#include "loader/testing/loader_files.h"

namespace landlockc::lint {
namespace {

using loader::testing::BuildCache;
using loader::testing::BuildElf;
using loader::testing::ElfSpec;

// This machine's ELF machine: the search passes over libraries of any other.
uint16_t HostMachine() {
  llvm::Expected<ElfFile> self = ReadElf("/proc/self/exe");
  if (!self) {
    llvm::consumeError(self.takeError());
    return EM_NONE;
  }
  return self->machine;
}

class LibrarySearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/landlockc-libraries-XXXXXX";
    ASSERT_NE(mkdtemp(name), nullptr);
    root_ = std::filesystem::canonical(name).string();
    environment_.cache = root_ + "/no-cache";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  // Writes an ELF file of this machine at `name` (under the scratch root); returns its path.
  std::string Elf(const std::string& name, ElfSpec spec) {
    if (spec.machine == EM_X86_64) spec.machine = HostMachine();
    return WriteFile(name, BuildElf(spec));
  }

  std::string WriteFile(const std::string& name, const std::string& bytes) {
    std::string path = root_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::vector<LoadedLibrary> Trace(
      const std::string& program,
      LoaderMayRead may_read = [](const std::string&) { return true; }) {
    return TraceLibraries(program, "", environment_, may_read);
  }

  std::string root_;
  LoaderEnvironment environment_;
};

TEST_F(LibrarySearchTest, RunpathWithOrigin) {
  ElfSpec program;
  program.needed = {"libgreet.so"};
  program.runpath = "$ORIGIN/../lib";
  std::string path = Elf("app/bin/greet", program);
  Elf("app/lib/libgreet.so", {});
  std::vector<LoadedLibrary> libraries = Trace(path);
  ASSERT_EQ(libraries.size(), 1u);
  EXPECT_EQ(libraries[0].path, root_ + "/app/bin/../lib/libgreet.so");
  EXPECT_EQ(libraries[0].resolved, root_ + "/app/lib/libgreet.so");
  EXPECT_EQ(libraries[0].how, "`libgreet.so` needed by `" + path +
                                  "`, found through the RUNPATH `$ORIGIN/../lib` of `" + path +
                                  "`");
}

TEST_F(LibrarySearchTest, TheSearchOrder) {
  // RPATH (without RUNPATH) comes before LD_LIBRARY_PATH, which comes before RUNPATH.
  for (const char* directory : {"rpath", "env", "runpath"})
    Elf(std::string(directory) + "/liba.so", {});
  environment_.library_path = root_ + "/env";
  ElfSpec old_style;
  old_style.needed = {"liba.so"};
  old_style.rpath = root_ + "/rpath";
  EXPECT_EQ(Trace(Elf("old", old_style)).at(0).resolved, root_ + "/rpath/liba.so");
  ElfSpec new_style = old_style;
  new_style.runpath = root_ + "/runpath";  // disables the RPATH
  std::vector<LoadedLibrary> libraries = Trace(Elf("new", new_style));
  EXPECT_EQ(libraries.at(0).resolved, root_ + "/env/liba.so");
  EXPECT_EQ(libraries.at(0).how, "`liba.so` needed by `" + root_ +
                                     "/new`, found through LD_LIBRARY_PATH `" + root_ + "/env`");
  environment_.library_path = "";
  EXPECT_EQ(Trace(Elf("new", new_style)).at(0).resolved, root_ + "/runpath/liba.so");
}

TEST_F(LibrarySearchTest, TheProgramsRpathServesItsLibraries) {
  ElfSpec program;
  program.needed = {"liba.so"};
  program.rpath = root_ + "/lib";
  ElfSpec a;
  a.needed = {"libb.so"};
  Elf("lib/liba.so", a);
  Elf("lib/libb.so", {});
  std::vector<LoadedLibrary> libraries = Trace(Elf("prog", program));
  ASSERT_EQ(libraries.size(), 2u);
  EXPECT_EQ(libraries[1].how, "`libb.so` needed by `" + root_ + "/lib/liba.so`, found through " +
                                  "the RPATH `" + root_ + "/lib` of `" + root_ + "/prog`");
}

TEST_F(LibrarySearchTest, BreadthFirstAndEachLibraryOnce) {
  ElfSpec program;
  program.needed = {"liba.so", "libb.so"};
  program.runpath = "$ORIGIN";
  ElfSpec a;
  a.needed = {"libc2.so"};
  a.runpath = "$ORIGIN";
  ElfSpec b = a;
  b.needed = {"libc2.so", "liba.so"};
  Elf("liba.so", a);
  Elf("libb.so", b);
  ElfSpec c;
  c.soname = "libc2.so";
  Elf("libc2.so", c);
  std::vector<std::string> order;
  for (const LoadedLibrary& library : Trace(Elf("prog", program)))
    order.push_back(std::filesystem::path(library.resolved).filename().string());
  EXPECT_EQ(order, (std::vector<std::string>{"liba.so", "libb.so", "libc2.so"}));
}

TEST_F(LibrarySearchTest, AnUnreadableCopyMakesTheLoaderTryTheNextPlace) {
  ElfSpec program;
  program.needed = {"liba.so"};
  program.runpath = root_ + "/first:" + root_ + "/second";
  std::string path = Elf("prog", program);
  Elf("first/liba.so", {});
  Elf("second/liba.so", {});
  auto not_first = [&](const std::string& resolved) {
    return resolved != root_ + "/first/liba.so";
  };
  EXPECT_EQ(Trace(path, not_first).at(0).resolved, root_ + "/second/liba.so");
  // When no copy may be read, the first is where the loader fails.
  std::vector<LoadedLibrary> libraries = Trace(path, [](const std::string&) { return false; });
  ASSERT_EQ(libraries.size(), 1u);
  EXPECT_EQ(libraries[0].resolved, root_ + "/first/liba.so");
}

TEST_F(LibrarySearchTest, LibrariesOfAnotherMachineArePassedOver) {
  ElfSpec program;
  program.needed = {"liba.so"};
  program.runpath = root_ + "/foreign:" + root_ + "/native";
  ElfSpec foreign;
  foreign.machine = HostMachine() == EM_AARCH64 ? EM_RISCV : EM_AARCH64;
  Elf("foreign/liba.so", foreign);
  Elf("native/liba.so", {});
  EXPECT_EQ(Trace(Elf("prog", program)).at(0).resolved, root_ + "/native/liba.so");
}

TEST_F(LibrarySearchTest, AFileThatIsNoLibraryEndsTheTrace) {
  ElfSpec program;
  program.needed = {"liba.so", "libb.so"};
  program.runpath = "$ORIGIN";
  std::string path = Elf("prog", program);
  WriteFile("liba.so", "not an ELF file\n");
  Elf("libb.so", {});
  std::vector<LoadedLibrary> libraries = Trace(path);
  ASSERT_EQ(libraries.size(), 1u);
  EXPECT_EQ(libraries[0].resolved, root_ + "/liba.so");
  // A program that is no ELF file has no libraries.
  EXPECT_TRUE(Trace(WriteFile("script", "#!/bin/sh\n")).empty());
}

TEST_F(LibrarySearchTest, TheCacheAndWhatAnUnreadableCacheHides) {
  std::string hidden = Elf("hidden/liblandlockc-hidden.so.1", {});
  environment_.cache =
      WriteFile("ld.so.cache", BuildCache({{{"liblandlockc-hidden.so.1", hidden}, 0}}));
  ElfSpec program;
  program.needed = {"liblandlockc-hidden.so.1"};
  std::string path = Elf("prog", program);
  std::vector<LoadedLibrary> libraries = Trace(path);
  ASSERT_EQ(libraries.size(), 1u);
  EXPECT_EQ(libraries[0].resolved, hidden);
  EXPECT_EQ(libraries[0].how, "`liblandlockc-hidden.so.1` needed by `" + path +
                                  "`, found through `" + environment_.cache + "`");
  // The loader goes on without a cache it cannot open; then nothing else finds the library.
  libraries =
      Trace(path, [&](const std::string& resolved) { return resolved != environment_.cache; });
  ASSERT_EQ(libraries.size(), 1u);
  EXPECT_EQ(libraries[0].resolved, environment_.cache);
  EXPECT_EQ(libraries[0].how,
            "the loader's cache, which lists `liblandlockc-hidden.so.1` needed by `" + path + "`");
}

TEST_F(LibrarySearchTest, ARealProgramFindsTheCLibrary) {
  llvm::Expected<ElfFile> shell = ReadElf("/bin/sh");
  ASSERT_TRUE(static_cast<bool>(shell));
  std::vector<LoadedLibrary> libraries =
      TraceLibraries(std::filesystem::canonical("/bin/sh").string(),
                     std::filesystem::canonical(shell->interpreter).string(),
                     ProcessLoaderEnvironment(), [](const std::string&) { return true; });
  bool has_libc = false;
  for (const LoadedLibrary& library : libraries)
    has_libc |= std::filesystem::path(library.path).filename() == "libc.so.6";
  EXPECT_TRUE(has_libc);
}

}  // namespace
}  // namespace landlockc::lint
