"""A vector layer: a GeoDataFrame plus how it is shown (visible, opacity, style) and selected.

Geometry-derived arrays the renderer needs (bounds, label points) are computed once, vectorised,
and cached until the data changes.
"""
from __future__ import annotations

from functools import cached_property

import geopandas as gpd
import numpy as np
import shapely

from gis_app.core.styles import default_style

from ..base import DisplayedLayer

# Events: "visibility", "opacity", "style", "selection", "data" (all with layer=self).


class VectorLayer(DisplayedLayer):
    def __init__(self, name: str, frame: gpd.GeoDataFrame, *, visible: bool = True,
                 opacity: float = 1.0, style: dict | None = None, title: str | None = None):
        super().__init__(visible=visible, opacity=opacity)
        self.name = name
        self.title = title or name
        self._frame = frame
        self._style = style if style else default_style(name)
        self._selected = np.zeros(len(frame), dtype=bool)
        self.version = 0  # bumped on every change that alters the rendering
        self.data_version = 0  # bumped when the frame is replaced (renderer caches key on these)
        self.geometry_version = 0  # bumped only when the shapes may have changed (vertex caches)
        self.style_version = 0
        # kind → (base version, [(version, rows)]): what changed since, see rows_changed_since
        self._changes: dict = {"geometry": (0, []), "data": (0, [])}

    # -- data ---------------------------------------------------------------------------
    @property
    def frame(self) -> gpd.GeoDataFrame:
        return self._frame

    @frame.setter
    def frame(self, frame: gpd.GeoDataFrame) -> None:
        self.set_frame(frame)

    def set_frame(self, frame: gpd.GeoDataFrame, *, geometry_changed: bool = True, selected=None,
                  rows=None) -> None:
        """Show ``frame`` (same rows, e.g. after an attribute edit: pass ``geometry_changed=False`` to
        keep the cached bounds and label points) and select ``selected`` rows, with one "data" event.

        ``rows``: only these rows differ from the frame shown before (same length): cached arrays
        are patched for them and the renderer patches its caches likewise (``rows_changed_since``),
        so one edited feature costs what that feature costs, not the layer."""
        same_shape = len(frame) == len(self._frame)
        self._frame = frame
        self._selected = np.zeros(len(frame), dtype=bool)
        if selected is not None and len(selected):
            self._selected[np.asarray(selected, dtype=int)] = True
        partial = rows is not None and same_shape
        rows = np.unique(np.asarray(rows, dtype=np.int64)) if partial else None
        if partial and geometry_changed:
            self._patch_geometry(rows)
            self.geometry_version += 1
            self._log("geometry", self.geometry_version, rows)
        elif geometry_changed or not same_shape:
            for key in ("bounds", "extent", "label_points", "polygonal"):
                self.__dict__.pop(key, None)
            self.geometry_version += 1
            self._log("geometry", self.geometry_version, None)
        self.data_version += 1
        self._log("data", self.data_version, rows)
        self._changed("data")

    def rows_changed_since(self, kind: str, version: int):
        """Rows changed (sorted) since ``version`` of ``kind`` ("geometry" or "data"); None when the
        whole layer may have changed since, or the record does not reach back that far."""
        base, entries = self._changes.get(kind, (None, []))
        if base is None or version < base:
            return None
        parts = [rows for v, rows in entries if v > version]
        return np.unique(np.concatenate(parts)) if parts else np.empty(0, np.int64)

    def _log(self, kind: str, version: int, rows) -> None:
        if rows is None:  # a whole change: the record starts again from here
            self._changes[kind] = (version, [])
            return
        base, entries = self._changes.get(kind, (None, []))
        if base is None:
            return
        entries.append((version, rows))
        if len(entries) > 64:  # bounded: older records go, patching from before them rebuilds
            base = entries.pop(0)[0]
        self._changes[kind] = (base, entries)

    def _patch_geometry(self, rows: np.ndarray) -> None:
        """Bring the cached per-feature arrays up to date for ``rows`` only."""
        geoms = self._frame.geometry.values[rows]
        if "bounds" in self.__dict__:
            self.__dict__["bounds"][rows] = shapely.bounds(geoms)
        if "label_points" in self.__dict__:
            points = self.__dict__["label_points"]
            points[rows] = np.nan
            xy, owner = shapely.get_coordinates(shapely.point_on_surface(geoms), return_index=True)
            points[rows[owner]] = xy
        self.__dict__.pop("extent", None)  # cheap to recompute when asked (a full extent zoom)
        if not (self.__dict__.get("polygonal") and np.isin(shapely.get_type_id(geoms), (3, 6)).all()):
            self.__dict__.pop("polygonal", None)  # may have changed: recomputed when next asked

    def __len__(self) -> int:
        return len(self._frame)

    @cached_property
    def bounds(self) -> np.ndarray:
        """(n, 4) xmin, ymin, xmax, ymax per feature (NaN for empty geometries)."""
        return shapely.bounds(self._frame.geometry.values)

    @cached_property
    def extent(self) -> tuple[float, float, float, float] | None:
        b = self.bounds
        if not len(b) or np.isnan(b).all():
            return None
        return (float(np.nanmin(b[:, 0])), float(np.nanmin(b[:, 1])),
                float(np.nanmax(b[:, 2])), float(np.nanmax(b[:, 3])))

    @cached_property
    def polygonal(self) -> bool:
        """True when the layer holds (multi)polygons, i.e. has an inside to fill."""
        return bool(np.isin(shapely.get_type_id(self._frame.geometry.values), (3, 6)).any())

    @cached_property
    def label_points(self) -> np.ndarray:
        """(n, 2) a point inside each feature, where its label goes."""
        points = shapely.point_on_surface(self._frame.geometry.values)
        out = np.full((len(points), 2), np.nan)  # one row per feature: NaN for missing/empty ones
        if len(points):
            xy, owner = shapely.get_coordinates(points, return_index=True)
            out[owner] = xy
        return out

    def label_points_of(self, rows: np.ndarray) -> np.ndarray:
        """(len(rows), 2) ``label_points`` of ``rows`` only: from the cache when it is built, else
        computed for those rows (a view's few labels never cost a point per feature of the layer)."""
        if "label_points" in self.__dict__:
            return self.__dict__["label_points"][rows]
        out = np.full((len(rows), 2), np.nan)
        if len(rows):
            xy, owner = shapely.get_coordinates(shapely.point_on_surface(self._frame.geometry.values[rows]),
                                                return_index=True)
            out[owner] = xy
        return out

    # -- display ------------------------------------------------------------------------
    @property
    def style(self) -> dict:
        return self._style

    @style.setter
    def style(self, style: dict) -> None:
        self._style = dict(style)
        self.style_version += 1
        self._changed("style")

    # -- selection ----------------------------------------------------------------------
    @property
    def selected(self) -> np.ndarray:
        """Boolean mask over the rows of ``frame``."""
        return self._selected

    def select(self, rows, *, add: bool = False) -> None:
        mask = np.zeros(len(self._frame), dtype=bool) if not add else self._selected.copy()
        rows = np.asarray(list(rows) if not isinstance(rows, np.ndarray) else rows, dtype=int)
        if rows.size:
            mask[rows] = True
        if not np.array_equal(mask, self._selected):
            self._selected = mask
            self._changed("selection")

    def clear_selection(self) -> None:
        self.select([])

    def selected_rows(self) -> np.ndarray:
        return np.flatnonzero(self._selected)

    def selection_extent(self):
        rows = self.selected_rows()
        if not rows.size:
            return None
        b = self.bounds[rows]
        return (float(np.nanmin(b[:, 0])), float(np.nanmin(b[:, 1])),
                float(np.nanmax(b[:, 2])), float(np.nanmax(b[:, 3])))

    def rows_at(self, x: float, y: float, tolerance: float = 0.0) -> np.ndarray:
        """Rows whose geometry contains (or lies within ``tolerance`` of) the point, topmost last."""
        b = self.bounds
        near = np.flatnonzero((b[:, 0] - tolerance <= x) & (b[:, 2] + tolerance >= x)
                              & (b[:, 1] - tolerance <= y) & (b[:, 3] + tolerance >= y))
        if not near.size:
            return near
        geoms = self._frame.geometry.values[near]
        hit = shapely.dwithin(geoms, shapely.Point(x, y), tolerance) if tolerance > 0 \
            else shapely.intersects(geoms, shapely.Point(x, y))
        return near[hit]

    # -- state --------------------------------------------------------------------------
    def state(self) -> dict:
        """The JSON-able part saved in ``Project.layer_state``."""
        return {"name": self.name, "visible": self._visible, "opacity": self._opacity,
                "style": self._style}

    def _changed(self, event: str) -> None:
        self.version += 1
        super()._changed(event)
