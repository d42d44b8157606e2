"""Paint vector layers into a QImage: vectorised transforms, level of detail, one path per colour.

Per layer and render: features outside the view are culled with their cached bounds; features
smaller than ``TINY_PX`` on screen are stamped as their pixel boxes straight into a numpy image
(cheap, and at that size indistinguishable); the others become one QPainterPath per fill colour
plus one outline path, built from the cached vertex arrays in a single numpy pass.
"""
from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from layers.vector.model import VectorLayer
from layers.viewport import Viewport

from .qt_paths import path_from_arrays, ring_coordinates

TINY_PX = 8.0  # features smaller than this (screen pixels) are drawn as pixel boxes
STROKE_MIN_PX = 10.0  # outlines only once features are at least this big
LABEL_MIN_PX = 18.0
SELECTION_COLOR = "#ffd400"
PX_PER_MM = 96 / 25.4


class _Geometry:
    """A layer's vertices flattened once: coords, owning feature and ring starts."""

    def __init__(self, layer: VectorLayer):
        geoms = layer.frame.geometry.values
        self.coords, self.feature, self.starts = ring_coordinates(geoms)
        self.polygonal = bool(np.isin(shapely.get_type_id(geoms), (3, 6)).any())
        self.data_key = id(layer.frame)


class _Colors:
    """Fill colour index per feature and its palette, from the layer's style."""

    def __init__(self, layer: VectorLayer):
        from gis_app.core.styles import feature_fill_colors

        names = feature_fill_colors(layer.frame, layer.style) if len(layer.frame) else np.array([])
        names = np.asarray([n if isinstance(n, str) and n else "" for n in names], dtype=object)
        self.palette, self.index = np.unique(names.astype(str), return_inverse=True) if len(names) \
            else (np.array([], dtype=str), np.array([], dtype=int))
        self.style_key = id(layer.style)


class Renderer:
    def __init__(self) -> None:
        self._geometry: dict[int, _Geometry] = {}
        self._colors: dict[int, _Colors] = {}

    def geometry(self, layer: VectorLayer) -> _Geometry:
        cached = self._geometry.get(id(layer))
        if cached is None or cached.data_key != id(layer.frame):
            cached = self._geometry[id(layer)] = _Geometry(layer)
        return cached

    def colors(self, layer: VectorLayer) -> _Colors:
        cached = self._colors.get(id(layer))
        if cached is None or cached.style_key != id(layer.style) or len(cached.index) != len(layer.frame):
            cached = self._colors[id(layer)] = _Colors(layer)
        return cached

    def forget(self, layer: VectorLayer) -> None:
        self._geometry.pop(id(layer), None)
        self._colors.pop(id(layer), None)

    # ---------------------------------------------------------------------------------------
    def render(self, layers, view: Viewport, background: str = "#ffffff") -> QImage:
        image = QImage(max(view.width, 1), max(view.height, 1), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(background))
        painter = QPainter(image)
        try:
            for layer in layers:
                if layer.visible and len(layer.frame):
                    self.paint_layer(painter, layer, view)
            for layer in layers:
                if layer.visible and len(layer.frame):
                    self.paint_selection(painter, layer, view)
            for layer in layers:
                if layer.visible and layer.style.get("label_field"):
                    self.paint_labels(painter, layer, view)
        finally:
            painter.end()
        return image

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
        large = visible & ~tiny
        geometry = self.geometry(layer)
        colors = self.colors(layer)
        fill_opacity = float(style.get("fill_opacity", 1.0))
        painter.setOpacity(layer.opacity)
        if tiny.any():
            self._stamp_tiny(painter, layer, view, tiny, geometry, colors)
        if large.any():
            vertex_keep = large[geometry.feature]
            coords = view.to_screen(geometry.coords[vertex_keep])
            starts = geometry.starts[vertex_keep]
            owner = geometry.feature[vertex_keep]
            if geometry.polygonal:
                vertex_color = colors.index[owner]
                for color_index, color_name in enumerate(colors.palette):
                    if not color_name:
                        continue
                    mask = vertex_color == color_index
                    if mask.any():
                        color = QColor(color_name)
                        color.setAlphaF(fill_opacity)
                        painter.fillPath(path_from_arrays(coords[mask], starts[mask]), color)
            if style.get("stroke") and (np.median(size_px[large]) >= STROKE_MIN_PX or not geometry.polygonal
                                        or not style.get("fill")):
                width_px = float(style.get("stroke_width", 0.3)) * PX_PER_MM
                pen = QPen(QColor(style["stroke"]), width_px if width_px >= 1.5 else 0)
                painter.strokePath(path_from_arrays(coords, starts), pen)
        painter.setOpacity(1.0)

    def paint_selection(self, painter: QPainter, layer: VectorLayer, view: Viewport) -> None:
        """Selected features' outlines, drawn above every layer so nothing hides them."""
        if not layer.selected.any():
            return
        geometry = self.geometry(layer)
        keep = layer.selected[geometry.feature]
        path = path_from_arrays(view.to_screen(geometry.coords[keep]), geometry.starts[keep])
        painter.strokePath(path, QPen(QColor(SELECTION_COLOR), 3))
        painter.strokePath(path, QPen(QColor("#000000"), 0))

    def _stamp_tiny(self, painter, layer, view, tiny, geometry, colors) -> None:
        """Fill each tiny feature's pixel box directly in an ARGB array, then draw it at once."""
        rows = np.flatnonzero(tiny)
        box = layer.bounds[rows]
        top_left = view.to_screen(box[:, [0, 3]])
        bottom_right = view.to_screen(box[:, [2, 1]])
        x0 = np.floor(top_left[:, 0]).astype(np.int64)
        y0 = np.floor(top_left[:, 1]).astype(np.int64)
        w = np.maximum(np.ceil(bottom_right[:, 0]).astype(np.int64) - x0, 1)
        h = np.maximum(np.ceil(bottom_right[:, 1]).astype(np.int64) - y0, 1)
        has_fill = geometry.polygonal and bool(layer.style.get("fill") or layer.style.get("categorized")
                                               or layer.style.get("graduated"))
        if has_fill:
            argb = _argb(colors.palette, float(layer.style.get("fill_opacity", 1.0)))
            value = argb[colors.index[rows]]
        else:  # outline-only layers: a single pixel in the stroke colour
            value = np.full(len(rows), _argb(np.array([layer.style.get("stroke") or "#000000"]), 1.0)[0])
            w[:] = 1
            h[:] = 1
        # From 4 px on, leave the last row/column empty: neighbours stay visibly apart.
        w = np.where(w >= 4, w - 1, w)
        h = np.where(h >= 4, h - 1, h)
        canvas = np.zeros((view.height, view.width), dtype=np.uint32)
        limit = int(np.ceil(TINY_PX)) + 1
        for dy in range(limit):
            for dx in range(limit):
                m = (dx < w) & (dy < h)
                xs, ys = x0[m] + dx, y0[m] + dy
                inside = (xs >= 0) & (xs < view.width) & (ys >= 0) & (ys < view.height)
                canvas[ys[inside], xs[inside]] = value[m][inside]
        stamp = QImage(canvas.data, view.width, view.height, 4 * view.width,
                       QImage.Format.Format_ARGB32_Premultiplied)
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
        screen = view.to_screen(points[rows])
        texts = layer.frame[field].iloc[rows].astype(str).to_numpy()
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        painter.setFont(font)
        halo = QPen(QColor(255, 255, 255, 220), 3)
        for (sx, sy), text in zip(screen, texts):  # few labels: a loop is fine here
            rect = QRectF(sx - 90, sy - 10, 180, 20)
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
