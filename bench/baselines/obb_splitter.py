"""Recursive oriented-bounding-box splitter in the manner of CityEngine's parcel subdivision
(Vanegas, Kelly, Weber, Halatsch, Aliaga, Müller 2012, "Procedural generation of parcels in urban
modeling", OBB subdivision).

Per the paper's description: a block is split by a line through the middle of its oriented bounding
box, perpendicular to the box's longest side, recursively, until parts reach the target area; a
split that would leave a part without street access is tried along the other axis instead, and
when neither keeps access the part stays whole. Deterministic here (no random split jitter).
"""
from __future__ import annotations

import numpy as np
import shapely


def _obb_axes(poly):
    rect = np.asarray(shapely.minimum_rotated_rectangle(poly).exterior.coords)
    sides = np.diff(rect[:3], axis=0)
    order = np.argsort(-np.hypot(sides[:, 0], sides[:, 1]))
    centre = rect[:4].mean(axis=0)
    return centre, [sides[i] for i in order]


def _halves(poly, centre, side):
    """Cut ``poly`` by the line through ``centre`` perpendicular to ``side``."""
    u = side / np.hypot(*side)
    n = np.array([-u[1], u[0]])
    big = 1e4 + np.hypot(*side) * 2
    a = centre - n * big
    b = centre + n * big
    left = shapely.Polygon([a, b, b - u * big, a - u * big])
    return shapely.intersection(poly, left), shapely.difference(poly, left)


def _has_access(part, street) -> bool:
    return shapely.length(shapely.intersection(shapely.boundary(part), street)) > 1.0


def split_block(block, street, max_area: float, out: list, depth: int = 0) -> None:
    if block.area < 2 * max_area or depth > 40:
        out.append(block)
        return
    centre, axes = _obb_axes(block)
    for side in axes:  # longest side first, then the other
        a, b = _halves(block, centre, side)
        parts = [g for g in shapely.get_parts(a)] + [g for g in shapely.get_parts(b)]
        parts = [g for g in parts if g.area > 1e-6]
        if len(parts) >= 2 and all(_has_access(g, street) for g in parts):
            for g in parts:
                split_block(g, street, max_area, out, depth + 1)
            return
    out.append(block)


def divide(blocks, target_m2: float, street) -> list:
    """Lots from blocks; ``street`` = the roads and access grown by a small tolerance."""
    shapely.prepare(street)
    out: list = []
    for block in blocks:
        split_block(block, street, target_m2, out)
    return out
