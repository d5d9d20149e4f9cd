// SPDX-License-Identifier: MIT
#include "lsp/lsp.h"

#include "lsp/server.h"
#include "lsp/transport.h"

namespace landlockc::lsp {

int Serve(std::istream& in, std::ostream& out, const WorkspaceOptions& options) {
  Server server(options);
  while (true) {
    Incoming incoming = ReadMessage(in);
    std::vector<std::string> replies;
    if (incoming.kind == Incoming::Kind::kEnd) return 1;
    if (incoming.kind == Incoming::Kind::kMalformed)
      replies.push_back(Server::MalformedHeader(incoming.error));
    else
      replies = server.Handle(incoming.body);
    for (const std::string& reply : replies) out << Frame(reply);
    out.flush();
    if (server.exit_code()) return *server.exit_code();
  }
}

}  // namespace landlockc::lsp
