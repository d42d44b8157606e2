"""Atomic file writes: write beside the target, then rename over it.

An interrupted export leaves the old file (or nothing), never half a file. Multi-file outputs
(a shapefile's .shp/.shx/.dbf/.prj/.cpg) are written into a temporary folder and moved in together.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix or target.suffix or ".tmp",
                               dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # writers such as GDAL refuse to overwrite; they get a free name
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_bytes_atomic(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(target: str | Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(target, text.encode(encoding))


@contextlib.contextmanager
def atomic_file_set(target: str | Path, sidecar_suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Yield a path inside a temporary folder; move it and its sidecars (same stem) into place.

    For formats made of several files (shapefile). Old sidecars of the target are removed first
    so a stale .prj or .cpg never survives next to the new data.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = Path(tempfile.mkdtemp(prefix=f".{target.stem}.", dir=target.parent))
    try:
        tmp_target = tmp_dir / target.name
        yield tmp_target
        produced = [p for p in tmp_dir.iterdir() if p.stem == target.stem]
        for suffix in sidecar_suffixes:
            old = target.with_suffix(suffix)
            if old.exists():
                old.unlink()
        for p in produced:
            os.replace(p, target.parent / p.name)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
