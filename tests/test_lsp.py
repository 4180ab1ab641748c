"""argmap lsp, through a real client over stdio (pytest-lsp starts the server)."""

import asyncio
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types as T  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from helpers import hostile_map  # noqa: E402

MAP = """\
---
title: Cars
---
# Air
thesis t: Cities should ban cars from their centres.
  + premise air: Exhaust pollutes the air.
    scheme: sign
  + @shops
  - counter jobs: Delivery jobs would be lost.
    + premise vans: Vans could no longer reach the shops.
    - rebuttal hours: Deliveries can come early.
      + premise elsewhere: Other cities deliver before 10 a.m.
  + Car-free streets are quieter.

# Shops
claim shops: Shops in car-free streets do better.
  + evidence footfall: Footfall rose after pedestrianisation.
    cite: @council, p. 4
include parts/sources.argmap
"""
SOURCES = "source council: City council report, 2020.\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap",
                                                              "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path):
    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()


def _files(tmp_path, text=MAP):
    (tmp_path / "parts").mkdir(exist_ok=True)
    (tmp_path / "parts" / "sources.argmap").write_text(SOURCES)
    path = tmp_path / "map.argmap"
    path.write_text(text)
    return path


async def _open(client, path: Path, text: str | None = None):
    uri = path.as_uri()
    client.text_document_did_open(T.DidOpenTextDocumentParams(text_document=T.TextDocumentItem(
        uri=uri, language_id="argmap", version=1,
        text=path.read_text() if text is None else text)))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await asyncio.sleep(0.2)  # every file of the map has had its diagnostics
    return uri


async def _change(client, uri, text, version=2):
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await asyncio.sleep(0.2)


def _pos(text, needle, offset=0):
    for i, line in enumerate(text.split("\n")):
        if needle in line:
            return T.Position(line=i, character=line.index(needle) + offset)
    raise AssertionError(needle)


@pytest.mark.asyncio
async def test_diagnostics_on_open_and_change_with_rule_and_second_place(client, tmp_path):
    path = _files(tmp_path)
    uri = await _open(client, path)
    codes = sorted(d.code for d in client.diagnostics[uri])
    assert codes == ["open-critical-question", "open-critical-question"]
    broken = MAP.replace("claim shops:", "claim shops").replace(
        "  + premise vans:", "  + premise air:")
    await _change(client, uri, broken)
    diags = client.diagnostics[uri]
    assert [d.code for d in diags] == ["syntax"]
    assert diags[0].range.start.line == 15 and diags[0].severity == T.DiagnosticSeverity.Error
    dup = MAP.replace("  + premise vans:", "  + premise air:")
    await _change(client, uri, dup, 3)
    [d] = [d for d in client.diagnostics[uri] if d.code == "duplicate-id"]
    assert d.related_information[0].location.range.start.line == 5
    assert d.code_description.href.startswith("https://")


@pytest.mark.asyncio
async def test_an_unsaved_included_buffer_counts(client, tmp_path):
    path = _files(tmp_path)
    uri = await _open(client, path)
    sources = tmp_path / "parts" / "sources.argmap"
    await _open(client, sources, "source council: City council report, 2020.\n"
                                 "source other: An unused source.\n")
    await _change(client, uri, MAP)
    assert "unused-source" in [d.code for d in client.diagnostics.get(sources.as_uri(), [])]


@pytest.mark.asyncio
async def test_definition_references_rename_and_hover(client, tmp_path):
    path = _files(tmp_path)
    uri = await _open(client, path)
    doc = T.TextDocumentIdentifier(uri=uri)
    where = _pos(MAP, "@shops", 2)
    found = await client.text_document_definition_async(T.DefinitionParams(
        text_document=doc, position=where))
    assert found.range.start.line == 15
    cite = await client.text_document_definition_async(T.DefinitionParams(
        text_document=doc, position=_pos(MAP, "@council", 2)))
    assert cite.uri.endswith("parts/sources.argmap") and cite.range.start.line == 0
    inc = await client.text_document_definition_async(T.DefinitionParams(
        text_document=doc, position=_pos(MAP, "include parts", 10)))
    assert inc.uri.endswith("parts/sources.argmap")
    refs = await client.text_document_references_async(T.ReferenceParams(
        text_document=doc, position=_pos(MAP, "claim shops", 7),
        context=T.ReferenceContext(include_declaration=True)))
    assert sorted(r.range.start.line for r in refs) == [7, 15]
    edit = await client.text_document_rename_async(T.RenameParams(
        text_document=doc, position=_pos(MAP, "@council", 2), new_name="council2020"))
    assert sorted(edit.changes) == sorted([uri, (tmp_path / "parts/sources.argmap").as_uri()])
    for bad in ("claim", "Not An Id", "air"):
        with pytest.raises(Exception, match="can't rename"):
            await client.text_document_rename_async(T.RenameParams(
                text_document=doc, position=_pos(MAP, "@council", 2), new_name=bad))
    shown = await client.text_document_hover_async(T.HoverParams(
        text_document=doc, position=_pos(MAP, "counter jobs", 9)))
    text = shown.contents.value
    assert "**counter** `jobs`" in text and "status: rejected" in text and "stance: con" in text
    ev = await client.text_document_hover_async(T.HoverParams(
        text_document=doc, position=_pos(MAP, "evidence footfall", 10)))
    assert "cites: City council report, 2020., p. 4" in ev.contents.value


