// SPDX-License-Identifier: MIT
// Helpers that turn model values into the words and source ranges of findings, so every rule
// spells rights, layers and places the same way.
#ifndef LANDLOCKC_LINT_DESCRIBE_H_
#define LANDLOCKC_LINT_DESCRIBE_H_

#include <cstdint>
#include <string>

#include "compiler/model/model.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include "runtime/abi_table.h"

namespace landlockc::lint {

/// The rights in `mask`, each in backticks, comma separated, in table order: "`read_file`,
/// `read_dir`".
std::string RightList(abi::Category category, uint64_t mask);

/// The name of one right (`read_file`), or "unknown" for a bit the table lacks.
const char* RightName(abi::Category category, uint64_t bit);

/// "layer `NAME`".
std::string LayerName(const model::Layer& layer);

/// "FILE:LINE" of a location, for explanations that point at another statement.
std::string Where(const model::Location& location);

/// `location` clipped to its first line (a block's header), so carets stay on one line. When the
/// location is unknown, FirstStatement.
llvm::SMRange HeadRange(const model::Location& location, const llvm::SourceMgr& source_mgr);

/// Where findings about the whole policy go: the start of the first statement of the main file
/// (buffer 1), past leading comments, as an empty range, so that a `# lint:ignore` line above it
/// applies.
llvm::SMRange FirstStatement(const llvm::SourceMgr& source_mgr);

/// "ports `LOW..HIGH`" or "port `N`".
std::string PortsText(const model::PortRange& ports);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_DESCRIBE_H_
