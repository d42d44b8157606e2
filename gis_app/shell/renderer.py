"""Paint vector layers into a QImage: vectorised transforms, level of detail, one path per colour.

Per layer and render: features outside the view are culled with their cached bounds; features
smaller than ``TINY_PX`` on screen (or, when very many are in view, up to ``CROWDED_TINY_PX``) are
stamped as their pixel boxes straight into a numpy image (cheap, and at that size the box is what
the eye sees); the others become one QPainterPath per fill colour, built from the cached vertex
arrays of just those features in one numpy pass.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from layers.vector.model import VectorLayer
from layers.viewport import Viewport

from .qt_paths import path_from_arrays, ring_coordinates

TINY_PX = 4.0  # features smaller than this (screen pixels) are drawn as pixel boxes
PATH_BUDGET = 6000  # above this many path-drawn features in view ...
CROWDED_TINY_PX = 24.0  # ... features up to this size are drawn as pixel boxes too
STROKE_MIN_PX = 10.0  # outlines only once features are at least this big
LABEL_MIN_PX = 18.0
SELECTION_COLOR = "#0a64e6"  # the highlight colour: a saturated blue that no layer style uses
SELECTION_HALO = "#ffffff"    # a white halo under it keeps it readable on dark and light fills alike
PX_PER_MM = 96 / 25.4
_HATCH_PATTERNS = {"diagonal": Qt.BrushStyle.BDiagPattern, "cross": Qt.BrushStyle.DiagCrossPattern}


class _Geometry:
    """A layer's vertices flattened once: coords, owning feature and ring starts."""

    def __init__(self, layer: VectorLayer):
        geoms = layer.frame.geometry.values
        coords, feature, starts = ring_coordinates(geoms)
        if len(feature) and (np.diff(feature) < 0).any():  # mixed polygons/lines: group by feature
            order = np.argsort(feature, kind="stable")
            coords, feature, starts = coords[order], feature[order], starts[order]
        self.coords, self.feature, self.starts = coords, feature, starts
        counts = np.bincount(feature, minlength=len(geoms)) if len(feature) else np.zeros(len(geoms), int)
        self.first = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        self.count = counts.astype(np.int64)
        self.data_key = layer.geometry_version

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


