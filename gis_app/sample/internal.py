"""The two laid-out KCN: which blocks become infrastructure, service, subzones; lots and tenants.

`layout.py` cuts the zone into green, roads and blocks; this module decides what each block is:
a wastewater plant and substation at the low edge, a service centre by the main road, subzones
chosen block by block from one end of the zone until their share of the industrial land fund lies
in the planned range, then lots (leased/vacant, with illustrative tenants and sectors).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .layout import MIN_LOT_M2, Piece, cut_lots, road_grid, split_rows

HA = 10_000.0
GENERAL_LOT_HA = (1.2, 2.0, 3.0, 4.0, 5.0)
SMALL_LOT_HA = (0.3, 0.5, 0.8, 1.0)
SECTORS = {
    "general": ("điện tử", "cơ khí", "dệt may", "CNHT linh kiện", "thiết bị điện", "nhựa kỹ thuật"),
    "hightech": ("điện tử", "bán dẫn", "thiết bị y tế"),
    "cnht": ("CNHT linh kiện", "CNHT cơ khí", "CNHT điện tử", "CNHT dệt may"),
}
TENANT_WORDS = ("An Thịnh", "Hồng Phát", "Minh Long", "Sao Việt", "Thái Bình Dương", "Kim Cương", "Đông Á",
                "Phú Mỹ", "Tân Hưng", "Việt Nhật", "Hải Hà", "Nam Phong", "Trường Sơn", "Bắc Việt")


@dataclass(frozen=True)
class SubzonePlan:
    use: str  # hightech | cnht
    share: tuple[float, float]  # of the zone's industrial land fund
    from_end: str  # "low" or "high" x end of the zone
    leased_probability: float
    small_lots: bool = False
    vacant_reserve_blocks: int = 0  # whole blocks left vacant, to subdivide later


@dataclass(frozen=True)
class ZonePlan:
    zone_id: str
    leased_probability: float  # general industrial land
    subzones: tuple[SubzonePlan, ...]
    dyeing_tenant: bool = False  # one leased "nhuộm" lot: breaks R6 on purpose


PLANS = {
    "KCN-DAIAN": ZonePlan("KCN-DAIAN", 0.85, (
        SubzonePlan("cnht", (0.18, 0.26), "high", 0.6, small_lots=True, vacant_reserve_blocks=1),),
        dyeing_tenant=True),
    "KCN-QUOCTUAN": ZonePlan("KCN-QUOCTUAN", 0.12, (
        SubzonePlan("hightech", (0.14, 0.19), "low", 0.2),
        SubzonePlan("cnht", (0.30, 0.40), "low", 0.1, small_lots=True))),
}


def lay_out_zone(zone, plan: ZonePlan, rng: np.random.Generator) -> tuple[list[dict], list[dict]]:
    """(parcels, subzones) as dicts with map geometries, for one zone outline."""
    layout = road_grid(zone)
    pieces = list(layout.pieces)
    blocks = dict(layout.blocks)
    ox, oy = layout.origin
    keys = sorted(blocks, key=lambda k: (blocks[k].centroid.x, blocks[k].centroid.y))
    # Infrastructure on the lowest row of blocks near the middle; service by the zone centre.
    infra_key = min(keys, key=lambda k: (k[1], abs(blocks[k].centroid.x - ox)))
    service_key = min((k for k in keys if k != infra_key), key=lambda k: blocks[k].centroid.distance(
        shapely.Point(ox, oy)))
    park_key = min((k for k in keys if k not in (infra_key, service_key)),
                   key=lambda k: blocks[k].centroid.distance(shapely.Point(ox, oy)))
    general_rest = []
    for key, cuts in ((park_key, (("green", 3.0 * HA, "công viên cây xanh tập trung"),
                                  ("water", 1.0 * HA, "hồ điều hòa"))),
                      (infra_key, (("infrastructure", 2.0 * HA, "trạm xử lý nước thải tập trung"),
                                   ("infrastructure", 1.0 * HA, "trạm biến áp 110 kV"))),
                      (service_key, (("service", 1.5 * HA, "trung tâm điều hành, dịch vụ"),))):
        parts = cut_lots(blocks.pop(key), [c[1] for c in cuts])
        for part, (landuse, _, note) in zip(parts, cuts):
            pieces.append(Piece(part, landuse, note=note))
        general_rest.extend(parts[len(cuts):])
    keys = [k for k in keys if k in blocks]
    total = sum(b.area for b in blocks.values()) + sum(p.area for p in general_rest)
    assigned: dict[tuple, SubzonePlan] = {}
    for sub in plan.subzones:
        ordered = keys if sub.from_end == "low" else keys[::-1]
        share = 0.0
        for key in ordered:
            if key in assigned:
                continue
            if share >= sub.share[0]:
                break
            area = blocks[key].area / total
            if share + area <= sub.share[1]:
                assigned[key] = sub
                share += area
    lots: list[tuple[shapely.Geometry, str, bool]] = []  # (geometry, subzone use, small)
    subzone_geoms: dict[str, list] = {"general": list(general_rest)}
    reserve_left = {sub.use: sub.vacant_reserve_blocks for sub in plan.subzones}
    for key in keys:
        sub = assigned.get(key)
        use = sub.use if sub else "general"
        subzone_geoms.setdefault(use, []).append(blocks[key])
        if sub and reserve_left.get(use, 0) > 0:
            reserve_left[use] -= 1
            pieces.append(Piece(blocks[key], "industrial", note=f"reserve:{use}"))
            continue
        small = bool(sub and sub.small_lots)
        if not small and blocks[key].area <= 10.5 * HA and rng.random() < 0.15:
            lots.append((blocks[key], use, False))  # one tenant takes the whole block
            continue
        for row in split_rows(blocks[key]):
            sizes = [rng.choice(SMALL_LOT_HA if small else GENERAL_LOT_HA) * HA for _ in range(12)]
            lots.extend((lot, use, small) for lot in cut_lots(row, sizes))
    lots.extend((p, "general", False) for p in general_rest)
    probability = {sub.use: sub.leased_probability for sub in plan.subzones}
    probability["general"] = plan.leased_probability
    parcels: list[dict] = []
    for piece in pieces:
        for part in shapely.get_parts(piece.geometry):
            if part.area < 1.0:  # cut-end slivers of float noise, not land
                continue
            if piece.note.startswith("reserve:"):
                parcels.append(_industrial(part, "vacant", None, None, "đất CNHT dự trữ, chia lô sau"))
            else:
                parcels.append({"landuse": piece.landuse, "geometry": part, "status": None,
                                "tenant": None, "sector": None, "note": _facility_name(piece.note)})
    dyeing_done = not plan.dyeing_tenant
    for geometry, use, small in lots:
        for part in shapely.get_parts(geometry):
            if part.area < MIN_LOT_M2:
                parcels.append({"landuse": "green", "geometry": part, "status": None, "tenant": None,
                                "sector": None, "note": None})
                continue
            if rng.random() < probability[use]:
                sector = str(rng.choice(SECTORS[use]))
                if not dyeing_done and use == "general" and part.area >= 2 * HA:
                    sector, dyeing_done = "nhuộm", True
                parcels.append(_industrial(part, "leased", _tenant_name(rng, sector), sector))
            else:
                parcels.append(_industrial(part, "vacant", None, None))
    geoms = _valid(layout.to_map(np.array([p["geometry"] for p in parcels], dtype=object)))
    for parcel, geom, n in zip(parcels, geoms, range(1, len(parcels) + 1)):
        parcel["geometry"] = geom
        parcel["parcel_id"] = f"{plan.zone_id}-P{n:03d}"
        parcel["zone_id"] = plan.zone_id
    subzones = []
    for use in ("hightech", "cnht", "general"):
        if subzone_geoms.get(use):
            merged = layout.to_map(shapely.union_all(subzone_geoms[use]))
            subzones.append({"subzone_id": f"{plan.zone_id}-{use.upper()}", "zone_id": plan.zone_id,
                             "use": use, "geometry": merged})
    return parcels, subzones


def _valid(geoms: np.ndarray) -> np.ndarray:
    """Repair the rare geometry that rotation made invalid, keeping only its polygonal part."""
    bad = ~shapely.is_valid(geoms)
    if bad.any():
        fixed = shapely.make_valid(geoms[bad])
        geoms[bad] = [shapely.union_all([p for p in shapely.get_parts(g) if p.geom_type == "Polygon"])
                      for g in fixed]
    return geoms


def _industrial(geometry, status, tenant, sector, note=None) -> dict:
    return {"landuse": "industrial", "geometry": geometry, "status": status, "tenant": tenant, "sector": sector,
            "note": note}


def _facility_name(note: str) -> str | None:
    return note if note and note not in ("edge", "leftover", "main", "local") else None


def _tenant_name(rng, sector: str) -> str:
    word = str(rng.choice(TENANT_WORDS))
    kind = "Dệt nhuộm" if sector == "nhuộm" else sector.replace("CNHT ", "").capitalize()
    return f"Công ty TNHH {kind} {word} (minh họa)"
