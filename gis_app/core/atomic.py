"""Atomic file writes: write beside the target, then rename over it.

An interrupted export leaves the old file (or nothing), never half a file. Multi-file outputs
(a shapefile's .shp/.shx/.dbf/.prj/.cpg) are written into a temporary folder and moved in together.
Any failure of the file system (read-only or missing folder, permission denied, disk full, an output
path that is a folder, a name Windows refuses) becomes one ``InputError`` naming the output, and the
temporary file or folder is removed.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .i18n import t

# Names Windows refuses (a file written here is sent to colleagues on Windows): reserved device names
# and characters. Source: Microsoft, "Naming Files, Paths, and Namespaces".
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
_WINDOWS_BAD_CHARS = set('<>:"|?*') | {chr(c) for c in range(32)}


def check_output_path(target: str | Path) -> Path:
    """The output path, or InputError when it cannot be a file: a folder, a name Windows refuses."""
    target = Path(target)
    name = target.name
    if not name or name in (".", ".."):
        raise InputError(t("tệp ra không có tên", "the output has no file name"), target)
    if target.is_dir():
        raise InputError(t("tệp ra là một thư mục", "the output is a folder"), target)
    if _WINDOWS_RESERVED.match(name) or any(c in _WINDOWS_BAD_CHARS for c in name) or name[-1] in " .":
        raise InputError(t("tên tệp ra không hợp lệ trên Windows ({name})", "the output name is not allowed on "
                           "Windows ({name})", name=name), target)
    return target


def write_error(exc: OSError, target: str | Path) -> InputError:
    """One clear message for a failed write to ``target`` (never a traceback)."""
    code = getattr(exc, "errno", None)
    if code in (errno.EROFS,):
        why = t("thư mục chỉ đọc", "the folder is read-only")
    elif code in (errno.EACCES, errno.EPERM):
        why = t("không có quyền ghi", "permission denied")
    elif code == errno.ENOSPC:
        why = t("hết chỗ trên đĩa", "the disk is full")
    elif code == errno.ENOENT:
        why = t("thư mục không tồn tại", "the folder does not exist")
    elif code in (errno.EISDIR,):
        why = t("tệp ra là một thư mục", "the output is a folder")
    elif code in (errno.ENOTDIR,):
        why = t("một phần của đường dẫn không phải thư mục", "a part of the path is not a folder")
    elif code == errno.ENAMETOOLONG:
        why = t("tên quá dài", "the name is too long")
    else:
        why = exc.strerror or str(exc) or type(exc).__name__
    return InputError(t("không ghi được tệp ra: {why}", "cannot write the output: {why}", why=why), target)


def _make_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, target) from None


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target``.

    Raises InputError (naming ``target``) for any OSError while creating, writing or renaming.
    """
    target = check_output_path(target)
    _make_parent(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix or target.suffix or ".tmp",
                                   dir=target.parent)
        os.close(fd)
        os.unlink(tmp)  # writers such as GDAL refuse to overwrite; they get a free name
    except OSError as exc:
        raise write_error(exc, target) from None
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except OSError as exc:
        raise write_error(exc, target) from None
    finally:
        with contextlib.suppress(OSError):
            if tmp_path.is_dir():
                shutil.rmtree(tmp_path, ignore_errors=True)
            elif tmp_path.exists():
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
    so a stale .prj or .cpg never survives next to the new data. OSError becomes InputError.
    """
    target = check_output_path(target)
    _make_parent(target)
    try:
        tmp_dir = Path(tempfile.mkdtemp(prefix=f".{target.stem}.", dir=target.parent))
    except OSError as exc:
        raise write_error(exc, target) from None
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
    except OSError as exc:
        raise write_error(exc, target) from None
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
