"""Paint vector layers into a QImage at a cost that follows what is on screen, not the layer.

Per layer and render (level of detail, see ``lod.py``): the features in view come from a spatial
grid; polygons under ``TINY_PX`` on screen are drawn as area-equivalent boxes straight into a numpy
image; larger ones are filled by a numpy scanline fill with one-pixel outlines from
``STROKE_MIN_PX`` on; hatched styles, lines and wide outlines become one QPainterPath per colour
from cached vertex arrays. After a pan by whole pixels the previous layers' image is shifted and
only the uncovered strips are drawn. ``Renderer(lod=False)`` draws every feature as a path: the
full draw the level of detail is tested against (tests/test_render_lod.py).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from layers.vector.model import VectorLayer
from layers.viewport import Viewport

from .lod import SpatialGrid, equal_area_half_sizes, fill_boxes, fill_rings, stroke_rings
from .qt_paths import path_from_arrays, ring_coordinates

TINY_PX = 4.0  # polygons smaller than this (screen pixels) are drawn as area-equivalent boxes
PARTIAL_VERTICES = 200_000  # features: above this, the full vertex arrays are built in a thread
BACKGROUND_CHUNK = 4_000  # features flattened between two pauses of that thread
PARTIAL_KEEP = 300_000  # features whose vertices a large layer keeps from view to view until then
LINE_TINY_PX = 1.0  # lines smaller than this are drawn as their centre pixel
STROKE_MIN_PX = 10.0  # outlines only once features are at least this big
LABEL_MIN_PX = 18.0
LABEL_CANDIDATES = 6_000  # features of LABEL_MIN_PX in view beyond which no label is drawn
SELECTION_COLOR = "#0a64e6"  # the highlight colour: a saturated blue that no layer style uses
SELECTION_HALO = "#ffffff"    # a white halo under it keeps it readable on dark and light fills alike
PX_PER_MM = 96 / 25.4
_HATCH_PATTERNS = {"diagonal": Qt.BrushStyle.BDiagPattern, "cross": Qt.BrushStyle.DiagCrossPattern}


class _Geometry:
    """A layer's vertices flattened: ``local`` float32 offsets from ``origin`` (1-2 cm over a
    province, enough for a screen; half the memory of float64), ``feature`` (int32) owning each
    vertex, ``starts`` (bool) at each ring's first vertex; ``first``/``count`` per feature.

    ``rows``: only those features (sorted), for a large layer whose full arrays are not ready.
    Built ``CHUNK`` features at a time into arrays sized up front, so building never holds a
    float64 copy of the whole layer's vertices (about 23 bytes per vertex in all)."""

    CHUNK = 50_000

    def __init__(self, geoms, origin, rows: np.ndarray | None = None, key=None, chunk: int | None = None,
                 pause=None):
        """``chunk`` features flattened at a time (default ``CHUNK``), calling ``pause()`` after
        each (a background build yields the interpreter to the map between chunks)."""
        chunk = chunk or self.CHUNK
        self.data_key = key
        self.origin = (float(origin[0]), float(origin[1]))
        n = len(geoms)
        picked = np.arange(n) if rows is None else np.asarray(rows, dtype=np.int64)
        count = np.zeros(n, dtype=np.int32)
        count[picked] = shapely.get_num_coordinates(geoms[picked])
        total = int(count.sum())
        self.local = np.empty((total, 2), dtype=np.float32)
        self.feature = np.empty(total, dtype=np.int32)
        self.starts = np.empty(total, dtype=bool)
        self.wind = np.empty(total, dtype=np.int8)
        at = 0
        for i in range(0, len(picked), chunk):
            if pause is not None and i:
                pause()
            part = picked[i:i + chunk]
            coords, owner, starts, role = ring_coordinates(geoms[part], roles=True)
            if len(owner) and (np.diff(owner) < 0).any():  # mixed polygons/lines: group by feature
                order = np.argsort(owner, kind="stable")
                coords, owner, starts, role = coords[order], owner[order], starts[order], role[order]
            size = len(owner)
            if at + size > total:  # (cannot happen: shapely counts the same coordinates)
                raise RuntimeError("vertex count changed while flattening the layer")
            coords -= self.origin
            self.local[at:at + size] = coords
            self.feature[at:at + size] = part[owner]
            self.starts[at:at + size] = starts
            self.wind[at:at + size] = _winding(coords, starts, role)
            at += size
        self.count = count
        self.first = np.concatenate([[0], np.cumsum(count, dtype=np.int64)[:-1]])
        self.rows = None if rows is None else picked
        self._covered = None
        if rows is not None:
            self._covered = np.zeros(n, dtype=bool)
            self._covered[picked] = True

    def covers(self, rows: np.ndarray) -> bool:
        """True when the vertices of every feature in ``rows`` are held."""
        return self._covered is None or bool(self._covered[rows].all())

    def covers_each(self, rows: np.ndarray) -> np.ndarray:
        """Per feature of ``rows``: are its vertices held?"""
        return np.ones(len(rows), dtype=bool) if self._covered is None else self._covered[rows]

    def merged(self, other: "_Geometry") -> "_Geometry":
        """The vertices of both (partial arrays of the same layer and origin, no feature in both),
        in feature order: one pass over the arrays, no flattening again."""
        at = np.searchsorted(self.feature, other.feature)  # both in feature order
        out = object.__new__(_Geometry)
        out.data_key, out.origin = self.data_key, self.origin
        out.local = np.insert(self.local, at, other.local, axis=0)
        out.feature = np.insert(self.feature, at, other.feature)
        out.starts = np.insert(self.starts, at, other.starts)
        out.wind = np.insert(self.wind, at, other.wind)
        out.count = self.count + other.count
        out.first = np.concatenate([[0], np.cumsum(out.count, dtype=np.int64)[:-1]])
        out.rows = np.union1d(self.rows, other.rows)
        out._covered = self._covered | other._covered
        return out

    @property
    def coords(self) -> np.ndarray:
        """(m, 2) map coordinates (float64) of every vertex held: a full copy, for small layers;
        large ones draw through ``screen``."""
        return self.local.astype(np.float64) + np.array(self.origin)

    def screen(self, view: Viewport, keep: np.ndarray) -> np.ndarray:
        """(len(keep), 2) pixel coordinates (y down) of vertices ``keep`` in ``view``."""
        xmin, _, _, ymax = view.extent
        out = self.local[keep].astype(np.float64)
        out[:, 0] -= xmin - self.origin[0]
        out[:, 1] = (ymax - self.origin[1]) - out[:, 1]
        out *= 1.0 / view.mpp
        return out

    def patch(self, layer: VectorLayer, rows: np.ndarray) -> None:
        """Replace the vertices of features ``rows`` (sorted) by their current geometry's: in place
        when their vertex counts hold (a vertex moved), else one splice of the flat arrays."""
        rows = np.asarray(rows, dtype=np.int64)
        coords, owner, starts, role = ring_coordinates(layer.frame.geometry.values[rows], roles=True)
        if len(owner) and (np.diff(owner) < 0).any():
            order = np.argsort(owner, kind="stable")
            coords, owner, starts, role = coords[order], owner[order], starts[order], role[order]
        coords = coords - self.origin
        wind = _winding(coords, starts, role)
        counts = np.bincount(owner, minlength=len(rows)) if len(owner) else np.zeros(len(rows), np.int64)
        old = self.vertices_of(rows)
        if np.array_equal(counts, self.count[rows]):
            self.local[old], self.starts[old], self.wind[old] = coords, starts, wind
            return
        keep = np.ones(len(self.feature), dtype=bool)
        keep[old] = False
        # where each new vertex goes in the arrays without the old ones: its feature's first slot
        removed_before = np.concatenate([[0], np.cumsum(self.count[rows])[:-1]])
        at = np.repeat(self.first[rows] - removed_before, counts)
        self.local = np.insert(self.local[keep], at, coords.astype(np.float32), axis=0)
        self.starts = np.insert(self.starts[keep], at, starts)
        self.wind = np.insert(self.wind[keep], at, wind)
        self.feature = np.insert(self.feature[keep], at, rows[owner].astype(np.int32))
        self.count[rows] = counts
        self.first = np.concatenate([[0], np.cumsum(self.count, dtype=np.int64)[:-1]])
        if self._covered is not None:
            self._covered[rows] = True

    def vertices_of(self, rows: np.ndarray) -> np.ndarray:
        """Indices of the vertices of features ``rows`` (cost ∝ their vertex count, not the layer's)."""
        counts = self.count[rows]
        total = int(counts.sum())
        if not total:
            return np.empty(0, dtype=np.int64)
        offsets = np.repeat(self.first[rows] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        return np.arange(total, dtype=np.int64) + offsets


class _Colors:
    """Fill colour index per feature and its palette, from the layer's style."""

    def __init__(self, layer: VectorLayer):
        from gis_app.core.styles import feature_fill_colors

        names = feature_fill_colors(layer.frame, layer.style) if len(layer.frame) else np.array([])
        codes, palette = pd.factorize(pd.Series(names, dtype=object).where(pd.notna(names), ""))
        self.index = np.asarray(codes, dtype=np.int64)
        self.palette = np.asarray([str(p) if isinstance(p, str) else "" for p in palette], dtype=object)
        self.style_key = (layer.data_version, layer.style_version)
        self._argb = None
        self._alpha = 1.0

    def patch(self, layer: VectorLayer, rows: np.ndarray) -> None:
        """Recompute the colours of ``rows`` only (a colour new to the layer joins the palette)."""
        from gis_app.core.styles import feature_fill_colors

        style = layer.style
        fields = [f for f in {(style.get(k) or {}).get("field") for k in ("categorized", "graduated")}
                  if f in layer.frame.columns]
        part = pd.DataFrame({f: layer.frame[f].iloc[rows].to_numpy() for f in fields}, index=np.arange(len(rows)))
        names = feature_fill_colors(part, style) if len(rows) else np.array([])
        names = np.asarray([n if isinstance(n, str) else "" for n in names], dtype=object)
        known = {name: k for k, name in enumerate(self.palette)}
        fresh = [n for n in dict.fromkeys(names) if n not in known]
        if fresh:
            for name in fresh:
                known[name] = len(known)
            self.palette = np.concatenate([self.palette, np.asarray(fresh, dtype=object)])
            self._argb = None
        self.index[rows] = [known[n] for n in names]  # a few rows: a loop is fine
        if self._argb is not None:
            self._argb[rows] = _argb(self.palette, self._alpha)[self.index[rows]]
        self.style_key = (layer.data_version, layer.style_version)

    def argb(self, style: dict) -> np.ndarray:
        """Premultiplied ARGB32 fill per feature (uint32), built once per style."""
        if self._argb is None:
            self._alpha = float(style.get("fill_opacity", 1.0))
            self._argb = _argb(self.palette, self._alpha)[self.index]
        return self._argb


class _Lod:
    """Per layer, for the level of detail: spatial grid, sizes and area-equivalent boxes.

    Boxes are float32 offsets from the layer's lower-left corner (millimetre precision over a
    province, half the memory traffic of float64 on every zoomed-out redraw)."""

    def __init__(self, layer: VectorLayer):
        b = layer.bounds
        self.grid = SpatialGrid(b)
        empty = np.isnan(b[:, 0])
        extent = layer.extent or (0.0, 0.0, 0.0, 0.0)
        self.origin = (extent[0], extent[1])
        size = np.fmax(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
        self.size = np.where(empty, 0.0, size).astype(np.float32)  # empty: a zero box, never drawn
        areas = shapely.area(layer.frame.geometry.values) if layer.polygonal else np.zeros(len(b))
        half = equal_area_half_sizes(b, areas)
        cx = (b[:, 0] + b[:, 2]) / 2 - self.origin[0]
        cy = (b[:, 1] + b[:, 3]) / 2 - self.origin[1]
        self.box = [np.where(empty, 0.0, v).astype(np.float32)
                    for v in (cx - half[:, 0], cy - half[:, 1], cx + half[:, 0], cy + half[:, 1])]
        self.centre = [np.where(empty, np.float32(-1e9), v).astype(np.float32) for v in (cx, cy)]
        self.data_key = layer.geometry_version

    def patch(self, layer: VectorLayer, rows: np.ndarray) -> bool:
        """Update the boxes of ``rows`` and their cells in the spatial grid; False when one left
        the grid's extent: the caller rebuilds."""
        b = layer.bounds[rows]
        if not self.grid.refile(rows, b):
            return False
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        area = shapely.area(layer.frame.geometry.values[rows]) if layer.polygonal else np.zeros(len(rows))
        half = equal_area_half_sizes(b, area)
        self.size[rows] = np.fmax(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
        cx, cy = cx - self.origin[0], cy - self.origin[1]
        for values, new in zip(self.box, (cx - half[:, 0], cy - half[:, 1], cx + half[:, 0], cy + half[:, 1])):
            values[rows] = new
        self.centre[0][rows], self.centre[1][rows] = cx, cy
        self.data_key = layer.geometry_version
        return True

    def candidates(self, view: Viewport):
        """None when every feature may be in view, else the sorted rows that may be."""
        if self.grid.covers(view.extent):
            return None
        return self.grid.query(view.extent)


class Renderer:
    def __init__(self, lod: bool = True) -> None:
        """``lod=False`` draws every feature as a QPainter path: the reference full draw."""
        self.lod_enabled = lod
        self._geometry: dict[int, _Geometry] = {}
        self._colors: dict[int, _Colors] = {}
        self._lod: dict[int, _Lod] = {}
        self._partial: dict[int, _Geometry] = {}  # large layers: the rows in view, until the full arrays are built
        self._building: dict[int, tuple] = {}  # id(layer) -> (shape version, token) of a background build
        self._threads: list = []
        self._buffer: np.ndarray | None = None
        self._last = None  # (key, xmin, ymax, image) of the last layers' image, for pans
        self._medians: dict = {}  # id(layer) → (view, median px) of its last full draw
        self._whole: Viewport | None = None  # while redrawing boxes: the view they belong to
        # Extension point: callables (painter, layers, view, renderer) drawn above every layer and
        # below the selection, e.g. the high-tech/CNHT subzone hatches over the parcels.
        self.overlays: list = []

    def geometry(self, layer: VectorLayer, rows: np.ndarray | None = None) -> _Geometry:
        """The layer's vertex arrays (``_Geometry``), built once and cached.

        A layer over ``PARTIAL_VERTICES`` features drawn in part (``rows``) does not wait for its
        full arrays (about a second per million parcels): they are built in a background thread
        while the rows in view are flattened on their own, and those stay cached for as long as
        later views need no other rows (a zoom in, a pan inside them)."""
        key = layer.geometry_version
        cached = self._geometry.get(id(layer))
        if cached is not None and cached.data_key != key:
            changed = layer.rows_changed_since("geometry", cached.data_key)
            if changed is not None:  # a few features edited: patch their vertices only
                cached.patch(layer, changed)
                cached.data_key = key
        if cached is not None and cached.data_key == key:
            return cached
        if rows is None or len(layer) <= PARTIAL_VERTICES:
            cached = self._geometry[id(layer)] = _Geometry(layer.frame.geometry.values, self._origin(layer), key=key)
            return cached
        self._build_in_background(layer)
        partial = self._partial.get(id(layer))
        if partial is not None and partial.data_key == key and partial.covers(rows):
            return partial
        if partial is None or partial.data_key != key or len(partial.rows) + len(rows) > PARTIAL_KEEP:
            partial = _Geometry(layer.frame.geometry.values, self._origin(layer), np.sort(rows), key=key)
        else:  # a pan or a zoom out: flatten the rows not held yet and keep the others
            missing = np.sort(rows[~partial.covers_each(rows)])
            partial = partial.merged(_Geometry(layer.frame.geometry.values, self._origin(layer), missing, key=key))
        self._partial[id(layer)] = partial
        return partial

    @staticmethod
    def _origin(layer: VectorLayer) -> tuple[float, float]:
        extent = layer.extent
        return (extent[0], extent[1]) if extent is not None else (0.0, 0.0)

    def _build_in_background(self, layer: VectorLayer) -> None:
        """Start flattening every vertex of ``layer`` in a daemon thread (once per shape version);
        the result is kept only if the layer still holds the same shapes and was not forgotten."""
        import threading

        key = layer.geometry_version
        running = self._building.get(id(layer))
        if running is not None and (running[0] == key or running[2].is_alive()):
            return  # built or being built (one thread per layer; a stale result is dropped)
        token = (key, object(), None)
        geoms, origin = layer.frame.geometry.values, self._origin(layer)

        def build():
            import time

            try:
                # small chunks: shapely holds the interpreter lock while it splits them into rings
                built = _Geometry(geoms, origin, key=key, chunk=BACKGROUND_CHUNK, pause=lambda: time.sleep(0.001))
            except Exception:  # noqa: BLE001 - the partial path keeps drawing; never crash a thread
                return
            if self._building.get(id(layer)) is token and layer.geometry_version == key:
                self._geometry[id(layer)] = built
                self._partial.pop(id(layer), None)

        thread = threading.Thread(target=build, name=f"vertices-{layer.name}", daemon=True)
        token = self._building[id(layer)] = (key, token[1], thread)
        self._threads.append(thread)
        thread.start()

    def wait_idle(self, timeout: float | None = None) -> None:
        """Wait for the background vertex builds (tests, benchmarks)."""
        for thread in self._threads:
            thread.join(timeout)
        self._threads = [t for t in self._threads if t.is_alive()]

    def colors(self, layer: VectorLayer) -> _Colors:
        cached = self._colors.get(id(layer))
        if cached is not None and cached.style_key[1] == layer.style_version \
                and cached.style_key[0] != layer.data_version:
            changed = layer.rows_changed_since("data", cached.style_key[0])
            if changed is not None:  # a few features edited: their colours only
                cached.patch(layer, changed)
        if cached is None or cached.style_key != (layer.data_version, layer.style_version):
            cached = self._colors[id(layer)] = _Colors(layer)
        return cached

    def _scratch(self, view: Viewport) -> np.ndarray:
        """A cleared (h, w) ARGB array, reused between layers and renders (drawImage copies it)."""
        if self._buffer is None or self._buffer.shape != (view.height, view.width):
            self._buffer = np.zeros((view.height, view.width), dtype=np.uint32)
        else:
            self._buffer.fill(0)
        return self._buffer

    def lod(self, layer: VectorLayer) -> _Lod:
        cached = self._lod.get(id(layer))
        if cached is not None and cached.data_key != layer.geometry_version:
            changed = layer.rows_changed_since("geometry", cached.data_key)
            if changed is not None and cached.patch(layer, changed):
                return cached
        if cached is None or cached.data_key != layer.geometry_version:
            cached = self._lod[id(layer)] = _Lod(layer)
        return cached

    def adopt(self, old: VectorLayer, new: VectorLayer) -> None:
        """``new`` holds the same shapes as ``old`` (row for row): it takes over the geometry
        caches (vertex arrays, spatial grid, boxes) instead of building them again."""
        self._building.pop(id(old), None)  # a build still running for ``old`` is not kept
        for cache in (self._geometry, self._partial, self._lod):
            entry = cache.pop(id(old), None)
            if entry is not None:
                entry.data_key = new.geometry_version
                cache[id(new)] = entry

    def forget(self, layer: VectorLayer) -> None:
        for cache in (self._geometry, self._partial, self._lod, self._colors, self._building):
            cache.pop(id(layer), None)

    # ---------------------------------------------------------------------------------------
    def render(self, layers, view: Viewport, background: str = "#ffffff", underlays=()) -> QImage:
        """All visible layers, bottom first; ``underlays`` are callables view -> [(rgba, extent)]
        (background rasters) drawn before any vector. Overlays, the selection and labels are
        drawn on a copy of the layers' image, which survives a pan (see ``_layers_image``)."""
        image = self._layers_image(layers, view, background, underlays).copy()
        painter = QPainter(image)
        try:
            for overlay in self.overlays:
                overlay(painter, layers, view, self)
            for layer in layers:
                if layer.visible and len(layer.frame):
                    self.paint_selection(painter, layer, view)
            for layer in layers:
                if layer.visible and layer.style.get("label_field"):
                    self.paint_labels(painter, layer, view)
        finally:
            painter.end()
        return image

    def _layers_image(self, layers, view: Viewport, background: str, underlays) -> QImage:
        """The layers drawn into an image. After a pan by whole pixels (same scale, size and
        layers), the previous image is shifted and only the uncovered strips are drawn; after an
        edit of a few features (same view), only the box around their old and new shapes."""
        key = (tuple((id(lyr), lyr.style_version, lyr.visible, lyr.opacity) for lyr in layers),
               background, view.width, view.height, view.mpp, tuple(id(u) for u in underlays))
        versions = tuple((lyr.data_version, lyr.geometry_version) for lyr in layers)
        xmin, _, _, ymax = view.extent
        previous = self._last
        if previous is not None and previous[0] == key and self.lod_enabled and not underlays:
            if previous[4] != versions and (previous[1], previous[2]) == (xmin, ymax):
                dirty = self._dirty_box(layers, previous[4], view)
                if dirty is not None:
                    image = previous[3].copy()
                    if dirty[2] > 0 and dirty[3] > 0:
                        self._redraw_boxes(image, layers, view, background, [dirty])
                    self._last = (key, xmin, ymax, image, versions)
                    return image
            elif previous[4] == versions:
                shift_x, shift_y = (previous[1] - xmin) / view.mpp, (ymax - previous[2]) / view.mpp
                sx, sy = round(shift_x), round(shift_y)
                if (abs(shift_x - sx) < 1e-3 and abs(shift_y - sy) < 1e-3 and abs(sx) < view.width
                        and abs(sy) < view.height):
                    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
                    painter = QPainter(image)
                    try:
                        painter.drawImage(sx, sy, previous[3])
                    finally:
                        painter.end()
                    self._redraw_boxes(image, layers, view, background, _uncovered(view.width, view.height, sx, sy))
                    self._last = (key, xmin, ymax, image, versions)
                    return image
        image = self._draw_layers(layers, view, background, underlays)
        self._last = (key, xmin, ymax, image, versions)
        return image

    def _redraw_boxes(self, image: QImage, layers, view: Viewport, background: str, boxes) -> None:
        """Draw every layer again inside the pixel boxes (x, y, w, h) of ``image``."""
        xmin, _, _, ymax = view.extent
        painter = QPainter(image)
        self._whole = view
        try:
            for x, y, w, h in boxes:
                part = Viewport(cx=xmin + (x + w / 2) * view.mpp, cy=ymax - (y + h / 2) * view.mpp,
                                mpp=view.mpp, width=w, height=h)
                painter.drawImage(x, y, self._draw_layers(layers, part, background, (), at=(x, y)))
        finally:
            self._whole = None
            painter.end()

    def _dirty_box(self, layers, drawn: tuple, view: Viewport):
        """The pixel box (x, y, w, h) holding every feature edited since the image of versions
        ``drawn``: old and new shapes of moved features, features whose colour changed. None when
        it cannot be told (a whole layer changed, caches rebuilt): draw everything."""
        boxes = []
        for layer, (data_version, geometry_version) in zip(layers, drawn):
            if (layer.data_version, layer.geometry_version) == (data_version, geometry_version):
                continue
            data_rows = layer.rows_changed_since("data", data_version)
            shape_rows = layer.rows_changed_since("geometry", geometry_version)
            if data_rows is None or shape_rows is None:
                return None
            if not layer.visible or not len(layer.frame):
                continue
            if shape_rows.size:
                lod = self._lod.get(id(layer))
                if lod is None or lod.data_key != geometry_version:
                    return None
                half = lod.size[shape_rows].astype(float) / 2  # the old shapes, before the patch
                cx = lod.centre[0][shape_rows] + lod.origin[0]
                cy = lod.centre[1][shape_rows] + lod.origin[1]
                boxes.append(np.column_stack([cx - half, cy - half, cx + half, cy + half]))
                boxes.append(layer.bounds[shape_rows])
            colors = self._colors.get(id(layer))
            if colors is None or colors.style_key[0] != data_version:
                return None
            before = colors.index[data_rows].copy()
            recolored = data_rows[self.colors(layer).index[data_rows] != before]
            if recolored.size:
                boxes.append(layer.bounds[recolored])
        if not boxes:
            return (0, 0, 0, 0)
        b = np.concatenate(boxes)
        b = b[~np.isnan(b).any(axis=1)]
        if not len(b):
            return (0, 0, 0, 0)
        xmin, _, _, ymax = view.extent
        margin = 3 + int(np.ceil(max((float(lyr.style.get("stroke_width", 0.3)) * PX_PER_MM
                                      for lyr in layers), default=0)))
        x0 = max(int(np.floor((b[:, 0].min() - xmin) / view.mpp)) - margin, 0)
        x1 = min(int(np.ceil((b[:, 2].max() - xmin) / view.mpp)) + margin, view.width)
        y0 = max(int(np.floor((ymax - b[:, 3].max()) / view.mpp)) - margin, 0)
        y1 = min(int(np.ceil((ymax - b[:, 1].min()) / view.mpp)) + margin, view.height)
        return (x0, y0, max(x1 - x0, 0), max(y1 - y0, 0))

    def _draw_layers(self, layers, view: Viewport, background: str, underlays, at=(0, 0)) -> QImage:
        """The layers drawn into a new image; ``at``: where it goes in the whole map image, so that
        hatch patterns keep the phase they have there."""
        image = QImage(max(view.width, 1), max(view.height, 1), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(background))
        painter = QPainter(image)
        painter.setBrushOrigin(QPointF(-at[0], -at[1]))
        try:
            for underlay in underlays:
                for rgba, extent in underlay(view):
                    self.paint_image(painter, rgba, extent, view)
            for layer in layers:
                if layer.visible and len(layer.frame):
                    self.paint_layer(painter, layer, view)
        finally:
            painter.end()
        return image

    @staticmethod
    def paint_image(painter: QPainter, rgba: np.ndarray, extent, view: Viewport) -> None:
        """An RGBA array (rows top→bottom) stretched over its map ``extent``."""
        rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
        height, width = rgba.shape[:2]
        image = QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888)
        (x0, y0), (x1, y1) = view.to_screen(np.array([[extent[0], extent[3]], [extent[2], extent[1]]]))
        painter.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), image)

    def paint_layer(self, painter: QPainter, layer: VectorLayer, view: Viewport) -> None:
        """One layer: the features in view (spatial grid), those under ``TINY_PX`` as
        area-equivalent boxes, the rest filled by the scanline fill; hatches, lines and outlines
        (once features are big enough to show them) as QPainter paths."""
        style = layer.style
        lod = self.lod(layer)
        rows = lod.candidates(view)  # None: all
        if rows is not None and not rows.size:
            return
        colors = self.colors(layer)
        painter.setOpacity(layer.opacity)
        if not self.lod_enabled:
            rows = np.arange(len(layer)) if rows is None else rows
            self._draw_paths(painter, layer, view, rows, colors, float(np.median(lod.size[rows])) / view.mpp)
            painter.setOpacity(1.0)
            return
        has_fill = layer.polygonal and bool(style.get("fill") or style.get("categorized") or style.get("graduated"))
        hatched = style.get("hatch") in _HATCH_PATTERNS
        size = lod.size if rows is None else lod.size[rows]
        tiny = size < np.float32((TINY_PX if has_fill else LINE_TINY_PX) * view.mpp)
        if hatched:
            tiny[:] = False
        image = self._scratch(view)
        if tiny.any():
            self._stamp_tiny(image, layer, view, rows, tiny, colors, has_fill)
        big = np.flatnonzero(~tiny)
        big = big if rows is None else rows[big]
        if big.size and has_fill and not hatched:
            self._fill_scanline(image, layer, view, big, colors)
        stroked = False
        if big.size and has_fill and not hatched and style.get("stroke"):
            median_px = self._median_px(layer, view, big)
            width_px = float(style.get("stroke_width", 0.3)) * PX_PER_MM
            if median_px < STROKE_MIN_PX:
                stroked = True  # outlines not shown yet at this size
            elif width_px < 1.5:  # a cosmetic (one-pixel) pen: outlines in numpy too
                geometry = self.geometry(layer, big)
                keep = geometry.vertices_of(big)
                stroke_rings(image, geometry.screen(view, keep), geometry.starts[keep],
                             int(_argb(np.array([style["stroke"]]), 1.0)[0]))
                stroked = True
        painter.drawImage(0, 0, QImage(image.data, view.width, view.height, 4 * view.width,
                                       QImage.Format.Format_ARGB32_Premultiplied))
        if big.size and not stroked:
            median_px = self._median_px(layer, view, big)
            if has_fill and not hatched:  # filled already: wide outlines only
                if style.get("stroke"):
                    self._draw_paths(painter, layer, view, big, colors, median_px, fill=False)
            else:
                self._draw_paths(painter, layer, view, big, colors, median_px)
        painter.setOpacity(1.0)

    def _median_px(self, layer: VectorLayer, view: Viewport, big: np.ndarray) -> float:
        """Median on-screen size of the layer's features drawn in full, which decides whether
        outlines show. A box redrawn after an edit (``self._whole``: the view it belongs to) takes
        the decision of that view's last full draw, so the box matches the pixels around it."""
        whole = self._whole
        if whole is not None:
            memo = self._medians.get(id(layer))
            if memo is not None and memo[0] == (whole.extent, whole.mpp, whole.width, whole.height):
                return memo[1]
        value = float(np.median(self.lod(layer).size[big])) / view.mpp
        if whole is None:
            self._medians[id(layer)] = ((view.extent, view.mpp, view.width, view.height), value)
        return value

    def _draw_paths(self, painter, layer, view, rows, colors, median_px, fill: bool = True) -> None:
        """One path per fill colour (fill and outline in one call), from the rows' vertices only."""
        style = layer.style
        geometry = self.geometry(layer, rows)  # vertex arrays: built on first need, then cached
        keep = geometry.vertices_of(rows)
        coords = geometry.screen(view, keep)
        starts = geometry.starts[keep]
        pen = Qt.PenStyle.NoPen
        if style.get("stroke") and (median_px >= STROKE_MIN_PX or not layer.polygonal or not style.get("fill")):
            width_px = float(style.get("stroke_width", 0.3)) * PX_PER_MM
            pen = QPen(QColor(style["stroke"]), width_px if width_px >= 1.5 else 0)
        if not fill:
            if pen != Qt.PenStyle.NoPen:
                painter.strokePath(path_from_arrays(coords, starts), pen)
            return
        painter.setPen(pen)
        fill_opacity = float(style.get("fill_opacity", 1.0))
        vertex_color = colors.index[geometry.feature[keep]] if layer.polygonal else np.zeros(len(keep), int)
        palette = colors.palette if layer.polygonal else np.array([""], dtype=object)
        for color_index, color_name in enumerate(palette):
            mask = vertex_color == color_index
            if not mask.any() or (not color_name and pen == Qt.PenStyle.NoPen):
                continue
            if color_name:
                color = QColor(color_name)
                color.setAlphaF(fill_opacity)
                painter.setBrush(QBrush(color, _HATCH_PATTERNS.get(style.get("hatch"), Qt.BrushStyle.SolidPattern)))
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path_from_arrays(coords[mask], starts[mask]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def paint_selection(self, painter: QPainter, layer: VectorLayer, view: Viewport) -> None:
        """Selected features' outlines, drawn above every layer so nothing hides them."""
        if not layer.selected.any():
            return
        rows = layer.selected_rows()
        xmin, ymin, xmax, ymax = view.extent
        b = layer.bounds[rows]
        rows = rows[~((b[:, 2] < xmin) | (b[:, 0] > xmax) | (b[:, 3] < ymin) | (b[:, 1] > ymax))]
        if not rows.size:
            return
        geometry = self.geometry(layer, rows)
        keep = geometry.vertices_of(rows)
        path = path_from_arrays(geometry.screen(view, keep), geometry.starts[keep])
        rows = layer.selected_rows()
        if layer.frame.geometry.values[rows[:1]].geom_type[0] in ("Polygon", "MultiPolygon"):
            tint = QColor(SELECTION_COLOR)
            tint.setAlphaF(0.28)  # a see-through tint so the lot's own colour and label stay visible
            painter.fillPath(path, tint)
        halo = QPen(QColor(SELECTION_HALO), 6)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, halo)
        line = QPen(QColor(SELECTION_COLOR), 3)
        line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, line)

    def _stamp_tiny(self, image, layer, view, rows, tiny, colors, has_fill) -> None:
        """Features under a few pixels (``tiny``: mask over ``rows``, None = all): polygons as
        boxes of their own area, so a zoomed-out map keeps the tone of a full draw (a bounding
        box would darken tilted parcels); lines and outline-only layers as their centre pixel."""
        lod = self.lod(layer)
        xmin, _, _, ymax = view.extent
        inv = np.float32(1.0 / view.mpp)
        # pixel-centre rule: pixel c is covered when c + 0.5 lies in [left, right)
        dx, dy = np.float32(xmin - lod.origin[0]), np.float32(ymax - lod.origin[1])

        def take(values):
            return values if rows is None else values[rows]

        if has_fill:
            left, bottom, right, top = (take(v) for v in lod.box)
            x0 = np.ceil((left - dx) * inv - 0.5).astype(np.int32)
            x1 = np.ceil((right - dx) * inv - 0.5).astype(np.int32)
            y0 = np.ceil((dy - top) * inv - 0.5).astype(np.int32)
            y1 = np.ceil((dy - bottom) * inv - 0.5).astype(np.int32)
            value = colors.argb(layer.style)
            value = take(value)
        else:
            x0 = np.floor((take(lod.centre[0]) - dx) * inv).astype(np.int32)
            y0 = np.floor((dy - take(lod.centre[1])) * inv).astype(np.int32)
            x1, y1 = x0 + 1, y0 + 1
            value = np.full(len(x0), _argb(np.array([layer.style.get("stroke") or "#000000"]), 1.0)[0])
        fill_boxes(image, x0, y0, x1, y1, value, tiny)

    def _fill_scanline(self, image, layer, view, rows, colors) -> bool:
        """The exact fill of ``rows`` (too many or too small for QPainter paths to be quick)."""
        geometry = self.geometry(layer, rows)
        keep = geometry.vertices_of(rows)
        if not keep.size:
            return False
        value = colors.argb(layer.style)[rows]
        # owner: the rank of each vertex's feature among ``rows`` (rows are sorted: draw order)
        owner = np.repeat(np.arange(len(rows)), geometry.count[rows])
        fill_rings(image, geometry.screen(view, keep), geometry.starts[keep], geometry.wind[keep], owner, value)
        return True

    def paint_labels(self, painter: QPainter, layer: VectorLayer, view: Viewport) -> None:
        field = layer.style["label_field"]
        if field not in layer.frame.columns:
            return
        xmin, ymin, xmax, ymax = view.extent
        lod = self.lod(layer)
        rows = lod.candidates(view)  # the features in view (spatial grid), then the big enough
        rows = np.arange(len(layer)) if rows is None else rows
        size_px = lod.size[rows] / np.float32(view.mpp)
        rows, size_px = rows[size_px >= LABEL_MIN_PX], size_px[size_px >= LABEL_MIN_PX]
        if not rows.size or rows.size > LABEL_CANDIDATES:
            return  # (a screen holds at most ~5,000 features of 18 px: more means mostly off screen)
        points = layer.label_points_of(rows)
        show = (points[:, 0] >= xmin) & (points[:, 0] <= xmax) & (points[:, 1] >= ymin) & (points[:, 1] <= ymax)
        rows, size_px, points = rows[show], size_px[show], points[show]
        if not rows.size or rows.size > 400:
            return
        order = np.argsort(-size_px, kind="stable")  # bigger features claim space first
        rows = rows[order]
        screen = view.to_screen(points[order])
        texts = layer.frame[field].iloc[rows].astype(str).to_numpy()
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        halo = QColor(255, 255, 255, 220)
        taken: list[QRectF] = []
        for (sx, sy), text in zip(screen, texts):  # few labels: a loop is fine here
            width = metrics.horizontalAdvance(text) + 4
            rect = QRectF(sx - width / 2, sy - metrics.height() / 2, width, metrics.height())
            if any(rect.intersects(other) for other in taken):
                continue  # would overlap a label already drawn
            taken.append(rect)
            painter.setPen(halo)
            for ox, oy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                painter.drawText(rect.translated(QPointF(ox, oy)), Qt.AlignmentFlag.AlignCenter, text)
            painter.setPen(QColor("#222222"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _winding(coords: np.ndarray, starts: np.ndarray, role: np.ndarray) -> np.ndarray:
    """int8 per vertex: +1 or -1 so that the winding number (``lod.fill_rings``) is +1 inside an
    exterior ring and -1 inside a hole whichever way each ring runs; 0 for lines and points."""
    if not len(coords):
        return np.zeros(0, dtype=np.int8)
    ring = np.cumsum(starts) - 1
    edge = np.flatnonzero(~starts[1:])
    cross = coords[edge, 0] * coords[edge + 1, 1] - coords[edge + 1, 0] * coords[edge, 1]
    twice_area = np.bincount(ring[edge], weights=cross, minlength=int(ring[-1]) + 1)
    return (np.where(twice_area < 0, -1, 1)[ring] * role).astype(np.int8)  # 0 area (a bow tie): either


def _uncovered(width: int, height: int, sx: int, sy: int):
    """The strips (x, y, w, h) a pan by (sx, sy) pixels leaves to draw."""
    strips = []
    if sx > 0:
        strips.append((0, 0, sx, height))
    elif sx < 0:
        strips.append((width + sx, 0, -sx, height))
    x0, x1 = max(sx, 0), width + min(sx, 0)
    if sy > 0 and x1 > x0:
        strips.append((x0, 0, x1 - x0, sy))
    elif sy < 0 and x1 > x0:
        strips.append((x0, height + sy, x1 - x0, -sy))
    return strips


def _argb(names: np.ndarray, alpha: float) -> np.ndarray:
    """Premultiplied ARGB32 words for colour names ('' = transparent)."""
    out = np.zeros(len(names), dtype=np.uint32)
    a = int(round(max(0.0, min(1.0, alpha)) * 255))
    for i, name in enumerate(names):  # one per palette entry, not per feature
        if not name:
            continue
        c = QColor(name)
        r, g, b = (int(round(v * a / 255)) for v in (c.red(), c.green(), c.blue()))
        out[i] = (a << 24) | (r << 16) | (g << 8) | b
    return out
