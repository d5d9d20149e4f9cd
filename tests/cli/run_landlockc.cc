#include "tests/cli/run_landlockc.h"

#include "landlockc/runtime.h"
#include "llvm/ADT/Optional.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

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
  std::vector<llvm::StringRef> argv = {program};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  llvm::Optional<llvm::StringRef> redirects[] = {
      llvm::StringRef(stdin_path), llvm::StringRef(stdout_path), llvm::StringRef(stderr_path)};
  Result result;
  result.exit_code = llvm::sys::ExecuteAndWait(program, argv, llvm::None, redirects);
  result.out = ReadFile(stdout_path);
  result.err = ReadFile(stderr_path);
  for (const std::string& path : {stdin_path, stdout_path, stderr_path})
    llvm::sys::fs::remove(path);
  return result;
}

Result Landlockc(const std::vector<std::string>& arguments, const std::string& input) {
  return RunProgram(LANDLOCKC_BINARY, arguments, input);
}

std::string ReadFile(const std::string& path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  return buffer ? (*buffer)->getBuffer().str() : "";
}

bool KernelHasLandlock() { return landlockc_probe(nullptr) > 0; }

void ScratchTest::SetUp() {
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("landlockc-e2e", root_));
}

void ScratchTest::TearDown() { llvm::sys::fs::remove_directories(root_); }

std::string ScratchTest::Path(const std::string& name) const {
  return std::string(root_) + "/" + name;
}

std::string ScratchTest::Write(const std::string& name, const std::string& contents) const {
  std::string path = Path(name);
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
  std::error_code error;
  llvm::raw_fd_ostream(path, error) << contents;
  EXPECT_FALSE(error) << path << ": " << error.message();
  return path;
}

}  // namespace landlockc::e2e
