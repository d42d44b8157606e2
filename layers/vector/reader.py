"""Read a polygon layer (SHP, GPKG, GeoJSON) for the map, with a clear error for each bad case.

A plain pyogrio read for now; the exchange package's full importer (encoding detection, VN-2000
catalogue) can replace the body of ``read_polygon_layer`` without changing its callers.
"""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from gis_app.core.errors import InputError
from gis_app.core.i18n import t

SUPPORTED_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json")
POLYGON_TYPES = ("Polygon", "MultiPolygon")


def read_polygon_layer(path: str | Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """The polygon features of ``path`` (first layer unless named); InputError for bad files."""
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise InputError(t("không tìm thấy tệp", "file not found"), path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(t("định dạng không hỗ trợ (chỉ SHP, GPKG, GeoJSON)",
                           "unsupported format (only SHP, GPKG, GeoJSON)"), path)
    if suffix == ".shp":
        for sidecar in (".shx", ".dbf"):
            if not any(path.with_suffix(s).exists() for s in (sidecar, sidecar.upper())):
                raise InputError(t("thiếu tệp đi kèm {ext} của shapefile", "the shapefile's {ext} file is missing",
                                   ext=sidecar), path)
    try:
        frame = pyogrio.read_dataframe(path, layer=layer)
    except Exception as exc:  # GDAL's own message is the most precise description we have
        message = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise InputError(t("không đọc được tệp ({err})", "cannot read the file ({err})", err=message),
                         path) from exc
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry is None:
        raise InputError(t("tệp không có hình học", "the file has no geometry"), path)
    if len(frame) == 0:
        raise InputError(t("tệp không có đối tượng nào", "the file has no features"), path)
    if frame.crs is None:
        raise InputError(t("tệp không có hệ tọa độ (thiếu .prj?)", "the file has no coordinate system (.prj missing?)"),
                         path)
    types = set(frame.geometry.geom_type.dropna().unique())
    if not types or not types <= set(POLYGON_TYPES):
        raise InputError(t("không phải lớp vùng (polygon): có {types}", "not a polygon layer: it holds {types}",
                           types=", ".join(sorted(types)) or "—"), path)
    invalid = ~shapely.is_valid(frame.geometry.values)
    if invalid.any():
        frame = frame.copy()
        frame.loc[invalid, frame.geometry.name] = shapely.make_valid(frame.geometry.values[invalid])
    return frame
