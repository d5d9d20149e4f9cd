// SPDX-License-Identifier: MIT
#include "compiler/parse/error_listener.h"

#include <algorithm>

#include "compiler/parse/token_text.h"

namespace landlockc::parse {

void ErrorListener::BeginQuietSpan(llvm::SMLoc start) {
  if (quiet_span_open_) return;
  quiet_spans_.emplace_back(start.getPointer(), text_.end());
  quiet_span_open_ = true;
}

void ErrorListener::EndQuietSpan(llvm::SMLoc end) {
  if (!quiet_span_open_) return;
  quiet_spans_.back().second = end.getPointer();
  quiet_span_open_ = false;
}

bool ErrorListener::IsQuiet(llvm::SMLoc loc) const {
  const char* pointer = loc.getPointer();
  // Spans are disjoint and in source order: stop at the first one that ends before `loc`.
  for (auto span = quiet_spans_.rbegin(); span != quiet_spans_.rend(); ++span) {
    if (pointer >= span->first && pointer <= span->second) return true;
    if (span->second < pointer) return false;
  }
  return false;
}

bool ErrorListener::IsDamaged(llvm::SMRange range) const {
  const char* start = range.Start.getPointer();
  const char* end = range.End.getPointer();
  for (auto error = damaged_.lower_bound({start, nullptr});
       error != damaged_.end() && error->first <= end; ++error) {
    // An empty range at the very end is a missing `;`; a token starting there is not ours.
    if (error->first < end || error->first == error->second) return true;
  }
  return false;
}

void ErrorListener::Add(diag::DiagId id, llvm::SMRange range, std::string message, bool syntax) {
  if (aborted_) return;
  damaged_.emplace(range.Start.getPointer(), range.End.getPointer());
  if (syntax && IsQuiet(range.Start)) return;
  if (diag::Info(id).severity == diag::Severity::kError) {
    if (error_count_ == kMaxErrors) {
      aborted_ = true;
      pending_.push_back({diag::DiagId::kTooManyErrors, range,
                          llvm::formatv(diag::Info(diag::DiagId::kTooManyErrors).format,
                                        std::to_string(kMaxErrors))
                              .str()});
      throw ParseAborted{};
    }
    ++error_count_;
  }
  pending_.push_back({id, range, std::move(message)});
}

void ErrorListener::Flush() {
  auto end_of_errors = pending_.end();
  if (aborted_) --end_of_errors;
  std::stable_sort(pending_.begin(), end_of_errors, [](const Pending& a, const Pending& b) {
    return a.range.Start.getPointer() < b.range.Start.getPointer();
  });
  for (Pending& pending : pending_) {
    const diag::DiagInfo& info = diag::Info(pending.id);
    diags_.Emit(info.severity, info.id, pending.range, std::move(pending.message));
  }
  pending_.clear();
}

void ErrorListener::syntaxError(antlr4::Recognizer* /*recognizer*/, antlr4::Token* offending_symbol,
                                size_t line, size_t char_position_in_line,
                                const std::string& /*message*/, std::exception_ptr /*error*/) {
  llvm::SMRange range;
  if (offending_symbol != nullptr) {
    range = llvm::SMRange(TokenStart(text_, *offending_symbol), TokenEnd(text_, *offending_symbol));
  } else {
    llvm::SMLoc loc = diags_.source_mgr().FindLocForLineAndColumn(
        buffer_id_, static_cast<unsigned>(line), static_cast<unsigned>(char_position_in_line) + 1);
    range = llvm::SMRange(loc, loc);
  }
  // The grammar's strategy words every error it finds; this reports anything ANTLR finds on its
  // own, without its wording.
  std::string found = offending_symbol == nullptr ? std::string("input")
                      : offending_symbol->getType() == antlr4::Token::EOF
                          ? std::string("end of file")
                          : QuoteSource(TokenText(text_, *offending_symbol));
  ReportSyntax(diag::DiagId::kUnexpectedToken, range, found);
}

}  // namespace landlockc::parse
