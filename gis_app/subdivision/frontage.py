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


class FrontZones:
    """Road pieces grown by the tolerance: the strips in which a lot edge counts as frontage.

    Access lines are cut into their straight segments so that each zone stays small (a lot pairs
    only with the zones near it); ``owner`` maps a zone back to its road (roads first, then access).
    """

    def __init__(self, road_geoms, access_parts, tolerance: float):
        road_geoms = np.asarray(road_geoms, dtype=object)
        access_parts = np.asarray(access_parts, dtype=object)
        segs, owner = _segments(access_parts)
        self.zones = np.concatenate([shapely.buffer(road_geoms, tolerance, join_style="mitre"),
                                     shapely.buffer(segs, tolerance, cap_style="flat")])
        self.owner = np.concatenate([np.arange(len(road_geoms)), len(road_geoms) + owner]).astype(int)
        shapely.prepare(self.zones)
        self.tree = shapely.STRtree(self.zones)

    def __len__(self):
        return len(self.zones)


def _segments(lines):
    """Every straight segment of ``lines`` and the index of the line it came from."""
    if not len(lines):
        return np.zeros(0, dtype=object), np.zeros(0, int)
    parts, line_of_part = shapely.get_parts(lines, return_index=True)
    coords, part_of_coord = shapely.get_coordinates(parts, return_index=True)
    same = part_of_coord[1:] == part_of_coord[:-1]
    starts, ends = coords[:-1][same], coords[1:][same]
    keep = np.hypot(*(ends - starts).T) > 0
    segs = shapely.linestrings(np.stack([starts[keep], ends[keep]], axis=1))
    return segs, line_of_part[part_of_coord[:-1][same][keep]]


def front_zones(road_geoms, access_parts, tolerance: float) -> FrontZones:
    return FrontZones(road_geoms, access_parts, tolerance)


def measure(lots, zones: FrontZones, priority, params: SubdivisionParams):
    """(frontage_m, depth_m, road index or -1) for every lot, vectorised over lot × zone pairs.

    ``priority`` is per road (roads, then access parts); the returned index is a road index.
    """
    n = len(lots)
    frontage = np.zeros(n)
    road = np.full(n, -1)
    if n == 0 or len(zones) == 0:
        return frontage, np.full(n, np.inf), road
    area = shapely.area(lots)
    boundary = shapely.boundary(lots)
    li, zi = zones.tree.query(boundary, predicate="intersects")
    if len(li):
        length = shapely.length(shapely.intersection(boundary[li], zones.zones[zi]))
        zi = zones.owner[zi]
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
