"""Where the user's files go: the Documents folder, never the program folder.

The bundled sample opens as a copy in ``Documents/KCN Planner`` (so Ctrl+S never writes into the
installation), and every file dialog starts in the user's Documents unless a file of theirs is
already chosen. ``KCN_DOCUMENTS_DIR`` overrides the folder (tests, portable installs).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

PROGRAM_DIR = Path(__file__).resolve().parents[2]
SAMPLE_DIR = PROGRAM_DIR / "resources" / "sample"


def documents_dir() -> Path:
    """``Documents/KCN Planner`` (created on first use)."""
    override = os.environ.get("KCN_DOCUMENTS_DIR")
    if override:
        base = Path(override)
    else:
        from PySide6.QtCore import QStandardPaths

        base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                    or Path.home()) / "KCN Planner"
    base.mkdir(parents=True, exist_ok=True)
    return base


def is_program_file(path) -> bool:
    """True for files inside the installation (the bundled sample, resources): never write there."""
    try:
        return Path(path).resolve().is_relative_to(PROGRAM_DIR)
    except OSError:
        return False


def start_path(current=None, name: str = "") -> str:
    """Where a file dialog starts: ``current`` when it is the user's own file, else Documents (+ ``name``)."""
    if current and not is_program_file(current):
        return str(current)
    if current and not name:
        name = Path(current).name
    folder = documents_dir()
    return str(folder / name) if name else str(folder)


def working_copy(path) -> Path:
    """The project to open for ``path``: the bundled sample is copied to Documents once (later runs
    open that copy with the user's changes); any other file is opened where it is."""
    path = Path(path)
    if not path.resolve().is_relative_to(SAMPLE_DIR.resolve()):
        return path
    copy = documents_dir() / path.name
    if not copy.exists():
        tmp = copy.with_name(copy.name + ".part")
        shutil.copyfile(path, tmp)
        os.replace(tmp, copy)  # atomic: never a half-copied project
    return copy
