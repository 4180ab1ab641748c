import xml.etree.ElementTree as ET


def test_a_suite_per_file_and_a_failing_case_per_finding(checked):
    root = ET.fromstring(checked("junit").out.encode())
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("3", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["dir, with: odd%name/map.argmap", "clean.argmap"]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["unsupported-claim at 2:3", "unanswered-counter at 3:3"]
    assert all(c.find("failure") is not None for c in cases)
    assert cases[0].find("failure").get("type") == "unsupported-claim"
    [clean] = suites[1].findall("testcase")
    assert clean.find("failure") is None


def test_control_characters_stay_valid_xml(run, write):
    write("thesis t\x01: A.\n")
    ET.fromstring(run("check", "map.argmap", "-f", "junit").out.encode())
