"""Vectorised geometry → Qt: build a QPainterPath or QPolygonF for many features in one go.

Creating Qt objects point by point from Python is far too slow for 100,000 parcels. Instead we
lay the coordinates out with numpy in Qt's own QDataStream serialisation (big-endian: element
count, then type/x/y per element, then the path's closing fields) and stream the bytes in. The
paths stay in map coordinates; the canvas draws them through a QTransform, so a pan or zoom never
rebuilds them.
"""
from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QDataStream
from PySide6.QtGui import QPainterPath, QPolygonF

_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_MOVE_TO, _LINE_TO = 0, 1
_ODD_EVEN_FILL = 0


def ring_coordinates(geometries, roles: bool = False):
    """All polygon rings' vertices: (coords (n, 2), feature index per vertex, ring-start flags);
    with ``roles``, also an int8 per vertex: 1 in an exterior ring, -1 in a hole, 0 in a line or
    point (shapely lists each polygon's exterior ring first)."""
    geometries = np.asarray(geometries, dtype=object)
    if len(geometries) and (shapely.get_type_id(geometries) == 3).all() \
            and not shapely.get_num_interior_rings(geometries).any():
        # Polygons without holes (most parcels): one ring each, read in one call without making
        # a Python object per ring (and without holding the interpreter for long).
        coords, feature = shapely.get_coordinates(geometries, return_index=True)
        starts = np.empty(len(coords), dtype=bool)
        starts[:1] = True
        starts[1:] = feature[1:] != feature[:-1]
        return (coords, feature, starts, np.ones(len(coords), dtype=np.int8)) if roles else (coords, feature, starts)
    parts, part_feature = shapely.get_parts(geometries, return_index=True)
    # Polygon boundaries; lines stay as they are (get_rings is only defined for polygons).
    is_polygon = shapely.get_type_id(parts) == 3
    rings, ring_part = shapely.get_rings(parts[is_polygon], return_index=True)
    ring_feature = part_feature[is_polygon][ring_part]
    lines = parts[~is_polygon]
    line_feature = part_feature[~is_polygon]
    all_lines = np.concatenate([rings, lines]) if len(lines) else rings
    all_feature = np.concatenate([ring_feature, line_feature]) if len(lines) else ring_feature
    coords, line_index = shapely.get_coordinates(all_lines, return_index=True)
    if not len(coords):
        empty = (np.empty((0, 2)), np.empty(0, dtype=int), np.empty(0, dtype=bool))
        return empty + (np.empty(0, dtype=np.int8),) if roles else empty
    starts = np.empty(len(coords), dtype=bool)
    starts[0] = True
    starts[1:] = line_index[1:] != line_index[:-1]
    if not roles:
        return coords, all_feature[line_index], starts
    ring_role = np.zeros(len(all_lines), dtype=np.int8)
    if len(rings):
        ring_role[:len(rings)] = np.where(np.concatenate([[True], ring_part[1:] != ring_part[:-1]]), 1, -1)
    return coords, all_feature[line_index], starts, ring_role[line_index]


def path_from_arrays(coords: np.ndarray, starts: np.ndarray) -> QPainterPath:
    """One QPainterPath of all rings (odd-even fill, so holes stay holes)."""
    n = len(coords)
    path = QPainterPath()
    if n == 0:
        return path
    elements = np.empty(n, dtype=_ELEMENT)
    elements["type"] = np.where(starts, _MOVE_TO, _LINE_TO)
    elements["x"] = coords[:, 0]
    elements["y"] = coords[:, 1]
    blob = (np.array([n], dtype=">i4").tobytes() + elements.tobytes()
            + np.array([0, _ODD_EVEN_FILL], dtype=">i4").tobytes())
    return _stream_into(path, blob)


def polygonf_from_points(points: np.ndarray) -> QPolygonF:
    """A QPolygonF holding ``points`` (n, 2), e.g. for drawPoints."""
    polygon = QPolygonF()
    if not len(points):
        return polygon
    blob = np.array([len(points)], dtype=">u4").tobytes() + np.ascontiguousarray(
        points, dtype=">f8").tobytes()
    return _stream_into(polygon, blob)


def _stream_into(target, blob: bytes):
    data = QByteArray(blob)  # keep a reference: the stream reads from it, not from a copy
    stream = QDataStream(data)
    stream >> target
    if stream.status() != QDataStream.Status.Ok:
        raise RuntimeError(f"Qt could not read the serialised geometry ({stream.status()})")
    return target
