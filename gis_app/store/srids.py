"""VN-2000 TM-3 CRS definitions for PostGIS's ``spatial_ref_sys``, with the EPSG:6960 datum shift.

PostGIS transforms with what ``spatial_ref_sys`` says; without TOWGS84 (or with another datum shift)
its VN-2000 ↔ WGS 84 results differ from the application's by metres. The Helmert parameters come from
pyproj (EPSG:6960, VN-2000 to WGS 84 (2), position-vector convention as TOWGS84 expects).
"""
from __future__ import annotations

import warnings
from functools import lru_cache

from pyproj import CRS
from pyproj.enums import WktVersion

from ..core.crs import VN2000_TM3_EPSG, VN2000_TO_WGS84_EPSG


@lru_cache(maxsize=1)
def towgs84() -> tuple[float, ...]:
    """The 7 TOWGS84 parameters of EPSG:6960 (m, arc-seconds, ppm), position-vector convention.

    EPSG gives 6960 as a Coordinate Frame rotation; TOWGS84 means Position Vector, so the three
    rotations change sign (IOGP Guidance Note 7-2, 2.4.3.3).
    """
    from pyproj.crs import CoordinateOperation

    op = CoordinateOperation.from_epsg(VN2000_TO_WGS84_EPSG)
    values = [p.value for p in op.params]
    if "coordinate frame" in op.method_name.lower():
        values[3:6] = [-v for v in values[3:6]]
    return tuple(values)


@lru_cache(maxsize=1)
def vn2000_definitions() -> dict[int, tuple[str, str]]:
    """``{srid: (srtext WKT1 with TOWGS84, proj4text with +towgs84)}`` for EPSG:5896–5899, 9205–9218."""
    shift = ",".join(repr(float(v)) for v in towgs84())
    out = {}
    for code in VN2000_TM3_EPSG:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "proj4 loses information": we add back what matters
            proj4 = CRS.from_epsg(code).to_proj4().replace(" +type=crs", "")
        proj4 = f"{proj4} +towgs84={shift} +no_defs"
        bound = CRS.from_proj4(proj4)
        srtext = bound.to_wkt(WktVersion.WKT1_GDAL).replace('"unknown"', f'"{CRS.from_epsg(code).name}"', 1)
        out[code] = (srtext, proj4.replace(" +no_defs +no_defs", " +no_defs"))
    return out
