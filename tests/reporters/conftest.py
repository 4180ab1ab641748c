import pytest

MAP = "thesis t: A.\n  + claim c: B, with 100% \"quotes\" & <tags>.\n  - counter x: C.\n    + premise y: D.\n"


@pytest.fixture
def checked(run, write):
    """Run `argmap check` on a map with an error and a warning, in a format."""
    write(MAP, "dir, with: odd%name/map.argmap")
    write("thesis ok: A.\n  + premise p: B.\n", "clean.argmap")

    def go(fmt, *extra):
        return run("check", "dir, with: odd%name/map.argmap", "clean.argmap", "-f", fmt, *extra)

    return go
