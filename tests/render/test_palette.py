"""The diagram's colours stay apart for readers with the common colour-vision
deficiencies (simulated with colorspacious, at full severity)."""

import itertools

import pytest

from argmap.render.dot import EDGE_STYLE, KIND_STYLE

colorspacious = pytest.importorskip("colorspacious")

DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")


def _rgb(hex_colour: str):
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]


def _seen(colour, deficiency):
    if deficiency is None:
        return _rgb(colour)
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return colorspacious.cspace_convert(_rgb(colour), space, "sRGB1").clip(0, 1)


@pytest.mark.parametrize("deficiency", (None, *DEFICIENCIES))
def test_every_two_kinds_differ_in_fill(deficiency):
    fills = {k: s["fillcolor"] for k, s in KIND_STYLE.items() if k != "source"}
    for a, b in itertools.combinations(fills, 2):
        distance = colorspacious.deltaE(_seen(fills[a], deficiency), _seen(fills[b], deficiency),
                                        input_space="sRGB1")
        assert distance >= 5, (deficiency, a, b, distance)


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_support_and_attack_differ_in_colour_as_well_as_line(deficiency):
    support = _seen(EDGE_STYLE["support"]["color"], deficiency)
    attack = _seen(EDGE_STYLE["attack"]["color"], deficiency)
    assert colorspacious.deltaE(support, attack, input_space="sRGB1") >= 10
    assert EDGE_STYLE["support"]["style"] != EDGE_STYLE["attack"]["style"]
