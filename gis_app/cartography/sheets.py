"""Map sheets (tờ bản đồ): a print too big for one page at its scale, split into a grid of pages.

Every sheet is a full layout at the SAME scale; its ground extent is the map frame's, neighbours overlap
by SHEET_OVERLAP_MM on paper, the grid is centred on the area to print, and only sheets touching what is
printed (the zone's polygon, not its bounding box) are kept. Sheets are numbered rows top→bottom, then
left→right, so the same project and layout always give the same series.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from .layout import PrintLayout, fit_scale, fits_one_sheet, frame_ground_size, page_geometry, refuse_too_big

SHEET_OVERLAP_MM = 20.0  # on paper: neighbouring sheets repeat this strip so nothing falls on a cut
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

    @property
    def label(self) -> str:
        return t("Tờ {i}/{n} (hàng {r}/{rs}, cột {c}/{cs})", "Sheet {i} of {n} (row {r} of {rs}, column {c} of {cs})",
                 i=self.number, n=self.count, r=self.row, rs=self.rows, c=self.col, cs=self.cols)


def cells_needed(span: float, frame_span: float, overlap: float) -> int:
    """Fewest sheets along one axis: n frames, overlapping by ``overlap``, reach across ``span``."""
    if span <= frame_span:
        return 1
    return math.ceil((span - overlap) / (frame_span - overlap) - 1e-9)


def plan_sheets(layout: PrintLayout, bounds, subject=None) -> tuple[int, list[MapSheet]]:
    """(scale, sheets) for printing ``bounds``; ``subject`` (geometries) decides which cells are kept.

    One sheet when it fits (the extent :func:`map_extent` gives); with ``layout.sheets == "single"`` a
    zone that does not fit is refused as before.
    """
    scale = int(layout.scale) if layout.scale else fit_scale(bounds, page_geometry(layout).frame)
    fw, fh = frame_ground_size(layout, scale)
    cx, cy = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    if fits_one_sheet(layout, bounds, scale):
        return scale, [MapSheet(1, 1, 1, 1, 1, 1, (cx - fw / 2, cy - fh / 2, cx + fw / 2, cy + fh / 2))]
    if layout.sheets == "single":
        raise refuse_too_big(layout, bounds, scale)
    overlap = SHEET_OVERLAP_MM / 1000 * scale
    cols = cells_needed(bounds[2] - bounds[0], fw, overlap)
    rows = cells_needed(bounds[3] - bounds[1], fh, overlap)
    left = cx - (cols * (fw - overlap) + overlap) / 2
    top = cy + (rows * (fh - overlap) + overlap) / 2
    r, c = np.divmod(np.arange(rows * cols), cols)  # row-major: north row first, west to east
    x0, y1 = left + c * (fw - overlap), top - r * (fh - overlap)
    boxes = shapely.box(x0, y1 - fh, x0 + fw, y1)
    keep = _touches_subject(boxes, subject)
    if keep.sum() > MAX_SHEETS:
        raise InputError(t("cần {n} tờ khổ {p} ở tỷ lệ 1:{s} (tối đa {m}); hãy chọn tỷ lệ nhỏ hơn hoặc khổ giấy lớn hơn",
                           "{n} sheets of {p} would be needed at 1:{s} (at most {m}); choose a smaller scale or a "
                           "bigger paper", n=int(keep.sum()), p=layout.paper, s=scale, m=MAX_SHEETS), "--scale")
    kept = np.flatnonzero(keep)
    sheets = [MapSheet(i + 1, len(kept), int(r[k]) + 1, int(c[k]) + 1, rows, cols,
                       (float(x0[k]), float(y1[k] - fh), float(x0[k] + fw), float(y1[k])))
              for i, k in enumerate(kept)]
    return scale, sheets


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
