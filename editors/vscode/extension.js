// extension.js: starts `plc lsp` for plan files (.fp) through the language client.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("plc").get("path") || "plc";
  const serverOptions = { command, args: ["lsp"] };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "fp" }, { scheme: "untitled", language: "fp" }],
  };
  client = new LanguageClient("plc", "Plan language (plc)", serverOptions, clientOptions);
  client.start().catch((err) => {
    vscode.window.showErrorMessage(
      `plc lsp could not start (${err.message}); set "plc.path" to the plc program.`);
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
