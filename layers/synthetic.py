"""Synthetic projects for tests and benchmarks: a parcel grid split into four zones (EPSG:9209).

Deterministic; near Hải Dương city so WGS84 read-outs look right. Not the sample project.
"""
from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gis_app.core.project import Project

ORIGIN = (586_000.0, 2_316_000.0)  # EPSG:9209, around 106.33°E 20.94°N
PARCEL_M, GAP_M = 45.0, 5.0
LANDUSE_CYCLE = np.array(["industrial", "industrial", "industrial", "road", "green", "infrastructure"])


def parcel_grid(n: int, origin=ORIGIN) -> gpd.GeoDataFrame:
    """``n`` square parcels on a grid, with landuse/status/zone_id columns (zone = grid quadrant)."""
    side = int(math.ceil(math.sqrt(n)))
    i = np.arange(n)
    col, row = i % side, i // side
    x0 = origin[0] + col * (PARCEL_M + GAP_M)
    y0 = origin[1] + row * (PARCEL_M + GAP_M)
    boxes = shapely.box(x0, y0, x0 + PARCEL_M, y0 + PARCEL_M)
    quadrant = (col >= side / 2).astype(int) + 2 * (row >= math.ceil(n / side) / 2).astype(int)
    landuse = LANDUSE_CYCLE[(col * 7 + row * 3) % len(LANDUSE_CYCLE)]
    status = np.where(landuse == "industrial", np.where((col + 2 * row) % 5 < 3, "leased", "vacant"), None)
    return gpd.GeoDataFrame({
        "parcel_id": [f"P{k:06d}" for k in i],
        "zone_id": np.array(["KCN-A", "KCN-B", "CCN-C", "CCN-D"])[quadrant],
        "landuse": landuse, "status": status, "tenant": None, "sector": None,
    }, geometry=boxes, crs=9209)


def synthetic_project(n_parcels: int = 400) -> Project:
    parcels = parcel_grid(n_parcels)
    hulls = parcels.dissolve("zone_id").geometry.envelope.buffer(10, join_style="mitre")
    zone_ids = list(hulls.index)
    names = {"KCN-A": "KCN Thử Nghiệm An Phú", "KCN-B": "KCN Thử Nghiệm Bình Giang",
             "CCN-C": "CCN Thử Nghiệm Cẩm Giàng", "CCN-D": "CCN Thử Nghiệm Đông Đoài"}
    zones = gpd.GeoDataFrame({
        "zone_id": zone_ids,
        "name": [names[z] for z in zone_ids],
        "kind": [z.split("-")[0] for z in zone_ids],
        "established": pd.to_datetime(["2015-03-01", "2021-06-15", "2018-01-10", "2020-09-30"][:len(zone_ids)]),
        "general": [True, True, False, True][:len(zone_ids)],
        "operating": [True, False, True, True][:len(zone_ids)],
        "province": "Hải Dương", "industrial_m2": np.nan, "leased_m2": np.nan,
        "illustrative": True,
    }, geometry=hulls.values, crs=9209)
    first = parcels[parcels["zone_id"] == zone_ids[0]]
    subzones = gpd.GeoDataFrame({"subzone_id": ["SZ-1"], "zone_id": [zone_ids[0]], "use": ["hightech"]},
                                geometry=[first.geometry.union_all().envelope], crs=9209)
    project = Project(meta={"name": "Dự án thử nghiệm (minh họa)", "illustrative": True})
    project.add_layer("zones", zones)
    project.add_layer("subzones", subzones)
    project.add_layer("parcels", parcels)
    return project
