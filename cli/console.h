// What the driver itself prints on stderr: `landlockc: error: ...` and `landlockc: warning: ...`
// lines, and compiler diagnostics, colored only when stderr is a terminal.
#ifndef LANDLOCKC_CLI_CONSOLE_H_
#define LANDLOCKC_CLI_CONSOLE_H_

#include "compiler/diag/diagnostics.h"
#include "llvm/ADT/Twine.h"

namespace landlockc::cli {

/// Prints `landlockc: error: <message>` on stderr.
void PrintError(const llvm::Twine& message);

/// Prints `landlockc: warning: <message>` on stderr.
void PrintWarning(const llvm::Twine& message);

/// True when stderr is a terminal that takes colors.
bool StderrHasColors();

/// Renders every diagnostic `diags` holds on stderr.
void RenderDiagnostics(const diag::DiagnosticEngine& diags);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_CONSOLE_H_
