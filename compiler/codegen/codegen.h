// SPDX-License-Identifier: MIT
// The code generator: the checked model to the blob the runtime applies (format in
// runtime/blob_format.h, docs/blob-format.md) and the blob as a C header. The way back (blob to
// model, policy source and JSON, for `inspect`) is in decode.h, included here.
#ifndef LANDLOCKC_COMPILER_CODEGEN_CODEGEN_H_
#define LANDLOCKC_COMPILER_CODEGEN_CODEGEN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/codegen/decode.h"
#include "compiler/model/model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::codegen {

/// The blob for a checked policy: deterministic to the byte (same model, same bytes). Grants whose
/// `rights` are empty (everything they asked for is unhandled) are left out; each layer's fs grants
/// are sorted by path and front-coded, grants on one path merged into one. The model must be one
/// the checker accepted (at most 16 layers, each handling something); anything else is a
/// programming error (asserts).
std::vector<uint8_t> EmitBlob(const model::Policy& policy);

/// The bytes `layer` takes in the blob EmitBlob writes (after the header, blob::kHeaderSize), for
/// the checker's bound on the blob's size (blob::kMaxBlobSize).
size_t EncodedLayerSize(const model::Layer& layer);

/// A C header holding `blob`, usable from C and C++:
///   extern const unsigned char <identifier>[]; extern const size_t <identifier>_size;
/// followed by their definitions, inside include guards and `extern "C"`. Because it defines the
/// data, include it in exactly one translation unit; other units repeat the two `extern` lines.
/// Characters of `identifier` that cannot appear in a C identifier become `_` (and a leading digit
/// gets a `_` prefix).
std::string EmitCHeader(llvm::ArrayRef<uint8_t> blob, llvm::StringRef identifier);

/// The default identifier for a policy file, as `landlockc_add_policy` names it: the file's stem,
/// non-identifier characters as `_`, then `_policy` ("web-server.landlock" -> "web_server_policy").
std::string DefaultIdentifier(llvm::StringRef policy_path);

}  // namespace landlockc::codegen

#endif  // LANDLOCKC_COMPILER_CODEGEN_CODEGEN_H_
