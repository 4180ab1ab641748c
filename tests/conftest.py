import pytest

from helpers import invoke


@pytest.fixture
def run(tmp_path):
    """Run the CLI in an empty temporary folder (no configuration above it matters)."""

    def runner(*args, cwd=None, **kw):
        return invoke(*args, cwd=cwd or tmp_path, **kw)

    return runner


@pytest.fixture
def write(tmp_path):
    """Write a map file into the temporary folder; returns its path."""

    def writer(text, name="map.argmap"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return writer


@pytest.fixture(autouse=True)
def _no_color(monkeypatch):
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
