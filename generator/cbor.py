"""The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned integers, text, byte
strings and arrays of definite length, read and written back (``generator/search.py`` puts
Pagefind's filters in a stable order). Anything else raises ``ValueError``."""

from __future__ import annotations

from typing import TypeAlias

Item: TypeAlias = int | str | bytes | list["Item"]

_UINT, _BYTES, _TEXT, _ARRAY = 0, 2, 3, 4


def decode(data: bytes) -> Item:
    """The one item ``data`` holds."""
    item, end = _item(data, 0)
    if end != len(data):
        raise ValueError(f"{len(data) - end} bytes after the CBOR item")
    return item


def encode(item: Item) -> bytes:
    """``item`` in CBOR, each length and number in its shortest form."""
    if isinstance(item, bool) or not isinstance(item, (int, str, bytes, list)):
        raise ValueError(f"cannot encode {type(item).__name__} in CBOR")
    if isinstance(item, int):
        return _head(_UINT, item)
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(_TEXT, len(raw)) + raw
    if isinstance(item, bytes):
        return _head(_BYTES, len(item)) + item
    return _head(_ARRAY, len(item)) + b"".join(encode(part) for part in item)


def _head(major: int, value: int) -> bytes:
    if value < 0:
        raise ValueError("negative integers are not supported")
    if value < 24:
        return bytes([major << 5 | value])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | extra]) + value.to_bytes(size, "big")
    raise ValueError(f"{value} does not fit in 64 bits")


def _item(data: bytes, at: int) -> tuple[Item, int]:
    major, extra = data[at] >> 5, data[at] & 31
    at += 1
    if extra < 24:
        value = extra
    elif extra <= 27:
        size = 1 << (extra - 24)
        value, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"unsupported CBOR head {data[at - 1]:#x} at byte {at - 1}")
    if major == _UINT:
        return value, at
    if major in (_BYTES, _TEXT):
        raw = data[at : at + value]
        if len(raw) != value:
            raise ValueError("CBOR string runs past the end")
        return (raw.decode("utf-8") if major == _TEXT else raw), at + value
    if major == _ARRAY:
        items = []
        for _ in range(value):
            item, at = _item(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unsupported CBOR major type {major} at byte {at - 1}")
