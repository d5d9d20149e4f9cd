// SPDX-License-Identifier: MIT
// Scripted sessions: each test starts `landlockc lsp`, writes framed messages to its standard
// input and reads what it answers, as an editor would.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include <gtest/gtest.h>

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "lsp/documents.h"
#include "lsp/transport.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::lsp {
namespace {

namespace json = llvm::json;

// `text` as JSON parses and prints it (keys sorted), so that layout does not matter.
std::string Canonical(llvm::StringRef text) {
  llvm::Expected<json::Value> value = json::parse(text);
  if (!value) return "not JSON: " + llvm::toString(value.takeError()) + ": " + text.str();
  return llvm::formatv("{0:2}", *value).str();
}

std::string Quote(llvm::StringRef text) { return llvm::formatv("{0}", json::Value(text)).str(); }

class Server {
 public:
  Server() {
    int to_server[2];
    int from_server[2];
    if (pipe(to_server) != 0 || pipe(from_server) != 0) ADD_FAILURE() << "pipe failed";
    pid_ = fork();
    if (pid_ == 0) {
      dup2(to_server[0], 0);
      dup2(from_server[1], 1);
      close(to_server[1]);
      close(from_server[0]);
      execl(LANDLOCKC_BINARY, LANDLOCKC_BINARY, "lsp", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_server[0]);
    close(from_server[1]);
    in_ = to_server[1];
    out_ = from_server[0];
  }

  ~Server() {
    if (in_ >= 0) close(in_);
    close(out_);
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void SendRaw(llvm::StringRef bytes) {
    for (size_t sent = 0; sent < bytes.size();) {
      ssize_t n = write(in_, bytes.data() + sent, bytes.size() - sent);
      ASSERT_GT(n, 0) << "the server stopped reading";
      sent += static_cast<size_t>(n);
    }
  }

  void Send(llvm::StringRef body) { SendRaw(Frame(body)); }

  void Request(int id, llvm::StringRef method, llvm::StringRef params = "{}") {
    Send(llvm::formatv(R"({{"jsonrpc":"2.0","id":{0},"method":"{1}","params":{2}})", id, method,
                       params)
             .str());
  }

  void Notify(llvm::StringRef method, llvm::StringRef params) {
    Send(llvm::formatv(R"({{"jsonrpc":"2.0","method":"{0}","params":{1}})", method, params).str());
  }

  void Initialize() {
    Request(1, "initialize", R"({"processId":null,"rootUri":null,"capabilities":{}})");
    Receive();
    Notify("initialized", "{}");
  }

  void Open(llvm::StringRef uri, llvm::StringRef text, int version = 1) {
    Notify("textDocument/didOpen",
           llvm::formatv(R"({{"textDocument":{{"uri":"{0}","languageId":"landlock","version":{1},)"
                         R"("text":{2}}})",
                         uri, version, Quote(text))
               .str());
  }

  // The next message from the server, canonical; "" when none comes within 20 seconds.
  std::string Receive() {
    std::string header;
    while (header.size() < 4 || header.substr(header.size() - 4) != "\r\n\r\n") {
      char c;
      if (!ReadByte(c)) return "";
      header += c;
    }
    size_t length = std::stoul(header.substr(header.find(':') + 1));
    std::string body;
    for (size_t i = 0; i < length; ++i) {
      char c;
      if (!ReadByte(c)) return "";
      body += c;
    }
    return Canonical(body);
  }

  // Closes the server's input and returns its exit status.
  int Wait() {
    close(in_);
    in_ = -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  bool ReadByte(char& c) {
    pollfd ready = {out_, POLLIN, 0};
    if (poll(&ready, 1, 20000) <= 0) return false;
    return read(out_, &c, 1) == 1;
  }

  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  bool waited_ = false;
};

std::string Diagnostics(llvm::StringRef uri, int version, const std::string& diagnostics) {
  return Canonical(R"j({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{)j"
                   R"j("uri":")j" +
                   uri.str() + R"j(","version":)j" + std::to_string(version) +
                   R"j(,"diagnostics":)j" + diagnostics + "}}");
}

std::string Result(int id, const std::string& result) {
  return Canonical(R"j({"jsonrpc":"2.0","id":)j" + std::to_string(id) + R"j(,"result":)j" + result +
                   "}");
}

std::string Error(llvm::StringRef id, int code, llvm::StringRef message) {
  return Canonical(llvm::formatv(R"({{"jsonrpc":"2.0","id":{0},"error":{{"code":{1},)"
                                 R"("message":{2}}})",
                                 id, code, Quote(message))
                       .str());
}

std::string At(llvm::StringRef uri, unsigned line, unsigned character) {
  return llvm::formatv(R"({{"textDocument":{{"uri":"{0}"},"position":{{"line":{1},)"
                       R"("character":{2}}})",
                       uri, line, character)
      .str();
}

constexpr char kCompilerDocs[] = "https://github.com/landlockc/landlockc/blob/v" LANDLOCKC_VERSION
                                 "/docs/language.md#diagnostics";

class SessionTest : public test_support::ScratchTest {
 protected:
  std::string Uri(const std::string& name) const { return PathToUri(Path(name)); }
};

TEST_F(SessionTest, InitializeReportsCapabilities) {
  Server server;
  server.Request(1, "initialize", R"({"capabilities":{}})");
  EXPECT_EQ(server.Receive(), Result(1, R"({
    "capabilities": {
      "textDocumentSync": {"openClose": true, "change": 2},
      "hoverProvider": true,
      "completionProvider": {"triggerCharacters": ["\"", "/"]},
      "definitionProvider": true,
      "documentFormattingProvider": true,
      "documentSymbolProvider": true
    },
    "serverInfo": {"name": "landlockc"}})"));
}

// `{"textDocument":{"uri":URI,"version":VERSION},"contentChanges":CHANGES}`
std::string Change(llvm::StringRef uri, int version, llvm::StringRef changes) {
  return R"j({"textDocument":{"uri":")j" + uri.str() + R"j(","version":)j" +
         std::to_string(version) + R"j(},"contentChanges":)j" + changes.str() + "}";
}

TEST_F(SessionTest, ErrorsArePublishedAndClearedWhenFixed) {
  Server server;
  server.Initialize();
  std::string uri = Uri("app.landlock");
  server.Open(uri, "abi 10;\nallow read_fil on \"/usr\";\nuse web;\n");
  std::string docs = kCompilerDocs;
  EXPECT_EQ(server.Receive(), Diagnostics(uri, 1, R"j([
    {"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 14}},
     "severity": 1, "source": "landlockc", "code": "unknown-name",
     "codeDescription": {"href": ")j" + docs + R"j("},
     "message": "unknown name `read_fil`; did you mean `read_file`?"},
    {"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 7}},
     "severity": 1, "source": "landlockc", "code": "unknown-rules",
     "codeDescription": {"href": ")j" + docs + R"j("},
     "message": "unknown `rules` block `web`"}])j"));
  // Incremental: `read_fil` becomes `read_file`, and the `use` line goes.
  server.Notify("textDocument/didChange", Change(uri, 2, R"j([
    {"range": {"start": {"line": 1, "character": 14}, "end": {"line": 1, "character": 14}},
     "text": "e"},
    {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 3, "character": 0}},
     "text": ""}])j"));
  EXPECT_EQ(server.Receive(), Diagnostics(uri, 2, "[]"));
}

