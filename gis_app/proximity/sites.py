"""The places R5 is measured from: each CNHT subzone and each zone's vacant industrial land."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from ..core.fill_rates import zone_fill_rates
from ..core.project import Project


def r5_sites(project: Project) -> gpd.GeoDataFrame:
    """Columns site_id, zone_id, kind ('cnht_subzone' | 'vacant'), geometry (project CRS).

    Vacant land comes from vacant industrial parcels (dissolved per zone); a zone with declared
    figures only and some vacant land is represented by its whole outline.
    """
    parts = []
    sub = project.subzones
    cnht = sub[sub["use"] == "cnht"]
    if len(cnht):
        parts.append(gpd.GeoDataFrame({"site_id": cnht["subzone_id"].astype(str).to_numpy(),
                                       "zone_id": cnht["zone_id"].astype(str).to_numpy(),
                                       "kind": "cnht_subzone"}, geometry=cnht.geometry.values,
                                      crs=project.crs))
    parcels = project.parcels
    vacant = parcels[(parcels["landuse"] == "industrial") & (parcels["status"] == "vacant")]
    if len(vacant):
        dissolved = vacant.dissolve(by=vacant["zone_id"].astype(str)).reset_index(names="zone_key")
        parts.append(gpd.GeoDataFrame({"site_id": "VACANT-" + dissolved["zone_key"],
                                       "zone_id": dissolved["zone_key"].to_numpy(), "kind": "vacant"},
                                      geometry=dissolved.geometry.values, crs=project.crs))
    figures = zone_fill_rates(project)
    declared = figures[(figures["figures_from"] == "declared") & (figures["vacant_m2"] > 0)]
    if len(declared):
        zones = project.zones.set_index(project.zones["zone_id"].astype(str))
        outlines = zones.loc[declared.index]
        parts.append(gpd.GeoDataFrame({"site_id": "VACANT-" + declared.index.to_series().to_numpy(),
                                       "zone_id": declared.index.to_numpy(), "kind": "vacant"},
                                      geometry=outlines.geometry.values, crs=project.crs))
    if not parts:
        return gpd.GeoDataFrame({"site_id": [], "zone_id": [], "kind": []},
                                geometry=gpd.GeoSeries([], crs=project.crs), crs=project.crs)
    out = pd.concat(parts, ignore_index=True)
    out = out[~shapely.is_empty(out.geometry.values)].reset_index(drop=True)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=project.crs)
