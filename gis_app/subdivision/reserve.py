"""The high-tech reserve: one contiguous block of at least the asked share, carved off first.

The site is cut by a line across its principal axis; the cut position is found by bisection on the
area of the piece behind it. Both ends of both axes are tried; the first single-piece result wins.
"""
from __future__ import annotations

import shapely

from ..core.errors import InputError
from ..core.i18n import t


def _cut_piece(local_site, axis: int, from_low: bool, pos: float):
    xmin, ymin, xmax, ymax = local_site.bounds
    pad = 1.0
    if axis == 0:
        box = shapely.box(xmin - pad, ymin - pad, pos, ymax + pad) if from_low else \
            shapely.box(pos, ymin - pad, xmax + pad, ymax + pad)
    else:
        box = shapely.box(xmin - pad, ymin - pad, xmax + pad, pos) if from_low else \
            shapely.box(xmin - pad, pos, xmax + pad, ymax + pad)
    return shapely.intersection(local_site, box)


def carve_reserve(local_site, target_m2: float, iterations: int = 60):
    """(reserve, rest) in the local frame; reserve area is target_m2 (+ at most 0.005 m²)."""
    if target_m2 <= 0:
        return shapely.Polygon(), local_site
    if target_m2 >= local_site.area:
        raise InputError(t("tỷ lệ dự trữ công nghệ cao lớn hơn vùng đất", "the high-tech share exceeds the site"),
                         "--hightech-share")
    bounds = local_site.bounds
    for axis in (0, 1):
        lo_b, hi_b = bounds[axis], bounds[axis + 2]
        for from_low in (True, False):
            lo, hi = lo_b, hi_b
            for _ in range(iterations):  # area grows with the cut position (from_low) monotonically
                mid = (lo + hi) / 2
                area = _cut_piece(local_site, axis, from_low, mid).area
                if (area < target_m2) == from_low:
                    lo = mid
                else:
                    hi = mid
            pos = hi if from_low else lo  # the side giving at least the target
            piece = _cut_piece(local_site, axis, from_low, pos)
            if shapely.get_num_geometries(piece) == 1 and shapely.get_type_id(piece) == 3 \
                    and piece.area >= target_m2 - 1e-6:
                rest = shapely.difference(local_site, piece)
                return piece, rest
    raise InputError(t("không đặt được một khối dự trữ liền mạch với tỷ lệ đã yêu cầu",
                       "cannot place one contiguous reserve block of the asked share"), "--hightech-share")
