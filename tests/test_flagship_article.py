"""The flagship map against the article it reconstructs (issue 21): Kaczmarski,
Acta Slavica Iaponica 41 (2020), pp. 111-123. Every cite of the article names a
page of it, and every page of it is cited, the last one (the conclusion) too."""

import re

import argmap
from helpers import ROOT

FLAGSHIP = ROOT / "maps" / "russia-turn-to-asia.argmap"
FIRST, LAST = 111, 123  # the article's pages
ARTICLE = re.compile(r"^@kaczmarski2020(?![a-z0-9_-])[,\s]*(?P<locator>.*)$")
PAGES = re.compile(r"^pp?\.\s*(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?$")


def page_problems(m) -> list[str]:
    """What is wrong with the map's page cites of the article: a cite with no page
    or a page range that runs backwards, a page outside pp. 111-123, and each page
    of the article that no cite names (a range names each of its pages)."""
    problems, cited = [], set()
    for node, data in m.nodes.items():
        for value in data["cite"]:
            cite = ARTICLE.match(value)
            if cite is None:
                continue  # another work
            pages = PAGES.match(cite["locator"].strip())
            if pages is None:
                problems.append(f"{node}: {value!r} names no page of the article")
                continue
            first = int(pages["first"])
            last = int(pages["last"] or first)
            if last < first:
                problems.append(f"{node}: {value!r} runs backwards")
            for page in range(first, last + 1):
                cited.add(page)
                if not FIRST <= page <= LAST:
                    problems.append(f"{node}: {value!r} cites p. {page}, outside pp. {FIRST}-{LAST}")
    problems += [f"p. {page} is never cited" for page in range(FIRST, LAST + 1)
                 if page not in cited]
    return problems


def test_every_cite_of_the_article_is_a_page_of_it_and_every_page_is_cited():
    m = argmap.load(FLAGSHIP)
    assert page_problems(m) == []
    assert any(ARTICLE.match(c) for d in m.nodes.values() for c in d["cite"])


def test_a_page_beyond_the_article_or_a_page_never_cited_is_caught():
    text = FLAGSHIP.read_text(encoding="utf-8")
    assert "@kaczmarski2020, p. 123\n" in text
    # one cite moved past the article's last page
    beyond = text.replace("@kaczmarski2020, p. 123\n", "@kaczmarski2020, p. 124\n", 1)
    problems = page_problems(argmap.loads(beyond))
    assert len(problems) == 1 and "cites p. 124, outside pp. 111-123" in problems[0]
    # one before its first, and a range that reaches past its last
    before = text.replace("@kaczmarski2020, p. 111\n", "@kaczmarski2020, p. 110\n", 1)
    assert any("p. 110" in p for p in page_problems(argmap.loads(before)))
    past = text.replace("@kaczmarski2020, pp. 122-123\n", "@kaczmarski2020, pp. 123-124\n", 1)
    assert any("p. 124" in p for p in page_problems(argmap.loads(past)))
    # no cite of the last page, the conclusion's, left
    no_last = (text.replace("@kaczmarski2020, p. 123\n", "@kaczmarski2020, p. 122\n")
               .replace("@kaczmarski2020, pp. 122-123\n", "@kaczmarski2020, p. 122\n"))
    assert page_problems(argmap.loads(no_last)) == ["p. 123 is never cited"]
    # a cite of the article without a page
    bare = text.replace("@kaczmarski2020, p. 117\n", "@kaczmarski2020\n", 1)
    assert any("names no page" in p for p in page_problems(argmap.loads(bare)))


def test_page_cites_are_read_as_written():
    m = argmap.loads(
        "source kaczmarski2020: The article.\nsource other: Another work.\n"
        "thesis t: T.\n  cite: @kaczmarski2020, pp. 111-123\n"
        "  + evidence e: E.\n    cite: @kaczmarski2020 p. 112\n    cite: @other, p. 999\n")
    assert page_problems(m) == []  # a range names all its pages; another work's pages are its own
    backwards = argmap.loads(
        "source kaczmarski2020: The article.\nthesis t: T.\n  cite: @kaczmarski2020, pp. 123-111\n")
    assert page_problems(backwards)[0] == "t: '@kaczmarski2020, pp. 123-111' runs backwards"
