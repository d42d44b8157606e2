"""Small canonical projects for tests, with figures simple enough to check by hand.

    from tests.data.canonical import tiny_project, EXPECTED
    project = tiny_project()               # in memory, EPSG:9209
    path = tiny_project(tmp_path / "t.gpkg").path   # also saved

Geometry is axis-aligned rectangles (metres, EPSG:9209, near Hải Dương city) so every area below is
exact. Zones:
- KCN-NEW: general KCN established 2022-03-01 (after the 2021 split of R1), 1000 × 500 m = 50 ha,
  laid out: a 20 m road along the south edge (2 ha), a 30 m green strip along the north (3 ha) and four
  industrial lots of 250 × 450 m (11.25 ha each, 45 ha land fund), two leased. A hightech subzone
  covers half of the first lot: 5.625 ha = 12.5% of the land fund, so R1 (≥ 20% = 9 ha) lacks 3.375 ha.
- KCN-OLD: KCN established 2015-06-01, 600 × 400 m = 24 ha, three industrial lots of 200 × 400 m
  (8 ha each), one leased; a CNHT subzone over the third (vacant) lot.
- CCN-DECL: operating CCN established 2010-01-01 with declared figures only (20 ha fund, 9 ha leased).
- CCN-NEW: general CCN established 2022-05-01, declared 10 ha fund, leased unknown (fill null).
"""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely import box

from gis_app.core.project import Project

CRS = 9209
X0, Y0 = 585_000.0, 2_312_000.0  # near Hải Dương city in VN-2000 / TM-3 105°30'
HA = 10_000.0

EXPECTED = {  # zone_id -> (gross_m2, industrial_m2, leased_m2, hightech_m2, cnht_m2)
    "KCN-NEW": (50 * HA, 45 * HA, 22.5 * HA, 5.625 * HA, 0.0),
    "KCN-OLD": (24 * HA, 24 * HA, 8 * HA, 0.0, 8 * HA),
    "CCN-DECL": (30 * HA, 20 * HA, 9 * HA, 0.0, 0.0),
    "CCN-NEW": (15 * HA, 10 * HA, None, 0.0, 0.0),
}


def _at(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def tiny_project(path: str | Path | None = None) -> Project:
    """The project described above; saved to ``path`` when given."""
    zones = gpd.GeoDataFrame({
        "zone_id": ["KCN-NEW", "KCN-OLD", "CCN-DECL", "CCN-NEW"],
        "name": ["KCN Mới (thử)", "KCN Cũ (thử)", "CCN Khai báo (thử)", "CCN Mới (thử)"],
        "kind": ["KCN", "KCN", "CCN", "CCN"],
        "established": pd.to_datetime(["2022-03-01", "2015-06-01", "2010-01-01", "2022-05-01"]),
        "general": [True, True, True, True],
        "operating": [False, True, True, False],
        "province": ["Hải Dương"] * 4,
        "industrial_m2": [45 * HA, 24 * HA, 20 * HA, 10 * HA],
        "leased_m2": [22.5 * HA, 8 * HA, 9 * HA, None],
        "illustrative": [True] * 4,
        "source": ["tests/data/canonical.py"] * 4,
    }, geometry=[_at(0, 0, 1000, 500), _at(0, 1000, 600, 1400), _at(2000, 0, 2600, 500),
                 _at(2000, 1000, 2500, 1300)], crs=CRS)
    lots_new = [_at(250 * i, 20, 250 * (i + 1), 470) for i in range(4)]
    lots_old = [_at(200 * i, 1000, 200 * (i + 1), 1400) for i in range(3)]
    parcels = gpd.GeoDataFrame({
        "parcel_id": ["N-ROAD", "N-GREEN", "N-L1", "N-L2", "N-L3", "N-L4", "O-L1", "O-L2", "O-L3"],
        "zone_id": ["KCN-NEW"] * 6 + ["KCN-OLD"] * 3,
        "landuse": ["road", "green"] + ["industrial"] * 7,
        "status": [None, None, "leased", "leased", "vacant", "vacant", "leased", "vacant", "vacant"],
        "tenant": [None, None, "Công ty A (thử)", "Công ty B (thử)", None, None, "Công ty C (thử)", None, None],
        "sector": [None, None, "điện tử", "nhuộm", None, None, "CNHT linh kiện", None, None],
    }, geometry=[_at(0, 0, 1000, 20), _at(0, 470, 1000, 500), *lots_new, *lots_old], crs=CRS)
    subzones = gpd.GeoDataFrame({
        "subzone_id": ["KCN-NEW-HT", "KCN-OLD-CNHT"], "zone_id": ["KCN-NEW", "KCN-OLD"],
        "use": ["hightech", "cnht"]},
        geometry=[_at(0, 20, 125, 470), _at(400, 1000, 600, 1400)], crs=CRS)
    project = Project()
    project.meta = {"name": "Tiny test project", "illustrative": True, "sources": ["tests/data/canonical.py"]}
    for name, frame in (("zones", zones), ("subzones", subzones), ("parcels", parcels)):
        project.add_layer(name, frame)
    if path is not None:
        project.save(path)
    return project