class Renderer:
    def __init__(self) -> None:
        self._geometry: dict[int, _Geometry] = {}
        self._colors: dict[int, _Colors] = {}
        # Extension point: callables (painter, layers, view, renderer) drawn above every layer and
        # below the selection, e.g. the high-tech/CNHT subzone hatches over the parcels.
        self.overlays: list = []

    def geometry(self, layer: VectorLayer) -> _Geometry:
        cached = self._geometry.get(id(layer))
        if cached is None or cached.data_key != layer.geometry_version:
            cached = self._geometry[id(layer)] = _Geometry(layer)
        return cached

    def colors(self, layer: VectorLayer) -> _Colors:
        cached = self._colors.get(id(layer))
        if cached is None or cached.style_key != (layer.data_version, layer.style_version):
            cached = self._colors[id(layer)] = _Colors(layer)
        return cached

    def forget(self, layer: VectorLayer) -> None:
        self._geometry.pop(id(layer), None)
        self._colors.pop(id(layer), None)

    # ---------------------------------------------------------------------------------------
    def render(self, layers, view: Viewport, background: str = "#ffffff", underlays=()) -> QImage:
        """All visible layers, bottom first; ``underlays`` are callables view -> [(rgba, extent)]
        (background rasters) drawn before any vector."""
        image = QImage(max(view.width, 1), max(view.height, 1), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(background))
        painter = QPainter(image)
        try:
            for underlay in underlays:
                for rgba, extent in underlay(view):
                    self.paint_image(painter, rgba, extent, view)
            for layer in layers:
                if layer.visible and len(layer.frame):
                    self.paint_layer(painter, layer, view)
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

    @staticmethod
    def paint_image(painter: QPainter, rgba: np.ndarray, extent, view: Viewport) -> None:
        """An RGBA array (rows top→bottom) stretched over its map ``extent``."""
        rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
        height, width = rgba.shape[:2]
        image = QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888)
        (x0, y0), (x1, y1) = view.to_screen(np.array([[extent[0], extent[3]], [extent[2], extent[1]]]))
        painter.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), image)

    def paint_layer(self, painter: QPainter, layer: VectorLayer, view: Viewport) -> None:
        style = layer.style
        xmin, ymin, xmax, ymax = view.extent
        b = layer.bounds
        visible = ~((b[:, 2] < xmin) | (b[:, 0] > xmax) | (b[:, 3] < ymin) | (b[:, 1] > ymax))
        visible &= ~np.isnan(b[:, 0])
        if not visible.any():
            return
        size_px = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) / view.mpp
        tiny = visible & (size_px < TINY_PX)
        if np.count_nonzero(visible & ~tiny) > PATH_BUDGET:  # too many to outline: stamp the smaller ones
            tiny = visible & (size_px < CROWDED_TINY_PX)
        large = visible & ~tiny
        colors = self.colors(layer)
        painter.setOpacity(layer.opacity)
        if tiny.any():
            self._stamp_tiny(painter, layer, view, tiny, colors)
        rows = np.flatnonzero(large)
        if rows.size:
            self._draw_paths(painter, layer, view, rows, colors, float(np.median(size_px[rows])))
        painter.setOpacity(1.0)

    def _draw_paths(self, painter, layer, view, rows, colors, median_px) -> None:
        """One path per fill colour (fill and outline in one call), from the rows' vertices only."""
        style = layer.style
        geometry = self.geometry(layer)  # vertex arrays: built on first need, then cached
        keep = geometry.vertices_of(rows)
        coords = view.to_screen(geometry.coords[keep])
        starts = geometry.starts[keep]
        pen = Qt.PenStyle.NoPen
        if style.get("stroke") and (median_px >= STROKE_MIN_PX or not layer.polygonal or not style.get("fill")):
            width_px = float(style.get("stroke_width", 0.3)) * PX_PER_MM
            pen = QPen(QColor(style["stroke"]), width_px if width_px >= 1.5 else 0)
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
        geometry = self.geometry(layer)
        keep = geometry.vertices_of(layer.selected_rows())
        path = path_from_arrays(view.to_screen(geometry.coords[keep]), geometry.starts[keep])
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

    def _stamp_tiny(self, painter, layer, view, tiny, colors) -> None:
        """Fill each small feature's pixel box in an ARGB array at once, then draw that image.

        Vectorised span filling: every box row becomes a run of pixel indices (np.repeat), so
        the cost follows the number of pixels covered, never a Python loop over features.
        """
        rows = np.flatnonzero(tiny)
        box = layer.bounds[rows]
        top_left = view.to_screen(box[:, [0, 3]])
        bottom_right = view.to_screen(box[:, [2, 1]])
        x0 = np.floor(top_left[:, 0] + 0.5).astype(np.int64)
        y0 = np.floor(top_left[:, 1] + 0.5).astype(np.int64)
        x1 = np.maximum(np.floor(bottom_right[:, 0] + 0.5).astype(np.int64), x0 + 1)
        y1 = np.maximum(np.floor(bottom_right[:, 1] + 0.5).astype(np.int64), y0 + 1)
        style = layer.style
        has_fill = layer.polygonal and bool(style.get("fill") or style.get("categorized") or style.get("graduated"))
        outline = _argb(np.array([style.get("stroke") or "#000000"]), 1.0)[0]
        if has_fill:
            value = _argb(colors.palette, float(style.get("fill_opacity", 1.0)))[colors.index[rows]]
            # From 4 px on, leave the last row/column empty: neighbours stay visibly apart.
            x1 = np.where(x1 - x0 >= 4, x1 - 1, x1)
            y1 = np.where(y1 - y0 >= 4, y1 - 1, y1)
        else:  # outline-only layers: a single pixel in the stroke colour
            value = np.full(len(rows), outline)
            x1, y1 = x0 + 1, y0 + 1
        w, h = view.width, view.height
        x0, x1 = np.clip(x0, 0, w), np.clip(x1, 0, w)
        y0, y1 = np.clip(y0, 0, h), np.clip(y1, 0, h)
        keep = (x1 > x0) & (y1 > y0)
        x0, x1, y0, y1, value = x0[keep], x1[keep], y0[keep], y1[keep], value[keep]
        bw, bh = x1 - x0, y1 - y0
        box_of_row = np.repeat(np.arange(len(x0)), bh)  # one entry per (box, pixel row)
        row_in_box = np.arange(len(box_of_row)) - np.repeat(np.cumsum(bh) - bh, bh)
        span_start = (y0[box_of_row] + row_in_box) * w + x0[box_of_row]
        span_len = bw[box_of_row]
        total = int(span_len.sum())
        pixels = np.arange(total, dtype=np.int64) + np.repeat(span_start - (np.cumsum(span_len) - span_len),
                                                              span_len)
        canvas = np.zeros(h * w, dtype=np.uint32)
        canvas[pixels] = np.repeat(value[box_of_row], span_len)
        canvas = canvas.reshape(h, w)
        stamp = QImage(canvas.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied)
        painter.drawImage(0, 0, stamp)

    def paint_labels(self, painter: QPainter, layer: VectorLayer, view: Viewport) -> None:
        field = layer.style["label_field"]
        if field not in layer.frame.columns:
            return
        b = layer.bounds
        xmin, ymin, xmax, ymax = view.extent
        size_px = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) / view.mpp
        points = layer.label_points
        show = ((points[:, 0] >= xmin) & (points[:, 0] <= xmax) & (points[:, 1] >= ymin)
                & (points[:, 1] <= ymax) & (size_px >= LABEL_MIN_PX))
        rows = np.flatnonzero(show)
        if not rows.size or rows.size > 400:
            return
        rows = rows[np.argsort(-size_px[rows], kind="stable")]  # bigger features claim space first
        screen = view.to_screen(points[rows])
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
