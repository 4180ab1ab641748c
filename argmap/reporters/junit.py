"""JUnit XML: a test suite per file, a failing test case per finding."""

import re
import xml.etree.ElementTree as ET

NAME = "junit"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(s: str) -> str:
    """Text that XML 1.0 can hold."""
    return _NOT_XML.sub("\ufffd", s)


def as_element(results):
    by_file = {name: [] for name in results.files}
    for f in results.findings:
        by_file.setdefault(f.file, []).append(f)
    root = ET.Element("testsuites", name="argmap", tests="0", failures=str(len(results.findings)))
    total = 0
    for name, findings in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=_x(name),
                              tests=str(max(1, len(findings))), failures=str(len(findings)),
                              errors="0", skipped="0")
        if not findings:
            ET.SubElement(suite, "testcase", name="argmap check", classname=_x(name))
            total += 1
        for f in findings:
            case = ET.SubElement(suite, "testcase",
                                 name=_x(f"{f.rule} at {f.line}:{f.column}"), classname=_x(name))
            failure = ET.SubElement(case, "failure", message=_x(f.message), type=f.rule)
            failure.text = _x(f"{f.file}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}"
                              + (f"\nhelp: {f.hint}" if f.hint else ""))
            total += 1
    root.set("tests", str(total))
    return root


def report(results, out, color=False):
    tree = ET.ElementTree(as_element(results))
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree.getroot(), encoding="unicode"))
    out.write("\n")
