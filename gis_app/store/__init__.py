"""Project stores: where a project lives (a GeoPackage file, or a schema in a shared PostGIS database).

``open_store(address)`` picks the backend from the address: ``postgresql://...`` (or ``postgres://``)
is a PostGIS project, anything else a GeoPackage path. ``Project.load``/``Project.save`` delegate here.
"""
from __future__ import annotations

from pathlib import Path

from .base import (ChangedSinceOpened, NotAllowed, ProjectData, ProjectStore, ReadState, RowConflict,
                   RowConflicts, read_state)

DATABASE_SCHEMES = ("postgresql://", "postgres://")


def is_database_address(address) -> bool:
    """True for a PostGIS project address (``postgresql://user@host:port/db?project=NAME``)."""
    return isinstance(address, str) and address.lower().startswith(DATABASE_SCHEMES)


def open_store(address: str | Path) -> ProjectStore:
    """The store for ``address``: PostGIS for a ``postgresql://`` address, else a GeoPackage file."""
    if is_database_address(str(address)):
        from .postgis import PostgisStore
        return PostgisStore(str(address))
    from .gpkg import GeoPackageStore
    return GeoPackageStore(address)


__all__ = ["ChangedSinceOpened", "NotAllowed", "ProjectData", "ProjectStore", "ReadState", "RowConflict",
           "RowConflicts", "is_database_address", "open_store", "read_state"]
