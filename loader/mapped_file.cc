// SPDX-License-Identifier: MIT
#include "loader/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace landlockc::loader {

bool MapFile(const char* path, MappedFile* file) {
  *file = {nullptr, 0};
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat status;
  bool mapped = fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0 &&
                MapOpenFile(fd, static_cast<size_t>(status.st_size), file);
  close(fd);
  return mapped;
}

bool MapOpenFile(int fd, size_t size, MappedFile* file) {
  *file = {nullptr, 0};
  void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) return false;
  *file = {static_cast<const uint8_t*>(data), size};
  return true;
}

void Unmap(const MappedFile& file) {
  if (file.bytes != nullptr) munmap(const_cast<uint8_t*>(file.bytes), file.size);
}

}  // namespace landlockc::loader