@pytest.mark.asyncio
async def test_completion(client, tmp_path):
    path = _files(tmp_path)
    uri = await _open(client, path)
    doc = T.TextDocumentIdentifier(uri=uri)

    async def labels(text, line_text, version=[10]):
        """The completions at the end of ``line_text``, written after ``text``."""
        version[0] += 1
        await _change(client, uri, text + line_text, version=version[0])
        at = T.Position(line=text.count("\n"), character=len(line_text))
        got = await client.text_document_completion_async(T.CompletionParams(
            text_document=doc, position=at))
        return {i.label for i in got.items}

    base = MAP.rstrip("\n") + "\n"
    assert {"air", "shops", "jobs"} <= await labels(base, "@air supports @")
    assert {"premise", "counter"} <= await labels(base + "claim x: X.\n", "  + ")
    assert {"expert-opinion", "analogy"} <= await labels(base + "claim x: X.\n  + premise y: Y.\n",
                                                         "    scheme: ")
    assert {"strength", "alternatives"} <= await labels(
        base + "claim x: X.\n  + premise y: Y.\n    scheme: sign\n  & premise z: Z.\n", "    cq: ")
    assert "unused-source" in await labels(base, "// argmap: ignore ")


@pytest.mark.asyncio
async def test_symbols_folding_and_formatting(client, tmp_path):
    path = _files(tmp_path)
    uri = await _open(client, path)
    doc = T.TextDocumentIdentifier(uri=uri)
    syms = await client.text_document_document_symbol_async(
        T.DocumentSymbolParams(text_document=doc))
    assert [s.name for s in syms] == ["Air", "Shops"]
    assert [c.name for c in syms[0].children][:3] == ["t", "air", "jobs"]
    folds = await client.text_document_folding_range_async(T.FoldingRangeParams(
        text_document=doc))
    assert [(f.start_line, f.end_line) for f in folds] == [(4, 12), (15, 17)]
    messy = MAP.replace("thesis t: Cities", "thesis   t:   Cities")
    await _change(client, uri, messy)
    edits = await client.text_document_formatting_async(T.DocumentFormattingParams(
        text_document=doc, options=T.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert "thesis t: Cities" in edits[0].new_text
    await _change(client, uri, "thesis t T.\n", 3)
    refused = await client.text_document_formatting_async(T.DocumentFormattingParams(
        text_document=doc, options=T.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert refused is None
    assert any("not formatted" in m.message for m in client.messages)


@pytest.mark.asyncio
async def test_code_actions(client, tmp_path):
    text = MAP.replace("  + @shops", "  + @shop").replace(
        "    cite: @council, p. 4\n", "")
    path = _files(tmp_path, text)
    uri = await _open(client, path)
    doc = T.TextDocumentIdentifier(uri=uri)
    diags = client.diagnostics[uri]
    dangling = [d for d in diags if d.code == "dangling-reference"]
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=doc, range=dangling[0].range,
        context=T.CodeActionContext(diagnostics=dangling)))
    [fix] = [a for a in actions if a.title.startswith("Change to")]
    assert fix.edit.changes[uri][0].new_text == "shops"
    evidence = [d for d in diags if d.code == "evidence-without-source"]
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=doc, range=evidence[0].range,
        context=T.CodeActionContext(diagnostics=evidence)))
    assert any(a.title == "Add a `cite:` line" for a in actions)
    anon = _pos(text, "Car-free streets are quieter")
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=doc, range=T.Range(start=anon, end=anon),
        context=T.CodeActionContext(diagnostics=[])))
    [name] = [a for a in actions if a.title.startswith("Name this node")]
    assert name.edit.changes[uri][0].new_text == "car-free-streets-are: "


@pytest.mark.asyncio
async def test_hostile_map_and_malformed_requests_do_not_stop_the_server(client, tmp_path):
    path = tmp_path / "hostile.argmap"
    path.write_text(hostile_map())
    uri = await _open(client, path)
    doc = T.TextDocumentIdentifier(uri=uri)
    with pytest.raises(Exception):
        await client.protocol.send_request_async("argmap/nothing", None)
    never_opened = T.TextDocumentIdentifier(uri=(tmp_path / "none.argmap").as_uri())
    try:
        await client.text_document_hover_async(T.HoverParams(
            text_document=never_opened, position=T.Position(line=0, character=0)))
    except Exception:
        pass  # an error response is fine; a dead server is not
    far = await client.text_document_hover_async(T.HoverParams(
        text_document=doc, position=T.Position(line=10_000, character=5)))
    assert far is None
    await _change(client, uri, "\x00\x01 not a map\n" * 3)
    syms = await client.text_document_document_symbol_async(
        T.DocumentSymbolParams(text_document=doc))
    assert syms is not None  # still answering
