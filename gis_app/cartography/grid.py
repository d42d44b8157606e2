"""VN-2000 coordinate grid: light lines across the map frame and labelled ticks in the margin."""
from __future__ import annotations

import math

import numpy as np

from .layout import MM
from .paper import FONT, PaperTransform, group_digits

GRID_STEPS = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000)
MAX_LINES = 7


def grid_step(extent) -> int:
    """The smallest round interval giving at most MAX_LINES lines across the longer side."""
    span = max(extent[2] - extent[0], extent[3] - extent[1])
    return next((s for s in GRID_STEPS if span / s <= MAX_LINES), GRID_STEPS[-1])


def grid_values(lo: float, hi: float, step: int) -> np.ndarray:
    return np.arange(math.ceil(lo / step) * step, hi + 1e-6, step, dtype=float)


def draw_grid(c, tr: PaperTransform) -> int:
    """Draw grid lines, ticks and coordinate labels; returns the step in metres."""
    step = grid_step(tr.extent)
    x0, y0, x1, y1 = tr.frame
    tick = 2 * MM
    c.saveState()
    c.setStrokeColorRGB(0.45, 0.45, 0.45)
    c.setLineWidth(0.25)
    c.setDash(3, 2)
    xs, ys = grid_values(tr.extent[0], tr.extent[2], step), grid_values(tr.extent[1], tr.extent[3], step)
    for gx, px in zip(xs, tr.x(xs)):
        c.line(px, y0, px, y1)
    for gy, py in zip(ys, tr.y(ys)):
        c.line(x0, py, x1, py)
    c.setDash()
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT, 6)
    for gx, px in zip(xs, tr.x(xs)):
        c.line(px, y0 - tick, px, y0)
        c.line(px, y1, px, y1 + tick)
        c.drawCentredString(px, y0 - tick - 6.5, group_digits(gx))
        c.drawCentredString(px, y1 + tick + 1.5, group_digits(gx))
    for gy, py in zip(ys, tr.y(ys)):
        c.line(x0 - tick, py, x0, py)
        c.line(x1, py, x1 + tick, py)
        for px, angle in ((x0 - tick - 1.5, 90), (x1 + tick + 6.5, 90)):
            c.saveState()
            c.translate(px, py)
            c.rotate(angle)
            c.drawCentredString(0, 0, group_digits(gy))
            c.restoreState()
    c.restoreState()
    return step
