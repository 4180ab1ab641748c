// The argmap extension: starts `argmap lsp` for .argmap files, and the live preview.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("argmap");
  const [command, ...args] = config.get("server.command");
  client = new LanguageClient(
    "argmap",
    "argmap",
    { command, args },
    { documentSelector: [{ scheme: "file", language: "argmap" }] }
  );
  client.start();
  context.subscriptions.push(
    vscode.commands.registerCommand("argmap.preview", () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== "argmap") {
        vscode.window.showInformationMessage("argmap: open a map first");
        return;
      }
      const [cmd, ...rest] = config.get("preview.command");
      const terminal = vscode.window.createTerminal("argmap preview");
      terminal.sendText([cmd, ...rest, JSON.stringify(editor.document.fileName)].join(" "));
      terminal.show(true);
    })
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