constexpr char kPolicy[] = R"(abi 4;
let conf = "/etc/app";
rules tls {
    allow connect_tcp on port 443;
    allow read on "/etc/ssl";
}
layer main {
    allow read on conf;
    use tls;
}
)";

// A session with kPolicy open as `policy.landlock`, its diagnostics read.
class FeatureTest : public SessionTest {
 protected:
  void SetUp() override {
    server_.Initialize();
    uri_ = Uri("policy.landlock");
    server_.Open(uri_, kPolicy);
    server_.Receive();
  }

  std::string Ask(llvm::StringRef method, const std::string& params) {
    server_.Request(7, method, params);
    return server_.Receive();
  }

  Server server_;
  std::string uri_;
};

TEST_F(FeatureTest, HoverOnARightGivesItsAbi) {
  EXPECT_EQ(Ask("textDocument/hover", At(uri_, 3, 12)), Result(7, R"j({
    "contents": {"kind": "markdown", "value": "`connect_tcp`: net right, needs ABI 4"},
    "range": {"start": {"line": 3, "character": 10}, "end": {"line": 3, "character": 21}}})j"));
}

TEST_F(FeatureTest, HoverOnASetGivesEachRightsAbi) {
  EXPECT_EQ(Ask("textDocument/hover", At(uri_, 4, 10)), Result(7, R"j({
    "contents": {"kind": "markdown",
                 "value": "`read`: set of fs rights\n\n- `read_file` (ABI 1)\n- `read_dir` (ABI 1)\n"},
    "range": {"start": {"line": 4, "character": 10}, "end": {"line": 4, "character": 14}}})j"));
}

