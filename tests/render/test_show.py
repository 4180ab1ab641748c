"""`argmap show`: the map as a tree in the terminal."""

from helpers import ROOT, invoke


def test_tree_of_the_whole_map_and_of_one_node():
    path = ROOT / "maps/examples/seminar-debate.argmap"
    r = invoke("show", path, "--color", "never")
    assert r.code == 0
    assert r.out.splitlines()[0] == "Should lectures ban laptops?"
    assert "Thesis Lecturers should ban laptops in lectures.  [ban]" in r.out
    assert "- Objection A ban hurts students" in r.out
    r = invoke("show", path, "access", "--color", "never")
    assert "Objection" not in r.out.splitlines()[1] and "assistive software" in r.out
    assert "Laptops distract" not in r.out
    assert invoke("show", path, "acess").code == 2


def test_map_text_is_not_rich_markup(run, write, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    write("thesis t: [bold]x[/bold] :smile: \x1b[31m.\n  + premise p: B.\n")
    out = run("show", "map.argmap", "--color", "always").out
    assert "[bold]x[/bold]" in out and ":smile:" in out
    assert "<U+001B>[31m" in out and "\x1b[31m." not in out


def _chain(depth):
    lines = ["thesis t: Top."]
    for i in range(1, depth):
        lines.append("  " * i + f"+ premise p{i}: Level {i}.")
    return "\n".join(lines) + "\n"


def test_a_deep_tree_shows_every_level(run, write):
    """A 60-level map showed 18 levels: rich cut the tree at the terminal's width."""
    write(_chain(60))
    out = run("show", "map.argmap", "--color", "never").out
    for i in range(1, 60):
        assert f"Level {i}." in out and f"[p{i}]" in out, i
    assert max(len(line) for line in out.splitlines()) < 120
    assert "‹59›" in out  # the outer levels counted, not drawn


def test_a_very_deep_tree_prints_in_linear_size(run, write):
    """10 000 levels took 47 s (and output that grows with the square of the depth)."""
    write(_chain(10_000))
    out = run("show", "map.argmap", "--color", "never").out
    assert "Level 9999." in out and "[p9999]" in out
    assert len(out) < 10_000 * 120
