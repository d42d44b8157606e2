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
from .ruleset import RuleSet

ZONE_ATTRS = ("name", "kind", "established", "general", "operating")
FIGURE_COLUMNS = (
    "gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "fill_rate", "figures_from",
    "hightech_m2", "hightech_share", "cnht_m2", "cnht_share", "cnht_vacant_m2",
    "cnht_lots", "cnht_lot_mean_m2",
    "sector_known_m2", "sector_accepted_m2", "sector_excluded_m2", "sector_other_m2",
)


def zone_figures(project: Project, ruleset: RuleSet) -> pd.DataFrame:
    """One row per zone (index zone_id): zone attributes plus FIGURE_COLUMNS."""
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
    reserved = _dissolved(subzones[subzones["use"].isin(("hightech", "cnht"))])
    pairs = _parcel_subzone_pairs(industrial, reserved)

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
    inside_share = ruleset["R4"]["lot_inside_share"]
    lots = pd.DataFrame(columns=["zone_id", "parcel_area"])
    if len(cnht_pairs):
        per_parcel = cnht_pairs.groupby("parcel").agg(zone_id=("zone_id", "first"), inside=("area", "sum"),
                                                      parcel_area=("parcel_area", "first"))
        lots = per_parcel[per_parcel["inside"] >= inside_share * per_parcel["parcel_area"]]
    lot_stats = lots.groupby("zone_id")["parcel_area"].agg(["count", "mean"])
    out["cnht_lots"] = lot_stats["count"].reindex(idx).fillna(0).astype(int).to_numpy()
    out["cnht_lot_mean_m2"] = lot_stats["mean"].reindex(idx).astype(float).to_numpy()

    # Sectors of leased land (R6).
    sectors = _sector_areas(industrial, ruleset)
    for column in ("sector_known_m2", "sector_accepted_m2", "sector_excluded_m2", "sector_other_m2"):
        out[column] = sectors[column].reindex(idx).fillna(0.0).to_numpy() if len(sectors) else 0.0
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


def _keyword_pattern(words: list[str]) -> str:
    words = [unicodedata.normalize("NFC", w).lower() for w in words]
    return "|".join(re.escape(w) for w in words) or r"(?!)"


def _sector_areas(industrial, ruleset: RuleSet) -> pd.DataFrame:
    """Leased industrial land per zone by sector class: known, accepted, excluded, other (m²)."""
    leased = industrial[industrial["status"] == "leased"]
    if not len(leased):
        return pd.DataFrame()
    r6 = ruleset["R6"]
    sector = leased["sector"].astype("string").str.normalize("NFC").str.strip().str.lower() \
        if "sector" in leased else pd.Series(pd.NA, index=leased.index, dtype="string")
    known = sector.notna() & (sector != "")
    excluded = known & sector.str.contains(_keyword_pattern(r6["excluded_keywords"]), regex=True).fillna(False)
    accepted = known & ~excluded & sector.str.contains(_keyword_pattern(r6["accepted_keywords"]),
                                                       regex=True).fillna(False)
    area = pd.Series(shapely.area(leased.geometry.values), index=leased.index)
    frame = pd.DataFrame({"zone_id": leased["zone_id"].astype(str),
                          "sector_known_m2": area.where(known, 0.0),
                          "sector_accepted_m2": area.where(accepted, 0.0),
                          "sector_excluded_m2": area.where(excluded, 0.0),
                          "sector_other_m2": area.where(known & ~accepted & ~excluded, 0.0)})
    return frame.groupby("zone_id").sum()