TEST_F(FeatureTest, HoverOnAPathGivesTheAccessModelsAnswer) {
  EXPECT_EQ(Ask("textDocument/hover", At(uri_, 4, 20)), Result(7, R"j({
    "contents": {"kind": "markdown",
                 "value": "`/etc/ssl` under ABI 4\n\n- layer `main`: allows `read_file, read_dir`\n  - by allow `read_file, read_dir` on `/etc/ssl` (line 5)\n\nallowed: `read_file, read_dir`\n"},
    "range": {"start": {"line": 4, "character": 18}, "end": {"line": 4, "character": 28}}})j"));
}

TEST_F(FeatureTest, HoverOnALetNameInPlaceOfAPathGivesItsPathsAnswer) {
  EXPECT_EQ(Ask("textDocument/hover", At(uri_, 7, 20)), Result(7, R"j({
    "contents": {"kind": "markdown",
                 "value": "`/etc/app` under ABI 4\n\n- layer `main`: allows `read_file, read_dir`\n  - by allow `read_file, read_dir` on `/etc/app` (line 8)\n\nallowed: `read_file, read_dir`\n"},
    "range": {"start": {"line": 7, "character": 18}, "end": {"line": 7, "character": 22}}})j"));
}

TEST_F(FeatureTest, HoverOnUseGivesTheBlocksGrants) {
  EXPECT_EQ(Ask("textDocument/hover", At(uri_, 8, 5)), Result(7, R"j({
    "contents": {"kind": "markdown",
                 "value": "rules `tls`:\n\n- allow `read_file, read_dir` on `/etc/ssl` (line 5)\n- allow `connect_tcp` on port 443 (line 4)\n"},
    "range": {"start": {"line": 8, "character": 4}, "end": {"line": 8, "character": 7}}})j"));
}

TEST_F(FeatureTest, HoverOnALayerGivesWhatItHandles) {
  EXPECT_EQ(Ask("textDocument/hover", At(uri_, 6, 7)), Result(7, R"j({
    "contents": {"kind": "markdown",
                 "value": "layer `main` (deny by default)\n\n- handles fs: `execute, write_file, read_file, read_dir, remove_dir, remove_file, make_char, make_dir, make_reg, make_sock, make_fifo, make_block, make_sym, refer, truncate`\n- handles net: `bind_tcp, connect_tcp`\n- 2 fs grants, 1 net grants\n"},
    "range": {"start": {"line": 6, "character": 6}, "end": {"line": 6, "character": 10}}})j"));
}

TEST_F(FeatureTest, CompletionAfterUseOffersRulesNames) {
  server_.Notify("textDocument/didChange",
                 Change(uri_, 2, R"j([{"range": {"start": {"line": 9, "character": 0},
                   "end": {"line": 9, "character": 0}}, "text": "    use \n"}])j"));
  server_.Receive();
  EXPECT_EQ(Ask("textDocument/completion", At(uri_, 9, 8)),
            Result(7, R"j([{"label": "tls", "kind": 9, "detail": "rules"}])j"));
}

