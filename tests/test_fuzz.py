"""A quick, deterministic fuzz: random bytes and mutated conformance files through
`argmap check --format json` give findings, never a traceback, and exit 0 or 1."""

import json
import random

import pytest

from helpers import TESTS, invoke

SEEDS = sorted((TESTS / "conformance").glob("*/*.argmap"))
ALPHABET = [" ", "  ", "\t", "\n", "\r\n", "\r", "+", "-", "&", "@", ":", ": ", "#", "//",
            "---", "include ", "thesis ", "claim ", "premise ", "evidence ", "counter ",
            "rebuttal ", "source ", "cite: ", "cite: @", "url: ", "tags: ", "note: ",
            "weight: ", "expect: ", "supports", "attacks", "t", "p", "x", "_", "\u202e",
            "\ufeff", "\x00", "é", "中", "😀", "\\n", '"']


def _mutate(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        i = rng.randrange(len(lines))
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 2:
            lines[i] = b" " * rng.randint(0, 8) + lines[i].lstrip()
        elif op == 3:
            pos = rng.randint(0, len(lines[i]))
            token = rng.choice(ALPHABET).encode("utf-8")
            lines[i] = lines[i][:pos] + token + lines[i][pos:]
        elif op == 4:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 5:
            pos = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:pos]
        else:
            lines[i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
    return b"\n".join(lines)


def _random_text(rng: random.Random) -> bytes:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))).encode("utf-8")


def _cases(count, seed):
    rng = random.Random(seed)
    seeds = [p.read_bytes() for p in SEEDS]
    for n in range(count):
        kind = n % 3
        if kind == 0:
            yield bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        elif kind == 1:
            yield _random_text(rng)
        else:
            yield _mutate(rng, rng.choice(seeds))


@pytest.mark.parametrize("batch", range(6))
def test_check_never_crashes(tmp_path, batch):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "sources.argmap").write_bytes(
        (TESTS / "conformance" / "valid" / "parts" / "sources.argmap").read_bytes())
    path = tmp_path / "case.argmap"
    for data in _cases(500, seed=batch):
        path.write_bytes(data)
        r = invoke("check", "case.argmap", "--format", "json", cwd=tmp_path)
        assert r.code in (0, 1), (data, r.err)
        report = json.loads(r.out)
        assert report["summary"]["errors"] + report["summary"]["warnings"] == len(report["findings"])
        for f in report["findings"]:
            assert f["line"] >= 1 and f["column"] >= 1, (data, f)
        if r.code == 0:
            exported = invoke("export", "case.argmap", cwd=tmp_path)
            assert exported.code == 0, (data, exported.err)
            json.loads(exported.out)
