// SPDX-License-Identifier: MIT
// A directory of one test's own for the files it writes, removed with its contents afterwards.
#ifndef LANDLOCKC_TESTS_SUPPORT_SCRATCH_DIR_H_
#define LANDLOCKC_TESTS_SUPPORT_SCRATCH_DIR_H_

#include <string>

#include <gtest/gtest.h>

namespace landlockc::test_support {

/// A new, empty directory in the system's temporary directory; records a test failure when it
/// cannot be made. Removed, with everything in it, on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  /// The directory's absolute path, with no symbolic link in it.
  const std::string& root() const { return root_; }
  /// The absolute path of `relative` in the directory.
  std::string Path(const std::string& relative) const;
  /// Writes the bytes `contents` to `relative` (creating its parent directories); returns its
  /// absolute path. Records a test failure when it cannot be written.
  std::string Write(const std::string& relative, const std::string& contents) const;

 private:
  std::string root_;
};

/// A test with its own scratch directory.
class ScratchTest : public ::testing::Test {
 protected:
  /// The absolute path of `name` in the scratch directory.
  std::string Path(const std::string& name) const { return scratch_.Path(name); }
  /// Writes `contents` to `name` (creating parent directories); returns its absolute path.
  std::string Write(const std::string& name, const std::string& contents) const {
    return scratch_.Write(name, contents);
  }
  /// The scratch directory's absolute path.
  const std::string& root() const { return scratch_.root(); }

 private:
  ScratchDir scratch_;
};

}  // namespace landlockc::test_support

#endif  // LANDLOCKC_TESTS_SUPPORT_SCRATCH_DIR_H_
