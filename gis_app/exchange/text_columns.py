"""Fixed-width text columns (DBF ``C`` fields) decoded once per distinct value, vectorised.

A million-row column holds few distinct values (zone ids, land uses) or only distinct ones
(parcel ids). Rows are grouped by their raw bytes with a 64-bit hash computed in numpy (then
checked byte for byte, so a hash collision can never merge two values), each distinct value is
decoded once, and every row gets the same Python string object as the others of its value: no
per-row Python work, and memory for one string per distinct value.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

CHUNK = 65536  # rows hashed at a time: bounded scratch memory for wide (254-byte) fields
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio), mixes the lanes


def decode_fixed_width(raw: np.ndarray, decode: Callable[[bytes], object]) -> tuple[np.ndarray, np.ndarray]:
    """(values, distinct) for a numpy ``S<width>`` array.

    ``values``: object array, ``decode(v)`` of each row's bytes with trailing spaces and NULs
    removed (``decode`` is called once per distinct value, never for empty ones, which become
    None). ``distinct``: the distinct stripped raw values (bytes objects) in first-seen order.
    """
    n = len(raw)
    out = np.full(n, None, dtype=object)
    if n == 0:
        return out, np.empty(0, dtype=object)
    key = np.concatenate([_hash(raw[i:i + CHUNK]) for i in range(0, n, CHUNK)])
    codes, keys = pd.factorize(key)
    first = np.full(len(keys), n, dtype=np.int64)
    np.minimum.at(first, codes, np.arange(n))
    # Byte-for-byte check of every row against the first row of its group: a hash collision
    # must never merge two values.
    for i in range(0, n, CHUNK):
        if not (raw[i:i + CHUNK] == raw[first[codes[i:i + CHUNK]]]).all():
            return _decode_each(raw, decode)
    trimmed, length = _strip(raw[first])  # S<longest value>, padding zeroed: numpy drops it
    stripped = trimmed.astype(object)
    decoded = np.empty(len(first), dtype=object)
    ascii_ = (trimmed.view(np.uint8).reshape(len(first), -1) < 0x80).all(axis=1)
    if ascii_.any():  # ASCII needs no table: numpy decodes those in one call
        decoded[ascii_] = trimmed[ascii_].astype(f"U{trimmed.dtype.itemsize}").astype(object)
    for i in np.flatnonzero(~ascii_):  # one call per distinct non-ASCII value
        decoded[i] = decode(stripped[i])
    decoded[length == 0] = None
    out[:] = decoded[codes]
    order = np.argsort(first, kind="stable")
    return out, stripped[order]


def _strip(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(``values`` without trailing spaces/NULs as S<longest> with NUL padding, their lengths)."""
    n, width = len(values), values.dtype.itemsize
    block = np.ascontiguousarray(values).view(np.uint8).reshape(n, width)
    kept = ((block != 0x20) & (block != 0)).view(np.uint8)
    position = np.arange(1, width + 1, dtype=np.uint8 if width < 256 else np.uint16)
    length = (kept * position).max(axis=1)  # one past the last kept byte, 0 when empty
    longest = max(int(length.max()), 1)
    out = block[:, :longest] * (np.arange(longest, dtype=length.dtype)[None, :] < length[:, None])
    return np.ascontiguousarray(out, dtype=np.uint8).view(f"S{longest}").reshape(n), length


def _hash(raw: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each fixed-width value (its bytes in 8-byte lanes, multiply-xor mixed)."""
    n, width = len(raw), raw.dtype.itemsize
    lanes = -(-width // 8)
    block = np.zeros((n, lanes * 8), dtype=np.uint8)
    block[:, :width] = np.ascontiguousarray(raw).view(np.uint8).reshape(n, width)
    words = block.view(np.uint64)
    key = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for lane in range(lanes):
            key = (key ^ words[:, lane]) * _MULTIPLIER
            key ^= key >> np.uint64(29)
    return key


def _decode_each(raw: np.ndarray, decode) -> tuple[np.ndarray, np.ndarray]:
    memo: dict = {}
    values = []
    for v in raw.tolist():
        if v not in memo:
            s = v.rstrip(b" \x00")
            memo[v] = (s, decode(s) if s else None)
        values.append(memo[v][1])
    out = np.empty(len(values), dtype=object)
    out[:] = values
    seen = dict.fromkeys(s for s, _ in memo.values())
    return out, np.array(list(seen), dtype=object)
