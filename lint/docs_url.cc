// SPDX-License-Identifier: MIT
#include "lint/docs_url.h"

#include "lint/rules/registry.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {

std::string DocumentationUrl(llvm::StringRef page) {
  return llvm::formatv("{0}/blob/v{1}/docs/{2}", LANDLOCKC_INFORMATION_URI, LANDLOCKC_VERSION, page)
      .str();
}

std::string RuleDocumentationUrl(llvm::StringRef id) {
  return DocumentationUrl(llvm::formatv("lint/{0}.md", id).str());
}

std::string DiagnosticDocumentationUrl(llvm::StringRef id) {
  if (FindRule(id) != nullptr) return RuleDocumentationUrl(id);
  return DocumentationUrl("language.md#diagnostics");
}

std::string UriPath(llvm::StringRef path) {
  std::string uri;
  for (char c : path) {
    if (llvm::isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uri += c;
      continue;
    }
    uri += '%';
    uri += llvm::hexdigit(static_cast<unsigned char>(c) >> 4);
    uri += llvm::hexdigit(static_cast<unsigned char>(c) & 15);
  }
  return uri;
}

}  // namespace landlockc::lint
