// Tokenise files with the VS Code extension's TextMate grammar, as VS Code does
// (vscode-textmate with the Oniguruma engine), and print each line's scopes as JSON.
const fs = require("fs");
const path = require("path");
const modules = process.argv[2];
const vsctm = require(path.join(modules, "vscode-textmate"));
const oniguruma = require(path.join(modules, "vscode-oniguruma"));
const grammarPath = process.argv[3];
const files = process.argv.slice(4);

const wasm = fs.readFileSync(path.join(modules, "vscode-oniguruma", "release", "onig.wasm")).buffer;
oniguruma.loadWASM(wasm).then(() => {
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath),
  });
  return registry.loadGrammar("source.argmap");
}).then((grammar) => {
  const out = {};
  for (const file of files) {
    let state = vsctm.INITIAL;
    out[file] = fs.readFileSync(file, "utf8").split("\n").map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      return r.tokens.map((t) => [line.substring(t.startIndex, t.endIndex), t.scopes.slice(1)]);
    });
  }
  process.stdout.write(JSON.stringify(out));
}).catch((e) => { console.error(e); process.exit(1); });
