"""An atheris harness for long fuzzing runs of argmap's whole pipeline.

    pip install atheris
    python fuzz/fuzz_argmap.py -max_total_time=600 fuzz/corpus

From arbitrary bytes it checks what must always hold: loading and checking
give findings and never raise; a map that loads is exported as valid JSON,
GraphML (valid XML), AIF and Argdown, evaluated, rendered to DOT, Markdown and
HTML, and formatted idempotently without changing its meaning; and the same
bytes, read as a document to import (argmap's JSON, AIF), are refused with
NotImportable or give a map that loads. Seed it with the conformance cases
(``fuzz/seed.sh`` copies them, and a few JSON exports).
"""

import io
import json
import os
import sys

import atheris

with atheris.instrument_imports():
    import xml.etree.ElementTree as ET

    import argmap
    from argmap.evaluate import evaluate
    from argmap.export import to_aif, to_argdown, to_graphml, to_json
    from argmap.fmt import format_source
    from argmap.importer import NotImportable, import_bytes
    from argmap.render.dot import to_dot
    from argmap.render.html import to_html
    from argmap.render.markdown import to_markdown
    from argmap.reporters import FORMATS, Results

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "conformance",
                    "valid")


def test_one_input(data: bytes) -> None:
    imported(data)
    m = argmap.loads(data, file="fuzz.argmap", root=ROOT)
    findings = argmap.check(m)
    for f in findings:
        assert f.line >= 1 and f.column >= 1, f
    results = Results(findings, m.files, m.texts)
    for name in ("text", "json", "sarif", "junit", "github", "concise"):
        FORMATS[name].report(results, io.StringIO(), color=(name == "text"))
    if not m.ok:
        return
    json.loads(to_json(m))
    ET.fromstring(to_graphml(m))
    json.loads(to_aif(m))
    to_argdown(m)
    to_dot(m)
    ev = evaluate(m)
    to_markdown(m, ev)
    to_html(m, diagram=False)
    result = format_source(data, "fuzz.argmap", ROOT)
    assert result.problem is None, result.problem
    if result.formatted is not None:
        again = format_source(result.formatted, "fuzz.argmap", ROOT)
        assert again.formatted == result.formatted, "fmt is not idempotent"


def imported(data: bytes) -> None:
    for source_format in ("auto", "json", "aif"):
        try:
            text, _ = import_bytes(data, source_format)
        except NotImportable:
            continue
        assert argmap.loads(text).ok, text


def main():
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
