"""Section 6: status (bipolar grounded labelling) and DF-QuAD strength."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.evaluate import ACCEPTED, REJECTED, UNDECIDED, evaluate
from helpers import ROOT, dedent, invoke


def ev(text):
    return evaluate(argmap.loads(dedent(text)))


def test_an_unsupported_counter_does_not_defeat_its_target():
    e = ev("""
        thesis t: T.
          + premise p: P.
          - counter c: C without support.
        """)
    assert e.status == {"t": ACCEPTED, "p": ACCEPTED, "c": REJECTED}


def test_a_defeated_premise_takes_down_only_its_groups():
    e = ev("""
        thesis t: T.
          + premise a: A.
          & premise b: B.
          + premise d: D.
        premise x: X.
        @x attacks @a
        """)
    assert e.status["a"] == REJECTED and e.status["b"] == ACCEPTED
    assert e.status["t"] == ACCEPTED  # the group of d still holds
    e = ev("""
        thesis t: T.
          + premise a: A.
          & premise b: B.
        premise x: X.
        @x attacks @a
        """)
    assert e.status["t"] == REJECTED  # its only group has a rejected member


def test_linked_versus_convergent_support():
    convergent = ev("claim t: T.\n  + premise a: A.\n  + premise b: B.\npremise x: X.\n"
                    "@x attacks @a\nthesis top: Top.\n  + @t\n")
    linked = ev("claim t: T.\n  + premise a: A.\n  & premise b: B.\npremise x: X.\n"
                "@x attacks @a\nthesis top: Top.\n  + @t\n")
    assert convergent.status["t"] == ACCEPTED and linked.status["t"] == REJECTED
    assert linked.status["top"] == REJECTED


def test_support_cycles_stay_undecided():
    e = ev("""
        thesis t: T.
          + claim a: A.
            + claim b: B.
              + @a
        """)
    assert e.status == {"t": UNDECIDED, "a": UNDECIDED, "b": UNDECIDED}


def test_mutual_attack_is_undecided_and_a_defeated_attacker_reinstates():
    e = ev("premise a: A.\npremise b: B.\n@a attacks @b\n@b attacks @a\n")
    assert e.status == {"a": UNDECIDED, "b": UNDECIDED}
    e = ev("premise a: A.\npremise b: B.\npremise c: C.\n@a attacks @b\n@b attacks @c\n")
    assert e.status == {"a": ACCEPTED, "b": REJECTED, "c": ACCEPTED}


def test_rebuttal_chain():
    e = ev("""
        thesis t: T.
          + premise p: P.
          - counter c: C.
            + premise q: Q.
            - rebuttal r: R.
              + premise s: S.
        """)
    assert (e.status["t"], e.status["c"], e.status["r"]) == (ACCEPTED, REJECTED, ACCEPTED)


@pytest.mark.parametrize("text, node, value", [
    ("premise p: P.\n", "p", 0.5),  # the default weight
    ("premise p: P.\n  weight: 0.8\n", "p", 0.8),
    ("claim c: C.\n  + premise p: P.\n", "c", 0.75),  # 0.5 + 0.5·(1 − 0.5)
    ("claim c: C.\n  + premise p: P.\n  + premise q: Q.\n", "c", 0.875),  # S = 1 − 0.5²
    ("claim c: C.\n  - premise p: P.\n", "c", 0.25),  # 0.5 − 0.5·0.5
    ("claim c: C.\n  weight: 0.8\n  - premise p: P.\n", "c", 0.4),  # 0.8 − 0.5·0.8
    # S = A: v = 0, the strength is the weight
    ("claim c: C.\n  + premise p: P.\n  - premise q: Q.\n", "c", 0.5),
    ("claim c: C.\n  weight: 0.3\n  + premise p: P.\n  - premise q: Q.\n", "c", 0.3),
    # a group counts with its weakest member: min(0.5, 0.2) = 0.2, so 0.5 + 0.2·0.5
    ("claim c: C.\n  + premise p: P.\n  & premise q: Q.\n    weight: 0.2\n", "c", 0.6),
    # chains: d = 0.75, c = 0.5 + 0.75·0.5
    ("claim c: C.\n  + claim d: D.\n    + premise p: P.\n", "c", 0.875),
])
def test_df_quad_by_hand(text, node, value):
    assert ev(text).strength[node] == pytest.approx(value, abs=1e-12)


def test_strength_on_a_support_cycle_is_the_fixed_point():
    # s = 0.5 + 0.5·s for both: the fixed point is 1
    e = ev("claim a: A.\n  + claim b: B.\n    + @a\n")
    assert e.strength["a"] == pytest.approx(1.0, abs=1e-8)
    assert not e.unsettled


def test_the_round_bound_is_reported():
    # weights 1 and mutual attack: the iteration swings between 0 and 1 for ever
    e = ev("premise a: A.\n  weight: 1\npremise b: B.\n  weight: 1\n"
           "@a attacks @b\n@b attacks @a\n")
    assert e.unsettled == {"a", "b"}


def _grounded(nodes, attacks):
    from argumentation.core import dung

    af = dung.ArgumentationFramework(arguments=frozenset(nodes), defeats=frozenset(attacks))
    inside = dung.grounded_extension(af)
    out = {b for a, b in attacks if a in inside}
    return {n: ACCEPTED if n in inside else REJECTED if n in out else UNDECIDED for n in nodes}


@st.composite
def attack_graphs(draw):
    n = draw(st.integers(1, 9))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names if a != b]
    attacks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=min(len(pairs), 20))
                   if pairs else st.just([]))
    return names, attacks


@settings(max_examples=400, deadline=None, derandomize=True)
@given(attack_graphs())
def test_attack_only_status_is_dungs_grounded_labelling(graph):
    names, attacks = graph
    text = "".join(f"premise {n}: {n}.\n" for n in names)
    text += "".join(f"@{a} attacks @{b}\n" for a, b in attacks)
    assert evaluate(argmap.loads(text)).status == _grounded(names, attacks)


@st.composite
def bipolar_graphs(draw):
    n = draw(st.integers(1, 8))
    kinds = [draw(st.sampled_from(["premise", "claim", "counter"])) for _ in range(n)]
    names = [f"a{i}" for i in range(n)]
    lines = [f"{k} {m}: {m}." for k, m in zip(kinds, names)]
    for i, m in enumerate(names):
        for j in draw(st.lists(st.integers(0, n - 1), unique=True, max_size=3)):
            if j != i:
                sign = draw(st.sampled_from(["supports", "attacks"]))
                lines.append(f"@{names[j]} {sign} @{m}")
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(bipolar_graphs())
def test_with_support_the_status_is_a_fixpoint_of_both_rules(text):
    m = argmap.loads(text)
    e = evaluate(m)
    s = e.status
    for n in s:
        attackers, groups = e.attackers[n], e.groups[n]
        rejected = any(s[a] == ACCEPTED for a in attackers) or (
            e.needs_support[n] and all(any(s[x] == REJECTED for x in g) for g in groups))
        accepted = all(s[a] == REJECTED for a in attackers) and (
            not e.needs_support[n] or any(all(s[x] == ACCEPTED for x in g) for g in groups))
        assert (s[n] == REJECTED) == rejected, (text, n)
        assert (s[n] == ACCEPTED) == accepted, (text, n)


def test_the_flagship_comes_out_as_it_says():
    m = argmap.load(ROOT / "maps/russia-turn-to-asia.argmap")
    assert [f for f in argmap.check(m) if f.rule == "unexpected-status"] == []
    e = evaluate(m)
    assert e.status["sinocentrism"] == ACCEPTED
    # what falls is only what the article argues against, worded as the claim it denies
    rejected = {n for n, s in e.status.items() if s == REJECTED}
    assert rejected == {"axis", "entente", "hedging", "assumptions", "some-success", "game-changer"}
    assert UNDECIDED not in e.status.values()
    # what the article concedes stands: a true report is never rejected
    for conceded in ("sakhalin-2", "rfe-prospects", "successes", "eas", "observers-japan",
                     "institutions-existing", "nuclear-hedge", "scholars-disagree", "swp", "nbr"):
        assert e.status[conceded] == ACCEPTED, conceded
    # every argument node says what status the article settles for it
    assert all(d.get("expect") for d in m.nodes.values() if d["kind"] != "source")


def test_eval_command():
    path = ROOT / "maps/examples/seminar-debate.argmap"
    r = invoke("eval", path, "--color", "never")
    assert r.code == 0
    assert "12 accepted, 2 rejected, 0 undecided" in r.out
    lines = r.out.splitlines()
    header = next(i for i, line in enumerate(lines) if " id " in line and " why " in line)
    assert "ban" in lines[header + 2] and "thesis" in lines[header + 2]  # the thesis first
    data = json.loads(invoke("eval", path, "-f", "json").out)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["access"]["status"] == "rejected"
    assert by_id["access"]["reasons"] == ["attacked by accepted `exemptions`"]
    r = invoke("eval", path, "--node", "access", "--color", "never")
    assert r.out.splitlines()[:3] == [
        "access (counter) is rejected, strength 0.375",
        "  attackers: exemptions (accepted)",
        "  support groups: disability (accepted)",
    ]
    assert "   exemptions (rebuttal) is accepted" in r.out  # and why the attacker stands
    assert invoke("eval", path, "--node", "nope").code == 2
    # --status and --sort hold for JSON as for the table
    data = json.loads(invoke("eval", path, "-f", "json", "--status", "rejected").out)
    assert sorted(n["id"] for n in data["nodes"]) == ["access", "replication"]
    data = json.loads(invoke("eval", path, "-f", "json", "--sort", "strength").out)
    strengths = [n["strength"] for n in data["nodes"]]
    assert strengths == sorted(strengths, reverse=True)


def test_render_and_export_with_eval(tmp_path):
    path = tmp_path / "m.argmap"
    path.write_text("thesis t: T.\n  + premise p: P.\n  - counter c: C.\n    + premise q: Q.\n")
    dot = invoke("render", path, "-f", "dot", "--eval").out
    assert "REJECTED 0.38" in dot and "<S>" in dot and "ACCEPTED 0.75" in dot
    md = invoke("render", path, "-f", "md", "--eval").out
    assert "*(rejected)*" in md
    html = invoke("render", path, "-f", "html", "--eval").out
    assert 'class="badge badge-rejected"' in html
    data = json.loads(invoke("export", path, "--eval").out)
    assert {n["id"]: n["status"] for n in data["nodes"]} == {
        "t": "rejected", "p": "accepted", "c": "accepted", "q": "accepted"}
    assert invoke("export", path, "-f", "aif", "--eval").code == 2


# -- section 7: undercuts ---------------------------------------------------------

def test_an_accepted_undercutter_makes_the_inference_fail():
    e = ev("""
        thesis t: T.
          + premise p: P.
            ~ premise u: U.
        """)
    assert e.status == {"t": REJECTED, "p": ACCEPTED, "u": ACCEPTED}
    assert e.reasons("t") == ["support `p` fails: undercut by accepted `u`"]


def test_a_rejected_undercutter_lets_the_inference_hold():
    e = ev("""
        thesis t: T.
          + premise p: P.
            ~ counter u: U.
        """)
    assert e.status == {"t": ACCEPTED, "p": ACCEPTED, "u": REJECTED}
    assert e.reasons("t") == ["support `p` holds (every undercutter rejected: `u`)"]


def test_an_undecided_undercutter_leaves_the_inference_open():
    e = ev("""
        thesis t: T.
          + premise p: P.
            ~ premise u: U.
        premise v: V.
        @v attacks @u
        @u attacks @v
        """)
    assert e.status["t"] == UNDECIDED and e.status["u"] == UNDECIDED
    assert e.reasons("t") == ["support `p` (undercut by undecided `u`) undecided"]


def test_an_undercut_inference_is_one_of_several():
    e = ev("""
        thesis t: T.
          + premise p: P.
            ~ premise u: U.
          + premise q: Q.
        """)
    assert e.status["t"] == ACCEPTED  # q's inference holds


def test_an_undercut_attacks_neither_the_reason_nor_a_node_needing_no_support():
    e = ev("""
        claim c: C.
          + premise p: P.
            + premise r: R.
              ~ premise u: U.
        """)
    assert e.status == {"c": ACCEPTED, "p": ACCEPTED, "r": ACCEPTED, "u": ACCEPTED}


@pytest.mark.parametrize("text, node, value", [
    # m·(1 − U) = 0.5·0.5: c = 0.5 + 0.25·0.5
    ("claim c: C.\n  + premise p: P.\n    ~ premise u: U.\n", "c", 0.625),
    # U = 1 − 0.5·0.5 = 0.75: 0.5·0.25 = 0.125, c = 0.5 + 0.125·0.5
    ("claim c: C.\n  + premise p: P.\n    ~ premise u: U.\n    ~ premise v: V.\n",
     "c", 0.5625),
    # the weakest reason of the group (0.2) times 1 − 0.5: c = 0.5 + 0.1·0.5
    ("claim c: C.\n  + premise p: P.\n  & premise q: Q.\n    weight: 0.2\n"
     "    ~ premise u: U.\n", "c", 0.55),
    # an undercutter of strength 1 takes the inference to 0: c keeps its weight
    ("claim c: C.\n  + premise p: P.\n    ~ premise u: U.\n      weight: 1\n", "c", 0.5),
    # the undercutter's own strength counts: u = 0.5 + 0.5·0.5 = 0.75, so
    # 0.5·0.25 = 0.125 and c = 0.5625
    ("claim c: C.\n  + premise p: P.\n    ~ premise u: U.\n      + premise w: W.\n",
     "c", 0.5625),
    # only its own inference: S = 1 − (1 − 0.25)(1 − 0.5) = 0.625, c = 0.5 + 0.625·0.5
    ("claim c: C.\n  + premise p: P.\n    ~ premise u: U.\n  + premise q: Q.\n", "c", 0.8125),
])
def test_df_quad_with_undercuts_by_hand(text, node, value):
    assert ev(text).strength[node] == pytest.approx(value, abs=1e-12)


def test_eval_explains_an_undercut_step_by_step(tmp_path):
    (tmp_path / "m.argmap").write_text(dedent("""
        thesis t: T.
          + premise p: P.
            ~ counter u: U.
              + premise w: W.
        """))
    run = invoke("eval", "m.argmap", "--node", "t", cwd=tmp_path)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "t (thesis) is rejected, strength 0.562",  # 0.5 + 0.5·(1 − 0.75)·0.5
        "  attackers: none",
        "  support groups: p (accepted), undercut by u (accepted)",
        "  so: support `p` fails: undercut by accepted `u`",
        "   u (counter) is accepted, strength 0.750",
        "     attackers: none",
        "     support groups: w (accepted)",
        "     so: support `w` holds",
    ]


@st.composite
def undercut_graphs(draw):
    """Random maps of relation lines, with undercuts of their support edges."""
    n = draw(st.integers(2, 8))
    kinds = [draw(st.sampled_from(["premise", "claim", "counter"])) for _ in range(n)]
    names = [f"a{i}" for i in range(n)]
    lines = [f"{k} {m}: {m}." for k, m in zip(kinds, names)]
    supports = []
    for i, m in enumerate(names):
        for j in draw(st.lists(st.integers(0, n - 1), unique=True, max_size=3)):
            if j != i:
                sign = draw(st.sampled_from(["supports", "attacks"]))
                lines.append(f"@{names[j]} {sign} @{m}")
                if sign == "supports":
                    supports.append((names[j], m))
    for r, t in supports:
        for u in draw(st.lists(st.sampled_from(names), unique=True, max_size=2)):
            lines.append(f"@{u} undercuts @{r} supports @{t}")
    return "\n".join(lines) + "\n"


def _least_fixpoint(e):
    """Section 7's rules applied naively, from all undecided, until nothing moves."""
    s = dict.fromkeys(e.status, UNDECIDED)

    def holds(g, cut):
        return all(s[x] == ACCEPTED for x in g) and all(s[u] == REJECTED for u in cut)

    def fails(g, cut):
        return any(s[x] == REJECTED for x in g) or any(s[u] == ACCEPTED for u in cut)

    moved = True
    while moved:
        moved = False
        for n in s:
            if s[n] != UNDECIDED:
                continue
            inferences = e.inferences(n)
            needs = e.needs_support[n]
            if any(s[a] == ACCEPTED for a in e.attackers[n]) or (
                    needs and all(fails(*i) for i in inferences)):
                s[n], moved = REJECTED, True
            elif all(s[a] == REJECTED for a in e.attackers[n]) and (
                    not needs or any(holds(*i) for i in inferences)):
                s[n], moved = ACCEPTED, True
    return s


