#include "cli/console.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

void PrintTagged(llvm::StringRef tag, llvm::raw_ostream::Colors color, const llvm::Twine& message) {
  llvm::raw_ostream& os = llvm::errs();
  bool colors = StderrHasColors();
  if (colors) os.changeColor(llvm::raw_ostream::WHITE, /*Bold=*/true);
  os << "landlockc: ";
  if (colors) os.changeColor(color, /*Bold=*/true);
  os << tag << ": ";
  if (colors) os.resetColor();
  os << message << '\n';
}

}  // namespace

void PrintError(const llvm::Twine& message) {
  PrintTagged("error", llvm::raw_ostream::RED, message);
}

void PrintWarning(const llvm::Twine& message) {
  PrintTagged("warning", llvm::raw_ostream::MAGENTA, message);
}

bool StderrHasColors() { return llvm::sys::Process::StandardErrHasColors(); }

void RenderDiagnostics(const diag::DiagnosticEngine& diags) {
  diags.Render(llvm::errs(), StderrHasColors());
}

}  // namespace landlockc::cli
