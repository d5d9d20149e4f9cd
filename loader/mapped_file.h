// SPDX-License-Identifier: MIT
// A whole file mapped read-only, as the loader library reads programs, libraries and the cache:
// only the pages read are loaded, however large the file. Part of the loader library
// (loader/README.md).
#ifndef LANDLOCKC_LOADER_MAPPED_FILE_H_
#define LANDLOCKC_LOADER_MAPPED_FILE_H_

#include <stddef.h>
#include <stdint.h>

namespace landlockc::loader {

/// A mapping; `bytes` null for none.
struct MappedFile {
  const uint8_t* bytes;
  size_t size;
};

/// Maps the regular, non-empty file at `path`; false (and `file` empty) when it cannot.
bool MapFile(const char* path, MappedFile* file);

/// Maps the first `size` bytes (not 0) of the file open as `fd`; false (and `file` empty) when it
/// cannot.
bool MapOpenFile(int fd, size_t size, MappedFile* file);

/// Unmaps what MapFile mapped; nothing for an empty one.
void Unmap(const MappedFile& file);

}  // namespace landlockc::loader

#endif  // LANDLOCKC_LOADER_MAPPED_FILE_H_
