"""A small hand-made province for the rules tests: every figure below is computed by hand.

KCN-NEW   new general KCN (2021-06-01), parcels: fund 400,000, leased 200,000 (one lot "dệt nhuộm"),
          high-tech 100,000 (25%), CNHT 100,000 in one vacant 100,000 m² lot (a reserve block);
          leases from 2022; roads 80,000 (1/6 of 480,000 m²).
KCN-OLD   pre-2021 KCN (2010), parcels: fund 80,000, leased 35,000, vacant 45,000; CNHT subzone of
          16 lots of 625 m² (8 leased, 8 vacant → 5,000 m² vacant in CNHT); leases from 2012–2015;
          green 40,000 of 120,000 m².
KCN-SPEC  new specialised KCN (2022), declared 100,000 / 20,000.
KCN-EDGE  general KCN established exactly on the split date, declared 200,000, leased unknown,
          high-tech subzone 30,000 m² (15%).
CCN-NEW   new general CCN (2023), declared 50,000 / 10,000, CNHT subzone 10,000 (exactly 20%).
CCN-OLD   pre-2021 CCN (2015), declared 100,000 / 60,000, no subzones.
"""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from gis_app.core.crs import to_crs
from gis_app.core.project import Project

CRS = "EPSG:9209"
X0, Y0 = 560000.0, 2300000.0  # somewhere in Hải Dương on the VN-2000 TM-3 plane


