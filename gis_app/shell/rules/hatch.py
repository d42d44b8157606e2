"""Renderer overlays above the parcels: high-tech and CNHT subzones hatched round the lots (with legend swatches),
and in the compliance style the outlines of zones with findings in their status colour.

The subzones layer is drawn below the parcels (draw order), so its own fill would be hidden; this
overlay strokes each reserved use with its own hatch and outline after every layer is painted.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap

from gis_app.reports.charts import CNHT_COLOR, HIGHTECH_COLOR

from ..qt_paths import path_from_arrays

# use -> (hatch, colour): "///" for high-tech, "\\\" for CNHT, as in the PDF report's zone maps
RESERVATION_HATCHES = {
    "hightech": (Qt.BrushStyle.BDiagPattern, QColor(HIGHTECH_COLOR).darker(150)),
    "cnht": (Qt.BrushStyle.FDiagPattern, QColor(CNHT_COLOR).darker(160)),
}


def paint_reservation_hatches(painter: QPainter, layers, view, renderer) -> None:
    layer = next((lyr for lyr in layers if lyr.name == "subzones"), None)
    if layer is None or not layer.visible or not len(layer.frame) or "use" not in layer.frame.columns:
        return
    xmin, ymin, xmax, ymax = view.extent
    b = layer.bounds
    in_view = ~((b[:, 2] < xmin) | (b[:, 0] > xmax) | (b[:, 3] < ymin) | (b[:, 1] > ymax) | np.isnan(b[:, 0]))
    uses = layer.frame["use"].astype(str).to_numpy()
    geometry = renderer.geometry(layer)
    painter.save()
    _clip_out_lots(painter, layers, view, renderer)
    painter.setOpacity(layer.opacity)
    for use, (pattern, color) in RESERVATION_HATCHES.items():
        rows = np.flatnonzero(in_view & (uses == use))
        if not rows.size:
            continue
        keep = geometry.vertices_of(rows)
        path = path_from_arrays(geometry.screen(view, keep), geometry.starts[keep])
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(QBrush(color, pattern))
        painter.drawPath(path)
    painter.restore()


# Layers of lots a planner reads one by one: the hatch goes round them, as on the print (under the lots).
LOT_LAYERS = ("lots",)


def _clip_out_lots(painter: QPainter, layers, view, renderer) -> None:
    """Clip the painter to the view minus the visible lots (odd-even fill of the view rectangle and the
    lot rings), so the subzone hatch never covers a lot, its number or its selection."""
    rings = []
    for layer in layers:
        if layer.name in LOT_LAYERS and layer.visible and len(layer.frame):
            xmin, ymin, xmax, ymax = view.extent
            b = layer.bounds
            rows = np.flatnonzero(~((b[:, 2] < xmin) | (b[:, 0] > xmax) | (b[:, 3] < ymin) | (b[:, 1] > ymax)
                                    | np.isnan(b[:, 0])))
            if rows.size:
                geometry = renderer.geometry(layer)
                keep = geometry.vertices_of(rows)
                rings.append(path_from_arrays(view.to_screen(geometry.coords[keep]), geometry.starts[keep]))
    if not rings:
        return
    clip = QPainterPath()
    clip.setFillRule(Qt.FillRule.OddEvenFill)
    clip.addRect(QRectF(-10, -10, view.width + 20, view.height + 20))
    for path in rings:
        clip.addPath(path)
    painter.setClipPath(clip)


def hatch_swatch(use: str, width: int = 28, height: int = 14) -> QPixmap:
    pattern, color = RESERVATION_HATCHES[use]
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    painter.setPen(QPen(color, 1))
    painter.setBrush(QBrush(color, pattern))
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.end()
    return pixmap


def paint_compliance_outlines(painter: QPainter, layers, view, renderer) -> None:
    """In the compliance style, zone outlines in their status colour above the parcels: a zone with
    a layout is covered by its parcels, and its status must still show at every scale."""
    from gis_app.rules.view import STATUS_COLORS

    from .controller import COMPLIANCE_FIELD, is_compliance_style

    layer = next((lyr for lyr in layers if lyr.name == "zones"), None)
    if (layer is None or not layer.visible or not len(layer.frame) or not is_compliance_style(layer.style)
            or COMPLIANCE_FIELD not in layer.frame.columns):
        return
    status = layer.frame[COMPLIANCE_FIELD].astype(str).to_numpy()
    geometry = renderer.geometry(layer)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for name in ("warning", "violation"):  # the worse drawn last, on top
        rows = np.flatnonzero(status == name)
        if not rows.size:
            continue
        keep = geometry.vertices_of(rows)
        path = path_from_arrays(geometry.screen(view, keep), geometry.starts[keep])
        painter.setPen(QPen(QColor(STATUS_COLORS[name]), 3))
        painter.drawPath(path)
