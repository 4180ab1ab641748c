"""The command line: exit codes, options, configuration and commands."""

import json
import os
import subprocess
import sys

import pytest

import argmap
from helpers import invoke

CLEAN = "thesis t: A.\n  + premise p: B.\n"
WARNS = "thesis t: A.\n  + premise p: B.\n  - counter x: C.\n    + premise y: D.\n"
ERRORS = "thesis t: A.\n  + claim c: B.\n"
BROKEN = "thesis t: A.\n  premise p: B.\n"


@pytest.mark.parametrize("text, args, code", [
    (CLEAN, [], 0),
    (WARNS, [], 0),
    (WARNS, ["--strict"], 1),
    (ERRORS, [], 1),
    (ERRORS, ["--exit-zero"], 0),
    (BROKEN, [], 1),
    (ERRORS, ["--ignore", "unsupported-claim"], 0),
    (WARNS, ["--strict", "--ignore", "unanswered-counter"], 0),
    (CLEAN, ["--select", "nope"], 2),
    (CLEAN, ["--format", "nope"], 2),
])
def test_exit_codes(run, write, text, args, code):
    write(text)
    assert run("check", "map.argmap", *args).code == code


def test_missing_path_exits_2_and_still_checks_the_rest(run, write):
    write(ERRORS)
    r = run("check", "map.argmap", "missing.argmap", "-f", "json")
    assert r.code == 2
    assert "missing.argmap: no such file or folder" in r.err
    assert [f["rule"] for f in r.json()["findings"]] == ["unsupported-claim"]


def test_unreadable_fifo_and_folder_given_as_map(run, tmp_path):
    os.mkfifo(tmp_path / "pipe.argmap")
    r = run("check", "pipe.argmap")
    assert r.code == 2 and "not a regular file" in r.err
    r = run("export", ".")
    assert r.code == 2 and "is a folder" in r.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(run, write):
    path = write(CLEAN)
    path.chmod(0)
    assert run("check", "map.argmap").code == 2


def test_folders_are_searched_and_included_files_checked_once(run, write):
    write("include parts/p.argmap\nthesis t: A.\n  + @p\n", "maps/main.argmap")
    write("premise p: B.\n", "maps/parts/p.argmap")
    write("thesis lone: C.\n", "maps/other.argmap")
    write("thesis hidden: C.\n", "maps/.hidden/x.argmap")
    write("not a map", "maps/notes.txt")
    r = run("check", "maps", "-f", "json")
    data = r.json()
    assert [(f["file"], f["rule"]) for f in data["findings"]] == [
        (os.path.join("maps", "other.argmap"), "unsupported-claim")]
    assert data["summary"] == {"files": 3, "errors": 1, "warnings": 0}


