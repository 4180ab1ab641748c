"""One JSON object: the findings and a summary (section 5 of the language reference)."""

import json as _json

NAME = "json"


def as_dict(results):
    return {
        "version": 1,
        "findings": [f.as_dict() for f in results.findings],
        "summary": {
            "files": len(results.files),
            "errors": results.errors,
            "warnings": results.warnings,
        },
    }


def report(results, out, color=False):
    _json.dump(as_dict(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
