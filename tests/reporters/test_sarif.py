from argmap.rules import RULES


def test_sarif_2_1_0_required_fields(checked):
    data = checked("sarif").json()
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    [run] = data["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "argmap" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == [r.ID for r in RULES]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("unsupported-claim", "error"), ("unanswered-counter", "warning")]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "dir%2C%20with%3A%20odd%25name/map.argmap"
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
