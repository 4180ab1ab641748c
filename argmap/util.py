"""Small utilities that any layer may use: nearest-word suggestions and a
pause of the cyclic garbage collector."""

from __future__ import annotations

import difflib
import gc


def nearest(word: str, choices, cutoff: float = 0.6) -> str | None:
    """The choice closest to ``word`` (a typo's likely intent), or None."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return match[0] if match else None


class paused_gc:
    """Pause the cyclic garbage collector while a map is built (``with paused_gc():``).

    Building allocates many small objects and no reference cycles worth
    collecting; without the pause, repeated collections of the growing heap
    cost about 40 % of the load time of a large map. (A class, not a generator:
    it is entered twice for every map of a folder.)
    """

    __slots__ = ("was_enabled",)

    def __enter__(self):
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info):
        if self.was_enabled:
            gc.enable()
