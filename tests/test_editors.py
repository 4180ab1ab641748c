"""Editors: the VS Code extension's files and grammar (with VS Code's own
TextMate engine), and Neovim's LSP client talking to `argmap lsp`."""

import json
import shutil
import subprocess
import sys

import pytest

from helpers import ROOT

VSCODE = ROOT / "editors" / "vscode"
MODULES = ROOT / ".ci" / "node" / "node_modules"
NODE = shutil.which("node")
NVIM = shutil.which("nvim")


def test_the_extension_is_whole():
    manifest = json.loads((VSCODE / "package.json").read_text())
    language = manifest["contributes"]["languages"][0]
    assert language["id"] == "argmap" and language["extensions"] == [".argmap"]
    grammar = manifest["contributes"]["grammars"][0]
    for path in (language["configuration"], grammar["path"], manifest["main"]):
        assert (VSCODE / path).is_file(), path
    json.loads((VSCODE / language["configuration"]).read_text())
    assert json.loads((VSCODE / grammar["path"]).read_text())["scopeName"] == "source.argmap"
    assert manifest["contributes"]["configuration"]["properties"][
        "argmap.server.command"]["default"] == ["argmap", "lsp"]


@pytest.mark.skipif(not NODE or not (MODULES / "vscode-textmate").is_dir(),
                    reason="needs node and vscode-textmate (npm install --prefix .ci/node "
                           "vscode-textmate vscode-oniguruma)")
def test_the_grammar_reads_every_map_as_vscode_would():
    maps = sorted(str(p) for p in (ROOT / "maps").rglob("*.argmap"))
    done = subprocess.run([NODE, str(ROOT / "tests" / "tmgrammar.js"), str(MODULES),
                           str(VSCODE / "syntaxes" / "argmap.tmLanguage.json"), *maps],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    scopes = json.loads(done.stdout)
    for path in maps:
        text = open(path, encoding="utf-8").read().split("\n")
        for line, tokens in zip(text, scopes[path]):
            stripped = line.lstrip()
            if stripped.split(" ", 1)[0] in ("thesis", "claim", "premise", "evidence", "counter",
                                              "rebuttal", "source"):
                assert tokens[0][1] == ["storage.type.kind.argmap"], (path, line)
            if stripped.startswith(("+ ", "- ", "& ", "~ ")):
                signs = [t for t in tokens if t[1] == ["keyword.operator.sign.argmap"]]
                assert signs and signs[0][0] == stripped[0], (path, line)
            if stripped.startswith("//"):
                assert tokens[0][1] == ["comment.line.double-slash.argmap"], (path, line)


NEOVIM_CONFIG = """
vim.cmd("autocmd BufRead,BufNewFile *.argmap set filetype=argmap")
vim.cmd("edit m.argmap")
local id = vim.lsp.start_client({ name = "argmap", cmd = { %s, "-m", "argmap", "lsp" },
                                   root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(0, id)
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format("%%d:%%d %%s\\n", d.lnum + 1, d.col + 1, d.code or "?"))
end
local params = { textDocument = { uri = vim.uri_from_bufnr(0) },
                 position = { line = 2, character = 12 } }
for _, r in pairs(vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000) or {}) do
  if r.result then io.stdout:write("hover: " .. r.result.contents.value:gsub("\\n", " ") .. "\\n") end
end
vim.cmd("qa!")
"""


@pytest.mark.skipif(not NVIM, reason="Neovim is not installed (Debian: apt install neovim)")
def test_neovim_shows_the_servers_diagnostics_and_hover(tmp_path):
    pytest.importorskip("pygls")
    (tmp_path / "m.argmap").write_text(
        "thesis t: Cities should ban cars.\n  + premise air: Exhaust pollutes the air.\n"
        "  - counter jobs: Jobs would be lost.\n  + @nowher\n")
    (tmp_path / "init.lua").write_text(NEOVIM_CONFIG % json.dumps(sys.executable))
    done = subprocess.run([NVIM, "--headless", "-u", "init.lua"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    assert "4:5 dangling-reference" in lines and "3:3 unanswered-counter" in lines, done.stdout
    assert any(ln.startswith("hover: **counter** `jobs`") and "status: rejected" in ln
               for ln in lines)
