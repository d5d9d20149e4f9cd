// SPDX-License-Identifier: MIT
#include "lint/loader_cache.h"

#include <cstdint>
#include <cstring>
#include <memory>

#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::lint {
namespace {

// glibc's sysdeps/generic/dl-cache.h: struct cache_file_new and struct file_entry_new.
constexpr llvm::StringLiteral kMagic = "glibc-ld.so.cache1.1";
struct CacheHeader {
  char magic[20];
  uint32_t library_count;
  uint32_t strings_length;
  uint8_t flags;
  uint8_t padding[3];
  uint32_t extension_offset;
  uint32_t unused[3];
};
struct CacheEntry {
  int32_t flags;
  uint32_t key;    // the name, as an offset from the start of the file
  uint32_t value;  // the path, likewise
  uint32_t os_version;
  uint64_t hwcap;  // nonzero for entries of glibc-hwcaps subdirectories and legacy hwcaps
};
static_assert(sizeof(CacheHeader) == 48 && sizeof(CacheEntry) == 24, "glibc's layout");

// The NUL-terminated string at `offset`, or "" when it runs past the end.
llvm::StringRef StringAt(llvm::StringRef bytes, uint32_t offset) {
  if (offset >= bytes.size()) return "";
  llvm::StringRef rest = bytes.drop_front(offset);
  size_t end = rest.find('\0');
  return end == llvm::StringRef::npos ? "" : rest.take_front(end);
}

}  // namespace

std::vector<LoaderCacheEntry> ParseLoaderCache(llvm::StringRef bytes) {
  std::vector<LoaderCacheEntry> entries;
  CacheHeader header;
  if (bytes.size() < sizeof header || !bytes.startswith(kMagic)) return entries;
  std::memcpy(&header, bytes.data(), sizeof header);
  uint64_t room = (bytes.size() - sizeof header) / sizeof(CacheEntry);
  if (header.library_count > room) return entries;
  for (uint32_t i = 0; i < header.library_count; ++i) {
    CacheEntry entry;
    std::memcpy(&entry, bytes.data() + sizeof header + uint64_t{i} * sizeof entry, sizeof entry);
    llvm::StringRef name = StringAt(bytes, entry.key), path = StringAt(bytes, entry.value);
    // The loader only picks hwcap entries the CPU supports; the plain entry follows them.
    if (entry.hwcap != 0 || name.empty() || !path.startswith("/")) continue;
    entries.push_back({name.str(), path.str()});
  }
  return entries;
}

std::vector<LoaderCacheEntry> ReadLoaderCache(const std::string& path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return {};
  return ParseLoaderCache((*buffer)->getBuffer());
}

}  // namespace landlockc::lint
