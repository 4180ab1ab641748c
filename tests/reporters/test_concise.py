def test_one_line_each(checked):
    r = checked("concise")
    assert r.out.splitlines() == [
        "dir, with: odd%name/map.argmap:2:3: error [unsupported-claim] claim `c` has no support",
        "dir, with: odd%name/map.argmap:3:3: warning [unanswered-counter] counter `x` is not answered",
        "1 error, 1 warning in 2 files",
    ]
