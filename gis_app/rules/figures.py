"""Per-zone figures the rules need, on top of core/fill_rates.py (fund, leased, vacant, fill rate).

High-tech (CNHT) land is the industrial land fund inside `hightech` (`cnht`) subzones
(../shared/CONTRACTS.md): industrial parcels are intersected with subzones in one vectorised pass
(STRtree query + shapely.intersection on the pair arrays + groupby). Zones without parcels take their
subzones' areas as reserved land (their only record of a reservation).
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import shapely

from ..core.fill_rates import zone_fill_rates
from ..core.project import Project

ZONE_ATTRS = ("name", "kind", "established", "general", "operating", "status", "status_date", "district")
LOT_INSIDE_SHARE = 0.5  # a parcel is a lot of a subzone when at least half of it lies inside
FIGURE_COLUMNS = (
    "gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "fill_rate", "figures_from",
    "hightech_m2", "hightech_share", "cnht_m2", "cnht_share", "cnht_vacant_m2",
    "cnht_lots", "cnht_lot_mean_m2",
)


def zone_figures(project: Project, ruleset=None, cache: dict | None = None) -> pd.DataFrame:
    """One row per zone (index zone_id): zone attributes plus FIGURE_COLUMNS (areas in m², shares
    as fractions). ``cache`` (a dict) receives the intermediate frames the rule measures reuse:
    ``industrial`` parcels, dissolved ``subzones`` of every use and their overlap ``pairs``."""
    zones = project.zones
    base = zone_fill_rates(project)
    out = pd.DataFrame(index=base.index)
    for column in ZONE_ATTRS:
        out[column] = zones[column].to_numpy() if column in zones else pd.NA
    out = out.join(base)
    idx = out.index
    from_parcels = (out["figures_from"] == "parcels").to_numpy()

    parcels = project.parcels
    industrial = parcels[parcels["landuse"] == "industrial"]
    subzones = project.subzones
    all_uses = _dissolved(subzones)
    reserved = all_uses[all_uses["use"].isin(("hightech", "cnht"))] if len(all_uses) else all_uses
    pairs_all = _parcel_subzone_pairs(industrial, all_uses)
    pairs = pairs_all[pairs_all["use"].isin(("hightech", "cnht"))]
    if cache is not None:
        cache.update(industrial=industrial, subzones=all_uses, pairs=pairs_all)

    # Parcel-based reservation figures.
    by_use = pairs.groupby(["zone_id", "use"])["area"].sum().unstack("use") if len(pairs) else pd.DataFrame()
    ht_parcels = _col(by_use, "hightech", idx)
    cnht_parcels = _col(by_use, "cnht", idx)
    cnht_pairs = pairs[pairs["use"] == "cnht"]
    cnht_vacant_parcels = cnht_pairs[cnht_pairs["status"] == "vacant"].groupby("zone_id")["area"].sum() \
        .reindex(idx).fillna(0.0).to_numpy()

    # Declared zones: their subzones' own areas.
    sub_area = pd.DataFrame({"zone_id": reserved["zone_id"].astype(str).to_numpy(),
                             "use": reserved["use"].to_numpy(),
                             "area": shapely.area(reserved.geometry.values)})
    by_use_decl = sub_area.groupby(["zone_id", "use"])["area"].sum().unstack("use") \
        if len(sub_area) else pd.DataFrame()
    ht_decl = _col(by_use_decl, "hightech", idx)
    cnht_decl = _col(by_use_decl, "cnht", idx)

    out["hightech_m2"] = np.where(from_parcels, ht_parcels, ht_decl)
    out["cnht_m2"] = np.where(from_parcels, cnht_parcels, cnht_decl)
    fund = out["industrial_m2"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["hightech_share"] = (out["hightech_m2"] / fund).where(fund > 0)
        out["cnht_share"] = (out["cnht_m2"] / fund).where(fund > 0)
    vacant = out["vacant_m2"].to_numpy(dtype=float)
    out["cnht_vacant_m2"] = np.where(from_parcels, cnht_vacant_parcels,
                                     np.fmin(out["cnht_m2"].to_numpy(dtype=float), vacant))

    # Lots of CNHT subzones (R4): parcels lying mostly inside a CNHT subzone.
    inside_share = LOT_INSIDE_SHARE
    lots = pd.DataFrame(columns=["zone_id", "parcel_area"])
    if len(cnht_pairs):
        per_parcel = cnht_pairs.groupby("parcel").agg(zone_id=("zone_id", "first"), inside=("area", "sum"),
                                                      parcel_area=("parcel_area", "first"))
        lots = per_parcel[per_parcel["inside"] >= inside_share * per_parcel["parcel_area"]]
    lot_stats = lots.groupby("zone_id")["parcel_area"].agg(["count", "mean"])
    out["cnht_lots"] = lot_stats["count"].reindex(idx).fillna(0).astype(int).to_numpy()
    out["cnht_lot_mean_m2"] = lot_stats["mean"].reindex(idx).astype(float).to_numpy()

    return out


def _dissolved(subzones):
    """One (multi)polygon per zone and use, so overlapping subzones of a use count their land once."""
    if not len(subzones):
        return subzones
    frame = subzones[["zone_id", "use", "geometry"]].copy()
    frame["zone_id"] = frame["zone_id"].astype(str)
    try:
        return frame.dissolve(by=["zone_id", "use"], as_index=False)
    except shapely.errors.GEOSException:
        frame["geometry"] = shapely.make_valid(frame.geometry.values)
        return frame.dissolve(by=["zone_id", "use"], as_index=False)


def _col(frame: pd.DataFrame, column: str, index: pd.Index) -> np.ndarray:
    if column not in frame:
        return np.zeros(len(index))
    return frame[column].reindex(index).fillna(0.0).to_numpy(dtype=float)


def _parcel_subzone_pairs(industrial, reserved) -> pd.DataFrame:
    """Every (industrial parcel, hightech/cnht subzone of the same zone) overlap with its area."""
    columns = ["parcel", "zone_id", "use", "status", "area", "parcel_area"]
    if not len(industrial) or not len(reserved):
        return pd.DataFrame(columns=columns)
    p_geom = industrial.geometry.values
    s_geom = reserved.geometry.values
    tree = shapely.STRtree(s_geom)
    p_idx, s_idx = tree.query(p_geom, predicate="intersects")
    p_zone = industrial["zone_id"].astype(str).to_numpy()
    s_zone = reserved["zone_id"].astype(str).to_numpy()
    same = p_zone[p_idx] == s_zone[s_idx]
    p_idx, s_idx = p_idx[same], s_idx[same]
    try:
        area = shapely.area(shapely.intersection(p_geom[p_idx], s_geom[s_idx]))
    except shapely.errors.GEOSException:
        # Self-intersecting input (common in digitised cadastre): repair only when needed, it is costly.
        area = shapely.area(shapely.intersection(shapely.make_valid(p_geom[p_idx]),
                                                 shapely.make_valid(s_geom[s_idx])))
    status = industrial["status"].to_numpy(dtype=object)
    return pd.DataFrame({"parcel": p_idx, "zone_id": p_zone[p_idx],
                         "use": reserved["use"].to_numpy(dtype=object)[s_idx],
                         "status": status[p_idx], "area": area,
                         "parcel_area": shapely.area(p_geom[p_idx])})

