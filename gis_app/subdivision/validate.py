"""The guarantees of a layout, checked on the final geometry in the site's CRS.

Each check returns a list of problems (empty = kept). The command runs them on every layout; the
edit operations run them before accepting a change.
"""
from __future__ import annotations

import numpy as np
import shapely

from . import frontage
from .params import SubdivisionParams

AREA_TOLERANCE_M2 = 0.01


def lot_rule_reasons(lots, road_geoms, road_kinds, access_parts, params: SubdivisionParams) -> np.ndarray:
    """Per lot, the rule it breaks ('' if none), re-measured from scratch."""
    lots = np.asarray(lots, dtype=object)
    if not len(lots):
        return np.zeros(0, dtype=object)
    priority = np.array([frontage.PRIORITY.get(k, 3) for k in road_kinds] +
                        [frontage.PRIORITY["access"]] * len(access_parts))
    zones = frontage.front_zones(road_geoms, access_parts, params.tolerance)
    f, d, _ = frontage.measure(lots, zones, priority, params)
    return frontage.rule_failures(shapely.area(lots), f, d, params)


def lot_rule_problems(lots, road_geoms, road_kinds, access_parts, params: SubdivisionParams) -> list[str]:
    why = lot_rule_reasons(lots, road_geoms, road_kinds, access_parts, params)
    bad = np.flatnonzero(why != "")
    return [f"lot #{i + 1}: {why[i]}" for i in bad[:20]] + ([f"... {len(bad) - 20} more"] if len(bad) > 20 else [])


def partition_problems(site, pieces) -> list[str]:
    """Pieces must not overlap and must add up to the site (within 0.01 m²)."""
    pieces = np.asarray([g for g in pieces if g is not None and not g.is_empty], dtype=object)
    total = float(shapely.area(pieces).sum()) if len(pieces) else 0.0
    union = shapely.union_all(pieces) if len(pieces) else shapely.Polygon()
    problems = []
    overlap = total - union.area
    if overlap > AREA_TOLERANCE_M2:
        problems.append(f"pieces overlap by {overlap:.4f} m²")
    if abs(total - site.area) > AREA_TOLERANCE_M2:
        problems.append(f"pieces sum to {total:.4f} m², the site is {site.area:.4f} m²")
    outside = shapely.difference(union, site).area if len(pieces) else 0.0
    if outside > AREA_TOLERANCE_M2:
        problems.append(f"{outside:.4f} m² lie outside the site")
    return problems


def network_problems(road_geoms, access_parts, tolerance: float) -> list[str]:
    """Every connected road component must reach the access."""
    road_geoms = np.asarray(road_geoms, dtype=object)
    if not len(road_geoms):
        return []
    comps = shapely.get_parts(shapely.union_all(shapely.buffer(road_geoms, tolerance / 2)))
    reach = shapely.dwithin(comps, shapely.union_all(np.asarray(access_parts, dtype=object)), tolerance * 2)
    return [f"{int((~reach).sum())} road network piece(s) do not reach the access"] if not reach.all() else []


def reserve_problems(reserve, site_m2: float, share: float) -> list[str]:
    reserve = np.asarray(reserve, dtype=object)
    if share <= 0:
        return []
    if len(reserve) != 1 or shapely.get_type_id(reserve[0]) != 3:
        return ["the reserve is not one piece"]
    if reserve[0].area < share * site_m2 - AREA_TOLERANCE_M2:
        return [f"the reserve is {reserve[0].area:.1f} m² < {share * site_m2:.1f} m²"]
    return []


def layout_problems(layout, params: SubdivisionParams) -> list[str]:
    return (lot_rule_problems(layout.lots, layout.roads, layout.road_kinds, layout.access_parts, params)
            + partition_problems(layout.site, np.concatenate([layout.lots, layout.roads, layout.reserve,
                                                              layout.remainder]))
            + network_problems(layout.roads, layout.access_parts, params.tolerance)
            + reserve_problems(layout.reserve, layout.site.area, params.hightech_share))
