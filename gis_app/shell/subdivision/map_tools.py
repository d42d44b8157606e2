"""Map tools for the canvas (``canvas.tool``) and the preview overlay (``canvas.overlays``).

``SketchTool`` draws a polygon (clicks add vertices, double-click finishes, Esc cancels), a line
(same, two points at least) or picks a point (one click: an entrance); ``PreviewOverlay`` paints a layout's layers over the map without
making them project layers.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import shapely
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from ...core.styles import LANDUSE_COLORS
from ..qt_paths import path_from_arrays, ring_coordinates

SKETCH_COLOR = "#d7301f"


class SketchTool:
    """Collects map points; ``on_finish(geometry)`` gets a Polygon or LineString, ``on_cancel()`` on Esc."""

    def __init__(self, canvas, kind: str, on_finish: Callable, on_cancel: Callable | None = None):
        assert kind in ("polygon", "line", "point")
        self.canvas, self.kind = canvas, kind
        self.on_finish, self.on_cancel = on_finish, on_cancel
        self.points: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None

    @property
    def needed(self) -> int:
        return 3 if self.kind == "polygon" else 2

    def start(self) -> None:
        self.canvas.tool = self
        self.canvas.overlays.append(self.paint)
        self.canvas.setFocus()
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)

    def stop(self) -> None:
        if self.canvas.tool is self:
            self.canvas.tool = None
        if self.paint in self.canvas.overlays:
            self.canvas.overlays.remove(self.paint)
        self.canvas.unsetCursor()
        self.canvas.update()

    # -- canvas callbacks -----------------------------------------------------------------
    def clicked(self, x: float, y: float) -> None:
        if self.kind == "point":  # one click picks the point (an entrance)
            self.stop()
            self.on_finish(shapely.Point(x, y))
            return
        self.points.append((x, y))
        self.canvas.update()

    def moved(self, x: float, y: float) -> None:
        self.hover = (x, y)
        if self.points:
            self.canvas.update()

    def double_clicked(self, x: float, y: float) -> None:
        if not self.points or np.hypot(x - self.points[-1][0], y - self.points[-1][1]) > self.canvas.pixel_tolerance():
            self.points.append((x, y))
        if len(self.points) < self.needed:
            return  # keep drawing: not enough points yet
        geometry = shapely.Polygon(self.points) if self.kind == "polygon" else shapely.LineString(self.points)
        self.stop()
        self.on_finish(geometry)

    def key_pressed(self, key) -> bool:
        if key == Qt.Key.Key_Escape:
            self.stop()
            if self.on_cancel is not None:
                self.on_cancel()
            return True
        if key == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self.canvas.update()
            return True
        return False

    def paint(self, painter, view) -> None:
        points = self.points + ([self.hover] if self.hover is not None and self.points else [])
        if not points:
            return
        screen = view.to_screen(np.asarray(points, dtype=float))
        if self.kind == "polygon" and len(screen) >= 3:
            screen = np.vstack([screen, screen[:1]])
        starts = np.zeros(len(screen), dtype=bool)
        starts[0] = True
        color = QColor(SKETCH_COLOR)
        painter.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
        fill = QColor(color)
        fill.setAlphaF(0.15)
        painter.setBrush(QBrush(fill) if self.kind == "polygon" else Qt.BrushStyle.NoBrush)
        painter.drawPath(path_from_arrays(screen, starts))
        painter.setBrush(Qt.BrushStyle.NoBrush)


# fill, outline of each preview layer (bottom first)
# the land-use colours of the map and the print (core/styles.py), so a preview reads like the sheet
PREVIEW_STYLE = {"remainder": ("#f4a6a6", "#b22222"), "reserve": ("#c9a0dc", "#5e3c7a"),
                 "green": (LANDUSE_COLORS["green"], "#2e7d32"), "water": (LANDUSE_COLORS["water"], "#2b6c99"),
                 "technical": (LANDUSE_COLORS["infrastructure"], "#8a5a12"),
                 "services": (LANDUSE_COLORS["service"], "#b71c1c"), "roads": ("#9e9e9e", "#616161"),
                 "lots": ("#f6c95b", "#7a4a00")}


class PreviewOverlay:
    """A layout's lots, roads, reserve, remainder (and a whole park's green, technical and services
    land) painted over the map (vertex arrays built once)."""

    def __init__(self, frames: dict):
        self.parts = []
        green = frames.get("green")
        if green is not None and len(green) and "kind" in green:  # ponds of the green land as water
            water = (green["kind"] == "water").to_numpy()
            frames = {**frames, "green": green[~water], "water": green[water]}
        for name, (fill, stroke) in PREVIEW_STYLE.items():
            frame = frames.get(name)
            if frame is None or not len(frame):
                continue
            coords, _, starts = ring_coordinates(frame.geometry.values)
            self.parts.append((coords, starts, QColor(fill), QColor(stroke)))
        bounds = [shapely.total_bounds(f.geometry.values) for n, f in frames.items()
                  if n in PREVIEW_STYLE and len(f)]
        self.extent = (tuple(np.min([b[:2] for b in bounds], axis=0)) + tuple(np.max([b[2:] for b in bounds], axis=0))
                       if bounds else None)

    def __call__(self, painter, view) -> None:
        for coords, starts, fill, stroke in self.parts:
            painter.setPen(QPen(stroke, 0))
            painter.setBrush(QBrush(fill))
            painter.drawPath(path_from_arrays(view.to_screen(coords), starts))
        painter.setBrush(Qt.BrushStyle.NoBrush)
