"""The package's shape: layers, no import cycles, rules that own their words,
deferred imports that say why, and functions a reader can hold in mind.

docs/architecture.md describes what these hold the code to.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path


from argmap.rules import CHECKS
from helpers import ROOT

PACKAGE = ROOT / "argmap"
SOURCES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 60
MAX_COMPLEXITY = 15
#: a comment right above a def that lets it be longer or branchier, saying why
WHY = re.compile(r"#\s*complexity:\s*\S")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path):
    """(node, imported module) for every import of an argmap module in ``path``."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("argmap"):
                    yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("argmap"):
                continue
            # `from . import x` may name a submodule
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                yield node, sub if (ROOT / Path(*sub.split("."))).with_suffix(".py").exists() \
                    or (ROOT / Path(*sub.split("."))).is_dir() else target


def test_the_layers_contract_holds():
    """setup.cfg's import-linter contract: each layer imports only from those below."""
    out = subprocess.run([sys.executable, "-c",
                          "import sys; from importlinter.cli import lint_imports; "
                          "sys.exit(lint_imports(config_filename='setup.cfg', no_cache=True))"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 kept, 0 broken" in out.stdout


def test_every_module_has_a_layer():
    """A module the contract doesn't name could import from anywhere: none may be missing."""
    import configparser

    cp = configparser.ConfigParser()
    cp.read(ROOT / "setup.cfg")
    named = set(re.findall(r"argmap\.[\w]+", cp["importlinter:contract:layers"]["layers"]))
    modules = {f"argmap.{p.stem}" for p in (ROOT / "argmap").glob("*.py")
               if p.stem not in ("__init__", "__main__")}
    modules |= {f"argmap.{p.parent.name}" for p in (ROOT / "argmap").glob("*/__init__.py")}
    assert modules - named == set()


def test_the_layers_contract_catches_an_upward_import(tmp_path):
    """The contract is not vacuous: a parser that imported a rule would break it."""
    import shutil

    copy = tmp_path / "repo"
    shutil.copytree(PACKAGE, copy / "argmap", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "setup.cfg", copy)
    parser = copy / "argmap" / "parser.py"
    parser.write_text(parser.read_text() + "\nfrom .rules import CHECKS  # noqa\n")
    out = subprocess.run([sys.executable, "-c",
                          "import sys; sys.path.insert(0, '.'); "
                          "from importlinter.cli import lint_imports; "
                          "sys.exit(lint_imports(config_filename='setup.cfg', no_cache=True))"],
                         cwd=copy, capture_output=True, text=True)
    assert out.returncode == 1 and "argmap.parser -> argmap.rules" in out.stdout, out.stdout


def test_no_import_cycles():
    """Between argmap's modules, deferred imports included."""
    import networkx as nx

    G = nx.DiGraph()
    for path in SOURCES:
        for _, target in _imports(path):
            if target != _module(path) and not _module(path).startswith(target + "."):
                G.add_edge(_module(path), target)
    cycles = list(nx.simple_cycles(G))
    assert not cycles, cycles


def test_imports_inside_functions_say_why():
    """Only optional or slow dependencies are imported inside a function, each
    with its reason in a comment on the import or on a line just above it."""
    missing = []
    for path in SOURCES:
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if not isinstance(node, (ast.Import, ast.ImportFrom)):
                    continue
                here = lines[node.lineno - 1]
                above = [line.strip() for line in lines[max(0, node.lineno - 4):node.lineno - 1]]
                if "#" in here or any(line.startswith("#") for line in above):
                    continue
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {here.strip()}")
    assert not missing, "imports inside functions without a reason:\n" + "\n".join(missing)


def _constants(tree):
    """The string constants of a module, docstrings left out (f-strings' parts too)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def _ownership_clashes(sources) -> list[str]:
    """Where a module writes a rule's id, or a message or hint (a string of 20
    characters or more, or its literal part in an f-string) that a rule module owns.
    Docstrings and help texts may name a rule; code may not."""
    owned = {}
    for rule in CHECKS:
        path = Path(rule.__file__)
        owned[path] = {rule.ID} | {t for t in _constants(ast.parse(path.read_text()))
                                   if len(t.strip()) >= 20}
    clashes = []
    for path in sources:
        constants = _constants(ast.parse(path.read_text(encoding="utf-8")))
        for owner, texts in owned.items():
            if owner == path:
                continue
            for text in texts:
                if text in constants:
                    clashes.append(f"{path.name} writes {text!r}, which {owner.name} owns")
    return clashes


def test_each_rule_owns_its_id_and_messages():
    """No rule's id, message or hint is written outside the rule's own module."""
    assert _ownership_clashes(SOURCES) == []


def test_the_rule_ownership_test_can_fail(tmp_path):
    """It would catch a message of a rule written in the builder."""
    rule = next(r for r in CHECKS if r.ID == "duplicate-relation")
    message = next(t for t in _constants(ast.parse(Path(rule.__file__).read_text()))
                   if "delete one" in t)
    planted = tmp_path / "builder.py"
    planted.write_text(f"HINT = {message!r}\nRULE = 'duplicate-relation'\n")
    assert sorted(_ownership_clashes([planted])) == [
        "builder.py writes 'delete one of the two', which duplicate_relation.py owns",
        "builder.py writes 'duplicate-relation', which duplicate_relation.py owns"]


def _too_big(paths):
    from radon.complexity import cc_visit

    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for block in cc_visit(text):
            for f in [block, *getattr(block, "methods", [])]:
                if type(f).__name__ == "Class":
                    continue
                length = f.endline - f.lineno + 1
                if length <= MAX_LINES and f.complexity <= MAX_COMPLEXITY:
                    continue
                start = f.lineno - 1
                while start > 0 and lines[start - 1].lstrip().startswith(("@", "#")):
                    start -= 1
                if not any(WHY.search(line) for line in lines[start:f.lineno]):
                    out.append(f"{path.name}:{f.lineno} {f.fullname}: {length} lines, "
                               f"complexity {f.complexity}")
    return sorted(set(out))


def test_functions_are_short_and_simple_or_say_why():
    """No function over 60 lines or with a cyclomatic complexity over 15 (radon)
    without a `# complexity: why` comment above it."""
    assert _too_big(SOURCES) == []


def test_the_complexity_check_can_fail(tmp_path):
    branchy = tmp_path / "branchy.py"
    branchy.write_text("def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n"
                                                 for i in range(20)))
    assert _too_big([branchy]) == ["branchy.py:1 f: 41 lines, complexity 21"]
    branchy.write_text("# complexity: a table of cases, read top to bottom\n"
                       + branchy.read_text())
    assert _too_big([branchy]) == []
