// SPDX-License-Identifier: MIT
#include "lint/loader_cache.h"

#include <gtest/gtest.h>

#include <cstring>

#include "lint/testing/loader_files.h"

namespace landlockc::lint {
namespace {

using testing::BuildCache;

TEST(LoaderCacheTest, ListsEntriesInOrderWithoutHwcapOnes) {
  std::string cache = BuildCache({{{"libz.so.1", "/opt/hw/libz.so.1"}, uint64_t{1} << 62},
                                  {{"libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"}, 0},
                                  {{"libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"}, 0}});
  std::vector<LoaderCacheEntry> entries = ParseLoaderCache(cache);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].name, "libz.so.1");
  EXPECT_EQ(entries[0].path, "/usr/lib/x86_64-linux-gnu/libz.so.1");
  EXPECT_EQ(entries[1].name, "libc.so.6");
  EXPECT_EQ(entries[1].path, "/lib/x86_64-linux-gnu/libc.so.6");
}

TEST(LoaderCacheTest, MalformedCachesReadAsEmpty) {
  EXPECT_TRUE(ParseLoaderCache("").empty());
  EXPECT_TRUE(ParseLoaderCache("ld.so-1.7.0").empty());
  std::string cache = BuildCache({{{"libc.so.6", "/lib/libc.so.6"}, 0}});
  for (size_t length = 0; length < cache.size(); ++length) {
    std::vector<LoaderCacheEntry> entries =
        ParseLoaderCache(llvm::StringRef(cache).take_front(length));
    // A cut through the strings loses the entry whose name or path is cut, never more.
    EXPECT_LE(entries.size(), 1u);
  }
  std::string lying = cache;
  uint32_t count = 1000000;
  std::memcpy(lying.data() + 20, &count, 4);
  EXPECT_TRUE(ParseLoaderCache(lying).empty());
}

TEST(LoaderCacheTest, ReadsThisMachinesCache) {
  // Every glibc system's cache lists the C library.
  std::vector<LoaderCacheEntry> entries = ReadLoaderCache(kLoaderCachePath);
  bool has_libc = false;
  for (const LoaderCacheEntry& entry : entries) has_libc |= entry.name == "libc.so.6";
  EXPECT_TRUE(has_libc);
  EXPECT_TRUE(ReadLoaderCache("/nonexistent/ld.so.cache").empty());
}

}  // namespace
}  // namespace landlockc::lint
