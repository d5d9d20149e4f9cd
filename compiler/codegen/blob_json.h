// SPDX-License-Identifier: MIT
// A blob as JSON, for `inspect --format=json`. Apart from decode.h so that llvm/Support/JSON.h
// stays inside the units that write JSON: LLVM 14's JSON.h does not compile under clang in C++20
// mode with libstdc++ 12, and the phases must build with clang (the fuzz targets, tests/fuzz/).
#ifndef LANDLOCKC_COMPILER_CODEGEN_BLOB_JSON_H_
#define LANDLOCKC_COMPILER_CODEGEN_BLOB_JSON_H_

#include <cstdint>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace landlockc::codegen {

/// The blob as JSON: {"format_version", "size", "abi", "requires_abi", "highest_abi_used",
/// "threads", "layers": [{"name", "handled": {"fs": [names], "net": [...], "scope": [...]},
/// "explicit": {...}, "log": [flag names], "fs_grants": [{"path", "rights": [names],
/// "optional"}], "net_grants": [{"ports": a number or {"from", "to"}, "rights": [names]}]}]}.
llvm::Expected<llvm::json::Value> BlobToJson(llvm::ArrayRef<uint8_t> blob);

}  // namespace landlockc::codegen

#endif  // LANDLOCKC_COMPILER_CODEGEN_BLOB_JSON_H_