@settings(max_examples=400, deadline=None, derandomize=True)
@given(undercut_graphs())
def test_with_undercuts_the_status_is_the_least_fixpoint_of_section_7(text):
    m = argmap.loads(text)
    e = evaluate(m)
    assert e.status == _least_fixpoint(e), text


@st.composite
def child_line_graphs(draw):
    """Random maps whose supports are reference lines under their targets, as
    (plain text, the same with a scheme under every support line)."""
    n = draw(st.integers(1, 8))
    scheme = draw(st.sampled_from(["sign", "analogy", "no-such-scheme"]))
    plain, marked = [], []
    for i in range(n):
        kind = draw(st.sampled_from(["premise", "claim", "counter"]))
        plain.append(f"{kind} a{i}: A{i}.")
        marked.append(plain[-1])
        for j in draw(st.lists(st.integers(0, n - 1), unique=True, max_size=3)):
            if j != i:
                sign = draw(st.sampled_from(["+", "-"]))
                plain.append(f"  {sign} @a{j}")
                marked.append(plain[-1])
                if sign == "+":
                    marked.append(f"    scheme: {scheme}")
    return "\n".join(plain) + "\n", "\n".join(marked) + "\n"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(child_line_graphs())
def test_schemes_change_no_status_and_no_strength(texts):
    plain, marked = (evaluate(argmap.loads(t)) for t in texts)
    assert plain.status == marked.status and plain.strength == marked.strength


def test_eval_table_shows_text_and_sorts_and_filters():
    path = str(ROOT / "maps" / "examples" / "evaluation.argmap")
    run = invoke("eval", path, "--sort", "strength", "--status", "undecided", env={"COLUMNS": "160"})
    lines = [ln for ln in run.out.splitlines() if ln.startswith("│")]
    ids = [ln.split("│")[1].strip() for ln in lines]
    assert ids == ["noise", "quiet", "open"]  # strongest first, undecided only
    assert "The library should open on Sundays." in run.out
    assert invoke("eval", path, "--status", "sideways").code == 2
