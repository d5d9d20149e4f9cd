// SPDX-License-Identifier: MIT
// Test helpers: parse policy text held in memory and render what was reported.
#ifndef LANDLOCKC_COMPILER_PARSE_PARSE_TEST_SUPPORT_H_
#define LANDLOCKC_COMPILER_PARSE_PARSE_TEST_SUPPORT_H_

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/parse/error_listener.h"
#include "compiler/parse/parse.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::parse {

/// `count` random texts, the same on every run: each joins `min` to `max` of `pieces` (drawn with
/// seed `seed`), each piece followed by `separator`.
inline std::vector<std::string> RandomTexts(llvm::ArrayRef<const char*> pieces, unsigned seed,
                                            int count, size_t min, size_t max,
                                            const std::string& separator) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> length(min, max);
  std::vector<std::string> texts;
  for (int i = 0; i < count; ++i) {
    std::string text;
    for (size_t n = length(random); n > 0; --n) text += pieces[piece(random)] + separator;
    texts.push_back(std::move(text));
  }
  return texts;
}

/// Parses text as the file `test.landlock`; keeps the SourceMgr alive for the AST's ranges.
class ParseFixture : public ::testing::Test {
 protected:
  ast::File Parse(llvm::StringRef text) {
    buffer_id_ = source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(text, "test.landlock"), llvm::SMLoc());
    return ParseFile(buffer_id_, diags_);
  }

  /// Everything reported, rendered without colors.
  std::string Rendered() const {
    std::string text;
    llvm::raw_string_ostream os(text);
    diags_.Render(os, /*colors=*/false);
    return os.str();
  }

  /// The source text a range covers.
  static std::string Slice(llvm::SMRange range) {
    return std::string(range.Start.getPointer(), range.End.getPointer());
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
  unsigned buffer_id_ = 0;
};

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_PARSE_TEST_SUPPORT_H_
