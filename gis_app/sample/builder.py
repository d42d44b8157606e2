"""Build the sample project "Hải Dương (minh họa)" from /work/shared/data, deterministically.

Order: real outlines (outlines.py) -> zone figures (catalogue.py, figures.py) -> outlines placed at
real locations (placement.py) -> internal layout of two KCN (layout.py, internal.py) -> balance the
KCN mean fill with the laid-out zones' parcel fills -> layers, metadata, styles -> GeoPackage.
"""
from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from ..core.crs import PROJECT_DEFAULT_EPSG, to_crs
from ..core.project import Project
from ..core.styles import default_style
from . import catalogue as cat
from .figures import balance_kcn_mean_fill, fill_ccn_figures, fill_kcn_figures
from .internal import PLANS, lay_out_zone
from .outlines import national_roads, osm_centres, province_and_districts
from .placement import place_zones, zone_rng

SEED = 2021
PROJECT_NAME = "Hải Dương (minh họa)"
PROVINCE = "Hải Dương"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "resources" / "sample" / "hai_duong_minh_hoa.gpkg"
ROAD_STYLE = {"fill": None, "stroke": "#b2182b", "stroke_width": 0.5}

# Attribution of /work/shared/data/SOURCES.md for the data this project is built from.
SOURCES = [
    "Ranh giới tỉnh, huyện trước 2025 / pre-2025 province and district outlines: daohoangson/dvhcvn "
    "(hình học từ gis.chinhphu.vn, mã GSO), GPL-3.0",
    "Quốc lộ, đường sắt / national roads and rail: CTU-SematX/LegoCity, CC BY-SA 4.0",
    "Tâm KCN Tân Trường, Đại An mở rộng / KCN centres: © OpenStreetMap contributors, ODbL",
    "Số liệu KCN, CCN công bố / published KCN and CCN figures: BQL các KCN Hải Dương, Sở Công Thương "
    "Hải Dương, báo chí (nguồn từng dòng trong kcn/hai_duong_published_figures.csv)",
    "Số liệu tổng hợp 2021 / 2021 aggregates: Đề án phát triển CNCNC, CNHT Hải Dương 2021–2025 "
    "(003_fef7a90db12cc85e.txt, Phần I, 1.2)",
    "Ranh giới KCN/CCN, bố trí lô, doanh nghiệp: minh họa, không phải bản đồ chính thức / zone outlines, "
    "layouts and tenants are illustrative, not official maps",
]


def default_data_dir() -> Path:
    return Path(os.environ.get("KCN_SHARED_DATA") or REPO_ROOT.parent / "shared" / "data")


def build_project(data_dir: Path | None = None, seed: int = SEED, feedback=None) -> Project:
    """The sample project in memory (not saved)."""
    data_dir = Path(data_dir or default_data_dir())
    crs = to_crs(PROJECT_DEFAULT_EPSG)
    province, districts = province_and_districts(data_dir, crs)
    roads = national_roads(data_dir, province, crs)
    kcn = [cat.ZoneSpec(**vars(s)) for s in cat.KCN_SPECS]  # copies: figures are filled in place
    ccn = cat.ccn_specs()
    fill_kcn_figures(kcn)
    fill_ccn_figures(ccn, np.random.default_rng([seed, 53]))
    specs = kcn + ccn
    outlines = place_zones(specs, districts, roads, osm_centres(data_dir, crs), seed, feedback)
    parcels, subzones, parcel_fill = [], [], {}
    for zone_id, plan in PLANS.items():
        if feedback is not None:
            feedback.check_canceled()
        zone_parcels, zone_subzones = lay_out_zone(outlines[zone_id], plan, zone_rng(seed, zone_id + "/layout"))
        parcels += zone_parcels
        subzones += zone_subzones
        industrial = [p for p in zone_parcels if p["landuse"] == "industrial"]
        fund = sum(p["geometry"].area for p in industrial)
        leased = sum(p["geometry"].area for p in industrial if p["status"] == "leased")
        parcel_fill[zone_id] = leased / fund
        spec = next(s for s in specs if s.zone_id == zone_id)
        spec.industrial_ha, spec.fill = fund / 10_000.0, leased / fund
    balance_kcn_mean_fill(kcn, parcel_fill)
    if feedback is not None:
        feedback.progress(80)
    project = Project(crs=crs)
    project.meta = {"name": PROJECT_NAME, "illustrative": True, "province": PROVINCE, "sources": SOURCES,
                    "state_as_of": "2021-12-31", "built_by": "python main.py build-sample", "seed": seed}
    project.add_layer("province", province)
    project.add_layer("districts", districts)
    project.add_layer("national_roads", roads)
    project.add_layer("zones", _zones_frame(specs, outlines, crs))
    project.add_layer("subzones", gpd.GeoDataFrame(subzones, geometry="geometry", crs=crs))
    parcel_frame = gpd.GeoDataFrame(parcels, geometry="geometry", crs=crs)
    project.add_layer("parcels", parcel_frame[["parcel_id", "zone_id", "landuse", "status", "tenant", "sector",
                                               "note", "geometry"]])
    for state in project.layer_state:
        state["style"] = ROAD_STYLE.copy() if state["name"] == "national_roads" else default_style(state["name"])
    project.view = {"extent": [float(v) for v in province.total_bounds]}
    return project


def _zones_frame(specs, outlines, crs) -> gpd.GeoDataFrame:
    rows = []
    for spec in specs:
        industrial = spec.industrial_ha * 10_000.0
        rows.append({
            "zone_id": spec.zone_id, "name": spec.name, "kind": spec.kind,
            "established": pd.Timestamp(spec.established), "general": spec.general,
            "operating": spec.operating, "province": PROVINCE, "industrial_m2": round(industrial, 2),
            "leased_m2": round(industrial * spec.fill, 2) if spec.fill is not None else np.nan,
            "illustrative": True, "source": spec.source, "district": spec.district,
            "geometry": outlines[spec.zone_id]})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)


def build_sample(out: str | Path | None = None, data_dir: Path | None = None, seed: int = SEED,
                 feedback=None) -> Path:
    """Build and save the sample project; returns the path written."""
    project = build_project(data_dir, seed, feedback)
    path = project.save(Path(out) if out else DEFAULT_OUT)
    if feedback is not None:
        feedback.progress(100)
    return path
