"""Clean input sites and output pieces so that no layout holds a degenerate polygon.

Two failures reported in issue 11 come from here: a site re-assembled from many lot parcels (after
accept, edit, save, reopen) carries hundreds of collinear vertices on its edges, on which GEOS
overlays give up ("unable to assign free hole to a shell"); and clipping road boxes to the site can
leave a road piece of 7e-10 m², which prints as a ring of 3 points ("LinearRing found 3").
"""
from __future__ import annotations

import numpy as np
import shapely

MIN_PIECE_M2 = 1.0  # an output polygon smaller than this is a sliver (issue 11, Must show 3)
SITE_SNAP_M = 0.001  # collinear vertices closer than 1 mm to the edge they lie on are dropped


def clean_site(polygon, min_part_m2: float = MIN_PIECE_M2):
    """The site as valid polygons without collinear vertices, holes or parts under ``min_part_m2``.

    ``polygon``: Polygon/MultiPolygon in a projected CRS (metres). Returns a normalised Polygon or
    MultiPolygon; the area changes by far less than the partition tolerance (0.01 m²) on real data.
    """
    geom = shapely.make_valid(polygon)
    parts = shapely.get_parts(geom)
    parts = parts[shapely.get_type_id(parts) == 3]
    if not len(parts):
        return shapely.Polygon()
    parts = shapely.simplify(parts, SITE_SNAP_M, preserve_topology=True)
    kept = []
    for part in parts:
        holes = [r for r in part.interiors if shapely.Polygon(r).area >= min_part_m2]
        part = shapely.Polygon(part.exterior, holes)
        if part.area >= min_part_m2:
            kept.append(part)
    out = shapely.make_valid(shapely.union_all(kept)) if kept else shapely.Polygon()
    parts = shapely.get_parts(out)
    return shapely.normalize(shapely.union_all(parts[shapely.get_type_id(parts) == 3]))


def union_all(geoms):
    """``shapely.union_all`` that retries on a 1 mm grid when GEOS meets a robustness failure."""
    geoms = np.asarray(geoms, dtype=object)
    try:
        return shapely.union_all(geoms)
    except shapely.errors.GEOSException:
        return shapely.union_all(geoms, grid_size=SITE_SNAP_M)


def polygon_parts(geoms, min_area: float = 0.0):
    """(parts, index of the input each came from): the polygons of ``geoms`` of at least ``min_area``."""
    parts, index = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    parts, inner = shapely.get_parts(parts, return_index=True)  # collections hold multi-parts
    index = index[inner]
    keep = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > min_area)
    return parts[keep], index[keep]


def merge_slivers(groups: dict, min_area: float = MIN_PIECE_M2, prefer: tuple = ()) -> tuple[dict, dict]:
    """Merge every piece under ``min_area`` (or invalid) into the neighbour it shares most edge with.

    ``groups``: name → object array of Polygons that together tile a site. A sliver goes to a
    neighbour of its own group first, then of the groups in ``prefer`` order, then any. Returns
    (name → new array of the kept pieces in their order, name → boolean mask of the kept inputs). A sliver without
    any neighbour is kept when it is at least 0.01 m², else dropped (below the partition tolerance).
    Loops only over the slivers, which are few.
    """
    names = list(groups)
    geoms = np.concatenate([np.asarray(groups[n], dtype=object) for n in names]) if names else np.zeros(0, object)
    label = np.concatenate([np.full(len(groups[n]), k) for k, n in enumerate(names)]) if names else np.zeros(0, int)
    if not len(geoms):
        return ({n: np.asarray(groups[n], dtype=object) for n in names},
                {n: np.ones(len(groups[n]), bool) for n in names})
    geoms = geoms.copy()
    small = (shapely.area(geoms) < min_area) | ~shapely.is_valid(geoms)
    alive = np.ones(len(geoms), bool)
    if small.any():
        tree = shapely.STRtree(geoms)
        rank = {n: k for k, n in enumerate(prefer)}
        for i in np.flatnonzero(small):
            near = tree.query(geoms[i], predicate="dwithin", distance=1e-6)
            near = near[(near != i) & alive[near] & ~small[near]]
            if not len(near):
                if geoms[i].area < 0.01:
                    alive[i] = False
                continue
            shared = shapely.length(shapely.intersection(shapely.boundary(geoms[near]),
                                                         shapely.buffer(geoms[i], 1e-6)))
            same = label[near] == label[i]
            pref = np.array([rank.get(names[label[j]], len(prefer)) for j in near])
            for best in near[np.lexsort((-shared, pref, ~same))]:
                merged = _one_polygon(shapely.union(geoms[best], geoms[i]))
                if merged is not None:
                    break
            else:  # touching at a point only: bridge the hair-width gap (overlap ≪ 0.01 m²)
                best = near[np.lexsort((-shared, pref, ~same))[0]]
                merged = _one_polygon(shapely.union(geoms[best], shapely.buffer(geoms[i], 1e-5)))
                if merged is None:
                    continue
            geoms[best] = merged
            alive[i] = False
    return ({n: geoms[alive & (label == k)] for k, n in enumerate(names)},
            {n: alive[label == k] for k, n in enumerate(names)})


def _one_polygon(geom):
    """``geom`` repaired as one Polygon, or None when it falls into several parts."""
    parts = shapely.get_parts(shapely.make_valid(geom))
    parts = parts[(shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0)]
    return parts[0] if len(parts) == 1 else None
