// SPDX-License-Identifier: MIT
// Reading the test suite's own inputs. A test that cannot find its input must fail, loudly: an
// unreadable file is never an empty string, and an empty folder never an empty list that passes.
#ifndef LANDLOCKC_TESTS_SUPPORT_TEST_FILES_H_
#define LANDLOCKC_TESTS_SUPPORT_TEST_FILES_H_

#include <string>
#include <vector>

namespace landlockc::test_support {

/// The bytes of the file at `path`; records a test failure naming the path when it cannot be read.
std::string ReadTestFile(const std::string& path);

/// The sorted paths of the regular files in `directory` whose name ends with `extension`; records a
/// test failure when the directory cannot be listed or holds no such file.
std::vector<std::string> FilesIn(const std::string& directory, const std::string& extension);

}  // namespace landlockc::test_support

#endif  // LANDLOCKC_TESTS_SUPPORT_TEST_FILES_H_
