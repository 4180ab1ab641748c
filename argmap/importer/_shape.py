"""What every importer shares about its input: the one error it raises, and the
checks of a document's shape.

Each importer reads only what these checks let through, so that a document of
the wrong shape is refused with a message that names the field, instead of
failing somewhere inside (or being coerced into nonsense: `cite: a/b/c`, `None`).
"""

from __future__ import annotations

import json


class NotImportable(ValueError):
    """The input is not a document argmap can import: one line that says what was
    expected. The only exception an importer raises for bad input."""


SCALAR = (str, int, float)
_TYPE_NAMES = {str: "a string", list: "a list", dict: "an object", int: "a number",
               float: "a number", bool: "true or false", type(None): "null"}


def type_name(value) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def list_of(value, what: str) -> list:
    if not isinstance(value, list):
        raise NotImportable(f"{what} must be a list, not {type_name(value)}")
    return value


def check_fields(item, fields: dict, what: str) -> None:
    """``item`` is an object whose ``fields`` (key -> type or types) are null or
    of their type (never true or false for a number)."""
    if not isinstance(item, dict):
        raise NotImportable(f"{what} must be an object, not {type_name(item)}")
    for key, types in fields.items():
        value = item.get(key)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            want = _TYPE_NAMES[types if isinstance(types, type) else types[0]]
            raise NotImportable(f"{what}: `{key}` must be {want}, not {type_name(value)}")


def check_list(value, types, what: str, holds: str) -> None:
    """``value`` is null or a list of ``types`` (no true or false)."""
    for item in list_of(value, what) if value is not None else ():
        if not isinstance(item, types) or isinstance(item, bool):
            raise NotImportable(f"{what} must hold {holds}, not {type_name(item)}")


def text_of(data: bytes) -> str:
    """``data`` as UTF-8 text (a byte-order mark dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotImportable(f"not UTF-8 text (byte {exc.start})") from None


def read_json(data: bytes):
    """The JSON document in ``data``; :class:`NotImportable` when it is none."""
    text = text_of(data)
    try:
        return json.loads(text)
    except RecursionError:
        raise NotImportable("the JSON is nested too deeply") from None
    except ValueError as exc:
        raise NotImportable(f"not JSON: {exc}") from None
