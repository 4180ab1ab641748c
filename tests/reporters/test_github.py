from argmap.reporters.github import _data, _property


def test_annotations(checked):
    lines = checked("github").out.splitlines()
    assert lines[0].startswith(
        "::error file=dir%2C with%3A odd%25name/map.argmap,line=2,col=3,"
        "title=argmap unsupported-claim::claim `c` has no support%0Ahelp: ")
    assert lines[1].startswith("::warning file=")
    assert len(lines) == 2


def test_escaping():
    assert _data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert _property("a:b,c%") == "a%3Ab%2Cc%25"
