// SPDX-License-Identifier: MIT
#include "loader/loader_cache.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "loader/testing/loader_files.h"

namespace landlockc::loader {
namespace {

using testing::BuildCache;

std::vector<std::pair<std::string, std::string>> Entries(const std::string& bytes) {
  std::vector<std::pair<std::string, std::string>> entries;
  const uint8_t* data = reinterpret_cast<const uint8_t*>(bytes.data());
  CacheEntry entry;
  for (uint32_t index = 0; NextCacheEntry(data, bytes.size(), &index, &entry);)
    entries.emplace_back(std::string(entry.name.data, entry.name.size),
                         std::string(entry.path.data, entry.path.size));
  return entries;
}

TEST(LoaderCacheTest, ListsEntriesInOrderWithoutHwcapOnes) {
  std::string cache = BuildCache({{{"libz.so.1", "/opt/hw/libz.so.1"}, uint64_t{1} << 62},
                                  {{"libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"}, 0},
                                  {{"libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"}, 0}});
  using Entry = std::pair<std::string, std::string>;
  EXPECT_EQ(Entries(cache),
            (std::vector<Entry>{{"libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"},
                                {"libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"}}));
}

TEST(LoaderCacheTest, MalformedCachesReadAsEmpty) {
  EXPECT_TRUE(Entries("").empty());
  EXPECT_TRUE(Entries("ld.so-1.7.0").empty());
  // Names and paths that are not strings of the file, and relative paths, are left out.
  EXPECT_TRUE(Entries(BuildCache({{{"libc.so.6", "lib/libc.so.6"}, 0}})).empty());
  std::string cache = BuildCache({{{"libc.so.6", "/lib/libc.so.6"}, 0}});
  for (size_t length = 0; length < cache.size(); ++length) {
    // A cut through the strings loses the entry whose name or path is cut, never more.
    EXPECT_LE(Entries(cache.substr(0, length)).size(), 1u);
  }
  std::string lying = cache;
  uint32_t count = 1000000;
  std::memcpy(lying.data() + 20, &count, 4);
  EXPECT_TRUE(Entries(lying).empty());
}

TEST(LoaderCacheTest, ReadsThisMachinesCache) {
  // Every glibc system's cache lists the C library.
  int fd = open(kLoaderCachePath, O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  struct stat status;
  ASSERT_EQ(fstat(fd, &status), 0);
  std::string bytes(static_cast<size_t>(status.st_size), '\0');
  ASSERT_EQ(pread(fd, bytes.data(), bytes.size(), 0), status.st_size);
  close(fd);
  bool has_libc = false;
  for (const auto& [name, path] : Entries(bytes)) has_libc |= name == "libc.so.6";
  EXPECT_TRUE(has_libc);
}

}  // namespace
}  // namespace landlockc::loader
