"""A `scheme:` or `cq:` names nothing in the catalogue of schemes.

`scheme: NAME` must name a scheme of the catalogue (`argmap schemes` lists
them; a course may add its own), and `cq: NAME` a critical question of the
scheme of its inference. A `cq:` under a reason of an inference that has no
scheme is reported too: there is no question to answer. The message
suggests the nearest name, which is usually the typo.

    thesis t: The bridge is safe.
      + premise eng: The city engineer says the bridge is safe.
        scheme: expert-opinon          <- unknown-scheme: did you mean `expert-opinion`?
      + premise twin: The twin bridge upstream has stood for forty years.
        scheme: analogy
        cq: similar                    <- unknown-scheme: `analogy` has no question `similar`

Fix: correct the name (`argmap schemes NAME` lists a scheme's questions), or
add the scheme to your course's catalogue (the `schemes` setting).
"""

from ..util import nearest
from ._base import finding

ID = "unknown-scheme"
SEVERITY = "error"
DEFAULT = True
NEEDS_GRAPH = True
CATALOGUE = True


def check(argmap, catalogue):
    graph = argmap.arggraph
    if not graph.schemes_used():
        return []
    out = []
    for inf in graph.inferences():
        if inf.relation == "support":
            edges = graph.edges_of(inf)
            scheme = catalogue.get(inf.scheme) if inf.scheme else None
            if inf.scheme and scheme is None:
                out.extend(_unknown(inf.scheme, e["scheme_at"], catalogue)
                           for e in edges if "scheme_at" in e)
            out.extend(_question(inf, scheme, *at) for e in edges for at in e.get("cq", ())
                       if scheme is None or scheme.question(at[1]) is None)
    return [f for f in out if f is not None]


def _unknown(name, at, catalogue):
    file, line, column = at
    near = nearest(name, list(catalogue))
    return finding(ID, SEVERITY, file, line, column, f"no scheme is named `{name}`",
                   f"did you mean `{near}`?" if near else "`argmap schemes` lists the schemes",
                   column + len(name))


def _question(inf, scheme, file, name, line, column):
    """A `cq:` that names no question of its inference's scheme (None when the
    scheme itself is unknown: that is reported at the `scheme:` line)."""
    if inf.scheme is None:
        message = f"`cq: {name}`, but the inference has no scheme"
        hint = "name its scheme with `scheme:` under the support line"
    elif scheme is None:
        return None
    else:
        names = [q.name for q in scheme.questions]
        message = f"the scheme `{scheme.name}` has no critical question `{name}`"
        near = nearest(name, names)
        hint = (f"did you mean `{near}`? " if near else "") + "its questions are " + \
            ", ".join(names)
    return finding(ID, SEVERITY, file, line, column, message, hint, column + len(name))
