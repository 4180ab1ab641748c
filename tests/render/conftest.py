import pytest

from helpers import hostile_map


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.argmap"
    path.write_text(hostile_map(), encoding="utf-8")
    return path
