"""Road network layout in the local frame (x = site axis): spine roads, cross roads, connectors.

The site is cut into horizontal *bands* of double-loaded blocks: a row of lots fronting down, a row
fronting up, then a spine road of width W. Cross roads of width W split each band every block
length L. ``start`` picks how the pattern meets the bottom edge: "edge" (first lots front the
site edge, i.e. the access), "road" (a spine road first), "half" (a single row backing onto the edge).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .params import LotClass, SubdivisionParams

STARTS = ("edge", "road", "half")


@dataclass
class Row:
    y0: float
    y1: float
    front: str  # "down" | "up": which long side faces the road (or the site edge)
    band: int
    lot_class: int


@dataclass
class BandPlan:
    rows: list[Row]
    spines: list[tuple[float, float]]  # (y0, y1) of every spine road
    bands: list[tuple[float, float, int]]  # (y0, y1, class) of every band of lot rows


def plan_bands(site_local, params: SubdivisionParams, classes: list[LotClass], start: str) -> BandPlan:
    """Stack bands bottom to top; each band takes the lot class furthest behind its land share."""
    xmin, ymin, xmax, ymax = site_local.bounds
    W = params.road_width
    rows, spines, bands = [], [], []
    placed = np.zeros(len(classes))
    shares = np.array([c.share for c in classes])
    y = ymin
    if start == "road":
        spines.append((y, y + W))
        y += W
    band = 0
    first = True
    while y < ymax:
        k = int(np.argmin(placed / max(placed.sum(), 1.0) - shares)) if placed.sum() else int(np.argmax(shares))
        D = classes[k].depth
        if first and start == "half":
            rows.append(Row(y, y + D, "up", band, k))
            top = y + D
        else:
            rows.append(Row(y, y + D, "down", band, k))
            rows.append(Row(y + D, y + 2 * D, "up", band, k))
            top = y + 2 * D
        first = False
        strip = shapely.box(xmin, y, xmax, top)
        placed[k] += shapely.area(shapely.intersection(strip, site_local))
        bands.append((y, top, k))
        spines.append((top, top + W))
        y = top + W
        band += 1
    return BandPlan(rows, spines, bands)


def cross_road_positions(x_lo: float, x_hi: float, cls: LotClass, params: SubdivisionParams):
    """Left x of the cross roads of one band, and block length (a whole number of lots)."""
    n = max(1, int(round(params.block_length / cls.width)))
    L = n * cls.width
    period = L + params.road_width
    count = int(np.ceil((x_hi - x_lo) / period)) + 1
    return x_lo + L + period * np.arange(count), n, L


def road_pieces(site_full_local, site_local, plan: BandPlan, classes, params: SubdivisionParams):
    """Spine and cross road polygons clipped to the road land: (geoms, kinds).

    Spines run right through a green buffer to the site's edge; cross roads sit where the lot
    strips of ``site_local`` (the buildable land) leave their gaps.
    """
    xmin, _, xmax, _ = site_local.bounds
    full_xmin, _, full_xmax, _ = site_full_local.bounds
    W = params.road_width
    boxes, kinds = [], []
    for y0, y1 in plan.spines:
        boxes.append(shapely.box(full_xmin - W, y0, full_xmax + W, y1))
        kinds.append("spine")
    for y0, y1, k in plan.bands:
        gx, _, _ = cross_road_positions(xmin, xmax, classes[k], params)
        gx = gx[gx < xmax]
        boxes.extend(shapely.box(gx, y0, gx + W, y1).tolist())
        kinds.extend(["cross"] * len(gx))
    boxes = np.asarray(boxes, dtype=object)
    clipped = shapely.intersection(boxes, site_full_local)
    parts, index = shapely.get_parts(clipped, return_index=True)
    keep = shapely.area(parts) > 1e-6
    parts, index = parts[keep], index[keep]
    kinds = np.asarray(kinds)[index]
    return parts, kinds


def components(geoms, tolerance: float) -> np.ndarray:
    """Connected-component label of each geometry (touching within ``tolerance``), union-find."""
    n = len(geoms)
    parent = np.arange(n)

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    a, b = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=tolerance)
    for i, j in zip(a[a < b].tolist(), b[a < b].tolist()):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return np.array([find(i) for i in range(n)])


def connect_to_access(roads, kinds, access_lines, site_full, params: SubdivisionParams):
    """Make every road component reach the access: add a straight connector or drop the component.

    Returns (roads, kinds, dropped geometries).
    """
    tol = params.tolerance
    if not len(roads):
        return roads, kinds, []
    access = shapely.union_all(access_lines)
    label = components(roads, tol / 2)
    touches = shapely.dwithin(roads, access, tol * 2)
    reached_labels = set(label[touches].tolist())
    new_roads, new_kinds, dropped = list(roads), list(kinds), []
    drop = np.zeros(len(roads), bool)
    half = params.road_width / 2.0
    for c in sorted(set(label.tolist()) - reached_labels):
        members = label == c
        comp = shapely.union_all(roads[members])
        line = shapely.shortest_line(comp, access)
        corridor = shapely.intersection(shapely.buffer(line, half, cap_style="flat"), site_full)
        corridor = shapely.difference(corridor, shapely.union_all(new_roads))
        ok = corridor is not None and not corridor.is_empty and line.length < 4 * params.block_length \
            and bool(shapely.dwithin(corridor, access, tol * 2)) and bool(shapely.dwithin(corridor, comp, tol))
        if ok:
            for part in shapely.get_parts(corridor):
                new_roads.append(part)
                new_kinds.append("connector")
        else:
            drop[np.flatnonzero(members)] = True
            dropped.extend(np.asarray(roads)[members].tolist())
    keep = np.concatenate([~drop, np.ones(len(new_roads) - len(roads), bool)])
    return np.asarray(new_roads, dtype=object)[keep], np.asarray(new_kinds)[keep], dropped