TEST_F(FeatureTest, CompletionOffersOnlyWhatThePolicysAbiHas) {
  // `re` at the start of line 10: keywords, rights and sets of ABI 4 (not `resolve_unix`, ABI 9).
  server_.Notify("textDocument/didChange",
                 Change(uri_, 2, R"j([{"range": {"start": {"line": 10, "character": 0},
                   "end": {"line": 10, "character": 0}}, "text": "re"}])j"));
  server_.Receive();
  EXPECT_EQ(Ask("textDocument/completion", At(uri_, 10, 2)), Result(7, R"j([
    {"label": "requires", "kind": 14, "detail": "keyword"},
    {"label": "read_file", "kind": 20, "detail": "fs right, ABI 1"},
    {"label": "read_dir", "kind": 20, "detail": "fs right, ABI 1"},
    {"label": "remove_dir", "kind": 20, "detail": "fs right, ABI 1"},
    {"label": "remove_file", "kind": 20, "detail": "fs right, ABI 1"},
    {"label": "refer", "kind": 20, "detail": "fs right, ABI 2"},
    {"label": "read", "kind": 21, "detail": "set of fs rights"},
    {"label": "read_write", "kind": 21, "detail": "set of fs rights"}])j"));
}

TEST_F(FeatureTest, CompletionOfLetNames) {
  server_.Notify("textDocument/didChange",
                 Change(uri_, 2, R"j([{"range": {"start": {"line": 10, "character": 0},
                   "end": {"line": 10, "character": 0}}, "text": "co"}])j"));
  server_.Receive();
  EXPECT_EQ(Ask("textDocument/completion", At(uri_, 10, 2)), Result(7, R"j([
    {"label": "connect_tcp", "kind": 20, "detail": "net right, ABI 4"},
    {"label": "conf", "kind": 6, "detail": "let"}])j"));
}

TEST_F(FeatureTest, CompletionOfPathsAndStdFiles) {
  Write("dir/alpha.txt", "");
  Write("dir/almanac/x", "");
  Write("dir/beta", "");
  std::string text = "include \"std/t\";\nallow read on \"" + Path("dir/al") + "\";\n";
  server_.Notify("textDocument/didChange", Change(uri_, 2, "[{\"text\": " + Quote(text) + "}]"));
  server_.Receive();
  EXPECT_EQ(Ask("textDocument/completion", At(uri_, 0, 14)), Result(7, R"j([
    {"label": "std/temp.landlock", "kind": 17},
    {"label": "std/tls.landlock", "kind": 17},
    {"label": "std/tty.landlock", "kind": 17}])j"));
  unsigned end_of_path = static_cast<unsigned>(15 + Path("dir/al").size());
  EXPECT_EQ(Ask("textDocument/completion", At(uri_, 1, end_of_path)), Result(7, R"j([
    {"label": "almanac/", "kind": 19},
    {"label": "alpha.txt", "kind": 17}])j"));
}

TEST_F(FeatureTest, DefinitionOfUseAndLetNames) {
  EXPECT_EQ(
      Ask("textDocument/definition", At(uri_, 8, 9)),
      Result(
          7,
          R"j({"uri": ")j" + uri_ +
              R"j(", "range": {"start": {"line": 2, "character": 6}, "end": {"line": 2, "character": 9}}})j"));
  EXPECT_EQ(
      Ask("textDocument/definition", At(uri_, 7, 19)),
      Result(
          7,
          R"j({"uri": ")j" + uri_ +
              R"j(", "range": {"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 8}}})j"));
}

TEST_F(FeatureTest, DefinitionOfAnInclude) {
  std::string library = Write("lib/web.landlock", "rules web {\n    allow read on \"/srv\";\n}\n");
  server_.Notify(
      "textDocument/didChange",
      Change(uri_, 2, R"j([{"text": "abi 10;\ninclude \"lib/web.landlock\";\nuse web;\n"}])j"));
  EXPECT_EQ(server_.Receive(), Diagnostics(uri_, 2, "[]"));
  EXPECT_EQ(
      Ask("textDocument/definition", At(uri_, 1, 12)),
      Result(
          7,
          R"j({"uri": ")j" + PathToUri(library) +
              R"j(", "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}})j"));
  // `use web` goes to the block in the included file.
  EXPECT_EQ(
      Ask("textDocument/definition", At(uri_, 2, 5)),
      Result(
          7,
          R"j({"uri": ")j" + PathToUri(library) +
              R"j(", "range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 9}}})j"));
}

