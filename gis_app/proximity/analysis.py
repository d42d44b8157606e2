"""R5 proximity analysis: read plants (and roads), measure every site, classify against the limit."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from ..core.crs import reproject, to_crs
from ..core.errors import InputError
from ..core.i18n import t
from ..core.project import Project
from .network import network_minutes
from .sites import r5_sites
from .straight_line import straight_line_minutes

RAIL_MARKERS = ("đường sắt", "rail")  # rail lines are not part of the truck network


@dataclass(frozen=True)
class ProximitySettings:
    speed_kmh: float = 40.0  # trucks on national/provincial roads
    access_speed_kmh: float = 20.0  # from a site or plant to the nearest road vertex
    detour: float = 1.3  # straight-line distance -> road distance when no network is given
    limit_minutes: float = 30.0  # 003_fef7a90db12cc85e.txt, Part I (situation), "không quá 30 phút"


def read_layer(path: str | Path, what_vi: str, what_en: str, crs) -> gpd.GeoDataFrame:
    """Read a vector file, name the file and the problem on failure, reproject to ``crs``."""
    path = Path(path)
    if not path.exists():
        raise InputError(t("không tìm thấy tệp {w}", "{w} file not found", w=t(what_vi, what_en)), path)
    try:
        frame = pyogrio.read_dataframe(path)
    except Exception as exc:
        raise InputError(t("không đọc được tệp {w}: {e}", "cannot read the {w} file: {e}",
                           w=t(what_vi, what_en), e=str(exc).splitlines()[0][:200]), path) from exc
    if len(frame) == 0:
        raise InputError(t("tệp {w} không có đối tượng nào", "the {w} file has no features",
                           w=t(what_vi, what_en)), path)
    if frame.crs is None:
        raise InputError(t("tệp {w} không có hệ tọa độ (.prj)", "the {w} file has no coordinate system (.prj)",
                           w=t(what_vi, what_en)), path)
    frame = frame[~(frame.geometry.isna() | frame.geometry.is_empty)]
    return reproject(frame, to_crs(crs))


def _label_column(frame: gpd.GeoDataFrame) -> np.ndarray:
    for column in ("plant_id", "name", "ten", "id"):
        if column in frame.columns:
            return frame[column].astype(str).to_numpy()
    return np.array([f"#{i + 1}" for i in range(len(frame))], dtype=object)


def road_lines(roads: gpd.GeoDataFrame, path) -> np.ndarray:
    text = roads.drop(columns=roads.geometry.name).astype(str).apply(lambda c: c.str.lower())
    is_rail = np.zeros(len(roads), dtype=bool)
    for marker in RAIL_MARKERS:
        is_rail |= text.apply(lambda c: c.str.contains(marker, regex=False)).any(axis=1).to_numpy()
    lines = shapely.get_parts(roads.geometry.values[~is_rail])
    lines = lines[np.isin(shapely.get_type_id(lines), (1, 2))]  # LineString, LinearRing
    if len(lines) == 0:
        raise InputError(t("tệp đường không có đường bộ (chỉ có đối tượng không phải đường/đường sắt)",
                           "the roads file has no road lines (only non-lines or railways)"), path)
    return lines


def run_proximity(project: Project, plants_path, roads_path=None,
                  settings: ProximitySettings = ProximitySettings()) -> dict:
    plants = read_layer(plants_path, "nhà máy lắp ráp", "assembly plants", project.crs)
    plant_points = shapely.point_on_surface(plants.geometry.values)
    plant_labels = _label_column(plants)
    sites = r5_sites(project)
    site_geoms = sites.geometry.values
    if roads_path:
        roads = read_layer(roads_path, "đường giao thông", "roads", project.crs)
        minutes, nearest = network_minutes(site_geoms, plant_points, road_lines(roads, roads_path),
                                           settings.speed_kmh, settings.access_speed_kmh)
        mode = "network"
    else:
        minutes, nearest = straight_line_minutes(site_geoms, plant_points, settings.speed_kmh,
                                                 settings.detour)
        mode = "straight_line"
    entries = []
    for i in range(len(sites)):
        ok = bool(np.isfinite(minutes[i]) and minutes[i] <= settings.limit_minutes)
        entries.append({"site_id": str(sites["site_id"].iloc[i]), "zone_id": str(sites["zone_id"].iloc[i]),
                        "kind": str(sites["kind"].iloc[i]),
                        "minutes": round(float(minutes[i]), 2) if np.isfinite(minutes[i]) else None,
                        "nearest_plant": str(plant_labels[nearest[i]]) if nearest[i] >= 0 else None,
                        "status": "ok" if ok else "warning"})
    return {"mode": mode, "speed_kmh": settings.speed_kmh, "limit_minutes": settings.limit_minutes,
            "sites": entries}
