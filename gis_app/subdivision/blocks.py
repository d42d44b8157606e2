"""Blocks → lot strips: every candidate lot rectangle of every row, clipped to the buildable land.

All rectangles of the layout are generated as numpy arrays and clipped with one vectorised
``shapely.intersection``; no per-lot Python loop.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .params import SubdivisionParams
from .roads import BandPlan, cross_road_positions


@dataclass
class Candidates:
    geoms: np.ndarray  # clipped lot pieces (local frame), one Polygon each
    row: np.ndarray  # row index in the plan
    pos: np.ndarray  # position along the row (lot index, increasing with x)
    front: np.ndarray  # +1 faces up, -1 faces down
    cls: np.ndarray  # lot class index
    whole: np.ndarray  # True: the full rectangle lies inside the buildable land (not clipped)
    box: np.ndarray  # (n, 4) x0, y0, x1, y1 of the rectangle each piece came from


def lot_candidates(buildable_local, site_bounds, plan: BandPlan, classes, params: SubdivisionParams) -> Candidates:
    xmin, _, xmax, _ = site_bounds
    x0s, x1s, y0s, y1s, rows, poss, fronts, clss = [], [], [], [], [], [], [], []
    for r, row in enumerate(plan.rows):
        cls = classes[row.lot_class]
        gx, n, L = cross_road_positions(xmin, xmax, cls, params)
        block_x0 = np.concatenate([[xmin], gx + params.road_width])
        block_x0 = block_x0[block_x0 < xmax]
        lot_x0 = (block_x0[:, None] + cls.width * np.arange(n)[None, :]).ravel()
        lot_x0 = lot_x0[lot_x0 < xmax]
        x0s.append(lot_x0)
        x1s.append(lot_x0 + cls.width)
        y0s.append(np.full(len(lot_x0), row.y0))
        y1s.append(np.full(len(lot_x0), row.y1))
        rows.append(np.full(len(lot_x0), r))
        poss.append(np.arange(len(lot_x0)))
        fronts.append(np.full(len(lot_x0), 1 if row.front == "up" else -1))
        clss.append(np.full(len(lot_x0), row.lot_class))
    if not x0s:
        empty = np.zeros(0)
        return Candidates(np.zeros(0, dtype=object), empty.astype(int), empty.astype(int), empty.astype(int),
                          empty.astype(int), empty.astype(bool), np.zeros((0, 4)))
    xyxy = np.column_stack([np.concatenate(x0s), np.concatenate(y0s), np.concatenate(x1s), np.concatenate(y1s)])
    boxes = shapely.box(*xyxy.T)
    row, pos = np.concatenate(rows), np.concatenate(poss)
    front, cls = np.concatenate(fronts), np.concatenate(clss)
    shapely.prepare(buildable_local)
    touching = shapely.intersects(buildable_local, boxes)
    boxes, row, pos, front, cls = boxes[touching], row[touching], pos[touching], front[touching], cls[touching]
    xyxy = xyxy[touching]
    inside = shapely.contains_properly(buildable_local, boxes)
    clipped = boxes.copy()
    edge = ~inside
    if edge.any():
        clipped[edge] = shapely.intersection(boxes[edge], buildable_local)
    # a clipped rectangle may fall apart on a concave edge: each part is its own candidate
    parts, index = shapely.get_parts(clipped, return_index=True)
    polys = shapely.get_type_id(parts) == 3
    parts, index = parts[polys], index[polys]
    keep = shapely.area(parts) > 1e-6
    parts, index = parts[keep], index[keep]
    return Candidates(parts, row[index], pos[index], front[index], cls[index], inside[index], xyxy[index])
