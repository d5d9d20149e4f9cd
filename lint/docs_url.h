// SPDX-License-Identifier: MIT
// Where the documentation of a diagnostic is (the pages of docs/ at the release tag of the running
// version), and how a file becomes a URI. Apart from lint/output.h so that readers without JSON
// (the language server's workspace) write the same links.
#ifndef LANDLOCKC_LINT_DOCS_URL_H_
#define LANDLOCKC_LINT_DOCS_URL_H_

#include <string>

#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// The page `page` of docs/ (e.g. "language.md#diagnostics") for the version that is running.
std::string DocumentationUrl(llvm::StringRef page);

/// The documentation page of lint rule `id` for the version that is running (`helpUri`, the URL on
/// text findings, `--list-rules`).
std::string RuleDocumentationUrl(llvm::StringRef id);

/// The documentation of any diagnostic id: the rule's page for a lint rule, the language
/// reference's list of diagnostics for a compiler diagnostic (the language server's
/// `codeDescription`).
std::string DiagnosticDocumentationUrl(llvm::StringRef id);

/// `path` as the path of a URI (RFC 3986): bytes other than unreserved characters and `/` are
/// percent-encoded, so a file name with a space, `#` or `%` still gives a valid URI.
std::string UriPath(llvm::StringRef path);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_DOCS_URL_H_