def test_empty_folder_warns(run, tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("check", "empty")
    assert r.code == 0 and "no *.argmap files" in r.err


def test_config_from_setup_cfg_and_pyproject(run, write, tmp_path):
    write(WARNS)
    (tmp_path / "setup.cfg").write_text("[argmap]\nstrict = true\n")
    assert run("check", "map.argmap").code == 1
    assert run("check", "map.argmap", "--no-strict").code == 0
    assert run("check", "map.argmap", "--isolated").code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["unanswered-counter"]\n')
    # pyproject.toml comes first in a folder that has both
    r = run("check", "map.argmap", "-f", "json")
    assert r.code == 0 and r.json()["findings"] == []
    sub = tmp_path / "sub"
    sub.mkdir()
    assert run("check", "../map.argmap", cwd=sub).code == 0  # found from the folder upwards


def test_config_extend_select_and_select(run, write, tmp_path):
    write("thesis t: A.\n  + premise p: B.\n  + claim c: C.\n")
    (tmp_path / "setup.cfg").write_text("[argmap]\nextend-select = uncited-premise\n")
    assert run("check", "map.argmap", "-f", "json").pairs() == [
        ["uncited-premise", 2], ["unsupported-claim", 3]]
    assert run("check", "map.argmap", "-f", "json", "--select", "uncited-premise").pairs() == [
        ["uncited-premise", 2]]


def test_bad_config_is_a_usage_error(run, write, tmp_path):
    write(CLEAN)
    (tmp_path / "setup.cfg").write_text("[argmap]\nignore = no-such-rule\n")
    r = run("check", "map.argmap")
    assert r.code == 2 and "unknown rule `no-such-rule`" in r.err
    (tmp_path / "setup.cfg").write_text("[argmap]\nstrict = maybe\n")
    assert run("check", "map.argmap").code == 2
    (tmp_path / "setup.cfg").write_text("[argmap]\nselects = syntax\n")
    assert run("check", "map.argmap").code == 2


def test_quiet_prints_findings_only(run, write):
    write(CLEAN)
    assert run("check", "map.argmap", "-q").out == ""
    assert "All checks passed" in run("check", "map.argmap").out
    write(ERRORS)
    r = run("check", "map.argmap", "-q")
    assert "unsupported-claim" in r.out and "Found" not in r.out


def test_text_format_exact(run, write):
    write(ERRORS)
    assert run("check", "map.argmap").out == (
        "error[unsupported-claim]: claim `c` has no support\n"
        " --> map.argmap:2:3\n"
        "  |\n"
        "2 |   + claim c: B.\n"
        "  |   ^\n"
        "  = help: give it a reason (a `+` line under it, or `@ID supports @c`), "
        "or make it a premise if it needs none\n"
        "\n"
        "Found 1 error in 1 file.\n"
    )


def test_caret_under_wide_characters(run, write):
    write("thesis t: 中国.\n  + premise p: 全面.\n    cite: @нет\n")
    lines = run("check", "map.argmap").out.splitlines()
    assert lines[3] == "3 |     cite: @нет"
    assert lines[4] == "  |           ^^^^"


def test_color_only_when_asked_or_on_a_terminal(run, write, monkeypatch):
    write(ERRORS)
    assert "\x1b[" not in run("check", "map.argmap").out
    assert "\x1b[" not in run("check", "map.argmap", "--color", "auto").out
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" in run("check", "map.argmap", "--color", "always").out


def test_map_text_is_not_markup_nor_terminal_escapes(run, write, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    write("thesis t: [bold red]x[/] \x1b[31mred \x07 \u009b.\n")
    for color in ("never", "always"):
        out = run("check", "map.argmap", "--color", color).out
        assert "[bold red]x[/]" in out
        assert "\x07" not in out and "\u009b" not in out
        assert "<U+001B>[31mred" in out


def test_concise(run, write):
    write(WARNS + "claim lone: L.\n")
    assert run("check", "map.argmap", "-f", "concise").out.splitlines() == [
        "map.argmap:3:3: warning [unanswered-counter] counter `x` is not answered",
        "map.argmap:5:1: error [unsupported-claim] claim `lone` has no support",
        "map.argmap:5:1: warning [disconnected] claim `lone` leads to no thesis",
        "1 error, 2 warnings in 1 file",
    ]


def test_rules_command(run):
    r = run("rules")
    assert r.code == 0
    assert r.out.splitlines()[0].split() == ["rule", "severity", "default", "summary"]
    assert any(line.split()[:3] == ["uncited-premise", "warning", "off"]
               for line in r.out.splitlines())
    r = run("rules", "circular-support")
    assert r.code == 0 and r.out.startswith("circular-support (error, on by default)")
    r = run("rules", "circular-suport")
    assert r.code == 2 and "did you mean circular-support" in r.err


def test_export_json_and_graphml(run, write, tmp_path):
    write("---\ntitle: T\n---\n" + WARNS)
    r = run("export", "map.argmap")
    assert r.code == 0 and r.json()["meta"] == {"title": "T"}
    r = run("export", "map.argmap", "-f", "graphml", "-o", "out.graphml")
    assert r.code == 0 and r.out == ""
    import networkx as nx

    G = nx.read_graphml(tmp_path / "out.graphml")
    assert G.edges["x", "t"]["relation"] == "attack"
    assert G.nodes["x"]["stance"] == "con"


def test_export_refuses_a_broken_map_and_writes_nothing(run, write, tmp_path):
    write(BROKEN)
    (tmp_path / "out.json").write_text("old")
    r = run("export", "map.argmap", "-o", "out.json")
    assert r.code == 1 and "error[syntax]" in r.err and r.out == ""
    assert (tmp_path / "out.json").read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["map.argmap", "out.json"]


def test_internal_error_is_one_line_and_exit_2(run, write, monkeypatch):
    write(CLEAN)

    def boom(argmap):
        raise RuntimeError("kaput")

    from argmap.rules import no_thesis

    monkeypatch.setattr(no_thesis, "check", boom)
    r = run("check", "map.argmap")
    assert r.code == 2
    assert r.err.strip().splitlines() == [
        "argmap: internal error: RuntimeError: kaput "
        "(set ARGMAP_DEBUG=1 for the traceback, and please report it)"]
    r = run("check", "map.argmap", env={"ARGMAP_DEBUG": "1"})
    assert r.code == 2 and "Traceback" in r.err


def test_version_and_python_dash_m(tmp_path):
    assert invoke("--version").out == f"argmap, version {argmap.__version__}\n"
    (tmp_path / "m.argmap").write_text(ERRORS)
    out = subprocess.run([sys.executable, "-m", "argmap", "check", "m.argmap", "-f", "json"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 1
    assert json.loads(out.stdout)["summary"]["errors"] == 1


def test_every_command_has_an_example_in_its_help():
    from argmap.cli import cli

    for name, command in cli.commands.items():
        r = invoke(name, "--help")
        assert r.code == 0 and "Example" in r.out, name


def test_progress_bar_appears_only_after_a_moment(monkeypatch, capsys):
    from argmap.cli import _Progress

    quick = _Progress(3, enabled=True)
    for name in "abc":
        quick.advance(name)
    quick.close()
    assert quick.bar is None  # a quick check shows nothing

    monkeypatch.setattr(_Progress, "DELAY", 0.0)
    slow = _Progress(3, enabled=True)
    for name in "abc":
        slow.advance(name)
    assert slow.bar is not None
    assert slow.bar.tasks[0].completed == 3
    slow.close()
    assert _Progress(1, enabled=True).enabled is False  # one file: no bar


def test_nothing_of_rendering_on_the_import_path_of_check():
    code = ("import sys, argmap.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pydot', 'pygraphviz', 'rich') or m.startswith('argmap.render')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_checking_a_map_with_links_imports_nothing_of_rendering(tmp_path):
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  url: https://example.org\n"
                                       "  + premise p: P.\n")
    code = ("import sys, argmap; argmap.check(argmap.load(sys.argv[1])); print(sorted(m for m in "
            "sys.modules if m.split('.')[0] in ('pydot', 'pygraphviz', 'rich') "
            "or m.startswith('argmap.render')))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "m.argmap")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("args", [["check"], ["export", "-f", "json"], ["fmt", "--check"],
                                  ["render", "-f", "dot"], ["render", "-f", "md"], ["eval"],
                                  ["export", "-f", "argdown"]])
def test_commands_that_need_no_graph_algorithm_never_import_networkx(tmp_path, args):
    # importing networkx costs more than checking a one-page map (issue 7)
    (tmp_path / "m.argmap").write_text("thesis t: T.\n  + claim c: C.\n    + premise p: P.\n"
                                       "    - counter x: X.\n      - rebuttal r: R.\n"
                                       "        + premise q: Q.\n  url: https://example.org\n")
    code = ("import sys, argmap.cli\n"
            "try:\n    argmap.cli.main(sys.argv[1:])\n"
            "except SystemExit:\n    pass\n"
            "print('networkx' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, *args[:1], "m.argmap", *args[1:]],
                         cwd=tmp_path, capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "False", out.stderr


def test_the_graph_is_a_networkx_view_of_the_maps_own_dicts():
    m = argmap.loads("thesis t: T.\n  + premise p: P.\n")
    G = m.graph
    assert type(G).__name__ == "DiGraph" and G is m.graph
    assert G.nodes["p"] is m.nodes["p"] and G.edges["p", "t"] is m.succ["p"]["t"]
    assert m.pred["t"]["p"] is m.succ["p"]["t"] and G.graph["meta"] is m.meta
    G.add_edge("t", "p", relation="attack")  # one structure: a change shows in both
    assert m.succ["t"]["p"]["relation"] == "attack" and list(G.predecessors("p")) == ["t"]
    assert argmap.loads("thesis t: T\n  bad line\n").graph is None


def test_the_program_exits_with_its_status_and_all_its_output(tmp_path):
    # `argmap` (and python -m argmap) end the process without freeing the map
    (tmp_path / "bad.argmap").write_text("thesis t: T.\n")
    (tmp_path / "ok.argmap").write_text("thesis t: T.\n  + premise p: P.\n")
    bad = subprocess.run([sys.executable, "-m", "argmap", "check", "bad.argmap", "-f", "json"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode == 1 and json.loads(bad.stdout)["findings"][0]["rule"] == "unsupported-claim"
    ok = subprocess.run([sys.executable, "-m", "argmap", "render", "ok.argmap", "-o", "ok.dot"],
                        cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0 and (tmp_path / "ok.dot").read_text().endswith("}\n")
    usage = subprocess.run([sys.executable, "-m", "argmap", "nope"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert usage.returncode == 2 and "No such command" in usage.stderr
    big = subprocess.run([sys.executable, "-m", "argmap", "export", "ok.argmap"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert big.returncode == 0 and json.loads(big.stdout)["nodes"][1]["id"] == "p"
