// SPDX-License-Identifier: MIT
#include "tests/support/test_files.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace landlockc::test_support {

std::string ReadTestFile(const std::string& path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) {
    ADD_FAILURE() << "cannot read the test input `" << path << "`: " << buffer.getError().message();
    return "";
  }
  return (*buffer)->getBuffer().str();
}

std::vector<std::string> FilesIn(const std::string& directory, const std::string& extension) {
  std::vector<std::string> files;
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(directory, error), end; it != end && !error;
       it.increment(error)) {
    if (llvm::StringRef(it->path()).endswith(extension) &&
        llvm::sys::fs::is_regular_file(it->path()))
      files.push_back(it->path());
  }
  if (error)
    ADD_FAILURE() << "cannot list the test inputs in `" << directory << "`: " << error.message();
  else if (files.empty())
    ADD_FAILURE() << "no `*" << extension << "` test input in `" << directory << "`";
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace landlockc::test_support
