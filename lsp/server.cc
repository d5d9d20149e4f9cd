// SPDX-License-Identifier: MIT
#include "lsp/server.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace landlockc::lsp {
namespace json = llvm::json;

namespace {

std::string Serialize(const json::Value& value) { return llvm::formatv("{0}", value).str(); }

json::Value ToJson(Position position) {
  return json::Object{{"line", position.line}, {"character", position.character}};
}

json::Value ToJson(const Range& range) {
  return json::Object{{"start", ToJson(range.start)}, {"end", ToJson(range.end)}};
}

json::Value ToJson(const Place& place) {
  return json::Object{{"uri", place.uri}, {"range", ToJson(place.range)}};
}

json::Value ToJson(const Finding& finding) {
  json::Object diagnostic{{"range", ToJson(finding.range)},
                          {"severity", static_cast<int>(finding.severity)},
                          {"source", "landlockc"},
                          {"message", finding.message}};
  if (!finding.code.empty()) {
    diagnostic["code"] = finding.code;
    diagnostic["codeDescription"] = json::Object{{"href", finding.url}};
  }
  if (!finding.related.empty()) {
    json::Array related;
    for (const RelatedPlace& place : finding.related)
      related.push_back(json::Object{{"location", ToJson(Place{place.uri, place.range})},
                                     {"message", place.message}});
    diagnostic["relatedInformation"] = std::move(related);
  }
  return diagnostic;
}

json::Value Notification(llvm::StringRef method, json::Value params) {
  return json::Object{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

std::optional<Position> PositionFrom(const json::Object* object) {
  if (object == nullptr) return std::nullopt;
  llvm::Optional<int64_t> line = object->getInteger("line");
  llvm::Optional<int64_t> character = object->getInteger("character");
  if (!line || !character || *line < 0 || *character < 0 || *line > UINT32_MAX ||
      *character > UINT32_MAX)
    return std::nullopt;
  return Position{static_cast<unsigned>(*line), static_cast<unsigned>(*character)};
}

std::optional<Range> RangeFrom(const json::Object* object) {
  if (object == nullptr) return std::nullopt;
  std::optional<Position> start = PositionFrom(object->getObject("start"));
  std::optional<Position> end = PositionFrom(object->getObject("end"));
  if (!start || !end) return std::nullopt;
  return Range{*start, *end};
}

// A request's parameters that do not hold what the method needs.
struct BadParams {
  std::string message;
};

}  // namespace

// One incoming message: reads its parameters and collects what to send back.
class Dispatch {
 public:
  Dispatch(Server& server, std::vector<std::string>& out) : server_(server), out_(out) {}

  void Run(const json::Object& message) {
    std::optional<json::Value> id;
    if (const json::Value* found = message.get("id")) id = *found;
    llvm::Optional<llvm::StringRef> method = message.getString("method");
    if (!method) {
      // A response from the client (the server sends no requests) is ignored.
      if (id && (message.get("result") || message.get("error"))) return;
      Error(id ? *id : nullptr, ErrorCode::kInvalidRequest, "a request needs a `method` string");
      return;
    }
    const json::Object* params = message.getObject("params");
    static const json::Object kNoParams;
    if (params == nullptr) params = &kNoParams;
    Call(*method, *params, id);
  }

  void Error(const json::Value& id, ErrorCode code, llvm::StringRef message) {
    Send(json::Object{
        {"jsonrpc", "2.0"},
        {"id", id},
        {"error", json::Object{{"code", static_cast<int>(code)}, {"message", message}}}});
  }

 private:
  using Handler = json::Value (Dispatch::*)(const json::Object& params);
  struct Method {
    llvm::StringLiteral name;
    Handler handler;
    /// Notifications get no response.
    bool notification;
  };

  void Call(llvm::StringRef name, const json::Object& params,
            const std::optional<json::Value>& id) {
    static const Method kMethods[] = {
        {"initialize", &Dispatch::Initialize, false},
        {"initialized", &Dispatch::Ignore, true},
        {"shutdown", &Dispatch::Shutdown, false},
        {"exit", &Dispatch::Exit, true},
        {"textDocument/didOpen", &Dispatch::DidOpen, true},
        {"textDocument/didChange", &Dispatch::DidChange, true},
        {"textDocument/didClose", &Dispatch::DidClose, true},
        {"textDocument/didSave", &Dispatch::Ignore, true},
        {"textDocument/hover", &Dispatch::Hover, false},
        {"textDocument/completion", &Dispatch::Completion, false},
        {"textDocument/definition", &Dispatch::Definition, false},
        {"textDocument/formatting", &Dispatch::Formatting, false},
        {"textDocument/documentSymbol", &Dispatch::DocumentSymbol, false},
    };
    const Method* method = nullptr;
    for (const Method& candidate : kMethods)
      if (candidate.name == name) method = &candidate;
    if (method == nullptr) {
      // Unknown notifications are dropped, as LSP asks.
      if (id) Error(*id, ErrorCode::kMethodNotFound, "unknown method `" + name.str() + "`");
      return;
    }
    if (!server_.initialized_ && name != "initialize" && name != "exit") {
      if (id) Error(*id, ErrorCode::kServerNotInitialized, "`initialize` comes first");
      return;
    }
    if (server_.shut_down_ && name != "exit") {
      if (id) Error(*id, ErrorCode::kInvalidRequest, "the server is shut down");
      return;
    }
    bad_params_.reset();
    json::Value result = (this->*method->handler)(params);
    if (!id || method->notification) return;
    if (bad_params_) {
      Error(*id, ErrorCode::kInvalidParams, bad_params_->message);
      return;
    }
    Send(json::Object{{"jsonrpc", "2.0"}, {"id", *id}, {"result", std::move(result)}});
  }

  void Send(json::Value value) { out_.push_back(Serialize(value)); }

  // Records that the parameters lack `what`; the handler returns null.
  json::Value Bad(llvm::StringRef what) {
    bad_params_ = BadParams{"invalid params: " + what.str()};
    return nullptr;
  }

  std::optional<std::string> Uri(const json::Object& params) {
    const json::Object* document = params.getObject("textDocument");
    llvm::Optional<llvm::StringRef> uri = document ? document->getString("uri") : llvm::None;
    if (!uri) return std::nullopt;
    return uri->str();
  }

  void Publish(const std::string& uri) {
    json::Array diagnostics;
    for (const Finding& finding : server_.workspace_.Check(uri))
      diagnostics.push_back(ToJson(finding));
    json::Object params{{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
    if (const Document* document = server_.workspace_.documents().Find(uri))
      params["version"] = document->version;
    Send(Notification("textDocument/publishDiagnostics", std::move(params)));
  }

  // The document and those that include it, checked again and published.
  void PublishWithDependents(const std::string& uri) {
    std::vector<std::string> dependents = server_.workspace_.Dependents(uri);
    Publish(uri);
    for (const std::string& dependent : dependents) Publish(dependent);
  }

  json::Value Ignore(const json::Object&) { return nullptr; }

  json::Value Initialize(const json::Object&) {
    server_.initialized_ = true;
    json::Object capabilities{
        {"textDocumentSync", json::Object{{"openClose", true}, {"change", 2}}},
        {"hoverProvider", true},
        {"completionProvider", json::Object{{"triggerCharacters", json::Array{"\"", "/"}}}},
        {"definitionProvider", true},
        {"documentFormattingProvider", true},
        {"documentSymbolProvider", true},
    };
    return json::Object{{"capabilities", std::move(capabilities)},
                        {"serverInfo", json::Object{{"name", "landlockc"}}}};
  }

  json::Value Shutdown(const json::Object&) {
    server_.shut_down_ = true;
    return nullptr;
  }

  json::Value Exit(const json::Object&) {
    server_.exit_code_ = server_.shut_down_ ? 0 : 1;
    return nullptr;
  }

  json::Value DidOpen(const json::Object& params) {
    const json::Object* document = params.getObject("textDocument");
    llvm::Optional<llvm::StringRef> uri = document ? document->getString("uri") : llvm::None;
    llvm::Optional<llvm::StringRef> text = document ? document->getString("text") : llvm::None;
    if (!uri || !text) return Bad("textDocument.uri and textDocument.text");
    server_.workspace_.documents().Open(*uri, text->str(),
                                        document->getInteger("version").getValueOr(0));
    PublishWithDependents(uri->str());
    return nullptr;
  }

  json::Value DidChange(const json::Object& params) {
    std::optional<std::string> uri = Uri(params);
    const json::Array* changes = params.getArray("contentChanges");
    if (!uri || changes == nullptr) return Bad("textDocument.uri and contentChanges");
    std::vector<TextChange> edits;
    for (const json::Value& change : *changes) {
      const json::Object* object = change.getAsObject();
      llvm::Optional<llvm::StringRef> text = object ? object->getString("text") : llvm::None;
      if (!text) return Bad("contentChanges[].text");
      std::optional<Range> range;
      if (object->get("range") != nullptr) {
        range = RangeFrom(object->getObject("range"));
        if (!range) return Bad("contentChanges[].range");
      }
      edits.push_back({range, text->str()});
    }
    const json::Object* document = params.getObject("textDocument");
    if (!server_.workspace_.documents().Change(*uri, document->getInteger("version").getValueOr(0),
                                               edits))
      return nullptr;
    PublishWithDependents(*uri);
    return nullptr;
  }

  json::Value DidClose(const json::Object& params) {
    std::optional<std::string> uri = Uri(params);
    if (!uri) return Bad("textDocument.uri");
    server_.workspace_.documents().Close(*uri);
    // Its diagnostics go; those that include it read it from disk again.
    std::vector<std::string> dependents = server_.workspace_.Dependents(*uri);
    server_.workspace_.Check(*uri);
    Send(Notification("textDocument/publishDiagnostics",
                      json::Object{{"uri", *uri}, {"diagnostics", json::Array{}}}));
    for (const std::string& dependent : dependents) Publish(dependent);
    return nullptr;
  }

  // The document and position of a hover, completion or definition request.
  std::optional<std::pair<std::string, Position>> At(const json::Object& params) {
    std::optional<std::string> uri = Uri(params);
    std::optional<Position> position = PositionFrom(params.getObject("position"));
    if (!uri || !position) return std::nullopt;
    return std::make_pair(*uri, *position);
  }

  json::Value Hover(const json::Object& params) {
    auto at = At(params);
    if (!at) return Bad("textDocument.uri and position");
    std::optional<HoverText> hover = server_.workspace_.Hover(at->first, at->second);
    if (!hover) return nullptr;
    return json::Object{{"contents", json::Object{{"kind", "markdown"}, {"value", hover->text}}},
                        {"range", ToJson(hover->range)}};
  }

  json::Value Completion(const json::Object& params) {
    auto at = At(params);
    if (!at) return Bad("textDocument.uri and position");
    json::Array items;
    for (const lsp::Completion& completion : server_.workspace_.Complete(at->first, at->second)) {
      json::Object item{{"label", completion.label}, {"kind", static_cast<int>(completion.kind)}};
      if (!completion.detail.empty()) item["detail"] = completion.detail;
      items.push_back(std::move(item));
    }
    return items;
  }

  json::Value Definition(const json::Object& params) {
    auto at = At(params);
    if (!at) return Bad("textDocument.uri and position");
    std::optional<Place> place = server_.workspace_.Definition(at->first, at->second);
    if (!place) return nullptr;
    return ToJson(*place);
  }

  json::Value Formatting(const json::Object& params) {
    std::optional<std::string> uri = Uri(params);
    if (!uri) return Bad("textDocument.uri");
    std::optional<std::vector<Replacement>> edits = server_.workspace_.Format(*uri);
    if (!edits) return nullptr;
    json::Array result;
    for (const Replacement& edit : *edits)
      result.push_back(json::Object{{"range", ToJson(edit.range)}, {"newText", edit.text}});
    return result;
  }

  json::Value DocumentSymbol(const json::Object& params) {
    std::optional<std::string> uri = Uri(params);
    if (!uri) return Bad("textDocument.uri");
    json::Array symbols;
    for (const Symbol& symbol : server_.workspace_.Symbols(*uri))
      symbols.push_back(json::Object{{"name", symbol.name},
                                     {"detail", symbol.detail},
                                     {"kind", static_cast<int>(symbol.kind)},
                                     {"range", ToJson(symbol.range)},
                                     {"selectionRange", ToJson(symbol.selection)}});
    return symbols;
  }

  Server& server_;
  std::vector<std::string>& out_;
  std::optional<BadParams> bad_params_;
};

std::vector<std::string> Server::Handle(llvm::StringRef body) {
  std::vector<std::string> out;
  Dispatch dispatch(*this, out);
  llvm::Expected<json::Value> message = json::parse(body);
  if (!message) {
    dispatch.Error(nullptr, ErrorCode::kParseError,
                   "not JSON: " + llvm::toString(message.takeError()));
    return out;
  }
  const json::Object* object = message->getAsObject();
  if (object == nullptr) {
    dispatch.Error(nullptr, ErrorCode::kInvalidRequest, "a message is a JSON object");
    return out;
  }
  dispatch.Run(*object);
  return out;
}

std::string Server::MalformedHeader(llvm::StringRef reason) {
  return Serialize(
      json::Object{{"jsonrpc", "2.0"},
                   {"id", nullptr},
                   {"error", json::Object{{"code", static_cast<int>(ErrorCode::kParseError)},
                                          {"message", "malformed header: " + reason.str()}}}});
}

}  // namespace landlockc::lsp
