"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning and others)."""

import json
from urllib.parse import quote

from .._version import __version__
from ..rules import RULES, documentation, summary

NAME = "sarif"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def as_dict(results):
    index = {rule.ID: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.ID,
            "name": "".join(w.capitalize() for w in rule.ID.split("-")),
            "shortDescription": {"text": summary(rule)},
            "fullDescription": {"text": documentation(rule)},
            "defaultConfiguration": {
                "level": rule.SEVERITY,
                "enabled": bool(rule.DEFAULT),
            },
        }
        for rule in RULES
    ]
    out = []
    for f in results.findings:
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": f.severity,
            "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.file)},
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
            }],
        }
        if f.end_column:
            result["locations"][0]["physicalLocation"]["region"]["endColumn"] = f.end_column
        out.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "argmap",
                "version": __version__,
                "informationUri": "https://pypi.org/project/argmap/",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }


def _uri(path: str) -> str:
    """A file's path as a relative URI: its bytes percent-encoded, so that a
    name that is not UTF-8 (held as surrogate escapes) is one too."""
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"))


def report(results, out, color=False):
    json.dump(as_dict(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
