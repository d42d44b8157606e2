"""The sheet key map (sơ đồ ghép tờ): every sheet of a series over the printed area, this one highlighted.

Sheets overlap, so the grid shows each sheet's share (cut mid-overlap) with its number, and the current
sheet's whole frame is shaded under it.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..core.i18n import t
from .layout import MM
from .paper import FONT, FONT_BOLD, PaperTransform, hex_rgb, ring_path, split_parts

KEY_MAX_HEIGHT = 42 * MM
HIGHLIGHT, HIGHLIGHT_EDGE = "#f4a261", "#c0392b"
SUBJECT_FILL, SUBJECT_STROKE = "#d9d9d9", "#737373"
HEADING = 9


def key_map_height(rect, sheets, share: float = 1.0) -> float:
    """Height (points) the key map takes in ``rect``: the heading plus the series drawn to the width,
    using at most ``share`` of the rect's height (the legend below needs the rest)."""
    ext = series_extent(sheets)
    width = rect[2] - rect[0]
    diagram = min(KEY_MAX_HEIGHT, (rect[3] - rect[1]) * share - HEADING - 4,
                  width * (ext[3] - ext[1]) / (ext[2] - ext[0]))
    return HEADING + 4 + max(0.0, diagram)


def series_extent(sheets) -> tuple[float, float, float, float]:
    b = np.array([s.extent for s in sheets])
    return b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()


def draw_key_map(c, rect, sheets, current, subject=None, share: float = 1.0) -> float:
    """Draw the key map at the top of ``rect`` (in at most ``share`` of its height); returns the y below it."""
    x0, y0, x1, y1 = rect
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT_BOLD, HEADING)
    c.drawString(x0, y1 - HEADING, t("SƠ ĐỒ GHÉP TỜ", "SHEET INDEX"))
    bottom = y1 - key_map_height(rect, sheets, share)
    ext = series_extent(sheets)
    top = y1 - HEADING - 4
    k = min((x1 - x0) / (ext[2] - ext[0]), (top - bottom) / (ext[3] - ext[1]))  # points per ground metre
    left = x0 + ((x1 - x0) - (ext[2] - ext[0]) * k) / 2
    tr = PaperTransform(ext, (left, bottom, x1, top), 1000.0 * MM / k)
    if subject is not None:
        _draw_subject(c, tr, subject, tolerance=0.5 / k)
    c.saveState()  # this sheet's whole frame, overlaps included, under the grid of shares
    c.setFillColor(hex_rgb(HIGHLIGHT))
    c.setFillAlpha(0.75)  # the zone still shows through
    c.setStrokeColor(hex_rgb(HIGHLIGHT_EDGE))
    c.setLineWidth(0.9)
    _rect(c, tr, current.extent, fill=1)
    c.restoreState()
    c.setLineWidth(0.5)
    c.setStrokeColorRGB(0, 0, 0)
    for sheet in sheets:  # each sheet's share, cut mid-overlap: a clean grid that numbers read on
        _rect(c, tr, sheet.core, fill=0)
    for sheet in sheets:
        sx0, sy0 = tr.xy(np.array(sheet.core[:2]))
        sx1, sy1 = tr.xy(np.array(sheet.core[2:]))
        size = max(4.0, min(8.0, (sy1 - sy0) * 0.4, (sx1 - sx0) * 0.4))
        c.setFont(FONT_BOLD if sheet.number == current.number else FONT, size)
        c.setFillColorRGB(0, 0, 0)
        c.drawCentredString((sx0 + sx1) / 2, (sy0 + sy1) / 2 - size / 3, str(sheet.number))
    c.restoreState()
    return bottom - 3 * MM


def _rect(c, tr: PaperTransform, extent, fill: int) -> None:
    x0, y0 = tr.xy(np.array(extent[:2]))
    x1, y1 = tr.xy(np.array(extent[2:]))
    c.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=fill)


def _draw_subject(c, tr: PaperTransform, subject, tolerance: float) -> None:
    """The printed zone (or project) in grey, simplified to what the small map can show."""
    geoms = np.asarray(subject, dtype=object)
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    geoms = shapely.transform(shapely.simplify(geoms, tolerance), tr.xy)
    c.setLineWidth(0.3)
    c.setStrokeColor(hex_rgb(SUBJECT_STROKE))
    c.setFillColor(hex_rgb(SUBJECT_FILL))
    for geom in geoms:
        rings, _ = split_parts(geom)
        if rings:
            c.drawPath(ring_path(c, rings), stroke=1, fill=1, fillMode=0)
