// SPDX-License-Identifier: MIT
// Reading a policy file whole, with a bound: `include "/dev/zero"` or a runaway pipe must give an
// error, not exhaust memory.
#ifndef LANDLOCKC_COMPILER_CHECK_SOURCE_FILE_H_
#define LANDLOCKC_COMPILER_CHECK_SOURCE_FILE_H_

#include <cstddef>
#include <memory>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorOr.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::check {

/// The most bytes a policy file may hold: policies are kilobytes, this leaves generated ones
/// plenty of room.
inline constexpr size_t kMaxPolicyFileBytes = size_t{64} << 20;

/// Reads the file at `path` ("-": standard input, named `<stdin>`) whole, into a buffer named
/// `path`. Fails with the system's error, or `std::errc::file_too_large` past `max_bytes`.
llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> ReadPolicyFile(
    llvm::StringRef path, size_t max_bytes = kMaxPolicyFileBytes);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_SOURCE_FILE_H_
