"""The project-store interface that ``Project.load``/``Project.save`` delegate to.

A store reads a whole project as one consistent snapshot (:class:`ProjectData`) and writes a project
back so that the target is always either the old or the new project. What a store learned when it read
(file revision, row versions, fingerprints of the layers) is kept on the project object as a
:class:`ReadState`, so that a later save can tell what changed here and what changed elsewhere.
"""
from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd
import shapely

from ..core.errors import InputError
from ..core.i18n import t

STATE_ATTRIBUTE = "_store_state"  # where a project keeps its ReadState (not a dataclass field)


@dataclass
class ProjectData:
    """Everything a store read: the layers (GeoDataFrames) and the project table's values.

    ``values`` holds the keys of the project table (``crs``, ``meta``, ``layer_state``, ``view``...).
    """
    layers: dict[str, Any]
    values: dict
    state: "ReadState"


@dataclass
class ReadState:
    """What a store knew about a project when it read (or last wrote) it.

    ``address`` the store's address; ``token`` identifies the stored revision (a changed token means
    someone else saved since); ``fingerprints`` per layer a digest of its content at read time;
    ``layer_crs`` per layer its stored CRS (extra layers are written back in it); ``rows`` per layer a
    DataFrame of row versions (PostGIS) indexed by the layer's id.
    """
    address: str
    token: Any = None
    fingerprints: dict[str, str] = field(default_factory=dict)
    layer_crs: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, pd.DataFrame] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


class ChangedSinceOpened(InputError):
    """The stored project was saved by someone else after this copy was read.

    The caller chooses: save anyway (``force=True``), save elsewhere, or reload.
    """


class NotAllowed(InputError):
    """The store refuses this save: the file is held by another program, or the role is read-only."""


@dataclass
class RowConflict:
    """One row changed by someone else since it was read: both versions, as plain dicts."""
    layer: str
    key: str
    mine: dict | None      # None: I deleted it
    theirs: dict | None    # None: they deleted it
    their_version: int | None


class RowConflicts(InputError):
    """Rows that another planner changed since they were read; nothing was saved.

    ``conflicts`` lists them; resolve each with :func:`gis_app.store.resolve` (keep mine / take
    theirs) and save again, or cancel.
    """

    def __init__(self, conflicts: list[RowConflict], address: str):
        super().__init__(t("{n} đối tượng đã bị người khác sửa từ khi mở: {ids}",
                           "{n} features were changed by someone else since they were opened: {ids}",
                           n=len(conflicts), ids=", ".join(c.key for c in conflicts[:5])), address)
        self.conflicts = conflicts


class ProjectStore(ABC):
    """One place a project lives: a GeoPackage file or a PostGIS schema."""

    address: str

    @abstractmethod
    def read(self, progress: Callable[[float], None] | None = None) -> ProjectData:
        """The whole project as one consistent snapshot. Raises InputError for a missing/bad store."""

    @abstractmethod
    def write(self, project, force: bool = False,
              progress: Callable[[float], None] | None = None) -> None:
        """Save ``project`` here, atomically.

        Raises :class:`ChangedSinceOpened` when the stored project changed since ``project`` was read
        from it (unless ``force``), :class:`RowConflicts` for row-level conflicts (PostGIS),
        :class:`NotAllowed` when the store refuses writes, InputError for other bad targets.
        """

    def exists(self) -> bool:
        return True


def fingerprint(frame) -> str | None:
    """A digest of a layer's columns, types, rows and geometries (vectorised hashing).

    Used to skip unchanged layers on save (faithful and linear). None when a column cannot be hashed.
    """
    digest = hashlib.blake2b(digest_size=16)
    try:
        geometry_name = frame.geometry.name if hasattr(frame, "geometry") else None
        attrs = frame.drop(columns=[geometry_name]) if geometry_name else frame
        digest.update(repr([(c, str(attrs[c].dtype)) for c in attrs.columns]).encode())
        digest.update(pd.util.hash_pandas_object(attrs, index=True).to_numpy().tobytes())
        if geometry_name:
            wkb = shapely.to_wkb(frame.geometry.to_numpy(), hex=True)
            digest.update(pd.util.hash_array(wkb.astype(object)).tobytes())
            digest.update(str(frame.crs.to_wkt() if frame.crs else None).encode())
    except (TypeError, ValueError):
        return None
    return digest.hexdigest()


def read_state(project) -> ReadState | None:
    return getattr(project, STATE_ATTRIBUTE, None)
