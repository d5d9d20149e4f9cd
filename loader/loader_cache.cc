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

// glibc's _dl_cache_libcmp (elf/dl-cache.c), the order of the cache: digit runs compare as
// numbers, other bytes as (signed) chars. `name` and `key` are read up to their sizes, as if
// NUL-terminated there.
int LibraryNameCompare(Text name, Text key) {
  auto at = [](Text text, size_t i) {
    return i < text.size ? static_cast<signed char>(text.data[i]) : 0;
  };
  auto is_digit = [](int c) { return c >= '0' && c <= '9'; };
  size_t i = 0, j = 0;
  while (i < name.size) {
    if (is_digit(at(name, i))) {
      if (!is_digit(at(key, j))) return 1;
      uint64_t a = 0, b = 0;
      while (is_digit(at(name, i))) a = a * 10 + static_cast<uint64_t>(at(name, i++) - '0');
      while (is_digit(at(key, j))) b = b * 10 + static_cast<uint64_t>(at(key, j++) - '0');
      if (a != b) return a < b ? -1 : 1;
    } else if (is_digit(at(key, j))) {
      return -1;
    } else if (at(name, i) != at(key, j)) {
      return at(name, i) - at(key, j);
    } else {
      ++i;
      ++j;
    }
  }
  return -at(key, j);
}

// The header of a cache file, when `bytes` is one whose entries all lie inside it.
bool ReadHeader(const uint8_t* bytes, size_t size, CacheHeader* header) {
  if (size < sizeof *header || memcmp(bytes, kMagic, sizeof header->magic) != 0) return false;
  memcpy(header, bytes, sizeof *header);
  return header->library_count <= (size - sizeof *header) / sizeof(FileEntry);
}

FileEntry EntryAt(const uint8_t* bytes, uint32_t index) {
  FileEntry file;
  memcpy(&file, bytes + sizeof(CacheHeader) + uint64_t{index} * sizeof file, sizeof file);
  return file;
}

}  // namespace

CacheMatches FindInCache(const uint8_t* bytes, size_t size, Text name) {
  CacheHeader header;
  if (!ReadHeader(bytes, size, &header) || header.library_count == 0) return {};
  // The name of entry `index` compared with `name`; `valid` false for a key outside the file,
  // which makes the loader give up.
  bool valid = true;
  auto compare = [&](int64_t index) {
    Text key = StringAt(bytes, size, EntryAt(bytes, static_cast<uint32_t>(index)).key);
    if (key.data == nullptr) valid = false;
    return valid ? LibraryNameCompare(name, key) : 1;
  };
  int64_t left = 0, right = int64_t{header.library_count} - 1;
  while (left <= right) {
    int64_t middle = (left + right) / 2;
    int order = compare(middle);
    if (!valid) return {};
    if (order == 0) {
      int64_t first = middle, end = middle + 1;
      while (first > 0 && compare(first - 1) == 0 && valid) --first;
      valid = true;
      while (end <= right && compare(end) == 0 && valid) ++end;
      return {static_cast<uint32_t>(first), static_cast<uint32_t>(end)};
    }
    if (order < 0) {
      left = middle + 1;
    } else {
      right = middle - 1;
    }
  }
  return {};
}

bool NextCacheMatch(const uint8_t* bytes, size_t size, CacheMatches* matches, CacheEntry* entry) {
  CacheHeader header;
  if (!ReadHeader(bytes, size, &header)) return false;
  for (; matches->next < matches->end && matches->next < header.library_count; ++matches->next) {
    FileEntry file = EntryAt(bytes, matches->next);
    Text name = StringAt(bytes, size, file.key), path = StringAt(bytes, size, file.value);
    // The loader only picks hwcap entries the CPU supports; the plain entry follows them.
    if (file.hwcap != 0 || name.size == 0 || path.size == 0 || path.data[0] != '/') continue;
    *entry = {name, path};
    ++matches->next;
    return true;
  }
  return false;
}

}  // namespace landlockc::loader
