"""An atheris harness for long fuzzing runs of argmap's whole pipeline.

    pip install atheris
    python fuzz/fuzz_argmap.py -max_total_time=600 fuzz/corpus

From arbitrary bytes it checks what must always hold: loading and checking
give findings and never raise; a map that loads is exported as valid JSON,
rendered to DOT, and formatted idempotently without changing its meaning.
Seed it with the conformance cases (``fuzz/seed.sh`` copies them).
"""

import io
import json
import os
import sys

import atheris

with atheris.instrument_imports():
    import argmap
    from argmap.export import to_json
    from argmap.fmt import format_source
    from argmap.render.dot import to_dot
    from argmap.reporters import FORMATS, Results

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "conformance",
                    "valid")


def test_one_input(data: bytes) -> None:
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
    to_dot(m)
    result = format_source(data, "fuzz.argmap", ROOT)
    assert result.problem is None, result.problem
    if result.formatted is not None:
        again = format_source(result.formatted, "fuzz.argmap", ROOT)
        assert again.formatted == result.formatted, "fmt is not idempotent"


def main():
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
