def test_code_frames_hints_and_summary(checked):
    r = checked("text")
    assert r.code == 1
    blocks = r.out.split("\n\n")
    assert blocks[0].splitlines()[0] == "error[unsupported-claim]: claim `c` has no support"
    assert blocks[0].splitlines()[1] == " --> dir, with: odd%name/map.argmap:2:3"
    assert blocks[1].splitlines()[0] == "warning[unanswered-counter]: counter `x` is not answered"
    assert r.out.endswith("Found 1 error and 1 warning in 2 files.\n")


def test_long_lines_are_cut_around_the_column(run, write):
    write("thesis t: A.\n  + claim c: " + "x" * 5000 + "\n")
    lines = run("check", "map.argmap").out.splitlines()
    assert len(lines[3]) < 120 and lines[4].endswith("^")
