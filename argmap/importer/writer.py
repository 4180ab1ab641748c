"""Nodes and edges, as dicts shaped like argmap's JSON export, to `.argmap` text.

Every importer reads its format into such dicts and leaves the writing to
:class:`Writer`, which says in a warning whatever the language can't hold.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from ..language import ATTRIBUTE_KEYS, EXPECT_VALUES, KIND_SET, META_KEY_RE, WEIGHT_RE, is_identifier

_ONE_LINE = re.compile(r"[\r\n\t\x00-\x1f\x7f\u2028\u2029]+")
#: JSON's \ud800-style escapes can hold half a surrogate pair: no UTF-8 has it
_SURROGATE = re.compile("[\ud800-\udfff]")
_CITE_REF = re.compile(r"@([^\s,]*)(.*)\Z", re.S)


#: warnings of one kind (one for each node or edge) shown before a count of the rest
WARNINGS_OF_A_KIND = 20
#: child lines nest at most this deep in an imported map; deeper ones start at column 1
MAX_NESTING = 24


class Writer:
    """Nodes and edges, as dicts like argmap's JSON export, to `.argmap` text."""

    def __init__(self):
        self._warnings: list[str] = []
        self._counts: dict[str, int] = {}
        self.taken: set[str] = set()  # the ids given out

    def warn(self, message: str, kind: str | None = None):
        """Say what was changed or left out; of one kind of warning (one a node or
        an edge), the first WARNINGS_OF_A_KIND, and then how many more there were."""
        key = kind or message
        count = self._counts[key] = self._counts.get(key, 0) + 1
        if count <= WARNINGS_OF_A_KIND:
            self._warnings.append(message)

    @property
    def warnings(self) -> list[str]:
        more = [f"… and {n - WARNINGS_OF_A_KIND} more warning(s) like “{kind}”"
                for kind, n in self._counts.items() if n > WARNINGS_OF_A_KIND]
        return self._warnings + more

    def line(self, value, what: str) -> str:
        text = str(value)
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
            self.warn(f"{what}: halves of surrogate pairs (not Unicode text) became U+FFFD",
                      "surrogates became U+FFFD")
        flat = _ONE_LINE.sub(" ", text).strip()
        if flat != text.strip():
            self.warn(f"{what}: line breaks and control characters became spaces",
                      "line breaks became spaces")
        return flat

    def write(self, meta: dict, nodes: list[dict], edges: list[dict]) -> str:
        out = self.front_matter(meta)
        nodes = self.unique(nodes)
        ids = self.assign_ids(nodes)
        by_id = {str(n.get("id", "")): n for n in nodes}
        relations = self.relations(edges, by_id, ids)
        cuts = self.undercuts(edges, relations, by_id)
        nested_under = self.nesting(relations + cuts, by_id, ids)
        incoming = self.incoming(relations, nested_under, ids)
        self.extras = self.inference_extras(relations, cuts, incoming, nested_under, ids)
        path: list = []  # the headings open, outermost first
        for n in nodes:
            key = str(n.get("id", ""))
            if key in nested_under:
                continue
            wanted = self.headings_of(n, key)
            if wanted != path:
                same = 0
                while same < min(len(path), len(wanted)) and path[same] == wanted[same]:
                    same += 1
                if same == len(wanted) and wanted:
                    same -= 1  # back out of a nested section: its parent's heading again
                out += [x for level, title in wanted[same:]
                        for x in ("", f"{'#' * level} {title}", "")]
                path = wanted
            self.block(key, by_id, ids, incoming, out)
        return "\n".join(out) + "\n"

    def headings_of(self, n: dict, key: str) -> list:
        """The headings a node is written under: its ``headings`` ((level, title),
        outermost first) where the format has nesting, else its ``section``."""
        path = n.get("headings")
        if path is not None and not _heading_path(path):
            self.warn(f"node {key}: `headings` is not a list of [level, title]; its section "
                      "is used", "bad headings")
            path = None
        if path is None:
            section = n.get("section")
            path = [(1, section)] if section is not None else []
        out = []
        for level, title in path:
            title = self.line(title, "a section title")
            if not title:
                self.warn(f"node {key} is in a section with no title; written outside it",
                          "a section with no title")
                return []
            out.append((min(max(int(level), 1), 6), title))
        return out

    def unique(self, nodes: list[dict]) -> list[dict]:
        """The nodes, each id once (copies: the document is left as it was)."""
        seen, out = set(), []
        for n in nodes:
            key = str(n.get("id", ""))
            if key in seen:
                text = self.line(n.get("text") or "", f"the text of node {key}")
                self.warn(f"node id {key!r} is repeated; the later node ({text[:40]!r}) is left out",
                          "a repeated node id")
                continue
            seen.add(key)
            out.append(dict(n))
        return out

    def front_matter(self, meta: dict) -> list[str]:
        if not meta:
            return []
        out = ["---"]
        for key, value in meta.items():
            if not META_KEY_RE.match(str(key)):
                self.warn(f"front matter key {key!r} is not a valid key; left out",
                          "an invalid front matter key")
                continue
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                self.warn(f"front matter `{key}` is not a text or a number; left out",
                          "a front matter value that is no text")
                continue
            out.append(f"{key}: {self.line(value, f'front matter `{key}`')}")
        return out + ["---"] if len(out) > 1 else []

    def assign_ids(self, nodes: list[dict]) -> dict:
        """Each node's id in the map: valid ones kept, new ones made for the rest;
        `_…` ids stay anonymous (None)."""
        ids, taken = {}, self.taken
        for n in nodes:
            raw = str(n.get("id", ""))
            if raw.startswith("_"):
                ids[raw] = None
            elif is_identifier(raw) and raw not in taken:
                ids[raw] = raw
            else:
                new = fresh_id(raw, taken)
                self.warn(f"node id {raw!r} is not a valid id (or is repeated); renamed `{new}`",
                          "an invalid node id")
                ids[raw] = new
            if ids[raw]:
                taken.add(ids[raw])
        return ids

    def relations(self, edges: list[dict], by_id: dict, ids: dict) -> list[tuple]:
        """The support and attack edges a map can hold, as (source, target, relation,
        edge); a cite edge becomes the node's `cite:` line when it has none."""
        relations = []
        cited: dict[str, set] = {}  # node -> the ids its cites name (found once per node)
        for e in edges:
            u, v, rel = str(e.get("source")), str(e.get("target")), e.get("relation")
            if u not in by_id or v not in by_id:
                self.warn(f"edge {u} → {v} names a node that is not there; left out",
                          "an edge names no node")
            elif rel == "cite":
                self.cite_edge(u, v, by_id, ids, cited)
            elif rel == "undercut":
                continue  # see undercuts()
            elif rel not in ("support", "attack"):
                self.warn(f"edge {u} → {v} has the relation {rel!r}; left out",
                          "an unknown relation")
            elif by_id[u].get("kind") == "source" or by_id[v].get("kind") == "source":
                self.warn(f"edge {u} → {v} relates a source; left out", "an edge relates a source")
            else:
                relations.append((u, v, rel, e))
        return relations

    def undercuts(self, edges: list[dict], relations: list, by_id: dict) -> list[tuple]:
        """The undercut edges whose inference is among the support relations, as
        (undercutter, target, "undercut", edge), the edge's ``reasons`` read as
        the support group of its first reason."""
        support = {(u, v) for u, v, rel, _ in relations if rel == "support"}
        taken = {(u, v) for u, v, _, _ in relations}  # a node relates to a target once
        out = []
        for e in edges:
            u, v = str(e.get("source")), str(e.get("target"))
            if e.get("relation") != "undercut" or u not in by_id or v not in by_id:
                continue  # not an undercut, or relations() said what is wrong
            reasons = [str(r) for r in e.get("reasons") or []]
            if not reasons or (reasons[0], v) not in support:
                self.warn(f"undercut {u} → {v} names no support of {v} among its reasons; "
                          "left out", "an undercut of no inference")
            elif (u, v) in taken or u in reasons:
                self.warn(f"undercut {u} → {v}: {u} already relates to {v} (or is one of the "
                          "reasons); left out", "a conflicting undercut")
            else:
                taken.add((u, v))
                out.append((u, v, "undercut", dict(e, reasons=reasons)))
        return out

    def inference_extras(self, relations, cuts, incoming, nested_under, ids) -> dict:
        """(target, reason) -> {"scheme": name, "cuts": [(undercutter, declares)]}:
        what goes under that reason's support line. The scheme goes under the
        first line of its inference; an undercut under the last line of the
        inference written before it (so that nodes keep their order), else the first."""
        key_of, members = _inferences(incoming)
        extras: dict = defaultdict(dict)
        for u, v, rel, e in relations:
            name = e.get("scheme")
            if rel == "support" and isinstance(name, str) and (v, u) in key_of:
                scheme = self.scheme_name(name, u, v)
                if scheme:
                    extras[(v, members[key_of[(v, u)]][0])].setdefault("scheme", scheme)
        line_of = {(u, v): e.get("line") for u, v, _, e in relations}
        for u, v, _, e in cuts:
            key = key_of.get((v, e["reasons"][0]))
            declares = nested_under.get(u) == v
            if key is None or (not declares and ids[u] is None):
                self.warn(f"undercut {u} → {v} can't be written (its inference or its "
                          "undercutter can't be referred to); left out", "an unwritable undercut")
                if declares:
                    del nested_under[u]
                continue
            line = e.get("line")
            before = [r for r in members[key] if _before(line_of.get((r, v)), line)]
            host = before[-1] if before else members[key][0]
            extras[(v, host)].setdefault("cuts", []).append((u, declares))
        return dict(extras)

    def scheme_name(self, name: str, u: str, v: str) -> str | None:
        scheme = self.line(name, f"the scheme of {u} → {v}")
        if re.fullmatch(r"[a-z][a-z0-9-]*", scheme):
            return scheme
        self.warn(f"support {u} → {v} has the scheme {name!r}, not a scheme name; left out",
                  "a bad scheme name")
        return None

    def cite_edge(self, u: str, v: str, by_id: dict, ids: dict, cited: dict) -> None:
        """A cite edge: the node's `cite: @ID` line, added when it has none."""
        node = by_id[u]
        if u not in cited:
            node["cite"] = list(node.get("cite") or [])  # the node's own list, to add to
            cited[u] = {_CITE_REF.match(c).group(1) for c in node["cite"]
                        if isinstance(c, str) and c.startswith("@")}
        if ids.get(v) and v not in cited[u]:
            self.warn(f"cite edge {u} → {v} has no `cite: @{v}` in the node; added one",
                      "a cite edge without its cite line")
            node["cite"].append(f"@{v}")
            cited[u].add(v)

    def nesting(self, relations, by_id: dict, ids: dict) -> dict:
        """Node -> the node it is written under as a child line: the edge stated
        on the node's own line (or, lacking positions, an anonymous node's first
        edge); no circle, and no deeper than MAX_NESTING levels."""
        nested_under = {}
        for u, v, _, e in relations:
            node = by_id[u]
            if u in nested_under or u == v:
                continue
            if "line" in e:
                if e.get("line") == node.get("line") and e.get("file") == node.get("file"):
                    nested_under[u] = v
            elif ids[u] is None:
                nested_under[u] = v
        _break_circles(nested_under)
        self.flatten(nested_under, ids)
        return nested_under

    def flatten(self, nested_under: dict, ids: dict) -> None:
        """Write a node nested deeper than MAX_NESTING at column 1 instead, with a
        reference under its parent: indentation would grow with the square of
        the depth (a chain of 100 000 nodes, gigabytes of spaces)."""
        level: dict[str, int] = {}
        for start in list(nested_under):
            path, n = [], start
            while n in nested_under and n not in level:
                path.append(n)
                n = nested_under[n]
            above = level.get(n, 0)
            for x in reversed(path):
                above += 1
                if above > MAX_NESTING:
                    del nested_under[x]
                    if ids[x] is None:
                        ids[x] = fresh_id("n", self.taken)
                        self.taken.add(ids[x])
                        self.warn(f"anonymous node {x} is nested more than {MAX_NESTING} levels "
                                  f"deep; written at column 1 as `{ids[x]}`", "nested too deep")
                    above = 0
                level[x] = above

    def incoming(self, relations, nested_under: dict, ids: dict) -> dict:
        """Target -> [(group, relation, source, declares)] in the order stated."""
        incoming = defaultdict(list)
        for u, v, rel, e in relations:
            declares = nested_under.get(u) == v
            if not declares and ids[u] is None:
                self.warn(f"anonymous node {u} can't be referenced, so its relation to {v} is "
                          "left out (give it an id to keep it)", "an anonymous node related")
                continue
            group = e.get("group")
            incoming[v].append(((group, rel) if group is not None else None, rel, u, declares))
        return incoming

    def head(self, n: dict, key: str, ids: dict) -> str | None:
        kind = n.get("kind")
        if kind not in KIND_SET:
            self.warn(f"node {key} has the unknown kind {kind!r}; written as a premise",
                      "an unknown kind")
            kind = "premise"
        text = self.line(n.get("text", ""), f"the text of node {key}")
        if not text:
            self.warn(f"node {key} has no text; written as (no text)", "a node without text")
            text = "(no text)"
        name = ids[key]
        return f"{kind} {name}: {text}" if name else f"{kind}: {text}"

    def attributes(self, n: dict, key: str, ids: dict, on_inference=False) -> list[str]:
        lines = self.questions(n, key, on_inference)
        lines += [f"cite: {c}" for c in (self.cite(v, key, ids) for v in n.get("cite") or [])
                  if c]
        lines += self.text_attributes(n, key)
        if n.get("kind") != "source":
            lines += self.evaluation_attributes(n, key)
        unknown = set(n) - {"id", "kind", "text", "section", "headings", "stance", "file",
                            "line", "column",
                            *ATTRIBUTE_KEYS, "status", "strength", "reasons"}
        if unknown:
            self.warn(f"node {key}: fields {', '.join(sorted(unknown))} have no place in a map; "
                      "left out", "unknown fields")
        return lines

    def questions(self, n: dict, key: str, on_inference: bool) -> list[str]:
        """The `cq:` lines of a node declared on a support or an undercut line."""
        names = [self.line(q, f"a critical question of node {key}") for q in n.get("cq") or []]
        names = [q for q in names if q]
        if names and not on_inference:
            self.warn(f"node {key} addresses critical questions ({', '.join(names)}) but is "
                      "written where no inference is; left out", "questions without inference")
            return []
        return [f"cq: {q}" for q in names]

    def text_attributes(self, n: dict, key: str) -> list[str]:
        """The `url:`, `tags:` and `note:` lines (an empty one is left out)."""
        lines = []
        url = self.line(n.get("url") or "", f"the url of node {key}")
        if url:
            lines.append(f"url: {url}")
        tags = [self.line(t, f"a tag of node {key}").replace(",", " ").strip()
                for t in n.get("tags") or []]
        if any(tags):
            lines.append("tags: " + ", ".join(t for t in tags if t))
        for note in str(n.get("note") or "").split("\n"):
            note = self.line(note, f"the note of node {key}")
            if note:
                lines.append(f"note: {note}")
        return lines

    def cite(self, value, key: str, ids: dict) -> str | None:
        """A `cite:` value as the map can hold it: `@ID` for a node imported
        under another id names it by its new one; one that can name no node
        becomes free text."""
        text = self.line(value, f"a cite of node {key}")
        if not text:
            self.warn(f"node {key} has an empty cite; left out", "an empty cite")
            return None
        if not text.startswith("@"):
            return text
        ref, rest = _CITE_REF.match(text).groups()
        if ids.get(ref):
            return f"@{ids[ref]}{rest}"
        if is_identifier(ref) and ref not in ids:
            return text  # an id the document doesn't have: `argmap check` will say so
        free = text[1:].strip()
        self.warn(f"node {key}: the cite {text!r} names no node a map can refer to; "
                  + (f"written as the free text {free!r}" if free else "left out"),
                  "a cite of no node")
        return free or None

    def evaluation_attributes(self, n: dict, key: str) -> list[str]:
        """The `weight:` and `expect:` lines of an argument node."""
        lines = []
        weight = n.get("weight")
        if weight is not None:
            text = f"{weight:g}" if isinstance(weight, (int, float)) else str(weight)
            if WEIGHT_RE.match(text):
                lines.append(f"weight: {text}")
            else:
                self.warn(f"node {key} has the weight {weight!r}, not a decimal from 0 to 1; "
                          "left out", "a bad weight")
        expect = n.get("expect")
        if expect is not None:
            if expect in EXPECT_VALUES:
                lines.append(f"expect: {expect}")
            else:
                self.warn(f"node {key} expects {expect!r}; left out", "a bad expectation")
        return lines

    def block(self, key, by_id, ids, incoming, out):
        """A column-1 declaration and everything written under it (no recursion)."""
        out.append(self.head(by_id[key], key, ids))
        stack = [("body", key, 1, False, None)]
        while stack:
            task = stack.pop()
            if task[0] == "line":
                out.append(task[1])
                continue
            _, node, depth, on_inference, extras = task
            pad = "  " * depth
            todo = [("line", pad + a)
                    for a in self.attributes(by_id[node], node, ids, on_inference)]
            if extras and "scheme" in extras:
                todo.insert(0, ("line", f"{pad}scheme: {extras['scheme']}"))
            lines = incoming.get(node, [])
            for i, (group, rel, u, declares) in enumerate(lines):
                sign = "+" if rel == "support" else "-"
                if group is not None and any(g == group for g, *_ in lines[:i]):
                    sign = "&"
                todo.extend(self.child_lines(node, sign, rel, u, declares, by_id, ids, depth))
            if extras and extras.get("cuts"):
                todo.extend(self.undercut_lines(extras["cuts"], by_id, ids, depth))
            stack.extend(reversed(todo))

    def child_lines(self, node, sign, rel, u, declares, by_id, ids, depth) -> list[tuple]:
        """The tasks of one child line under ``node``: the line, and what goes under it."""
        pad = "  " * depth
        mine = self.extras.get((node, u)) if rel == "support" else None
        if not declares:
            return [("line", f"{pad}{sign} @{ids[u]}")] + (
                self.inference_lines(mine, by_id, ids, depth + 1) if mine else [])
        if by_id[u].get("kind") == "source":
            self.warn(f"anonymous source {u} can't be written under {node}; left out",
                      "an anonymous source under a node")
            return []
        return [("line", f"{pad}{sign} {self.head(by_id[u], u, ids)}"),
                ("body", u, depth + 1, rel == "support", mine)]

    def inference_lines(self, extras, by_id, ids, depth) -> list[tuple]:
        """What goes under a support reference line: its scheme, its undercuts."""
        todo = [("line", f"{'  ' * depth}scheme: {extras['scheme']}")] if "scheme" in extras \
            else []
        return todo + self.undercut_lines(extras.get("cuts", ()), by_id, ids, depth)

    def undercut_lines(self, cuts, by_id, ids, depth) -> list[tuple]:
        pad = "  " * depth
        todo = []
        for u, declares in cuts:
            if declares:
                todo.append(("line", f"{pad}~ {self.head(by_id[u], u, ids)}"))
                todo.append(("body", u, depth + 1, True, None))
            else:
                todo.append(("line", f"{pad}~ @{ids[u]}"))
        return todo


