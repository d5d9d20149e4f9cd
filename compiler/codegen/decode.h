// SPDX-License-Identifier: MIT
// Decoding a blob, for `inspect` and for commands given a compiled policy: back to a model and to
// policy source that compiles to the identical blob (the JSON form is in blob_json.h). Every decode
// first runs the runtime's own validator, so the tools refuse exactly the blobs the runtime
// refuses.
#ifndef LANDLOCKC_COMPILER_CODEGEN_DECODE_H_
#define LANDLOCKC_COMPILER_CODEGEN_DECODE_H_

#include <cstdint>
#include <string>

#include "compiler/model/model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

namespace landlockc::codegen {

/// Decodes a blob into a model (no source locations; `files` empty). Fails, with the runtime
/// validator's message, on any blob the runtime would refuse.
llvm::Expected<model::Policy> DecodeBlob(llvm::ArrayRef<uint8_t> blob);

/// Policy source for a blob; compiling it gives back the identical blob (layer names, order,
/// handled sets, explicit vs deny-by-default, grants, flags and ABI lines are all preserved).
llvm::Expected<std::string> BlobToSource(llvm::ArrayRef<uint8_t> blob);

}  // namespace landlockc::codegen

#endif  // LANDLOCKC_COMPILER_CODEGEN_DECODE_H_
