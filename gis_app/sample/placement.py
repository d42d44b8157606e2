"""Placing zone outlines at real locations: OSM centres, next to a sibling zone, or in a district.

Each zone draws from its own random stream (seeded by the build seed and its zone_id), so adding or
reordering zones does not move the others. A zone is accepted when it lies inside one district,
keeps a gap to every zone placed before, and (KCN) preferably near a national road.
"""
from __future__ import annotations

import zlib

import numpy as np
import shapely

from .catalogue import ZoneSpec
from .shapes import equivalent_radius, irregular_outline

GAP_M = 250.0  # clear distance between two zones
EDGE_M = 100.0  # clear distance from the district edge
KCN_NEAR_ROAD_M = 4000.0
ROAD_CLEARANCE_M = 150.0  # from a national road or railway centreline to a zone
OSM_SHIFT_M = 600.0  # an OSM bbox centre is approximate: the outline may shift if it still covers it
CANDIDATES = 4000


def zone_rng(seed: int, zone_id: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(zone_id.encode("utf-8"))])


def place_zones(specs: list[ZoneSpec], districts, roads, osm: dict, seed: int,
                feedback=None) -> dict[str, shapely.Polygon]:
    """zone_id -> outline; updates ``spec.district`` of OSM-anchored zones to where they landed."""
    names = districts["name"].tolist()
    shapes = {n: g for n, g in zip(names, districts.geometry.values)}
    inner = {n: g.buffer(-EDGE_M) for n, g in shapes.items()}
    road_zone = shapely.union_all(roads.geometry.values).buffer(KCN_NEAR_ROAD_M) if len(roads) else None
    placed: dict[str, shapely.Polygon] = {}
    occupied = shapely.Polygon()
    # National roads and rail run beside zones, not through them.
    corridors = shapely.union_all(roads.geometry.values).buffer(ROAD_CLEARANCE_M) if len(roads) \
        else shapely.Polygon()
    shapely.prepare(corridors)
    order = sorted(specs, key=lambda s: (s.anchor is None or s.anchor.startswith(("KCN-", "CCN-")),
                                         s.anchor is None, s.kind != "KCN", -s.gross_ha))
    for i, spec in enumerate(order):
        if feedback is not None:
            feedback.check_canceled()
            feedback.progress(5 + 25 * i / len(order))
        rng = zone_rng(seed, spec.zone_id)
        area = spec.gross_ha * 10_000.0
        wiggle, elong = (0.08, (1.0, 1.25)) if spec.layout else (0.2, (1.0, 1.7))
        centres = _candidate_centres(spec, rng, inner, road_zone, osm, placed, area)
        outline = None
        for cx, cy in centres:
            candidate = irregular_outline(rng, area, cx, cy, wiggle, elong)
            district = _containing_district(candidate, inner) if spec.anchor in osm else (
                spec.district if inner[spec.district].contains(candidate) else None)
            if district is None or (not occupied.is_empty and candidate.distance(occupied) < GAP_M):
                continue
            if corridors.intersects(candidate):
                continue
            if spec.anchor in osm and not candidate.contains(shapely.Point(osm[spec.anchor])):
                continue
            outline, spec.district = candidate, district
            break
        if outline is None:
            raise RuntimeError(f"no room for {spec.zone_id} in {spec.district}")
        placed[spec.zone_id] = outline
        occupied = shapely.union(occupied, outline)
    return placed


def _containing_district(polygon, inner: dict) -> str | None:
    for name, shape in inner.items():
        if shape.contains(polygon):
            return name
    return None


def _candidate_centres(spec, rng, inner, road_zone, osm, placed, area):
    if spec.anchor in osm:  # a real OSM centre: outlines around it, shifted a little if need be
        x, y = osm[spec.anchor]
        shift = rng.uniform(-OSM_SHIFT_M, OSM_SHIFT_M, (CANDIDATES, 2)) * np.linspace(0, 1, CANDIDATES)[:, None]
        return [(x + dx, y + dy) for dx, dy in shift]
    if spec.anchor in placed:  # beside a sibling zone (Đại An next to Đại An mở rộng)
        sibling = placed[spec.anchor]
        reach = equivalent_radius(area) * 1.6 + GAP_M
        region = sibling.buffer(reach).difference(sibling.buffer(GAP_M)).intersection(inner[spec.district])
    else:
        region = inner[spec.district].buffer(-0.5 * equivalent_radius(area))
        if spec.kind == "KCN" and road_zone is not None:
            near = region.intersection(road_zone)
            points = _sample(rng, near, CANDIDATES // 2) if not near.is_empty else []
            return list(points) + list(_sample(rng, region, CANDIDATES))
    return list(_sample(rng, region, CANDIDATES))


def _sample(rng, region, n):
    if region.is_empty:
        return np.empty((0, 2))
    xmin, ymin, xmax, ymax = region.bounds
    pts = np.column_stack([rng.uniform(xmin, xmax, n * 3), rng.uniform(ymin, ymax, n * 3)])
    shapely.prepare(region)
    return pts[shapely.contains_xy(region, pts[:, 0], pts[:, 1])][:n]
