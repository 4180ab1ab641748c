"""The project's own maps pass `argmap check --strict` with no finding at all."""

from helpers import ROOT, invoke


def test_maps_pass_strict_check():
    r = invoke("check", "--strict", "--isolated", "-f", "json", "maps", cwd=ROOT)
    assert r.code == 0, r.out
    data = r.json()
    assert data["findings"] == []
    assert data["summary"]["files"] >= 4
