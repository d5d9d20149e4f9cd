// SPDX-License-Identifier: MIT
// `landlockc compile P [-o OUT] [--emit=blob|c|json] [-I DIR]... [--depfile F]`: a policy to a
// blob, a C header holding the blob, or the JSON dump of the checked layers.
#ifndef LANDLOCKC_CLI_COMPILE_COMMAND_H_
#define LANDLOCKC_CLI_COMPILE_COMMAND_H_

#include <string>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// What `compile` writes.
enum class EmitKind { kBlob, kC, kJson };

/// The `compile` subcommand and its options.
llvm::cl::SubCommand& CompileCommand();

/// The output name when `-o` is not given: the input with its extension replaced by `.llpb`
/// (blob), `.h` (C header) or `.json`.
std::string DefaultOutputName(llvm::StringRef input, EmitKind emit);

/// Runs `compile`: 0 written, 1 policy errors (nothing written), 2 usage or I/O error.
int RunCompile();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_COMPILE_COMMAND_H_
