"""Atomic file writes: write beside the target, check it, then rename over it.

An interrupted write leaves the old file (or nothing), never half a file, and never a mix of old and new
files of one output set:

- every temporary file or folder is named ``.<target name>.kcn-tmp-<token>...`` and guarded by an
  exclusive lock on ``....lock`` held by the writing process; the kernel drops the lock when the process
  dies (even by SIGKILL), so the next write to (or open of) the same target removes what a dead writer
  left (:func:`clean_leftovers`) while never touching a live writer's files;
- the written file is checked (``verify``) and flushed to disk (fsync) before the rename, so a writer
  that "succeeded" into a full disk never replaces a good file;
- a set of files (a shapefile's parts, a layout and its metrics JSON, a PNG sheet series) is written into
  temporary folders, then a journal listing every move is renamed into place (the commit point) and the
  moves are done; a kill before the journal leaves the old set, a kill after it is completed (rolled
  forward) by the next write or open, so a reader that goes through :func:`clean_leftovers` sees the old
  or the new set, never half of each.

Any failure of the file system while writing (read-only or missing folder, permission denied, disk full,
an output path that is a folder, a name Windows refuses) becomes one :class:`WriteError` naming the
output: an ``InputError`` (exit 2, a message box) that is also an ``OSError`` for callers that retry or
fall back. The temporary files are removed as above.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
from pathlib import Path
from typing import Callable, Iterator

try:  # POSIX; on Windows a dead writer's leftovers are recognised by age instead
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from .errors import InputError
from .i18n import t

TMP_MARK = ".kcn-tmp-"
STALE_SECONDS_WITHOUT_LOCKS = 24 * 3600
# Names Windows refuses (a file written here is sent to colleagues on Windows): reserved device names
# and characters. Source: Microsoft, "Naming Files, Paths, and Namespaces".
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
_WINDOWS_BAD_CHARS = set('<>:"|?*') | {chr(c) for c in range(32)}


class WriteCheckFailed(OSError):
    """The written temporary file did not pass its check; the target was left untouched."""


class WriteError(InputError, OSError):
    """An output could not be written: the user's to fix (exit 2), and an OSError for old callers."""


def check_output_path(target: str | Path) -> Path:
    """The output path, or WriteError when it cannot be a file: a folder, a name Windows refuses."""
    target = Path(target)
    name = target.name
    if not name or name in (".", ".."):
        raise WriteError(t("tệp ra không có tên", "the output has no file name"), target)
    if target.is_dir():
        raise WriteError(t("tệp ra là một thư mục", "the output is a folder"), target)
    if _WINDOWS_RESERVED.match(name) or any(c in _WINDOWS_BAD_CHARS for c in name) or name[-1] in " .":
        raise WriteError(t("tên tệp ra không hợp lệ trên Windows ({name})", "the output name is not allowed on "
                           "Windows ({name})", name=name), target)
    return target


def write_error(exc: OSError, target: str | Path) -> WriteError:
    """One clear message for a failed write to ``target`` (never a traceback)."""
    if isinstance(exc, WriteError):
        return exc
    code = getattr(exc, "errno", None)
    if code == errno.EROFS:
        why = t("thư mục chỉ đọc", "the folder is read-only")
    elif code in (errno.EACCES, errno.EPERM):
        why = t("không có quyền ghi", "permission denied")
    elif code == errno.ENOSPC:
        why = t("hết chỗ trên đĩa", "the disk is full")
    elif code == errno.ENOENT:
        why = t("thư mục không tồn tại", "the folder does not exist")
    elif code == errno.EISDIR:
        why = t("tệp ra là một thư mục", "the output is a folder")
    elif code == errno.ENOTDIR:
        why = t("một phần của đường dẫn không phải thư mục", "a part of the path is not a folder")
    elif code == errno.ENAMETOOLONG:
        why = t("tên quá dài", "the name is too long")
    else:
        why = exc.strerror or str(exc) or type(exc).__name__
    return WriteError(t("không ghi được tệp ra: {why}", "cannot write the output: {why}", why=why), target)


def _fsync_path(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    if path.is_dir():
        for child in path.rglob("*"):
            if child.is_file():
                _fsync_path(child)
    elif path.exists():
        _fsync_path(path)


class _Lock:
    """An exclusive lock on a small file, held for as long as the writing process lives."""

    def __init__(self, path: Path):
        self.path = path
        self.fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_EX)

    def release(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self.fd)


