// SPDX-License-Identifier: MIT
#include "cli/console.h"

#include <unistd.h>

#include <cstdlib>
#include <optional>

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

enum class ColorMode { kAuto, kAlways, kNever };

// Registered at run time, on every subcommand, by RegisterColorOption: LLVM Support owns the
// top-level `--color`, so ours may only live in the subcommands.
std::optional<llvm::cl::opt<ColorMode>> color_option;

ColorMode Color() { return color_option ? color_option->getValue() : ColorMode::kAuto; }

// LLVM's renderer colors only a terminal unless its own `--color` says otherwise: pass `always`
// and `never` on to it.
void PassOnToLlvm(ColorMode mode) {
  if (mode == ColorMode::kAuto) return;
  llvm::StringMap<llvm::cl::Option*>& options = llvm::cl::getRegisteredOptions();
  auto llvm_color = options.find("color");
  if (llvm_color == options.end()) return;
  llvm_color->second->addOccurrence(0, "color", mode == ColorMode::kAlways ? "true" : "false");
}

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

void RegisterColorOption(llvm::ArrayRef<llvm::cl::SubCommand*> commands) {
  namespace cl = llvm::cl;
  if (color_option || commands.empty()) return;
  color_option.emplace(
      "color", cl::desc("When to color output"), cl::init(ColorMode::kAuto),
      cl::values(
          clEnumValN(ColorMode::kAuto, "auto", "on a terminal, unless NO_COLOR is set (default)"),
          clEnumValN(ColorMode::kAlways, "always", "always"),
          clEnumValN(ColorMode::kNever, "never", "never")),
      cl::callback([](const ColorMode& mode) { PassOnToLlvm(mode); }), cl::sub(*commands.front()));
  color_option->removeArgument();
  for (cl::SubCommand* command : commands.drop_front()) color_option->addSubCommand(*command);
  color_option->addArgument();
}

bool UseColors(int fd) {
  switch (Color()) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(fd) && llvm::sys::Process::FileDescriptorHasColors(fd);
}

bool StderrHasColors() { return UseColors(STDERR_FILENO); }

bool StdoutHasColors() { return UseColors(STDOUT_FILENO); }

void RenderDiagnostics(const diag::DiagnosticEngine& diags) {
  diags.Render(llvm::errs(), StderrHasColors());
}

}  // namespace landlockc::cli
