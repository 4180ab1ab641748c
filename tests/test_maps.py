"""The project's own maps pass `argmap check --strict` with no finding at all."""

from helpers import ROOT, invoke


def test_maps_pass_strict_check():
    r = invoke("check", "--strict", "--isolated", "-f", "json", "maps", cwd=ROOT)
    assert r.code == 0, r.out
    data = r.json()
    assert data["findings"] == []
    assert data["summary"]["files"] >= 4


FLAGSHIP = ROOT / "maps" / "russia-turn-to-asia.argmap"


def test_flagship_grounds_every_premise():
    r = invoke("check", "--strict", "--isolated", "--extend-select", "uncited-premise",
               "-f", "json", FLAGSHIP, cwd=ROOT)
    assert r.code == 0 and r.json()["findings"] == []


def test_flagship_front_matter_and_shape():
    data = invoke("export", FLAGSHIP, cwd=ROOT).json()
    assert set(data["meta"]) >= {"title", "author", "date", "source", "doi", "url", "lang"}
    assert data["meta"]["doi"] == "10.14943/ASI.41.111"
    kinds = [n["kind"] for n in data["nodes"]]
    assert kinds.count("thesis") == 1
    assert kinds.count("counter") >= 4 and kinds.count("rebuttal") >= 3
    # the article's attacks on inferences are undercuts; the think-tank verdicts an expert opinion
    relations = [e["relation"] for e in data["edges"]]
    assert relations.count("undercut") >= 4
    assert any(e.get("scheme") == "expert-opinion" for e in data["edges"])
    # every piece of evidence cites the article's page
    for n in data["nodes"]:
        if n["kind"] == "evidence":
            assert any(c.startswith("@kaczmarski2020, p") for c in n["cite"]), n["id"]