def _new_token(target: Path) -> tuple[str, _Lock]:
    target.parent.mkdir(parents=True, exist_ok=True)
    token = f".{target.name}{TMP_MARK}{secrets.token_hex(4)}"
    return token, _Lock(target.parent / f"{token}.lock")


def _owner_alive(lock_path: Path) -> bool:
    """True while the process that made ``lock_path`` holds its lock."""
    if fcntl is None:  # pragma: no cover - Windows
        import time
        return time.time() - lock_path.stat().st_mtime < STALE_SECONDS_WITHOUT_LOCKS
    try:
        fd = os.open(lock_path, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops our probe lock too
    return False


def clean_leftovers(target: str | Path) -> int:
    """Finish or remove what dead writers of ``target`` left beside it; returns how many were cleaned.

    A committed journal is rolled forward (the new set completes); anything else of a dead writer
    (temporary copies, folders, locks) is deleted. Files of a writer still running are left alone.
    """
    target = Path(target)
    folder = target.parent
    prefix = f".{target.name}{TMP_MARK}"
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix)]
    except OSError:
        return 0
    tokens = {n[:len(prefix) + 8] for n in names}
    cleaned = 0
    for token in sorted(tokens):
        lock = folder / f"{token}.lock"
        if lock.exists() and _owner_alive(lock):
            continue
        journal = folder / f"{token}.commit"
        if journal.exists():
            _roll_forward(journal)
        for name in names:
            if name.startswith(token):
                path = folder / name
                if path.is_dir():
                    # A set's folder in another directory than its journal: follow the pointer.
                    pointer = path / "journal"
                    if pointer.exists():
                        other = Path(pointer.read_text(encoding="utf-8"))
                        if other.exists():
                            _roll_forward(other)
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        path.unlink()
        cleaned += 1
    return cleaned


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str | None = None,
                verify: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a free temporary path next to ``target``; on success it replaces ``target``.

    ``verify(tmp)`` (optional) raises when the written file is not what it should be (e.g. a writer
    that reported success on a full disk); the target is then left untouched. The new file is
    fsync'ed before the rename. Leftovers of earlier, killed writes of ``target`` are removed first.
    Any OSError (read-only folder, full disk...) becomes a :class:`WriteError` naming ``target``.
    """
    target = check_output_path(target)
    clean_leftovers(target)
    try:
        token, lock = _new_token(target)
    except OSError as exc:
        raise write_error(exc, target) from None
    tmp_path = target.parent / f"{token}{suffix or target.suffix or '.tmp'}"
    try:
        yield tmp_path  # writers such as GDAL refuse to overwrite: the path is free
        if not tmp_path.exists():
            raise WriteCheckFailed(f"the writer produced no file for {target}")
        if verify is not None:
            verify(tmp_path)
        _fsync_path(tmp_path)
        os.replace(tmp_path, target)
        _fsync_path(target.parent)
    except OSError as exc:
        raise write_error(exc, target) from None
    finally:
        with contextlib.suppress(OSError):
            if tmp_path.is_dir():
                shutil.rmtree(tmp_path)
            elif tmp_path.exists():
                tmp_path.unlink()
        lock.release()


def write_bytes_atomic(target: str | Path, data: bytes) -> None:
    def same_size(tmp: Path) -> None:
        if tmp.stat().st_size != len(data):
            raise WriteCheckFailed(f"{target}: {tmp.stat().st_size} of {len(data)} bytes written")
    with atomic_path(target, verify=same_size) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(target: str | Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(target, text.encode(encoding))


class OutputSet:
    """Targets written together by :func:`atomic_outputs`; ``path(target)`` is where to write each.

    A target given with sidecar suffixes (a shapefile ``x.shp`` with ``.shx``, ``.dbf``...) takes along
    every produced file of the same stem, and old sidecars that the new set lacks are removed.
    """

    def __init__(self, token: str, lock: _Lock, folder: Path):
        self.token, self.folder = token, folder
        self.locks = [lock]
        self.dirs: dict[Path, Path] = {}
        self.targets: dict[Path, tuple[str, ...]] = {}
        self.verifiers: dict[Path, Callable[[Path], None]] = {}
        self.removals: list[Path] = []

    def remove(self, stale: str | Path) -> None:
        """Remove ``stale`` (an old file the new set no longer has) when the set is committed."""
        self.removals.append(Path(stale).absolute())

    def path(self, target: str | Path, sidecars: tuple[str, ...] = (),
             verify: Callable[[Path], None] | None = None) -> Path:
        target = Path(target).absolute()
        folder = target.parent
        folder.mkdir(parents=True, exist_ok=True)
        if folder not in self.dirs:
            if folder != self.folder:  # another folder: its own token and lock, found by that target's cleanup
                clean_leftovers(target)
                token, lock = _new_token(target)
                self.locks.append(lock)
            else:
                token = self.token
            tmp_dir = folder / f"{token}.d"
            tmp_dir.mkdir()
            self.dirs[folder] = tmp_dir
        self.targets[target] = tuple(sidecars)
        if verify is not None:
            self.verifiers[target] = verify
        return self.dirs[folder] / target.name


@contextlib.contextmanager
def atomic_outputs(first_target: str | Path) -> Iterator[OutputSet]:
    """Write several files so that they replace their old versions as one set.

    ``with atomic_outputs(out) as outputs: write(outputs.path(out)); write(outputs.path(json_out))``.
    The journal (commit point) lives beside ``first_target``; its cleanup also finishes the set.
    """
    first_target = check_output_path(Path(first_target).absolute())
    clean_leftovers(first_target)
    try:
        token, lock = _new_token(first_target)
    except OSError as exc:
        raise write_error(exc, first_target) from None
    outputs = OutputSet(token, lock, first_target.parent)
    journal = first_target.parent / f"{token}.commit"
    try:
        try:
            yield outputs
            moves, obsolete = [], []
            for target, sidecars in outputs.targets.items():
                tmp_dir = outputs.dirs[target.parent]
                produced = [p for p in tmp_dir.iterdir() if p.stem == target.stem and p.name != "journal"] \
                    if sidecars else [tmp_dir / target.name]
                if not any(p.exists() for p in produced):
                    raise WriteCheckFailed(f"the writer produced no file for {target}")
                if target in outputs.verifiers:
                    outputs.verifiers[target](tmp_dir / target.name)
                    produced = [p for p in tmp_dir.iterdir() if p.stem == target.stem and p.name != "journal"] \
                        if sidecars else [tmp_dir / target.name]
                moves += [(str(p), str(target.parent / p.name)) for p in produced]
                names = {p.name for p in produced}
                obsolete += [str(target.with_suffix(s)) for s in sidecars
                             if target.with_suffix(s).name not in names]
            obsolete += [str(p) for p in outputs.removals]
            for tmp_dir in outputs.dirs.values():
                _fsync_tree(tmp_dir)
                if tmp_dir.parent != first_target.parent:
                    (tmp_dir / "journal").write_text(str(journal), encoding="utf-8")
            staged = journal.with_suffix(".staged")
            staged.write_text(json.dumps({"moves": moves, "obsolete": obsolete,
                                          "dirs": [str(d) for d in outputs.dirs.values()]}), encoding="utf-8")
            _fsync_path(staged)
            os.replace(staged, journal)  # the commit point
            _fsync_path(journal.parent)
            _roll_forward(journal)
        except OSError as exc:
            raise write_error(exc, first_target) from None
    finally:
        for tmp_dir in outputs.dirs.values():
            shutil.rmtree(tmp_dir, ignore_errors=True)
        for leftover in (journal, journal.with_suffix(".staged")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        for lock in outputs.locks:
            lock.release()


def _roll_forward(journal: Path) -> None:
    """Do (again) every move of a committed set; idempotent, so a kill in here is finished later."""
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for src, dst in plan["moves"]:
        if os.path.exists(src):
            os.replace(src, dst)
    for path in plan["obsolete"]:
        with contextlib.suppress(OSError):
            os.unlink(path)
    for folder in {os.path.dirname(dst) for _, dst in plan["moves"]}:
        _fsync_path(Path(folder))
    for tmp_dir in plan.get("dirs", []):
        shutil.rmtree(tmp_dir, ignore_errors=True)
    with contextlib.suppress(OSError):
        journal.unlink()


@contextlib.contextmanager
def atomic_file_set(target: str | Path, sidecar_suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Yield a path inside a temporary folder; it and its sidecars (same stem) replace the old set.

    For formats made of several files (shapefile): the old set stays whole until the new one is
    complete, then the journal of :func:`atomic_outputs` moves the new parts in and removes old
    sidecars the new set lacks (a stale .prj or .cpg never survives next to the new data).
    """
    with atomic_outputs(target) as outputs:
        yield outputs.path(target, sidecars=tuple(sidecar_suffixes))
