// SPDX-License-Identifier: MIT
// Starts `landlockc lsp` for .landlock documents (docs/editors.md, "Language server"). The
// client library comes from npm: run `npm install` in this folder once.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("landlockc").get("path", "landlockc");
  client = new LanguageClient(
    "landlockc",
    "landlockc",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "landlock" }] });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