def _heading_path(path) -> bool:
    """Whether ``path`` is a list of (level, title): a whole number and a text."""
    return isinstance(path, (list, tuple)) and all(
        isinstance(h, (list, tuple)) and len(h) == 2 and isinstance(h[0], int)
        and not isinstance(h[0], bool) and isinstance(h[1], str) for h in path)


def _inferences(incoming: dict) -> tuple[dict, dict]:
    """The support inferences among the lines to be written: (target, reason) ->
    its inference's key, and key -> its reasons in written order."""
    members = defaultdict(list)
    key_of = {}
    for v, lines in incoming.items():
        for group, rel, u, _ in lines:
            if rel == "support":
                key = (v, group if group is not None else ("lone", u))
                key_of[(v, u)] = key
                members[key].append(u)
    return key_of, members


def _before(a, b) -> bool:
    """Whether line ``a`` comes no later than line ``b`` (both known)."""
    return isinstance(a, int) and isinstance(b, int) and a <= b


def _break_circles(nested_under: dict) -> None:
    """Drop the link that closes each circle of child lines (they can't be written),
    in one walk over the links (linear however long the chains)."""
    state: dict[str, int] = {}  # 1: on the walk being made, 2: done
    for start in list(nested_under):
        path, n = [], start
        while n in nested_under and n not in state:
            state[n] = 1
            path.append(n)
            n = nested_under[n]
        if state.get(n) == 1:
            del nested_under[n]
        for x in path:
            state[x] = 2


def spelt(raw: str) -> str:
    """``raw`` in the letters an id has: lower-case ASCII (accents dropped,
    `Über Maß` → `uber-mass`), digits, `_` and `-` for the rest."""
    folded = unicodedata.normalize("NFKD", raw.replace("ß", "ss"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9_-]+", "-", folded.lower()).strip("-")


def fresh_id(raw: str, taken: set) -> str:
    """An id made from ``raw`` that is valid and not in ``taken``."""
    base = spelt(raw).strip("_") or "node"
    if not base[0].isalpha():
        base = "n-" + base
    base = base[:56]
    name, k = base, 2
    while name in taken or not is_identifier(name):
        name = f"{base}-{k}"
        k += 1
    return name