TEST_F(FeatureTest, DocumentSymbolsAreLayersAndRulesBlocks) {
  EXPECT_EQ(Ask("textDocument/documentSymbol", R"j({"textDocument": {"uri": ")j" + uri_ + "\"}}"),
            Result(7, R"j([
    {"name": "tls", "detail": "rules", "kind": 12,
     "range": {"start": {"line": 2, "character": 0}, "end": {"line": 5, "character": 1}},
     "selectionRange": {"start": {"line": 2, "character": 6}, "end": {"line": 2, "character": 9}}},
    {"name": "main", "detail": "layer", "kind": 3,
     "range": {"start": {"line": 6, "character": 0}, "end": {"line": 9, "character": 1}},
     "selectionRange": {"start": {"line": 6, "character": 6}, "end": {"line": 6, "character": 10}}}])j"));
}

TEST_F(FeatureTest, FormattingReplacesTheTextWithTheFmtLayout) {
  std::string formatting = R"j({"textDocument": {"uri": ")j" + uri_ +
                           R"j("}, "options": {"tabSize": 4, "insertSpaces": true}})j";
  EXPECT_EQ(Ask("textDocument/formatting", formatting), Result(7, "[]"));
  server_.Notify(
      "textDocument/didChange",
      Change(uri_, 2, R"j([{"text": "abi 4;\nlayer x {allow   read on \"/usr\" ;}\n"}])j"));
  server_.Receive();
  EXPECT_EQ(Ask("textDocument/formatting", formatting), Result(7, R"j([
    {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 0}},
     "newText": "abi 4;\nlayer x {\n    allow read on \"/usr\";\n}\n"}])j"));
  // Text that does not parse has no layout.
  server_.Notify("textDocument/didChange", Change(uri_, 3, R"j([{"text": "layer {"}])j"));
  server_.Receive();
  EXPECT_EQ(Ask("textDocument/formatting", formatting), Result(7, "null"));
}

TEST_F(SessionTest, AnIncludeEditedInAnotherDocumentUpdatesTheIncludingOne) {
  Server server;
  server.Initialize();
  // The library exists only in the editor, not on disk.
  std::string library = Uri("lib.landlock");
  std::string policy = Uri("app.landlock");
  server.Open(library, "rules web {\n    allow read on \"/srv\";\n}\n");
  // Checked on its own, a library is a policy without a layer, as `landlockc check` says.
  std::string no_layer = R"j([
    {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
     "severity": 1, "source": "landlockc", "code": "empty-policy",
     "codeDescription": {"href": ")j" +
                         std::string(kCompilerDocs) + R"j("},
     "message": "the policy has no layer; write a `layer` block or top-level rules"}])j";
  EXPECT_EQ(server.Receive(), Diagnostics(library, 1, no_layer));
  server.Open(policy, "abi 10;\ninclude \"lib.landlock\";\nuse web;\n");
  EXPECT_EQ(server.Receive(), Diagnostics(policy, 1, "[]"));
  server.Notify("textDocument/didChange",
                Change(library, 2, R"j([{"range": {"start": {"line": 0, "character": 6},
                  "end": {"line": 0, "character": 9}}, "text": "www"}])j"));
  EXPECT_EQ(server.Receive(), Diagnostics(library, 2, no_layer));
  EXPECT_EQ(server.Receive(), Diagnostics(policy, 1,
                                          R"j([
    {"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 7}},
     "severity": 1, "source": "landlockc", "code": "unknown-rules",
     "codeDescription": {"href": ")j" + std::string(kCompilerDocs) +
                                              R"j("},
     "message": "unknown `rules` block `web`"}])j"));
}

