"""Per-zone land fund, leased area and fill rate, as ../shared/CONTRACTS.md derives them.

A zone's industrial land fund is the area of its `industrial` parcels, else the declared
`industrial_m2`; leased likewise from `leased` parcels, else `leased_m2`; fill rate = leased / fund.
Vectorised: one area computation and a groupby, whatever the number of parcels.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from .project import Project

COLUMNS = ("zone_id", "gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "fill_rate", "figures_from")


def zone_fill_rates(project: Project) -> pd.DataFrame:
    """One row per zone (index zone_id) with the columns of COLUMNS."""
    zones = project.zones
    out = pd.DataFrame(index=pd.Index(zones["zone_id"].astype(str), name="zone_id"))
    out["gross_m2"] = shapely.area(zones.geometry.values).astype(float) if len(zones) else []
    parcels = project.parcels
    industrial = parcels[parcels["landuse"] == "industrial"]
    area = pd.Series(shapely.area(industrial.geometry.values), index=industrial.index, dtype=float)
    by_zone = area.groupby(industrial["zone_id"].astype(str)).sum()
    leased_by_zone = area[industrial["status"] == "leased"].groupby(
        industrial.loc[industrial["status"] == "leased", "zone_id"].astype(str)).sum()
    has_parcels = out.index.isin(by_zone.index)
    declared_ind = pd.to_numeric(zones.get("industrial_m2"), errors="coerce").to_numpy(dtype=float) \
        if "industrial_m2" in zones else np.full(len(zones), np.nan)
    declared_leased = pd.to_numeric(zones.get("leased_m2"), errors="coerce").to_numpy(dtype=float) \
        if "leased_m2" in zones else np.full(len(zones), np.nan)
    out["industrial_m2"] = np.where(has_parcels, by_zone.reindex(out.index).to_numpy(), declared_ind)
    out["leased_m2"] = np.where(has_parcels, leased_by_zone.reindex(out.index).fillna(0.0).to_numpy(),
                                declared_leased)
    out["vacant_m2"] = out["industrial_m2"] - out["leased_m2"]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = out["leased_m2"] / out["industrial_m2"]
    out["fill_rate"] = rate.where(out["industrial_m2"] > 0)
    out["figures_from"] = np.where(has_parcels, "parcels", "declared")
    return out
