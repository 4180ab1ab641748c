from helpers import findings


def test_nodes_with_no_path_to_a_thesis():
    text = """\
    thesis t: A.
      + premise p: B.
      - counter x: C.
        + premise x1: D.
        - rebuttal r: E.
          + premise r1: F.
    claim lone: G.
      + premise lp: H.
    source s: I.
    """
    assert findings(text, "disconnected") == [("disconnected", 7), ("disconnected", 8)]


def test_no_thesis_no_disconnected():
    assert findings("claim c: A.\n  + premise p: B.\n", "disconnected") == []


def test_support_from_the_thesis_does_not_connect_its_target():
    text = "thesis t: A.\n  + premise p: B.\nclaim c: C.\n  + premise q: D.\n@t supports @c\n"
    assert findings(text, "disconnected") == [("disconnected", 3), ("disconnected", 4)]


def test_equals_reachability_in_the_support_and_attack_graph():
    import random

    import networkx as nx

    import argmap

    rng = random.Random(3)
    for _ in range(200):
        n = rng.randint(1, 9)
        kinds = [rng.choice(["thesis", "claim", "premise", "counter", "source"]) for _ in range(n)]
        lines = [f"{k} a{i}: A{i}." for i, k in enumerate(kinds)]
        for _ in range(rng.randint(0, 12)):
            i, j = rng.randrange(n), rng.randrange(n)
            if i != j and "source" not in (kinds[i], kinds[j]):
                lines.append(f"@a{i} {rng.choice(['supports', 'attacks'])} @a{j}")
        m = argmap.loads("\n".join(lines) + "\n")
        G = m.graph
        H = nx.DiGraph((u, v) for u, v, r in G.edges(data="relation") if r != "cite")
        H.add_nodes_from(G)
        theses = [x for x in G if G.nodes[x]["kind"] == "thesis"]
        linked = set(theses).union(*(nx.ancestors(H, t) for t in theses)) if theses else set(G)
        expected = sorted(G.nodes[x]["line"] for x in G
                          if x not in linked and G.nodes[x]["kind"] != "source")
        got = sorted(f.line for f in argmap.check(m) if f.rule == "disconnected")
        assert got == expected, lines
