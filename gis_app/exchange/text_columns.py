"""Fixed-width text columns (DBF ``C`` fields) decoded once per distinct value, vectorised.

A million-row column holds few distinct values (zone ids, land uses) or only distinct ones
(parcel ids). Rows are grouped by their raw bytes with a 64-bit hash computed in numpy (then
checked byte for byte, so a hash collision can never merge two values), each distinct value is
decoded once, and every row gets the same Python string object as the others of its value: no
per-row Python work, and memory for one string per distinct value.
"""
from __future__ import annotations

import mmap
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

CHUNK = 65536  # rows hashed at a time: bounded scratch memory for wide (254-byte) fields
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio), mixes the lanes


def decode_fixed_width(raw: np.ndarray, decode: Callable[[bytes], object]) -> np.ndarray:
    """Object array: ``decode(v)`` of each row's bytes of the numpy ``S<width>`` array ``raw``,
    trailing spaces and NULs removed; ``decode`` is called once per distinct non-ASCII value
    (ASCII is decoded by numpy), never for empty ones, which become None.
    """
    n = len(raw)
    out = np.full(n, None, dtype=object)
    if n == 0:
        return out
    key = np.concatenate([_hash(raw[i:i + CHUNK], release_after=True) for i in range(0, n, CHUNK)])
    codes, keys = pd.factorize(key)
    first = np.full(len(keys), n, dtype=np.int64)
    np.minimum.at(first, codes, np.arange(n))
    # Byte-for-byte check of every row against the first row of its group: a hash collision
    # must never merge two values.
    for i in range(0, n, CHUNK):
        same = (raw[i:i + CHUNK] == raw[first[codes[i:i + CHUNK]]]).all()
        release(raw, i, i + CHUNK)
        if not same:
            return _decode_each(raw, decode)
    parts = []
    for i in range(0, len(first), CHUNK):  # ``first`` ascends: each slice reads one stretch of rows
        rows = first[i:i + CHUNK]
        parts.append(_strip(raw[rows]))
        release(raw, int(rows[0]), int(rows[-1]) + 1)
    trimmed = np.concatenate([p[0] for p in parts])  # S<longest value>, padding zeroed: numpy drops it
    length = np.concatenate([p[1] for p in parts])
    decoded = np.empty(len(first), dtype=object)
    ascii_ = (trimmed.view(np.uint8).reshape(len(first), -1) < 0x80).all(axis=1)
    if ascii_.any():  # ASCII needs no table: numpy decodes those in one call
        decoded[ascii_] = trimmed[ascii_].astype(f"U{trimmed.dtype.itemsize}").astype(object)
    for i in np.flatnonzero(~ascii_):  # one call per distinct non-ASCII value
        decoded[i] = decode(trimmed[i])  # (numpy's bytes drop the NUL padding)
    decoded[length == 0] = None
    out[:] = decoded[codes]
    return out


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


def _hash(raw: np.ndarray, release_after: bool = False) -> np.ndarray:
    """A 64-bit hash of each fixed-width value (its bytes in 8-byte lanes, multiply-xor mixed)."""
    n, width = len(raw), raw.dtype.itemsize
    lanes = -(-width // 8)
    block = np.zeros((n, lanes * 8), dtype=np.uint8)
    block[:, :width] = np.ascontiguousarray(raw).view(np.uint8).reshape(n, width)
    if release_after:
        release(raw, 0, n)
    words = block.view(np.uint64)
    key = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for lane in range(lanes):
            key = (key ^ words[:, lane]) * _MULTIPLIER
            key ^= key >> np.uint64(29)
    return key


def _decode_each(raw: np.ndarray, decode) -> np.ndarray:
    """The plain way (a hash collision was found): a memo of the values seen."""
    memo: dict = {}
    out = np.empty(len(raw), dtype=object)
    for i, v in enumerate(raw.tolist()):
        if v not in memo:
            s = v.rstrip(b" \x00")
            memo[v] = (decode(s) if not s.isascii() else s.decode("ascii")) if s else None
        out[i] = memo[v]
    return out


# -- reading a large table without holding it --------------------------------------------------
def map_file(path: str | Path):
    """The bytes of ``path`` as a read-only memory map (bytes for an empty file): pages are read
    on first use and can be given back with ``release`` once decoded, so a 500 MB attribute table
    never sits in memory whole."""
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        if size == 0:
            return b""
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def release(values: np.ndarray, start: int, stop: int) -> None:
    """Give back the memory pages of rows [start, stop) of ``values`` when it views a ``map_file``
    mapping (else nothing). Safe at any time: a page read again is simply mapped again."""
    mapping = values
    while isinstance(mapping, np.ndarray):
        mapping = mapping.base
    if isinstance(mapping, memoryview):
        mapping = mapping.obj
    if not isinstance(mapping, mmap.mmap) or stop <= start or not len(values):
        return
    origin = np.frombuffer(mapping, dtype=np.uint8, count=1).__array_interface__["data"][0]
    offset = values.__array_interface__["data"][0] - origin
    stride = values.strides[0]
    lo = max(offset + start * stride, 0) // mmap.PAGESIZE * mmap.PAGESIZE
    hi = min(offset + min(stop, len(values)) * stride, len(mapping))
    if hi > lo:
        mapping.madvise(mmap.MADV_DONTNEED, lo, hi - lo)


def compact(values: np.ndarray) -> np.ndarray:
    """A contiguous copy of a strided column, made row block by row block with ``release``."""
    out = np.empty(len(values), dtype=values.dtype)
    for i in range(0, len(values), CHUNK):
        out[i:i + CHUNK] = values[i:i + CHUNK]
        release(values, i, i + CHUNK)
    return out
