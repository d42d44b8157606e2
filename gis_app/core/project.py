"""The project: canonical layers (zones, subzones, parcels), extra layers, CRS, styles and view.

A project is saved as one GeoPackage: each layer a feature table, plus an attribute table
``kcn_project`` (key/value JSON) holding the project's name, CRS, provenance, layer order and
styles, and the last map view. Saves are atomic (temp file, then rename).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from .crs import PROJECT_DEFAULT_EPSG, reproject, to_crs
from .errors import InputError
from .i18n import t
from .schema import CANONICAL, empty_layer, validate_layer
from ..store.base import fingerprint

META_TABLE = "kcn_project"
BOOL_COLUMNS = ("general", "operating")
DATE_COLUMNS = ("established", "status_date", "leased_from")


@dataclass
class Project:
    crs: object = field(default_factory=lambda: to_crs(PROJECT_DEFAULT_EPSG))
    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)  # name, illustrative, sources, province, ...
    layer_state: list[dict] = field(default_factory=list)  # [{name, visible, opacity, style}], bottom first
    view: dict = field(default_factory=dict)  # {"extent": [xmin, ymin, xmax, ymax]}
    path: Path | None = None

    # -- canonical layers -------------------------------------------------------------------
    def layer(self, name: str) -> gpd.GeoDataFrame:
        """The named layer; canonical layers that the project lacks come back empty."""
        if name in self.layers:
            return self.layers[name]
        if name in CANONICAL:
            return empty_layer(CANONICAL[name], self.crs)
        raise KeyError(name)

    @property
    def zones(self) -> gpd.GeoDataFrame:
        return self.layer("zones")

    @property
    def subzones(self) -> gpd.GeoDataFrame:
        return self.layer("subzones")

    @property
    def parcels(self) -> gpd.GeoDataFrame:
        return self.layer("parcels")

    @property
    def name(self) -> str:
        return self.meta.get("name", self.path.stem if self.path else "")

    def add_layer(self, name: str, frame: gpd.GeoDataFrame) -> None:
        """Add or replace a layer, reprojected on the fly to the project CRS."""
        if frame.crs is None:
            raise InputError(t("lớp {name} không có hệ tọa độ", "layer {name} has no coordinate system",
                               name=name))
        if not to_crs(frame.crs).equals(self.crs):
            frame = reproject(frame, self.crs)
        if name in CANONICAL:
            frame = normalise_types(frame)
            validate_layer(frame, CANONICAL[name])
        self.layers[name] = frame
        if not any(s["name"] == name for s in self.layer_state):
            self.layer_state.append({"name": name, "visible": True, "opacity": 1.0, "style": {}})

    # -- persistence ------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> "Project":
        """Read a project as one consistent snapshot from a GeoPackage path or a PostGIS address.

        The store (``gis_app.store``) does the reading; this builds the project from what it read.
        Raises InputError for a missing or unreadable project.
        """
        from ..store import is_database_address, open_store
        from ..store.base import STATE_ATTRIBUTE

        address = path if is_database_address(str(path)) else Path(path)
        data = open_store(address).read()
        values = data.values
        crs = to_crs(values.get("crs", PROJECT_DEFAULT_EPSG))
        project = cls(crs=crs, meta=values.get("meta", {}), layer_state=values.get("layer_state", []),
                      view=values.get("view", {}), path=address if isinstance(address, Path) else None)
        where = str(address)
        for layer_name, frame in data.layers.items():
            if frame.crs is None:
                frame = frame.set_crs(crs)
            if layer_name in CANONICAL:
                frame = normalise_types(frame)
                validate_layer(frame, CANONICAL[layer_name], f"{where}:{layer_name}")
            elif not to_crs(frame.crs).equals(crs):
                frame = reproject(frame, crs)
            project.layers[layer_name] = frame
        known = {s["name"] for s in project.layer_state}
        for name in project.layers:
            if name not in known:
                project.layer_state.append({"name": name, "visible": True, "opacity": 1.0, "style": {}})
        project.layer_state = [s for s in project.layer_state if s["name"] in project.layers]
        if project.path is None:
            project.address = where
        data.state.fingerprints = {name: fingerprint(frame) for name, frame in project.layers.items()}
        setattr(project, STATE_ATTRIBUTE, data.state)
        return project

    def save(self, path: str | Path | None = None) -> Path:
        """Save to ``path`` (default: where the project came from), atomically, through its store.

        Raises InputError (ChangedSinceOpened, RowConflicts, NotAllowed...) when the store refuses.
        """
        from ..store import is_database_address, open_store

        target = path or self.path or getattr(self, "address", None)
        if target is None:
            raise ValueError("no path to save to")
        if is_database_address(str(target)):
            open_store(str(target)).write(self)
            self.address = str(target)
            return target
        path = Path(target)
        open_store(path).write(self)
        self.path = path
        return path


def normalise_types(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Bring a canonical layer's columns to their in-memory types (dates, nullable booleans)."""
    frame = frame.copy()
    for column in DATE_COLUMNS:
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column], errors="coerce").dt.normalize()
    for column in BOOL_COLUMNS:
        if column in frame.columns:
            frame[column] = _to_boolean(frame[column])
    for column in ("industrial_m2", "leased_m2", "capacity_m3_day"):
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


def _to_boolean(series: pd.Series) -> pd.Series:
    mapping = {"true": True, "1": True, "yes": True, "có": True,
               "false": False, "0": False, "no": False, "không": False}
    def one(v):
        if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
            return pd.NA
        if isinstance(v, str):
            return mapping.get(v.strip().lower(), pd.NA)
        return bool(v)
    return pd.array([one(v) for v in series], dtype="boolean")


def _for_writing(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = frame.copy()
    for column in DATE_COLUMNS:
        if column in out.columns:
            out[column] = pd.to_datetime(out[column], errors="coerce").astype("datetime64[ms]")
    return out


def _short(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
