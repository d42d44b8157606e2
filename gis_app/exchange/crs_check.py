"""Coordinates checked against their CRS before anything is written or measured.

Geographic coordinates (degrees) beyond ±180 longitude / ±90 latitude are impossible: they are
metres read with the wrong CRS (a GeoJSON in VN-2000 with no ``crs`` member defaults to WGS 84).
The message names the file and proposes projected CRSs from the coordinate ranges
(``vn2000.crs_candidates``). Source of the limits: the definition of longitude and latitude.
"""
from __future__ import annotations

import math

from ..core.crs import to_crs
from ..core.errors import InputError
from ..core.i18n import t


def impossible_for_crs(bounds, crs) -> bool:
    """True when ``bounds`` (xmin, ymin, xmax, ymax) cannot be coordinates of geographic ``crs``."""
    crs = to_crs(crs)
    if not crs.is_geographic:
        return False
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return False
    return xmin < -180 or xmax > 180 or ymin < -90 or ymax > 90


def check_coordinates(frame, path) -> None:
    """InputError (exit 2) naming ``path`` when the frame's coordinates are impossible for its CRS."""
    from .vn2000 import crs_candidates, format_candidates

    if frame.crs is None or len(frame) == 0:
        return
    bounds = frame.total_bounds
    if impossible_for_crs(bounds, frame.crs):
        raise InputError(t("tọa độ ({x:.0f}, {y:.0f}) không thể là kinh/vĩ độ của {crs} (ngoài ±180/±90): có lẽ là "
                           "mét trong hệ tọa độ phẳng; chọn hệ tọa độ (--crs). Gợi ý: {c}",
                           "coordinates ({x:.0f}, {y:.0f}) cannot be longitude/latitude in {crs} (beyond ±180/±90): "
                           "probably metres in a projected CRS; choose the CRS (--crs). Candidates: {c}",
                           x=bounds[0], y=bounds[1], crs=to_crs(frame.crs).name,
                           c=format_candidates(crs_candidates(bounds))), path)


def require_projected(project, path) -> None:
    """InputError (exit 2) when ``project`` is in a geographic CRS: no area, length or print scale in degrees.

    The message proposes the projected CRSs that fit the data (its VN-2000 TM-3 zone, its UTM zone)
    and the command that converts it. Rule: KCN Planner brief, "no area, length or scale in a
    geographic CRS".
    """
    import shapely

    from ..core.crs import vn2000_tm3_for_longitude

    crs = to_crs(project.crs)
    if not crs.is_geographic:
        return
    frames = [f for f in project.layers.values() if len(f) and f.crs is not None]
    proposals = []
    if frames:
        frame = frames[0].to_crs(4326) if not to_crs(frames[0].crs).equals(to_crs(4326)) else frames[0]
        bounds = frame.total_bounds
        if not impossible_for_crs(bounds, 4326):
            lon = float(shapely.centroid(shapely.box(*bounds)).x)
            tm3 = vn2000_tm3_for_longitude(lon)
            utm = frame.estimate_utm_crs()
            proposals = [f"EPSG:{tm3.to_epsg()} {tm3.name}", f"EPSG:{utm.to_epsg()} {utm.name}"]
    raise InputError(t("dự án ở hệ tọa độ địa lý ({crs}): diện tích, chiều dài và tỷ lệ in cần hệ tọa độ phẳng. "
                       "Chuyển bằng 'convert … --to-crs' sang: {p}",
                       "the project is in a geographic CRS ({crs}): areas, lengths and print scales need a projected "
                       "CRS. Convert it with 'convert … --to-crs' to: {p}", crs=crs.name,
                       p="; ".join(proposals) or "EPSG:9209"), path)