TEST_F(SessionTest, LintSettingsComeFromTheNearestConfigurationFile) {
  Server server;
  server.Initialize();
  std::string text = "abi 7;\nallow read on \"/usr\";\n";
  // Without a configuration, the default target (the newest ABI) finds the pinned ABI old.
  std::string plain = Uri("plain/p.landlock");
  server.Open(plain, text);
  std::string newer_abi = R"j({"range": {"start": {"line": 0, "character": 0},
                                          "end": {"line": 0, "character": 6}},
     "severity": 3, "source": "landlockc", "code": "newer-abi",
     "codeDescription": {"href": "https://github.com/landlockc/landlockc/blob/v)j" LANDLOCKC_VERSION
                          R"j(/docs/lint/newer-abi.md"},
     "message": "target `abi:10` offers `resolve_unix` (ABI 9), `bind_udp`, `connect_send_udp` (ABI 10), which this policy, written for ABI 7, leaves unrestricted; raise `abi` to restrict them"})j";
  EXPECT_EQ(server.Receive(), Diagnostics(plain, 1, "[" + newer_abi + "]"));
  // Its directory's .landlockc.toml disables the rule.
  Write("quiet/.landlockc.toml", "disable = [\"newer-abi\"]\n");
  std::string quiet = Uri("quiet/sub/p.landlock");
  server.Open(quiet, text);
  EXPECT_EQ(server.Receive(), Diagnostics(quiet, 1, "[]"));
  // A broken one is reported at the top of the document, and the defaults apply.
  Write("broken/.landlockc.toml", "fial-on = \"error\"\n");
  std::string broken = Uri("broken/p.landlock");
  server.Open(broken, text);
  std::string message =
      Path("broken/.landlockc.toml") + ":1:1: unknown key `fial-on` (did you mean `fail-on`?)";
  EXPECT_EQ(server.Receive(), Diagnostics(broken, 1,
                                          R"j([{"range": {"start": {"line": 0, "character": 0},
                                        "end": {"line": 0, "character": 0}},
                              "severity": 1, "source": "landlockc", "message": )j" +
                                              Quote(message) + "}, " + newer_abi + "]"));
}

TEST_F(SessionTest, GarbageAndUnknownMethodsGetErrorsAndTheServerGoesOn) {
  Server server;
  server.SendRaw("garbage\r\n\r\n");
  EXPECT_EQ(server.Receive(), Error("null", -32700, "malformed header: header line without `:`"));
  server.Send("{not json");
  EXPECT_EQ(server.Receive(),
            Error("null", -32700, "not JSON: [1:2, byte=2]: Expected object key"));
  server.Send("[1, 2]");
  EXPECT_EQ(server.Receive(), Error("null", -32600, "a message is a JSON object"));
  server.Request(2, "textDocument/hover", "{}");
  EXPECT_EQ(server.Receive(), Error("2", -32002, "`initialize` comes first"));
  server.Initialize();
  server.Request(3, "workspace/frobnicate");
  EXPECT_EQ(server.Receive(), Error("3", -32601, "unknown method `workspace/frobnicate`"));
  server.Notify("$/unknownNotification", "{}");
  server.Request(4, "textDocument/hover", R"j({"textDocument": {}})j");
  EXPECT_EQ(server.Receive(), Error("4", -32602, "invalid params: textDocument.uri and position"));
  server.Request(5, "shutdown");
  EXPECT_EQ(server.Receive(), Result(5, "null"));
  server.Notify("exit", "{}");
  EXPECT_EQ(server.Wait(), 0);
}

TEST_F(SessionTest, ExitWithoutShutdownIsAFailure) {
  Server server;
  server.Initialize();
  server.Notify("exit", "{}");
  EXPECT_EQ(server.Wait(), 1);
}

TEST_F(SessionTest, RequestsAfterShutdownAreRefused) {
  Server server;
  server.Initialize();
  server.Request(2, "shutdown");
  EXPECT_EQ(server.Receive(), Result(2, "null"));
  server.Request(3, "textDocument/hover", At(Uri("x.landlock"), 0, 0));
  EXPECT_EQ(server.Receive(), Error("3", -32600, "the server is shut down"));
  server.Notify("exit", "{}");
  EXPECT_EQ(server.Wait(), 0);
}

}  // namespace
}  // namespace landlockc::lsp
