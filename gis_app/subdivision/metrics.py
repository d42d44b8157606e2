"""The METRICS JSON of the contract (plus a few extra keys)."""
from __future__ import annotations

import numpy as np
import shapely

from . import frontage
from .params import SubdivisionParams


def lot_share_bound(params: SubdivisionParams) -> float:
    """1 − road share of endless double-loaded blocks, 2DL/((2D+W)(L+W)), weighted by the mix."""
    W = params.road_width
    total = 0.0
    for c in params.lot_classes():
        L = max(1, round(params.block_length / c.width)) * c.width
        total += c.share * 2 * c.depth * L / ((2 * c.depth + W) * (L + W))
    return total


def layout_metrics(layout, params: SubdivisionParams, valid_lots: int | None = None) -> dict:
    site_m2 = float(layout.site.area)
    areas = np.asarray(layout.lot_area, float)
    ratio = np.asarray(layout.lot_depth, float) / np.maximum(np.asarray(layout.lot_frontage, float), 1e-12)
    area_of = lambda g: float(shapely.area(np.asarray(g, dtype=object)).sum()) if len(g) else 0.0  # noqa: E731
    lot_m2 = float(areas.sum())
    out = {
        "site_m2": site_m2, "lots": int(len(areas)), "lot_m2": lot_m2, "road_m2": area_of(layout.roads),
        "reserve_m2": area_of(layout.reserve), "remainder_m2": area_of(layout.remainder),
        "lot_share": lot_m2 / site_m2 if site_m2 else 0.0,
        "min_lot_m2": float(areas.min()) if len(areas) else 0.0,
        "mean_lot_m2": float(areas.mean()) if len(areas) else 0.0,
        "max_lot_m2": float(areas.max()) if len(areas) else 0.0,
        "valid_lots": int(len(areas) if valid_lots is None else valid_lots),
        "mean_rectangularity": float(frontage.rectangularity(layout.lots).mean()) if len(areas) else 0.0,
        "p95_depth_ratio": float(np.percentile(ratio, 95)) if len(areas) else 0.0,
        "seconds": float(layout.seconds),
    }
    bound = lot_share_bound(params)
    out["lot_share_bound"] = bound
    usable = (site_m2 - out["reserve_m2"]) / site_m2 if site_m2 else 0.0
    out["lot_share_of_bound"] = out["lot_share"] / (bound * usable) if bound * usable else 0.0
    out["angle_deg"] = float(layout.info.get("angle_deg", 0.0))
    out["reserve_frontage_m"] = _reserve_frontage(layout, params)
    return out


def _reserve_frontage(layout, params: SubdivisionParams) -> float:
    """Length of the reserve's boundary on a road or access edge (0 when it has none)."""
    if not len(layout.reserve):
        return 0.0
    zones = frontage.front_zones(layout.roads, layout.access_parts, params.tolerance).zones
    near = shapely.union_all(zones) if len(zones) else shapely.Polygon()
    return float(shapely.length(shapely.intersection(shapely.boundary(layout.reserve[0]), near)))
