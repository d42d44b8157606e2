"""Coordinate reference systems: VN-2000 TM-3 zones and the one transformation we trust.

Provincial data is VN-2000 / TM-3 with a province-specific central meridian (EPSG:5896–5899,
9205–9218). Every VN-2000 <-> WGS84 transformation goes through EPSG:6960 (VN-2000 to WGS 84 (2));
PROJ may otherwise pick another one, or a ballpark, and shift data by hundreds of metres.
The exchange package (``gis_app.exchange.vn2000``) holds the province catalogue.
"""
from __future__ import annotations

from functools import lru_cache

from pyproj import CRS, Transformer
from pyproj.transformer import TransformerGroup

PROJECT_DEFAULT_EPSG = 9209  # VN-2000 / TM-3 105-30 (Hải Dương, Bắc Ninh, Hưng Yên, ...)
WGS84_EPSG = 4326
VN2000_TO_WGS84_EPSG = 6960
VN2000_TM3_EPSG = tuple(range(5896, 5900)) + tuple(range(9205, 9219))
VN2000_GEOG_EPSG = 4756


def to_crs(value) -> CRS:
    """Accept 9209, 'EPSG:9209', a WKT string or a CRS."""
    if isinstance(value, CRS):
        return value
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        return CRS.from_epsg(int(value))
    return CRS.from_user_input(value)


def is_vn2000(crs) -> bool:
    crs = to_crs(crs)
    geod = crs.geodetic_crs
    return geod is not None and "VN-2000" in geod.name


def epsg_code(crs) -> int | None:
    """The EPSG code of ``crs`` when it is exactly an EPSG CRS (strict match)."""
    crs = to_crs(crs)
    return crs.to_epsg(min_confidence=90)


def _uses_6960(transformer: Transformer) -> bool:
    text = transformer.to_json()
    return '"code": 6960' in text or '"code":6960' in text


@lru_cache(maxsize=64)
def _transformer_cached(src_wkt: str, dst_wkt: str, always_xy: bool = True) -> Transformer:
    src, dst = CRS.from_wkt(src_wkt), CRS.from_wkt(dst_wkt)
    if is_vn2000(src) != is_vn2000(dst):
        group = TransformerGroup(src, dst, always_xy=always_xy)
        for candidate in group.transformers:
            if _uses_6960(candidate):
                return candidate
        raise RuntimeError(
            f"PROJ offers no transformation through EPSG:{VN2000_TO_WGS84_EPSG} "
            f"between {src.name} and {dst.name}")
    return Transformer.from_crs(src, dst, always_xy=always_xy)


def transformer(src, dst) -> Transformer:
    """An always_xy transformer from ``src`` to ``dst``; VN-2000 <-> other datum via EPSG:6960."""
    return _transformer_cached(to_crs(src).to_wkt(), to_crs(dst).to_wkt())


def operation_definition(src, dst) -> str:
    """The PROJ pipeline of :func:`transformer` in the CRSs' own axis order (lat/lon for EPSG:4326).

    GDAL's COORDINATE_OPERATION option (rasterio warp) expects that order, not the x/y one.
    """
    return _transformer_cached(to_crs(src).to_wkt(), to_crs(dst).to_wkt(), False).definition


def reproject(frame, dst):
    """Reproject a GeoDataFrame or GeoSeries to ``dst`` using :func:`transformer`.

    Vectorised: one shapely.transform call over all coordinates.
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    if frame.crs is None:
        raise ValueError("geometry has no CRS")
    dst = to_crs(dst)
    if to_crs(frame.crs).equals(dst):
        return frame.copy()
    tr = transformer(frame.crs, dst)

    def apply(xy):
        x, y = tr.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    geometry = frame.geometry if isinstance(frame, gpd.GeoDataFrame) else frame
    moved = gpd.GeoSeries(shapely.transform(geometry.values, apply), index=frame.index, crs=dst)
    if isinstance(frame, gpd.GeoDataFrame):
        out = frame.copy()
        return out.set_geometry(moved.rename(out.geometry.name), crs=dst)
    return moved


def local_projected_crs(frame) -> CRS:
    """A projected CRS for a geographic GeoDataFrame: its VN-2000 TM-3 zone (VN-2000 data, nearest
    central meridian) or its UTM zone (``GeoDataFrame.estimate_utm_crs``, WGS 84 datum)."""
    import shapely

    if is_vn2000(frame.crs):
        return vn2000_tm3_for_longitude(shapely.centroid(shapely.union_all(frame.geometry.values)).x)
    return frame.estimate_utm_crs()


def vn2000_tm3_for_longitude(lon: float) -> CRS:
    """The VN-2000 TM-3 zone whose central meridian is nearest to ``lon`` (degrees)."""
    return CRS.from_epsg(min(VN2000_TM3_EPSG, key=lambda code: abs(_central_meridian(code) - lon)))


@lru_cache(maxsize=None)
def _central_meridian(epsg: int) -> float:
    params = CRS.from_epsg(epsg).coordinate_operation.params
    return next(p.value for p in params if "longitude" in p.name.lower())
