"""Autosave and recovery after a crash (Qt-free; the shell runs it on a timer and before long work).

Each running session keeps ``<data folder>/autosave/<session>.gpkg`` (the project as it is in memory,
written through the GeoPackage store, atomically), ``<session>.json`` (where the project came from,
when, its name) and ``<session>.state`` (what the store knew when it read the project, so a recovered
project saves back with its conflict checks). The session holds a lock on ``<session>.lock``; an
autosave whose lock nobody holds belongs to a session that died: it is offered at the next start.
A clean exit or a successful save removes the session's autosave.
"""
from __future__ import annotations

import json
import os
import pickle
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.atomic import _Lock, _owner_alive, write_bytes_atomic, write_text_atomic

AUTOSAVE_MINUTES = 3


def data_dir() -> Path:
    """The user's data folder: ``$KCN_DATA_DIR``, else ``%LOCALAPPDATA%\\KCNPlanner`` or
    ``$XDG_DATA_HOME/kcn-planner`` (``~/.local/share/kcn-planner``)."""
    if os.environ.get("KCN_DATA_DIR"):
        return Path(os.environ["KCN_DATA_DIR"])
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "KCNPlanner"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "kcn-planner"


def autosave_dir() -> Path:
    return data_dir() / "autosave"


@dataclass
class Recoverable:
    """An autosave left by a session that ended without closing cleanly."""
    session: str
    gpkg: Path
    source: str | None
    name: str
    saved_at: float


class AutosaveSession:
    """This process's autosave slot; ``save(project)`` writes it, ``discard()`` removes it."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or autosave_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.session = f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        self.lock = _Lock(self.folder / f"{self.session}.lock")

    def path(self, suffix: str) -> Path:
        return self.folder / f"{self.session}{suffix}"

    def save(self, project) -> Path:
        """Write the project's current state; the project itself (path, store state) is not touched."""
        from ..core.project import Project
        from .base import STATE_ATTRIBUTE
        from .gpkg import GeoPackageStore

        copy = Project(crs=project.crs, layers={n: f.copy() for n, f in project.layers.items()},
                       meta=dict(project.meta), layer_state=list(project.layer_state), view=dict(project.view))
        state = getattr(project, STATE_ATTRIBUTE, None)
        if state is not None and str(state.address).lower().endswith(".gpkg"):
            setattr(copy, STATE_ATTRIBUTE, state)  # keep the source's unknown tables in the autosave
        GeoPackageStore(self.path(".gpkg")).write(copy, force=True)
        source = getattr(project, "address", None) or (str(project.path) if project.path else None)
        write_bytes_atomic(self.path(".state"), pickle.dumps(state))
        write_text_atomic(self.path(".json"), json.dumps({"source": source, "name": project.name,
                                                         "saved_at": time.time(), "pid": os.getpid()},
                                                        ensure_ascii=False))
        return self.path(".gpkg")

    def discard(self) -> None:
        """Remove this session's autosave (after a save or a clean exit); the lock stays held."""
        for suffix in (".gpkg", ".json", ".state"):
            try:
                self.path(suffix).unlink()
            except FileNotFoundError:
                pass

    def close(self) -> None:
        self.discard()
        self.lock.release()


def recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Autosaves of sessions that died (nobody holds their lock), newest first."""
    folder = folder or autosave_dir()
    out = []
    for marker in folder.glob("*.json") if folder.exists() else []:
        session = marker.stem
        lock = folder / f"{session}.lock"
        if lock.exists() and _owner_alive(lock):
            continue
        gpkg = folder / f"{session}.gpkg"
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if gpkg.exists():
            out.append(Recoverable(session, gpkg, info.get("source"), info.get("name") or "", info.get("saved_at", 0)))
    return sorted(out, key=lambda r: -r.saved_at)


def recover(item: Recoverable):
    """The autosaved project, set to save back where it came from (with its store state)."""
    from ..core.project import Project
    from . import is_database_address
    from .base import STATE_ATTRIBUTE

    project = Project.load(item.gpkg)
    state = None
    try:
        state = pickle.loads((item.gpkg.with_suffix(".state")).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    setattr(project, STATE_ATTRIBUTE, state)
    if item.source and is_database_address(item.source):
        project.path = None
        project.address = item.source
    else:
        project.path = Path(item.source) if item.source else None
    return project


def forget(item: Recoverable) -> None:
    """Drop a recoverable autosave (recovered and saved, or declined)."""
    for suffix in (".gpkg", ".json", ".state", ".lock"):
        try:
            (item.gpkg.parent / f"{item.session}{suffix}").unlink()
        except FileNotFoundError:
            pass
