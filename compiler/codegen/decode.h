// Decoding a blob, for `inspect` and for commands given a compiled policy: back to a model, to
// policy source that compiles to the identical blob, and to JSON. Every decode first runs the
// runtime's own validator, so the tools refuse exactly the blobs the runtime refuses.
#ifndef LANDLOCKC_COMPILER_CODEGEN_DECODE_H_
#define LANDLOCKC_COMPILER_CODEGEN_DECODE_H_

#include <cstdint>
#include <string>

#include "compiler/model/model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace landlockc::codegen {

/// Decodes a blob into a model (no source locations; `files` empty). Fails, with the runtime
/// validator's message, on any blob the runtime would refuse.
llvm::Expected<model::Policy> DecodeBlob(llvm::ArrayRef<uint8_t> blob);

/// Policy source for a blob; compiling it gives back the identical blob (layer names, order,
/// handled sets, explicit vs deny-by-default, grants, flags and ABI lines are all preserved).
llvm::Expected<std::string> BlobToSource(llvm::ArrayRef<uint8_t> blob);

/// The blob as JSON: {"format_version", "size", "abi", "requires_abi", "highest_abi_used",
/// "threads_all", "layers": [{"name", "handled": {"fs": [names], "net": [...], "scope": [...]},
/// "explicit": {...}, "log": [flag names], "fs_grants": [{"path", "rights": [names],
/// "optional"}], "net_grants": [{"ports": [low, high], "rights": [names]}]}]}.
llvm::Expected<llvm::json::Value> BlobToJson(llvm::ArrayRef<uint8_t> blob);

}  // namespace landlockc::codegen

#endif  // LANDLOCKC_COMPILER_CODEGEN_DECODE_H_
