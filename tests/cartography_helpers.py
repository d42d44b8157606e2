"""A small project in EPSG:9209 for the cartography tests: one KCN with a lot grid, one declared CCN.

Lot P-1-1 is an exact 100 m × 50 m rectangle whose lower-left corner is (X0, Y0): the true-scale test
measures its edges on paper.
"""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

X0, Y0 = 580000.0, 2317000.0  # VN-2000 / TM-3 105°30′, near Hải Dương
CRS = "EPSG:9209"


def build_project(path, zone_name="KCN Thử nghiệm", ccn_name="CCN Thử"):
    from gis_app.core.project import Project

    zone = box(X0 - 20, Y0 - 20, X0 + 420, Y0 + 260)
    ccn = box(X0 + 1500, Y0 + 800, X0 + 1700, Y0 + 950)
    zones = gpd.GeoDataFrame({
        "zone_id": ["KCN-TEST", "CCN-TEST"], "name": [zone_name, ccn_name], "kind": ["KCN", "CCN"],
        "established": pd.to_datetime(["2015-03-01", "2019-06-01"]), "general": [True, True],
        "operating": [True, True], "province": ["Hải Dương"] * 2,
        "industrial_m2": [None, 20000.0], "leased_m2": [None, 9000.0]}, geometry=[zone, ccn], crs=CRS)
    rows = []
    for i in range(4):  # lots: 4 columns × 2 rows of 100 × 50 m, a 20 m road between rows
        for j in range(2):
            x, y = X0 + i * 100, Y0 + j * 70
            rows.append({"parcel_id": f"P-{i + 1}-{j + 1}", "zone_id": "KCN-TEST", "landuse": "industrial",
                         "status": "leased" if (i + j) % 2 == 0 else "vacant", "tenant": None, "sector": None,
                         "geometry": box(x, y, x + 100, y + 50)})
    rows.append({"parcel_id": "R-1", "zone_id": "KCN-TEST", "landuse": "road", "status": None,
                 "tenant": None, "sector": None, "geometry": box(X0, Y0 + 50, X0 + 400, Y0 + 70)})
    rows.append({"parcel_id": "G-1", "zone_id": "KCN-TEST", "landuse": "green", "status": None,
                 "tenant": None, "sector": None, "geometry": box(X0, Y0 + 120, X0 + 400, Y0 + 240)})
    parcels = gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS)
    subzones = gpd.GeoDataFrame({"subzone_id": ["SZ-1"], "zone_id": ["KCN-TEST"], "use": ["hightech"]},
                                geometry=[box(X0, Y0, X0 + 200, Y0 + 120)], crs=CRS)
    project = Project(meta={"name": "Dự án thử"})
    project.add_layer("zones", zones)
    project.add_layer("subzones", subzones)
    project.add_layer("parcels", parcels)
    project.save(path)
    return path


def export_pdf(project_path, out, *args) -> int:
    """Run ``export-pdf`` through the CLI; returns its exit code."""
    from gis_app.cli import main

    return main(["export-pdf", str(project_path), "--out", str(out), *map(str, args)])
