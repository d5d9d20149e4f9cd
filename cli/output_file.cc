// SPDX-License-Identifier: MIT
#include "cli/output_file.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

std::string EscapeForMake(llvm::StringRef name) {
  std::string escaped;
  for (char c : name) {
    if (c == ' ' || c == '#') escaped += '\\';
    if (c == '$') escaped += '$';
    escaped += c;
  }
  return escaped;
}

}  // namespace

llvm::Error WriteOutputFile(llvm::StringRef path, llvm::StringRef contents) {
  auto failure = [&](std::error_code error) {
    return llvm::createStringError(error, "cannot write `%s`: %s", path.str().c_str(),
                                   error.message().c_str());
  };
  if (path == "-") {
    llvm::outs() << contents;
    llvm::outs().flush();
    return llvm::Error::success();
  }
  // A device or a FIFO (`-o /dev/null`, `-o /dev/stdout`) is written in place: a rename would
  // replace it with a regular file.
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(path, status) &&
      status.type() != llvm::sys::fs::file_type::regular_file) {
    std::error_code error;
    llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_None);
    if (error) return failure(error);
    os << contents;
    os.close();
    if (os.has_error()) {
      error = os.error();
      os.clear_error();
      return failure(error);
    }
    return llvm::Error::success();
  }
  // The temporary sits beside the output so that the rename stays on one file system; created
  // with mode 0666 less the umask, like any other file the user writes.
  int fd = -1;
  llvm::SmallString<256> temporary;
  if (std::error_code error = llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, temporary))
    return failure(error);
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << contents;
    os.close();
    if (os.has_error()) {
      std::error_code error = os.error();
      os.clear_error();
      llvm::sys::fs::remove(temporary);
      return failure(error);
    }
  }
  if (std::error_code error = llvm::sys::fs::rename(temporary, path)) {
    llvm::sys::fs::remove(temporary);
    return failure(error);
  }
  return llvm::Error::success();
}

std::string FormatDepfile(llvm::StringRef target, llvm::ArrayRef<std::string> dependencies) {
  std::string text = EscapeForMake(target) + ":";
  for (const std::string& dependency : dependencies) text += " " + EscapeForMake(dependency);
  return text + "\n";
}

}  // namespace landlockc::cli
