"""Geometry editing for the map tools, Qt-free: snapping, vertex move/add/delete, split, merge.

A polygon is handled as its rings (exterior and holes of each part) without the closing vertex;
``rebuild`` puts them back in the original type. Snapping looks for the nearest vertex, then the
nearest point on a segment, of the visible vector layers within a tolerance in map units (the
shell passes its pixel tolerance × metres per pixel), as QGIS's snapping does.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely


@dataclass(frozen=True)
class Snap:
    x: float
    y: float
    kind: str  # "vertex", "segment" or "none"


def snap_point(layers, x: float, y: float, tolerance: float) -> Snap:
    """The point to use for a click at (x, y): a vertex or a point on a segment of a visible layer
    within ``tolerance`` (map units), vertices first; else the click itself."""
    point = shapely.Point(x, y)
    best_vertex, best_segment = None, None
    for layer in layers:
        if not getattr(layer, "visible", False) or not hasattr(layer, "rows_at") or not len(layer.frame):
            continue
        b = layer.bounds  # cached per layer: one vectorised box test, then exact distances
        rows = np.flatnonzero((b[:, 0] - tolerance <= x) & (b[:, 2] + tolerance >= x)
                              & (b[:, 1] - tolerance <= y) & (b[:, 3] + tolerance >= y))
        if not rows.size:
            continue
        geoms = layer.frame.geometry.values[rows]
        coords = shapely.get_coordinates(geoms)
        if len(coords):
            d = np.hypot(coords[:, 0] - x, coords[:, 1] - y)
            i = int(np.argmin(d))
            if d[i] <= tolerance and (best_vertex is None or d[i] < best_vertex[0]):
                best_vertex = (float(d[i]), coords[i])
        outlines = shapely.boundary(geoms[shapely.get_dimensions(geoms) == 2])
        lines = np.concatenate([outlines, geoms[shapely.get_dimensions(geoms) == 1]])
        if len(lines):
            d = shapely.distance(lines, point)
            i = int(np.argmin(d))
            if d[i] <= tolerance and (best_segment is None or d[i] < best_segment[0]):
                nearest = shapely.line_interpolate_point(lines[i], shapely.line_locate_point(lines[i], point))
                best_segment = (float(d[i]), (nearest.x, nearest.y))
    if best_vertex is not None:
        return Snap(float(best_vertex[1][0]), float(best_vertex[1][1]), "vertex")
    if best_segment is not None:
        return Snap(float(best_segment[1][0]), float(best_segment[1][1]), "segment")
    return Snap(float(x), float(y), "none")


def rings(geometry) -> list[np.ndarray]:
    """Rings (n, 2) without their closing vertex, in order: part 1 exterior, its holes, part 2..."""
    out = []
    for part in getattr(geometry, "geoms", [geometry]):
        for ring in [part.exterior, *part.interiors]:
            out.append(np.asarray(ring.coords)[:-1, :2])
    return out


def rebuild(geometry, new_rings: list[np.ndarray]):
    """``geometry``'s type and part/hole structure with ``new_rings`` (as returned by ``rings``)."""
    parts, k = [], 0
    for part in getattr(geometry, "geoms", [geometry]):
        n = 1 + len(part.interiors)
        shell, *holes = new_rings[k:k + n]
        parts.append(shapely.Polygon(shell, holes))
        k += n
    return shapely.MultiPolygon(parts) if geometry.geom_type == "MultiPolygon" else parts[0]


def nearest_vertex(geometry, x: float, y: float, tolerance: float) -> tuple[int, int] | None:
    """(ring, vertex) of the vertex nearest to (x, y) within ``tolerance``, else None."""
    best = None
    for r, ring in enumerate(rings(geometry)):
        d = np.hypot(ring[:, 0] - x, ring[:, 1] - y)
        i = int(np.argmin(d))
        if d[i] <= tolerance and (best is None or d[i] < best[0]):
            best = (d[i], r, i)
    return None if best is None else (best[1], best[2])


def nearest_segment(geometry, x: float, y: float, tolerance: float) -> tuple[int, int, float, float] | None:
    """(ring, position to insert at, x, y on the segment) for the segment nearest to (x, y)."""
    best = None
    for r, ring in enumerate(rings(geometry)):
        a, b = ring, np.roll(ring, -1, axis=0)
        ab = b - a
        length2 = np.maximum((ab ** 2).sum(axis=1), 1e-12)
        t = np.clip(((x - a[:, 0]) * ab[:, 0] + (y - a[:, 1]) * ab[:, 1]) / length2, 0, 1)
        px, py = a[:, 0] + t * ab[:, 0], a[:, 1] + t * ab[:, 1]
        d = np.hypot(px - x, py - y)
        i = int(np.argmin(d))
        if d[i] <= tolerance and (best is None or d[i] < best[0]):
            best = (d[i], r, i + 1, float(px[i]), float(py[i]))
    return None if best is None else best[1:]


def move_vertex(geometry, ring: int, vertex: int, x: float, y: float):
    new = [r.copy() for r in rings(geometry)]
    new[ring][vertex] = (x, y)
    return rebuild(geometry, new)


def insert_vertex(geometry, ring: int, position: int, x: float, y: float):
    new = [r.copy() for r in rings(geometry)]
    new[ring] = np.insert(new[ring], position, (x, y), axis=0)
    return rebuild(geometry, new)


def delete_vertex(geometry, ring: int, vertex: int):
    """The geometry without that vertex; ValueError when the ring would have fewer than 3."""
    new = [r.copy() for r in rings(geometry)]
    if len(new[ring]) <= 3:
        raise ValueError("a ring needs at least three vertices")
    new[ring] = np.delete(new[ring], vertex, axis=0)
    return rebuild(geometry, new)


def split_polygon(geometry, line) -> list:
    """The polygon pieces of ``geometry`` cut by ``line`` (one piece: the line does not cross it)."""
    from shapely.ops import split

    pieces = [g for g in split(geometry, line).geoms if g.geom_type == "Polygon" and g.area > 0]
    return pieces


def measure(points: list[tuple[float, float]], polygon: bool) -> tuple[float, float]:
    """(length m, area m²) of a sketch in a projected CRS: the outline length (closed for a
    polygon) and the enclosed area (0 for a line or fewer than three points)."""
    if len(points) < 2:
        return 0.0, 0.0
    xy = np.asarray(points, dtype=float)
    if polygon and len(xy) >= 3:
        closed = np.vstack([xy, xy[:1]])
        ring = shapely.Polygon(xy)
        return float(np.hypot(*np.diff(closed, axis=0).T).sum()), float(abs(ring.area))
    return float(np.hypot(*np.diff(xy, axis=0).T).sum()), 0.0
