"""Map sheets (tờ bản đồ): a print too big for one page at its scale, split into a grid of pages.

Every sheet is a full layout at the SAME scale; its ground extent is the map frame's. The number of
columns (rows) is the fewest that cover the area (plus SHEET_MARGIN_MM) with neighbours overlapping by at
least SHEET_OVERLAP_MM on paper; the paper left over is spread into wider overlaps rather than blank
margins, so a lot cut by one sheet's edge is more often whole on its neighbour. Only sheets touching what
is printed (the zone's polygon, not its bounding box) are kept. Sheets are numbered rows top→bottom,
then left→right, so the same project and layout always give the same series.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from .layout import (PrintLayout, fit_scale, fits_one_sheet, frame_ground_size, map_extent, page_geometry,
                     refuse_too_big)

SHEET_OVERLAP_MM = 20.0  # on paper, at least: neighbouring sheets repeat this strip so nothing falls on a cut
SHEET_MARGIN_MM = 5.0  # on paper: the zone's outline never runs along the outer frame edge
MAX_SHEETS = 99  # out-01.png … out-99.png; beyond that a smaller scale is the sane answer


@dataclass(frozen=True)
class MapSheet:
    number: int  # 1-based, in print order
    count: int  # sheets in the series
    row: int  # 1-based position in the grid (row 1 is the northernmost)
    col: int
    rows: int  # grid size, including cells dropped because they miss the zone
    cols: int
    extent: tuple[float, float, float, float]  # ground extent of this sheet's map frame
    core: tuple[float, float, float, float] = None  # its share of the series, cut mid-overlap (key map cell)

    @property
    def label(self) -> str:
        return t("Tờ {i}/{n} (hàng {r}/{rs}, cột {c}/{cs})", "Sheet {i} of {n} (row {r} of {rs}, column {c} of {cs})",
                 i=self.number, n=self.count, r=self.row, rs=self.rows, c=self.col, cs=self.cols)


def cells_needed(span: float, frame_span: float, overlap: float) -> int:
    """Fewest sheets along one axis: n frames, overlapping by ``overlap``, reach across ``span``."""
    if span <= frame_span:
        return 1
    return math.ceil((span - overlap) / (frame_span - overlap) - 1e-9)


def sheet_starts(lo: float, hi: float, frame_span: float, overlap: float) -> tuple[np.ndarray, np.ndarray]:
    """(lower edges of the frames, n + 1 cuts between their shares) along one axis, spanning [lo, hi]
    evenly (centred when one frame is enough); the cuts run mid-overlap."""
    n = cells_needed(hi - lo, frame_span, overlap)
    if n == 1:
        starts = np.array([(lo + hi - frame_span) / 2])
    else:
        starts = lo + np.arange(n) * ((hi - lo - frame_span) / (n - 1))
    cuts = np.concatenate([starts[:1], (starts[1:] + starts[:-1] + frame_span) / 2, starts[-1:] + frame_span])
    return starts, cuts


def plan_sheets(layout: PrintLayout, bounds, subject=None) -> tuple[int, list[MapSheet]]:
    """(scale, sheets) for printing ``bounds``; ``subject`` (geometries) decides which cells are kept.

    One sheet when it fits (the extent :func:`map_extent` gives); with ``layout.sheets == "single"`` a
    zone that does not fit is refused as before.
    """
    scale = int(layout.scale) if layout.scale else fit_scale(bounds, page_geometry(layout).frame)
    if fits_one_sheet(layout, bounds, scale):
        extent = map_extent(layout, bounds)[1]
        return scale, [MapSheet(1, 1, 1, 1, 1, 1, extent, extent)]
    if layout.sheets == "single":
        raise refuse_too_big(layout, bounds, scale)
    fw, fh = frame_ground_size(layout, scale)
    overlap, margin = SHEET_OVERLAP_MM / 1000 * scale, SHEET_MARGIN_MM / 1000 * scale
    xs, x_cuts = sheet_starts(bounds[0] - margin, bounds[2] + margin, fw, overlap)
    ys, y_cuts = sheet_starts(bounds[1] - margin, bounds[3] + margin, fh, overlap)
    rows, cols = len(ys), len(xs)
    if rows * cols > 50 * MAX_SHEETS:  # hopeless whatever the zone's shape: do not build the grid
        raise _too_many(layout, scale, rows * cols)
    r, c = np.divmod(np.arange(rows * cols), cols)  # row-major: north row first, west to east
    south = rows - 1 - r  # index from the south, as the starts and cuts run
    x0, y0 = xs[c], ys[south]
    boxes = shapely.box(x0, y0, x0 + fw, y0 + fh)
    keep = _touches_subject(boxes, subject)
    if keep.sum() > MAX_SHEETS:
        raise _too_many(layout, scale, int(keep.sum()))
    kept = np.flatnonzero(keep)
    sheets = [MapSheet(i + 1, len(kept), int(r[k]) + 1, int(c[k]) + 1, rows, cols,
                       (float(x0[k]), float(y0[k]), float(x0[k] + fw), float(y0[k] + fh)),
                       (float(x_cuts[c[k]]), float(y_cuts[south[k]]), float(x_cuts[c[k] + 1]),
                        float(y_cuts[south[k] + 1])))
              for i, k in enumerate(kept)]
    return scale, sheets


def _too_many(layout: PrintLayout, scale: int, n: int) -> InputError:
    return InputError(t("cần {n} tờ khổ {p} ở tỷ lệ 1:{s} (tối đa {m}); hãy chọn tỷ lệ nhỏ hơn hoặc khổ giấy lớn hơn",
                        "{n} sheets of {p} would be needed at 1:{s} (at most {m}); choose a smaller scale or a "
                        "bigger paper", n=n, p=layout.paper, s=scale, m=MAX_SHEETS), "--scale")


def _touches_subject(boxes: np.ndarray, subject) -> np.ndarray:
    """Which sheet boxes intersect any subject geometry (all of them when there is no subject)."""
    if subject is None:
        return np.ones(len(boxes), dtype=bool)
    geoms = np.asarray(subject, dtype=object)
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    if not len(geoms):
        return np.ones(len(boxes), dtype=bool)
    geoms = shapely.make_valid(geoms)  # a bow-tie lot must not stop the print
    hits = shapely.STRtree(geoms).query(boxes, predicate="intersects")
    keep = np.zeros(len(boxes), dtype=bool)
    keep[np.unique(hits[0])] = True
    return keep
