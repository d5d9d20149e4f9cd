// SPDX-License-Identifier: MIT
#include "loader/loader_cache.h"

#include <string.h>

namespace landlockc::loader {
namespace {

// glibc's sysdeps/generic/dl-cache.h: struct cache_file_new and struct file_entry_new.
constexpr char kMagic[] = "glibc-ld.so.cache1.1";
struct CacheHeader {
  char magic[20];
  uint32_t library_count;
  uint32_t strings_length;
  uint8_t flags;
  uint8_t padding[3];
  uint32_t extension_offset;
  uint32_t unused[3];
};
struct FileEntry {
  int32_t flags;
  uint32_t key;    // the name, as an offset from the start of the file
  uint32_t value;  // the path, likewise
  uint32_t os_version;
  uint64_t hwcap;  // nonzero for entries of glibc-hwcaps subdirectories and legacy hwcaps
};
static_assert(sizeof(CacheHeader) == 48 && sizeof(FileEntry) == 24, "glibc's layout");
static_assert(sizeof kMagic - 1 == sizeof CacheHeader::magic, "the magic fills its field");

// The NUL-terminated string at `offset`, or an empty one when it runs past the end.
Text StringAt(const uint8_t* bytes, size_t size, uint32_t offset) {
  if (offset >= size) return {};
  const void* end = memchr(bytes + offset, '\0', size - offset);
  if (end == nullptr) return {};
  const char* start = reinterpret_cast<const char*>(bytes) + offset;
  return {start, static_cast<size_t>(static_cast<const char*>(end) - start)};
}

}  // namespace

bool NextCacheEntry(const uint8_t* bytes, size_t size, uint32_t* index, CacheEntry* entry) {
  CacheHeader header;
  if (size < sizeof header || memcmp(bytes, kMagic, sizeof header.magic) != 0) return false;
  memcpy(&header, bytes, sizeof header);
  if (header.library_count > (size - sizeof header) / sizeof(FileEntry)) return false;
  for (; *index < header.library_count; ++*index) {
    FileEntry file;
    memcpy(&file, bytes + sizeof header + uint64_t{*index} * sizeof file, sizeof file);
    Text name = StringAt(bytes, size, file.key), path = StringAt(bytes, size, file.value);
    // The loader only picks hwcap entries the CPU supports; the plain entry follows them.
    if (file.hwcap != 0 || name.size == 0 || path.size == 0 || path.data[0] != '/') continue;
    *entry = {name, path};
    ++*index;
    return true;
  }
  return false;
}

}  // namespace landlockc::loader
