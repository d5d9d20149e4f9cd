// SPDX-License-Identifier: MIT
// `landlockc lsp`: the language server. Reads LSP messages from `in`, writes responses and
// diagnostics to `out`, until `exit` or the end of the input.
#ifndef LANDLOCKC_LSP_LSP_H_
#define LANDLOCKC_LSP_LSP_H_

#include <istream>
#include <ostream>

#include "lsp/workspace.h"

namespace landlockc::lsp {

/// Serves one client; returns the process's exit status: 0 after `shutdown` and `exit`, 1 when
/// `exit` comes without `shutdown` or the input ends first.
int Serve(std::istream& in, std::ostream& out, const WorkspaceOptions& options);

}  // namespace landlockc::lsp

#endif  // LANDLOCKC_LSP_LSP_H_
