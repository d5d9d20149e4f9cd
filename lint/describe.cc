// SPDX-License-Identifier: MIT
#include "lint/describe.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::lint {

std::string RightList(abi::Category category, uint64_t mask) {
  std::string text;
  for (const abi::Right& right : abi::kRights) {
    if (right.category != category || (mask & right.bit) == 0) continue;
    if (!text.empty()) text += ", ";
    text += "`";
    text += right.name;
    text += "`";
  }
  return text;
}

const char* RightName(abi::Category category, uint64_t bit) {
  for (const abi::Right& right : abi::kRights)
    if (right.category == category && right.bit == bit) return right.name;
  return "unknown";
}

std::string LayerName(const model::Layer& layer) { return "layer `" + layer.name + "`"; }

std::string Where(const model::Location& location) {
  return llvm::formatv("{0}:{1}", location.file, location.line).str();
}

llvm::SMRange FirstStatement(const llvm::SourceMgr& source_mgr) {
  if (source_mgr.getNumBuffers() == 0) return {};
  llvm::StringRef text = source_mgr.getMemoryBuffer(1)->getBuffer();
  llvm::StringRef rest = text;
  while (!rest.empty()) {
    auto [line, next] = rest.split('\n');
    llvm::StringRef code = line.ltrim();
    if (!code.empty() && !code.startswith("#")) {
      llvm::SMLoc start = llvm::SMLoc::getFromPointer(code.data());
      return {start, start};
    }
    rest = next;
  }
  llvm::SMLoc start = llvm::SMLoc::getFromPointer(text.data());
  return {start, start};
}

llvm::SMRange HeadRange(const model::Location& location, const llvm::SourceMgr& source_mgr) {
  if (!location.range.Start.isValid()) return FirstStatement(source_mgr);
  unsigned buffer = source_mgr.FindBufferContainingLoc(location.range.Start);
  if (buffer == 0) return location.range;
  const char* start = location.range.Start.getPointer();
  const char* buffer_end = source_mgr.getMemoryBuffer(buffer)->getBufferEnd();
  const char* end = location.range.End.isValid() ? location.range.End.getPointer() : start;
  const char* line_end = start;
  while (line_end < buffer_end && *line_end != '\n' && *line_end != '\r') ++line_end;
  if (end > line_end || end < start) end = line_end;
  // A block's header ends before its `{` (and any comment after it).
  for (const char* brace = start; brace < end; ++brace) {
    if (*brace == '{') {
      end = brace;
      break;
    }
  }
  // Trailing blanks before the end of the first line carry no meaning.
  while (end > start && (end[-1] == ' ' || end[-1] == '\t')) --end;
  return {location.range.Start, llvm::SMLoc::getFromPointer(end)};
}

std::string PortsText(const model::PortRange& ports) {
  if (ports.low == ports.high) return llvm::formatv("port `{0}`", ports.low).str();
  return llvm::formatv("ports `{0}..{1}`", ports.low, ports.high).str();
}

}  // namespace landlockc::lint
