"""Real reference layers of the sample: province, districts, national roads and rail.

Read from /work/shared/data (WGS84) and reprojected to the project CRS with
gis_app.core.crs.reproject, which forces EPSG:6960 for WGS84 -> VN-2000.
"""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from ..core.crs import reproject
from ..core.errors import InputError
from ..core.i18n import t

PROVINCE_NAME = "Tỉnh Hải Dương"
PROVINCES = "admin/dvhcvn_provinces_4prov.geojson"
DISTRICTS = "admin/dvhcvn_districts_4prov.geojson"
ROADS = "roads/vn_national_roads_rail_legocity.geojson"
OSM_CENTRES = "kcn/hai_duong_osm_centroids.csv"
ROAD_NAMES = ("Quốc lộ 5", "Quốc lộ 10")
RAIL_KIND = "Đường sắt"


def _read(data_dir: Path, relative: str) -> gpd.GeoDataFrame:
    path = data_dir / relative
    if not path.exists():
        raise InputError(t("thiếu tệp dữ liệu nguồn", "source data file is missing"), path)
    try:
        return pyogrio.read_dataframe(path)
    except Exception as exc:
        raise InputError(t("không đọc được tệp ({err})", "cannot read the file ({err})", err=exc), path) from exc


def province_and_districts(data_dir: Path, crs) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    provinces = _read(data_dir, PROVINCES)
    province = provinces[provinces["name"] == PROVINCE_NAME][["level1_id", "name", "geometry"]]
    if province.empty:
        raise InputError(t("không có tỉnh {p}", "no province {p}", p=PROVINCE_NAME), data_dir / PROVINCES)
    districts = _read(data_dir, DISTRICTS)
    districts = districts[districts["province"] == PROVINCE_NAME][["level2_id", "name", "geometry"]]
    districts = districts.sort_values("level2_id").reset_index(drop=True)
    province = reproject(province.reset_index(drop=True), crs)
    districts = reproject(districts, crs)
    province["geometry"] = shapely.make_valid(province.geometry.values)
    districts["geometry"] = shapely.make_valid(districts.geometry.values)
    return province, districts


def national_roads(data_dir: Path, province: gpd.GeoDataFrame, crs) -> gpd.GeoDataFrame:
    """QL5, QL10 and the railways, clipped to the province."""
    roads = _read(data_dir, ROADS)
    keep = roads["ten"].isin(ROAD_NAMES) | (roads["loai_duong"] == RAIL_KIND)
    roads = reproject(roads[keep].reset_index(drop=True), crs)
    clipped = shapely.intersection(roads.geometry.values, province.geometry.iloc[0])
    roads = roads.set_geometry(gpd.GeoSeries(clipped, crs=crs, index=roads.index))
    roads = roads[~roads.geometry.is_empty & (roads.geometry.length > 0)]
    roads = roads.dissolve(by=["ten", "loai_duong"], as_index=False)[["ten", "loai_duong", "geometry"]]
    roads = roads.rename(columns={"ten": "name", "loai_duong": "kind"})
    roads["geometry"] = shapely.line_merge(shapely.force_2d(roads.geometry.values))
    return roads.sort_values("name").reset_index(drop=True)


def osm_centres(data_dir: Path, crs) -> dict[str, tuple[float, float]]:
    """name -> (x, y) in the project CRS of the OSM industrial-area centres."""
    path = data_dir / OSM_CENTRES
    try:
        table = pd.read_csv(path)
        points = gpd.GeoDataFrame(table[["name"]], geometry=gpd.points_from_xy(table["lon"], table["lat"]),
                                  crs=4326)
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(t("không đọc được tệp ({err})", "cannot read the file ({err})", err=exc), path) from exc
    points = reproject(points, crs)
    return {row.name: (row.geometry.x, row.geometry.y) for row in points.itertuples()}
