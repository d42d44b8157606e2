"""Per-zone land fund, leased area and fill rate, as ../shared/CONTRACTS.md derives them.

A zone's industrial land fund is the area of its `industrial` parcels, else the declared
`industrial_m2`; leased likewise from `leased` parcels, else `leased_m2`; fill rate = leased / fund.
Vectorised: one area computation and per-zone sums (``np.bincount``), whatever the number of parcels.

The sums run over the parcels in row order, so the figures of a few zones computed from their own
parcels only (the project model's incremental update after an edit) are bit for bit those of the
whole project.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from .project import Project

COLUMNS = ("zone_id", "gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "fill_rate", "figures_from")


def zone_fill_rates(project: Project) -> pd.DataFrame:
    """One row per zone (index zone_id) with the columns of COLUMNS (areas in m², fill rate a fraction)."""
    zones = project.zones
    index = pd.Index(zones["zone_id"].astype(str), name="zone_id")
    parcels = project.parcels
    return fill_rate_table(zones, index, parcel_measures(parcels, zone_codes(index, parcels)))


def zone_codes(index: pd.Index, frame) -> np.ndarray:
    """Position in ``index`` (unique zone ids) of each row's ``zone_id``; −1 for no such zone."""
    if not len(frame) or "zone_id" not in frame:
        return np.full(len(frame), -1, dtype=np.int64)
    return np.asarray(index.get_indexer(frame["zone_id"].astype(str).to_numpy()), dtype=np.int64)


def parcel_measures(parcels, codes: np.ndarray) -> dict:
    """Per parcel (row order): zone ``code``, ``area`` (m²), ``industrial``, ``leased``, ``vacant``."""
    n = len(parcels)
    landuse = parcels["landuse"].to_numpy(dtype=object) if "landuse" in parcels else np.full(n, None)
    status = parcels["status"].to_numpy(dtype=object) if "status" in parcels else np.full(n, None)
    return measures_of(landuse, status, np.asarray(parcels.geometry.values, dtype=object), codes)


def measures_of(landuse: np.ndarray, status: np.ndarray, geoms: np.ndarray, codes: np.ndarray) -> dict:
    """``parcel_measures`` from the column arrays themselves (a few edited rows)."""
    industrial = landuse == "industrial"
    return {"code": codes, "area": shapely.area(geoms).astype(float) if len(geoms) else np.zeros(0),
            "industrial": industrial, "leased": industrial & (status == "leased"),
            "vacant": industrial & (status == "vacant")}


def zone_sum(codes: np.ndarray, n: int, weights: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """Σ ``weights`` per zone position 0..n−1 over rows in ``mask`` (rows of code −1 left out)."""
    keep = codes >= 0 if mask is None else (np.asarray(mask, dtype=bool) & (codes >= 0))
    return np.bincount(codes[keep], weights=np.asarray(weights, dtype=float)[keep], minlength=n)[:n]


def fill_rate_table(zones, index: pd.Index, measures: dict) -> pd.DataFrame:
    """The COLUMNS table for ``zones`` (ids ``index``, in row order) from ``parcel_measures``."""
    if not index.is_unique:  # not a valid zones layer, but never a crash: duplicates share figures
        unique = index.drop_duplicates()
        first = zones.iloc[pd.Index(index).get_indexer(unique)]
        return fill_rate_table(first, unique, measures).reindex(index)
    return pd.DataFrame(fill_rate_columns(zones, np.arange(len(index)), measures), index=index)


def fill_rate_columns(zones, positions: np.ndarray, measures: dict) -> dict:
    """COLUMNS (but zone_id) as arrays for the zones at ``positions`` of ``zones``, from
    ``parcel_measures`` whose ``code`` is the rank among ``positions`` (plain numpy: the project
    model calls it for one zone after an edit)."""
    n = len(positions)
    codes, area = measures["code"], measures["area"]
    fund = zone_sum(codes, n, area, measures["industrial"])
    leased = zone_sum(codes, n, area, measures["leased"])
    has_parcels = zone_sum(codes, n, np.ones(len(codes)), measures["industrial"]) > 0
    industrial_m2 = np.where(has_parcels, fund, _declared(zones, "industrial_m2")[positions])
    leased_m2 = np.where(has_parcels, leased, _declared(zones, "leased_m2")[positions])
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(industrial_m2 > 0, leased_m2 / industrial_m2, np.nan)
    geoms = np.asarray(zones.geometry.values, dtype=object)[positions]
    return {"gross_m2": shapely.area(geoms).astype(float) if n else np.zeros(0),
            "industrial_m2": industrial_m2, "leased_m2": leased_m2, "vacant_m2": industrial_m2 - leased_m2,
            "fill_rate": rate, "figures_from": np.where(has_parcels, "parcels", "declared").astype(object)}


def _declared(zones, column: str) -> np.ndarray:
    if column not in zones:
        return np.full(len(zones), np.nan)
    return pd.to_numeric(zones[column], errors="coerce").to_numpy(dtype=float)
