// SPDX-License-Identifier: MIT
#include "compiler/check/source_file.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"

namespace landlockc::check {
namespace {

// Reads `file` to its end, failing once more than `max_bytes` arrived. Read in chunks rather than
// by the size the file reports, which devices and pipes do not know.
std::error_code ReadBounded(llvm::sys::fs::file_t file, size_t max_bytes,
                            llvm::SmallVectorImpl<char>& data) {
  constexpr size_t kChunk = 64 * 1024;
  while (true) {
    size_t used = data.size();
    data.resize_for_overwrite(used + kChunk);
    llvm::Expected<size_t> read =
        llvm::sys::fs::readNativeFile(file, llvm::MutableArrayRef<char>(data).drop_front(used));
    if (!read) return llvm::errorToErrorCode(read.takeError());
    data.truncate(used + *read);
    if (*read == 0) return {};
    if (data.size() > max_bytes) return std::make_error_code(std::errc::file_too_large);
  }
}

}  // namespace

llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> ReadPolicyFile(llvm::StringRef path,
                                                                  size_t max_bytes) {
  bool from_stdin = path == "-";
  llvm::sys::fs::file_t file = llvm::sys::fs::getStdinHandle();
  if (!from_stdin) {
    llvm::Expected<llvm::sys::fs::file_t> opened = llvm::sys::fs::openNativeFileForRead(path);
    if (!opened) return llvm::errorToErrorCode(opened.takeError());
    file = *opened;
  }
  llvm::SmallVector<char, 0> data;
  std::error_code error = ReadBounded(file, max_bytes, data);
  if (!from_stdin) llvm::sys::fs::closeFile(file);
  if (error) return error;
  return llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(data.data(), data.size()),
                                              from_stdin ? llvm::StringRef("<stdin>") : path);
}

}  // namespace landlockc::check
