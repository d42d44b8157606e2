"""Full internal layout of a KCN: green edge, road grid, blocks, infrastructure, service, lots.

Work happens in a frame rotated so the zone's long axis is x. Parcels are carved from the zone by
intersection/difference only (green ring = zone - inner; roads ∩ inner; blocks = cells ∩ inner -
roads; lots = blocks ∩ slabs), so they tile the zone with no gap or overlap by construction.
Blocks are two rows of lots deep, each row fronting a road; lots 1–5 ha, whole blocks up to ~10 ha.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

GREEN_EDGE_M = 30.0  # planted isolation strip along the zone boundary
MAIN_ROAD_M = 24.0
LOCAL_ROAD_M = 16.0
CELL_X_M = 420.0  # road spacing along the long axis
CELL_Y_M = 260.0  # road spacing across: blocks are two ~120 m deep rows of lots
MIN_BLOCK_M2 = 6000.0  # smaller leftovers along the edge are planted
MIN_LOT_M2 = 1500.0  # lot slivers below this join the green


@dataclass
class Piece:
    geometry: shapely.Geometry  # in the rotated frame
    landuse: str
    cell: tuple[int, int] | None = None
    row: int | None = None
    note: str = ""


@dataclass
class Layout:
    """The zone cut into pieces (in the zone's rotated frame) plus the frame to rotate back."""
    pieces: list[Piece] = field(default_factory=list)
    blocks: dict[tuple[int, int], shapely.Geometry] = field(default_factory=dict)
    origin: tuple[float, float] = (0.0, 0.0)
    angle: float = 0.0  # radians, rotated frame -> map

    def to_map(self, geometry):
        return rotate(geometry, self.angle, self.origin)


def rotate(geometry, angle: float, origin: tuple[float, float]):
    """Rotate (vectorised over an array of geometries) by ``angle`` radians about ``origin``."""
    c, s = np.cos(angle), np.sin(angle)
    ox, oy = origin

    def turn(xy):
        x, y = xy[:, 0] - ox, xy[:, 1] - oy
        return np.column_stack([ox + c * x - s * y, oy + s * x + c * y])

    return shapely.transform(geometry, turn)


def long_axis_angle(polygon) -> float:
    rect = np.asarray(polygon.minimum_rotated_rectangle.exterior.coords)
    edges = np.diff(rect[:3], axis=0)
    longest = edges[int(np.argmax(np.hypot(edges[:, 0], edges[:, 1])))]
    return float(np.arctan2(longest[1], longest[0]))


def road_grid(zone) -> Layout:
    """Green ring, road pieces and the blocks (by grid cell) of ``zone``."""
    origin = (zone.centroid.x, zone.centroid.y)
    angle = long_axis_angle(zone)
    local = rotate(zone, -angle, origin)
    layout = Layout(origin=origin, angle=angle)
    inner = local.buffer(-GREEN_EDGE_M, join_style="mitre")

    xmin, ymin, xmax, ymax = local.bounds
    ox, oy = origin
    # Grid lines through the centre so the main spine (along x) crosses the middle of the zone.
    xs = ox + CELL_X_M * np.arange(np.floor((xmin - ox) / CELL_X_M), np.ceil((xmax - ox) / CELL_X_M) + 1)
    ys = oy + CELL_Y_M * (np.arange(np.floor((ymin - oy) / CELL_Y_M), np.ceil((ymax - oy) / CELL_Y_M) + 1) + 0.5)
    spine_y = ys[int(np.argmin(np.abs(ys - oy)))]
    spine = shapely.box(xmin - 1, spine_y - MAIN_ROAD_M / 2, xmax + 1, spine_y + MAIN_ROAD_M / 2)
    across = shapely.union_all([shapely.box(x - LOCAL_ROAD_M / 2, ymin - 1, x + LOCAL_ROAD_M / 2, ymax + 1)
                                for x in xs])
    along = shapely.union_all([shapely.box(xmin - 1, y - LOCAL_ROAD_M / 2, xmax + 1, y + LOCAL_ROAD_M / 2)
                               for y in ys if y != spine_y])
    # The main spine runs through the green strip to the boundary: the zone's two entrances.
    main = local.intersection(spine)
    layout.pieces.append(Piece(local.difference(inner).difference(spine), "green", note="edge"))
    cross = inner.intersection(across).difference(spine)
    local_roads = inner.intersection(along).difference(across).difference(spine)
    for geom, note in ((main, "main"), (cross, "local"), (local_roads, "local")):
        for part in shapely.get_parts(geom):
            if part.area > 1.0:
                layout.pieces.append(Piece(part, "road", note=note))
    roads = shapely.union_all([spine, across, along])
    rest = inner.difference(roads)
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            cell = shapely.box(xs[i], ys[j], xs[i + 1], ys[j + 1])
            block = rest.intersection(cell)
            if block.is_empty:
                continue
            parts = shapely.get_parts(block)
            keep = [p for p in parts if p.area >= MIN_BLOCK_M2]
            for p in parts:
                if p.area < MIN_BLOCK_M2 and p.area > 0:
                    layout.pieces.append(Piece(p, "green", note="leftover"))
            if keep:
                layout.blocks[(i, j)] = shapely.union_all(keep)
    # Road slivers smaller than 1 m² (cut ends) join the green ring, so nothing is lost.
    leftover = inner.difference(shapely.union_all([roads.intersection(inner), rest]))
    if leftover.area > 0:
        layout.pieces.append(Piece(leftover, "green", note="leftover"))
    return layout


def split_rows(block) -> list[shapely.Geometry]:
    """The block's two rows of lots (split along x through the middle of its y extent)."""
    xmin, ymin, xmax, ymax = block.bounds
    mid = (ymin + ymax) / 2.0
    rows = [block.intersection(shapely.box(xmin - 1, ymin - 1, xmax + 1, mid)),
            block.intersection(shapely.box(xmin - 1, mid, xmax + 1, ymax + 1))]
    return [r for r in rows if not r.is_empty]


def cut_lots(row, target_areas: list[float]) -> list[shapely.Geometry]:
    """Cut ``row`` across x into lots of about the given areas; the last lot takes the rest."""
    xmin, ymin, xmax, ymax = row.bounds
    depth = max(row.area / max(xmax - xmin, 1.0), 1.0)
    cuts, x = [xmin - 1.0], xmin
    for area in target_areas:
        x += area / depth
        if x >= xmax - (MIN_LOT_M2 * 2) / depth:
            break
        cuts.append(x)
    cuts.append(xmax + 1.0)
    slabs = shapely.box(np.array(cuts[:-1]), ymin - 1, np.array(cuts[1:]), ymax + 1)
    return [p for p in shapely.intersection(row, slabs) if not p.is_empty]
