"""Every rule and output format is registered, documented and tested."""

import re

from helpers import ROOT, TESTS
from argmap.export import EXPORTERS
from argmap.reporters import FORMATS
from argmap.rules import RULES, summary


def test_every_rule_is_documented_and_tested():
    ids = [r.ID for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.SEVERITY in ("error", "warning"), rule.ID
        doc = rule.__doc__ or ""
        assert len(doc.strip().splitlines()) >= 3, f"{rule.ID} needs documentation"
        assert summary(rule).endswith("."), rule.ID
        module = rule.__name__.rsplit(".", 1)[1]
        assert module.replace("_", "-") == rule.ID
        assert (TESTS / "rules" / f"test_{module}.py").is_file(), f"no tests for {rule.ID}"


def test_every_output_format_is_documented_and_tested():
    for name, module in FORMATS.items():
        assert module.NAME == name and (module.__doc__ or "").strip(), name
        assert (TESTS / "reporters" / f"test_{name}.py").is_file(), f"no tests for {name}"


def test_every_export_format_is_tested():
    text = (TESTS / "test_export.py").read_text() + (TESTS / "test_interchange.py").read_text()
    for name in EXPORTERS:
        assert re.search(rf"def test_\w*{name}", text), name


def _readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- rules -->")[1].split("<!-- /rules -->")[0]
    rows = []
    for line in block.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append(cells)
    return rows


def test_readme_rule_table_equals_the_registry():
    expected = [
        [f"`{r.ID}`", r.SEVERITY, "on" if r.DEFAULT else "off", summary(r)] for r in RULES
    ]
    assert _readme_table() == expected


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(python3 -m venv .*)$", readme, re.M)
    assert len(commands) >= 2
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text()
    assert test_command in ci


def test_readme_check_example_is_true(tmp_path):
    from helpers import invoke

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- check-example -->")[1].split("<!-- /check-example -->")[0]
    map_text, output = re.findall(r"```\n(.*?)```", block, re.S)
    (tmp_path / "tour.argmap").write_text(map_text)
    command, expected = output.split("\n", 1)
    assert command == "$ argmap check tour.argmap"
    assert invoke("check", "tour.argmap", cwd=tmp_path).out == expected


def test_every_render_format_is_documented_and_tested():
    from argmap.cli import cli
    from argmap.render import RENDERERS

    tests = "".join(p.read_text() for p in (TESTS / "render").glob("test_*.py"))
    help_text = cli.commands["render"].params
    choices = next(p for p in help_text if p.name == "fmt").type.choices
    assert set(choices) == set(RENDERERS)
    for fmt in RENDERERS:
        assert f'"{fmt}"' in tests, f"no test renders {fmt}"


def test_readme_python_examples_run(monkeypatch):
    """The README's Python blocks run as written, from the project's folder."""
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python")[1].split("\n## ")[0]
    namespace = {}
    for block in re.findall(r"```python\n(.*?)```", section, re.S):
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102
    assert namespace["labels"].citers("lo2008")
