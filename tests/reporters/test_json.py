def test_section_5_shape(checked):
    r = checked("json")
    data = r.json()
    assert data["version"] == 1
    assert data["summary"] == {"files": 2, "errors": 1, "warnings": 1}
    first = data["findings"][0]
    assert {k: first[k] for k in ("rule", "severity", "file", "line", "column")} == {
        "rule": "unsupported-claim", "severity": "error",
        "file": "dir, with: odd%name/map.argmap", "line": 2, "column": 3}
    assert first["message"] == "claim `c` has no support"
    assert first["hint"].startswith("give it a reason")
