// SPDX-License-Identifier: MIT
#include "loader/loader_cache.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

#include "loader/testing/loader_files.h"

namespace landlockc::loader {
namespace {

using testing::BuildCache;

// The paths the cache `bytes` gives for `name`, in the order the loader tries them.
std::vector<std::string> Lookup(const std::string& bytes, const std::string& name) {
  std::vector<std::string> paths;
  const uint8_t* data = reinterpret_cast<const uint8_t*>(bytes.data());
  CacheEntry entry;
  for (CacheMatches matches = FindInCache(data, bytes.size(), {name.data(), name.size()});
       NextCacheMatch(data, bytes.size(), &matches, &entry);)
    paths.emplace_back(entry.path.data, entry.path.size);
  return paths;
}

using Paths = std::vector<std::string>;

TEST(LoaderCacheTest, FindsANamesEntriesInOrderWithoutHwcapOnes) {
  std::string cache = BuildCache({{{"libz.so.1", "/opt/hw/libz.so.1"}, uint64_t{1} << 62},
                                  {{"libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"}, 0},
                                  {{"libz.so.1", "/usr/lib/libz.so.1"}, 0},
                                  {{"libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"}, 0}});
  EXPECT_EQ(Lookup(cache, "libz.so.1"),
            (Paths{"/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/libz.so.1"}));
  EXPECT_EQ(Lookup(cache, "libc.so.6"), (Paths{"/lib/x86_64-linux-gnu/libc.so.6"}));
  EXPECT_EQ(Lookup(cache, "libm.so.6"), Paths{});
  EXPECT_EQ(Lookup(cache, "libz.so"), Paths{});
}

TEST(LoaderCacheTest, SearchesInLdconfigsOrder) {
  // ldconfig sorts names in descending order, digit runs compared as numbers (glibc's
  // _dl_cache_libcmp): libfoo.so.10 above libfoo.so.9, a digit above any other byte, a longer name
  // above its prefix. The binary search finds every one of them, and nothing between them.
  std::vector<std::string> names = {"libz.so.1",   "libx2.so",     "libx.so.1",    "libfoo.so.10",
                                    "libfoo.so.9", "libfoo.so.2a", "libfoo.so.2",  "libfoo.so",
                                    "libc.so.6",   "libc.so",      "libb.so.0.10", "libb.so.0.9",
                                    "liba.so"};
  std::vector<std::pair<testing::CacheFileEntry, uint64_t>> entries;
  for (const std::string& name : names) entries.push_back({{name, "/lib/" + name}, 0});
  std::string cache = BuildCache(entries);
  for (const std::string& name : names) EXPECT_EQ(Lookup(cache, name), Paths{"/lib/" + name});
  for (const char* absent : {"libfoo.so.3", "liby.so", "lib", "libzz.so", "libaa.so", ""})
    EXPECT_EQ(Lookup(cache, absent), Paths{}) << absent;
  // Digit runs compare as numbers, as the loader compares them: the entry for libfoo.so.09 is the
  // one the loader takes for libfoo.so.9.
  EXPECT_EQ(Lookup(cache, "libfoo.so.09"), Paths{"/lib/libfoo.so.9"});
}

TEST(LoaderCacheTest, MalformedCachesReadAsEmpty) {
  EXPECT_EQ(Lookup("", "libc.so.6"), Paths{});
  EXPECT_EQ(Lookup("ld.so-1.7.0", "libc.so.6"), Paths{});
  // Relative paths are left out.
  EXPECT_EQ(Lookup(BuildCache({{{"libc.so.6", "lib/libc.so.6"}, 0}}), "libc.so.6"), Paths{});
  std::string cache = BuildCache({{{"libc.so.6", "/lib/libc.so.6"}, 0}});
  for (size_t length = 0; length < cache.size(); ++length) {
    // A cut through the strings loses the entry whose name or path is cut, never more.
    EXPECT_LE(Lookup(cache.substr(0, length), "libc.so.6").size(), 1u);
  }
  std::string lying = cache;
  uint32_t count = 1000000;
  std::memcpy(lying.data() + 20, &count, 4);
  EXPECT_EQ(Lookup(lying, "libc.so.6"), Paths{});
  // A name outside the file stops the search, as it stops the loader's.
  std::string bogus = cache;
  uint32_t key = static_cast<uint32_t>(cache.size());
  std::memcpy(bogus.data() + 48 + 4, &key, 4);
  EXPECT_EQ(Lookup(bogus, "libc.so.6"), Paths{});
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
  EXPECT_FALSE(Lookup(bytes, "libc.so.6").empty());
}

}  // namespace
}  // namespace landlockc::loader
