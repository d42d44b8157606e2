"""Frontage and depth of lots.

Frontage = length of the lot boundary lying within ``tolerance`` of one road piece (a new road
polygon or an existing access edge). A lot's road is the piece giving it the frontage the rules
need, preferring spine roads, then the access, then connectors and cross roads; depth = area /
frontage on that road (the lot's extent away from its road, exact for rectangles).
"""
from __future__ import annotations

import numpy as np
import shapely

from .params import SubdivisionParams

PRIORITY = {"spine": 0, "access": 1, "connector": 2, "cross": 3}


def front_zones(road_geoms, access_parts, tolerance: float):
    """Road pieces grown by the tolerance: the strips in which a lot edge counts as frontage."""
    zones = np.concatenate([shapely.buffer(np.asarray(road_geoms, dtype=object), tolerance, join_style="mitre"),
                            shapely.buffer(np.asarray(access_parts, dtype=object), tolerance)])
    shapely.prepare(zones)
    return zones


def measure(lots, zones, priority, params: SubdivisionParams):
    """(frontage_m, depth_m, zone index or -1) for every lot, vectorised over lot × zone pairs."""
    n = len(lots)
    frontage = np.zeros(n)
    road = np.full(n, -1)
    if n == 0 or len(zones) == 0:
        return frontage, np.full(n, np.inf), road
    area = shapely.area(lots)
    boundary = shapely.boundary(lots)
    tree = shapely.STRtree(zones)
    li, zi = tree.query(boundary, predicate="intersects")
    if len(li):
        length = shapely.length(shapely.intersection(boundary[li], zones[zi]))
        need = params.required_frontage(area[li])
        enough = length >= need - 1e-9
        # best pair per lot: enough frontage, then road priority, then longest
        order = np.lexsort((-length, np.asarray(priority)[zi], ~enough, li))
        first = np.ones(len(order), bool)
        first[1:] = li[order][1:] != li[order][:-1]
        best = order[first]
        frontage[li[best]] = length[best]
        road[li[best]] = zi[best]
    with np.errstate(divide="ignore"):
        depth = np.where(frontage > 0, area / np.maximum(frontage, 1e-12), np.inf)
    return frontage, depth, road


def rule_failures(area, frontage, depth, params: SubdivisionParams) -> np.ndarray:
    """Reason each lot breaks a rule ('' when it keeps them all)."""
    area = np.asarray(area)
    reason = np.full(len(area), "", dtype=object)
    ratio = np.where(frontage > 0, depth / np.maximum(frontage, 1e-12), np.inf)
    reason[ratio > params.max_depth_ratio + 1e-9] = "depth_ratio"
    reason[frontage < params.required_frontage(area) - 1e-9] = "no_frontage"
    reason[area < params.min_lot - 1e-9] = "too_small"
    return reason


def rectangularity(geoms) -> np.ndarray:
    """Area over the area of the minimum rotated rectangle (1 for a rectangle)."""
    geoms = np.asarray(geoms, dtype=object)
    if not len(geoms):
        return np.zeros(0)
    rect = shapely.area(shapely.minimum_rotated_rectangle(geoms))
    return np.where(rect > 0, shapely.area(geoms) / np.maximum(rect, 1e-12), 0.0)
