"""Equal-area strip divider in the manner of QGIS's Polygon Divider plugin.

Per its published description: a polygon is cut into parts of a target area by sweeping a straight
cutting line across it (here: across the polygon's long axis) and finding, by Brent root-finding on
the area behind the line, the position at which that area equals the target; the cut-off part is a
lot and the sweep goes on with the rest. There are no roads and no frontage rule: lots are as wide
as the area demands.
"""
from __future__ import annotations

import math

import numpy as np
import shapely
from shapely import affinity

from .brent import brent_root


def _long_axis_angle(poly) -> float:
    rect = np.asarray(shapely.minimum_rotated_rectangle(poly).exterior.coords)
    sides = np.diff(rect, axis=0)
    s = sides[np.argmax(np.hypot(sides[:, 0], sides[:, 1]))]
    return math.degrees(math.atan2(s[1], s[0]))


def divide_polygon(poly, target_m2: float, xtol: float = 1e-3) -> tuple[list, int]:
    """Lots of equal area (≥ target) from one polygon; returns (lots, area evaluations)."""
    n = int(poly.area // target_m2)
    if n <= 1:
        return [poly], 0
    part = poly.area / n
    angle = _long_axis_angle(poly)
    origin = poly.centroid
    work = affinity.rotate(poly, -angle, origin=origin)
    lots, calls = [], 0
    for _ in range(n - 1):
        xmin, ymin, xmax, ymax = work.bounds

        def behind(x, work=work, ymin=ymin, ymax=ymax, xmin=xmin):
            return shapely.intersection(work, shapely.box(xmin - 1, ymin - 1, x, ymax + 1)).area - part

        x, k = brent_root(behind, xmin, xmax, xtol=xtol)
        calls += k
        cut = shapely.box(xmin - 1, ymin - 1, x, ymax + 1)
        lots.append(shapely.intersection(work, cut))
        work = shapely.difference(work, cut)
    lots.append(work)
    lots = [affinity.rotate(g, angle, origin=origin) for g in lots]
    return lots, calls


def divide(blocks, target_m2: float) -> list:
    out = []
    for block in blocks:
        out.extend(divide_polygon(block, target_m2)[0])
    return out
