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
