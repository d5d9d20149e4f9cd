// SPDX-License-Identifier: MIT
// What the driver itself prints on stderr: `landlockc: error: ...` and `landlockc: warning: ...`
// lines, and compiler diagnostics; and whether output is colored (`--color`, `NO_COLOR`).
#ifndef LANDLOCKC_CLI_CONSOLE_H_
#define LANDLOCKC_CLI_CONSOLE_H_

#include "compiler/diag/diagnostics.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// Prints `landlockc: error: <message>` on stderr.
void PrintError(const llvm::Twine& message);

/// Prints `landlockc: warning: <message>` on stderr.
void PrintWarning(const llvm::Twine& message);

/// Registers `--color=auto|always|never` on each of `commands`; call once, before parsing.
void RegisterColorOption(llvm::ArrayRef<llvm::cl::SubCommand*> commands);

/// Whether to color output to file descriptor `fd`: `--color=always` yes, `never` no; `auto` (the
/// default) only a terminal that takes colors, and never when `NO_COLOR` is set and not empty.
bool UseColors(int fd);

/// UseColors for stderr.
bool StderrHasColors();

/// UseColors for stdout.
bool StdoutHasColors();

/// Renders every diagnostic `diags` holds on stderr.
void RenderDiagnostics(const diag::DiagnosticEngine& diags);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_CONSOLE_H_
