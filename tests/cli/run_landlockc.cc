// SPDX-License-Identifier: MIT
#include "tests/cli/run_landlockc.h"

#include <elf.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "landlockc/runtime.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "tests/support/test_files.h"

namespace landlockc::e2e {
namespace {

std::string TempFile(llvm::StringRef prefix) {
  llvm::SmallString<128> path;
  int fd = -1;
  if (llvm::sys::fs::createTemporaryFile(prefix, "txt", fd, path)) return "";
  llvm::raw_fd_ostream(fd, /*shouldClose=*/true);
  return std::string(path);
}

}  // namespace

Result RunProgram(const std::string& program, const std::vector<std::string>& arguments,
                  const std::string& input) {
  std::string stdin_path = TempFile("landlockc-in");
  std::string stdout_path = TempFile("landlockc-out");
  std::string stderr_path = TempFile("landlockc-err");
  {
    std::error_code error;
    llvm::raw_fd_ostream(stdin_path, error) << input;
  }
  std::vector<char*> argv = {const_cast<char*>(program.c_str())};
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  // fork and exec by hand: llvm::sys::ExecuteAndWait folds exit statuses 126 and 127 into its own
  // "could not run" result, and those are statuses `landlockc exec` must be seen to return.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_TRUNC, 0);
  Result result;
  pid_t pid = -1;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  result.out = ReadFile(stdout_path);
  result.err = ReadFile(stderr_path);
  for (const std::string& path : {stdin_path, stdout_path, stderr_path})
    llvm::sys::fs::remove(path);
  return result;
}

Result Landlockc(const std::vector<std::string>& arguments, const std::string& input) {
  return RunProgram(LANDLOCKC_BINARY, arguments, input);
}

std::string SarifProblems(const std::string& log) {
  std::string path = TempFile("landlockc-sarif");
  {
    std::error_code error;
    llvm::raw_fd_ostream(path, error) << log;
  }
  Result check = RunProgram(LANDLOCKC_SYSTEM_PYTHON3,
                            {LANDLOCKC_SOURCE_DIR "/tests/ci/check_sarif.py", "--log", path});
  llvm::sys::fs::remove(path);
  return check.exit_code == 0 ? "" : check.err + check.out;
}

std::string ReadFile(const std::string& path) { return test_support::ReadTestFile(path); }

bool KernelHasLandlock() { return landlockc_probe(nullptr) > 0; }

namespace {

bool IsInTemporaryDirectory(llvm::StringRef path) {
  std::vector<std::string> temporary = {"/tmp", "/var/tmp", "/dev/shm"};
  if (const char* tmpdir = std::getenv("TMPDIR"); tmpdir && *tmpdir) temporary.push_back(tmpdir);
  for (const std::string& directory : temporary) {
    llvm::SmallString<128> real;
    if (llvm::sys::fs::real_path(directory, real)) continue;
    if (path == real || path.startswith(std::string(real) + "/")) return true;
  }
  return false;
}

}  // namespace

std::string CreateNonTemporaryDirectory() {
  std::vector<std::string> parents = {LANDLOCKC_TEST_BINARY_DIR};
  if (const char* home = std::getenv("HOME"); home && *home) parents.push_back(home);
  for (const std::string& parent : parents) {
    llvm::SmallString<128> real;
    if (llvm::sys::fs::real_path(parent, real) || IsInTemporaryDirectory(real)) continue;
    llvm::SmallString<128> directory;
    if (!llvm::sys::fs::createUniqueDirectory(real + "/landlockc-not-temporary", directory))
      return std::string(directory);
  }
  return "";
}

std::string CatPolicy(const std::string& readable, const std::string& extra) {
  return "abi 7;\n"
         "layer main {\n"
         "    allow read + execute on \"/usr\";\n"
         "    allow read + execute on \"/bin\", \"/lib\", \"/lib64\", \"/etc\" optional;\n"
         "    allow read on \"" +
         readable + "\";\n" + extra + "}\n";
}

// The PT_INTERP of a 64-bit ELF program ("" when none), read independently of the tool.
std::string ElfInterpreterOf(const std::string& program) {
  int fd = open(program.c_str(), O_RDONLY | O_CLOEXEC);
  Elf64_Ehdr header;
  std::string interpreter;
  if (fd >= 0 && pread(fd, &header, sizeof header, 0) == sizeof header) {
    for (int i = 0; i < header.e_phnum; ++i) {
      Elf64_Phdr segment;
      pread(fd, &segment, sizeof segment, static_cast<off_t>(header.e_phoff + i * sizeof segment));
      if (segment.p_type != PT_INTERP) continue;
      interpreter.resize(segment.p_filesz);
      pread(fd, interpreter.data(), segment.p_filesz, static_cast<off_t>(segment.p_offset));
      interpreter.resize(std::strlen(interpreter.c_str()));
    }
  }
  if (fd >= 0) close(fd);
  return interpreter;
}

// Writes `contents` to `path`; returns `path`.
std::string WriteTo(const std::string& path, const std::string& contents) {
  std::error_code error;
  llvm::raw_fd_ostream(path, error) << contents;
  return path;
}

// A program in bin/ and its library in lib/, found through RUNPATH `$ORIGIN/../lib`; the
// program writes "hello" to the file its argument names. Returns the program's path.
std::string BuildProgramWithLibrary(const std::string& base) {
  if (llvm::sys::fs::create_directories(base + "/bin") ||
      llvm::sys::fs::create_directories(base + "/lib"))
    return "";
  std::string library = WriteTo(base + "/greet.c",
                                "#include <stdio.h>\n"
                                "int greet(const char* path) {\n"
                                "  FILE* file = fopen(path, \"w\");\n"
                                "  return file && fputs(\"hello\\n\", file) >= 0 && "
                                "fclose(file) == 0 ? 0 : 1;\n}\n");
  std::string main = WriteTo(base + "/main.c",
                             "int greet(const char* path);\n"
                             "int main(int argc, char** argv) {\n"
                             "  return argc == 2 ? greet(argv[1]) : 2;\n}\n");
  Result shared = RunProgram(LANDLOCKC_C_COMPILER,
                             {"-shared", "-fPIC", "-o", base + "/lib/libgreet.so", library});
  Result program =
      RunProgram(LANDLOCKC_C_COMPILER, {"-o", base + "/bin/greet", main, "-L" + base + "/lib",
                                        "-lgreet", "-Wl,--enable-new-dtags,-rpath,$ORIGIN/../lib"});
  return shared.exit_code == 0 && program.exit_code == 0 ? base + "/bin/greet" : "";
}

}  // namespace landlockc::e2e
