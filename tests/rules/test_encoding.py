import argmap
from helpers import findings


def test_invalid_utf8_at_its_line_with_the_offset():
    data = "thesis t: A.\n  + premise p: B \xff.\n".encode("latin-1")
    m = argmap.loads(data)
    assert [(f.rule, f.line, f.column) for f in argmap.check(m)] == [("encoding", 2, 18)]
    assert "byte 0xFF at byte offset 30" in m.findings[0].message
    assert m.graph is None


def test_nul_byte():
    assert findings(b"thesis t: A.\n\n  + premise p: \x00B.\n") == [("encoding", 3)]


def test_offset_counts_the_bom():
    m = argmap.loads(b"\xef\xbb\xbfthesis t: \xc3.\n")
    assert m.findings[0].line == 1 and "offset 13" in m.findings[0].message


def test_the_earlier_of_nul_and_bad_utf8_is_reported():
    assert findings(b"thesis t: A.\n\x00\n\xff\n") == [("encoding", 2)]
    assert findings(b"thesis t: A.\n\xff\n\x00\n") == [("encoding", 2)]


def test_valid_utf8_with_bom_is_fine():
    assert findings("\ufeffthesis t: Россия.\n  + premise p: 中国.\n") == []
