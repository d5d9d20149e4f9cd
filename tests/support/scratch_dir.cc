// SPDX-License-Identifier: MIT
#include "tests/support/scratch_dir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::test_support {

ScratchDir::ScratchDir() {
  llvm::SmallString<128> directory;
  std::error_code error = llvm::sys::fs::createUniqueDirectory("landlockc-test", directory);
  EXPECT_FALSE(error) << "cannot make a scratch directory: " << error.message();
  // Its real path: what the kernel and the host-aware commands print when $TMPDIR is a link.
  llvm::SmallString<128> real;
  error = llvm::sys::fs::real_path(directory, real);
  EXPECT_FALSE(error) << "cannot resolve `" << directory.str().str() << "`: " << error.message();
  root_ = std::string(error ? directory : real);
}

ScratchDir::~ScratchDir() {
  if (!root_.empty()) llvm::sys::fs::remove_directories(root_);
}

std::string ScratchDir::Path(const std::string& relative) const { return root_ + "/" + relative; }

std::string ScratchDir::Write(const std::string& relative, const std::string& contents) const {
  std::string path = Path(relative);
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
  std::error_code error;
  llvm::raw_fd_ostream(path, error) << contents;
  EXPECT_FALSE(error) << "cannot write `" << path << "`: " << error.message();
  return path;
}

}  // namespace landlockc::test_support