def box(x1, y1, x2, y2):
    return shapely.box(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def zones_frame() -> gpd.GeoDataFrame:
    rows = [
        ("KCN-NEW", "KCN Mới", "KCN", "2021-06-01", True, True, None, None, box(0, 0, 800, 600)),
        ("KCN-OLD", "KCN Cũ", "KCN", "2010-05-01", True, True, None, None, box(2000, 0, 2400, 300)),
        ("KCN-SPEC", "KCN Chuyên ngành", "KCN", "2022-03-01", False, False, 100000.0, 20000.0,
         box(3000, 0, 3500, 300)),
        ("KCN-EDGE", "KCN Ngày tách", "KCN", "2021-01-01", True, False, 200000.0, None,
         box(5000, 0, 5600, 500)),
        ("CCN-NEW", "CCN Mới", "CCN", "2023-01-01", True, False, 50000.0, 10000.0, box(7000, 0, 7300, 300)),
        ("CCN-OLD", "CCN Cũ", "CCN", "2015-01-01", True, True, 100000.0, 60000.0, box(8000, 0, 8400, 400)),
    ]
    cols = ["zone_id", "name", "kind", "established", "general", "operating", "industrial_m2", "leased_m2"]
    frame = pd.DataFrame([r[:-1] for r in rows], columns=cols)
    frame["established"] = pd.to_datetime(frame["established"])
    frame["province"] = "Hải Dương"
    return gpd.GeoDataFrame(frame, geometry=[r[-1] for r in rows], crs=CRS)


def parcels_frame() -> gpd.GeoDataFrame:
    rows = [
        ("N1", "KCN-NEW", "industrial", "leased", "Linh kiện điện tử", "2022-01-01", box(0, 0, 200, 500)),
        ("N2", "KCN-NEW", "industrial", "leased", "Dệt nhuộm", "2022-06-01", box(200, 0, 400, 500)),
        ("N3", "KCN-NEW", "industrial", "vacant", None, None, box(400, 0, 600, 500)),
        ("N4", "KCN-NEW", "industrial", "vacant", None, None, box(600, 0, 800, 500)),
        ("N5", "KCN-NEW", "road", None, None, None, box(0, 500, 800, 600)),
        ("O-MAY", "KCN-OLD", "industrial", "leased", "May mặc", "2015-03-01", box(2100, 0, 2400, 100)),
        ("O-VAC", "KCN-OLD", "industrial", "vacant", None, None, box(2000, 100, 2400, 200)),
        ("O-GRN", "KCN-OLD", "green", None, None, None, box(2000, 200, 2400, 300)),
    ]
    for i in range(4):  # CNHT subzone 100 × 100 m split into 16 lots of 25 × 25 m
        for j in range(4):
            n = i * 4 + j
            rows.append((f"O-L{n:02d}", "KCN-OLD", "industrial", "leased" if n < 8 else "vacant",
                         "Công nghiệp hỗ trợ cơ khí" if n < 8 else None, "2012-01-01" if n < 8 else None,
                         box(2000 + 25 * i, 25 * j, 2025 + 25 * i, 25 + 25 * j)))
    cols = ["parcel_id", "zone_id", "landuse", "status", "sector", "leased_from"]
    frame = pd.DataFrame([r[:-1] for r in rows], columns=cols)
    frame["tenant"] = None
    frame["leased_from"] = pd.to_datetime(frame["leased_from"])
    return gpd.GeoDataFrame(frame, geometry=[r[-1] for r in rows], crs=CRS)


def facilities_frame() -> gpd.GeoDataFrame:
    """A planned wastewater plant in KCN-NEW (which has tenants), an operating one in KCN-OLD, a plating
    works outside every zone and a dyeing works inside KCN-OLD."""
    rows = [
        ("F-WW-NEW", "KCN-NEW", "wwtp", "planned", None, "XLNT KCN Mới", shapely.Point(X0 + 700, Y0 + 550)),
        ("F-WW-OLD", "KCN-OLD", "wwtp", "operating", None, "XLNT KCN Cũ", shapely.Point(X0 + 2300, Y0 + 250)),
        ("F-MA", None, "polluting_works", "operating", "Xi mạ kim loại", "Xưởng mạ Phố Nối",
         shapely.Point(X0 + 1500, Y0 + 900)),
        ("F-DYE", "KCN-OLD", "polluting_works", "operating", "Nhuộm vải", "Nhuộm Cũ", shapely.Point(X0 + 2200, Y0 + 150)),
    ]
    cols = ["facility_id", "zone_id", "kind", "status", "sector", "name"]
    frame = pd.DataFrame([r[:-1] for r in rows], columns=cols)
    return gpd.GeoDataFrame(frame, geometry=[r[-1] for r in rows], crs=CRS)


def subzones_frame() -> gpd.GeoDataFrame:
    rows = [
        ("S-N-HT", "KCN-NEW", "hightech", box(600, 0, 800, 500)),
        ("S-N-CN", "KCN-NEW", "cnht", box(400, 0, 600, 500)),
        ("S-O-CN", "KCN-OLD", "cnht", box(2000, 0, 2100, 100)),
        ("S-E-HT", "KCN-EDGE", "hightech", box(5000, 0, 5150, 200)),
        ("S-C-CN", "CCN-NEW", "cnht", box(7000, 0, 7100, 100)),
    ]
    frame = pd.DataFrame([r[:-1] for r in rows], columns=["subzone_id", "zone_id", "use"])
    return gpd.GeoDataFrame(frame, geometry=[r[-1] for r in rows], crs=CRS)


def make_project(empty: bool = False, facilities: bool = False, statuses: bool = False) -> Project:
    """``facilities``: add facilities_frame(); ``statuses``: zone status/status_date (KCN-NEW and CCN-NEW
    operating from 2022-07-01 and 2023-05-01, KCN-OLD operating since 2011, the rest established)."""
    project = Project(crs=to_crs(CRS), meta={"name": "Tỉnh thử"})
    zones, parcels, subzones = zones_frame(), parcels_frame(), subzones_frame()
    if empty:
        zones, parcels, subzones = zones.iloc[:0], parcels.iloc[:0], subzones.iloc[:0]
    project.add_layer("zones", zones)
    project.add_layer("subzones", subzones)
    project.add_layer("parcels", parcels)
    if facilities and not empty:
        project.add_layer("facilities", facilities_frame())
    if statuses and not empty:
        zones = project.zones.copy()
        status = {"KCN-NEW": ("operating", "2022-07-01"), "CCN-NEW": ("operating", "2023-05-01"),
                  "KCN-OLD": ("operating", "2011-01-01")}
        zones["status"] = [status.get(z, ("established", None))[0] for z in zones["zone_id"]]
        zones["status_date"] = pd.to_datetime([status.get(z, (None, None))[1] for z in zones["zone_id"]])
        project.add_layer("zones", zones)
    return project
