"""Coordinates checked against their CRS: possible at all, and drawable by an output.

The one place that does so (issue 12 item 5, issue 14). Two checks:

- ``check_coordinates``: geographic coordinates (degrees) beyond ±180 longitude / ±90 latitude are
  impossible: they are metres read with the wrong CRS (a GeoJSON in VN-2000 with no ``crs`` member
  defaults to WGS 84). Readers and writers refuse them before anything is written, naming the file
  and proposing projected CRSs from the coordinate ranges (``exchange.vn2000.crs_candidates``).
  Source of the limits: the definition of longitude and latitude.
- ``check_drawable``: finite, and inside (or near) the area where the layer's CRS is valid.

A web map fitted to a feature at 1e12 m, or to ``inf``, is blank; a PDF sheet of it is empty. Outputs call
``check_drawable`` before writing and refuse (InputError, exit 2) with the layer, the feature ids and
the bounds, instead of writing an empty map with exit 0.

Source: the areas of use of the CRS and of its datum (EPSG registry, via pyproj ``CRS.area_of_use``):
for any VN-2000 zone that is all of Viet Nam (102.1–109.5°E, 8.3–23.4°N) plus the margin, while
garbage (1e12 m, inf, easting and northing swapped) falls far outside.
"""
from __future__ import annotations

import math

import numpy as np
import shapely

from .crs import WGS84_EPSG, to_crs, transformer
from .errors import InputError
from .i18n import t

MARGIN_DEG = 5.0  # degrees around the areas of use still accepted
ID_COLUMNS = ("zone_id", "subzone_id", "parcel_id", "facility_id", "lot_id")


def impossible_for_crs(bounds, crs) -> bool:
    """True when ``bounds`` (xmin, ymin, xmax, ymax) cannot be coordinates of geographic ``crs``
    (beyond ±180/±90); False for a projected CRS or non-finite bounds (an empty layer)."""
    crs = to_crs(crs)
    if not crs.is_geographic:
        return False
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return False
    return xmin < -180 or xmax > 180 or ymin < -90 or ymax > 90


def check_coordinates(frame, where) -> None:
    """InputError (exit 2) naming ``where`` when the frame's coordinates are impossible for its CRS
    (``impossible_for_crs``), with the projected CRSs that fit the coordinate ranges."""
    from gis_app.exchange.vn2000 import crs_candidates, format_candidates

    if frame is None or frame.crs is None or len(frame) == 0:
        return
    bounds = frame.total_bounds
    if impossible_for_crs(bounds, frame.crs):
        raise InputError(t("tọa độ ({x:.0f}, {y:.0f}) không thể là kinh/vĩ độ của {crs} (ngoài ±180/±90): có lẽ là "
                           "mét trong hệ tọa độ phẳng; chọn hệ tọa độ (--crs). Gợi ý: {c}",
                           "coordinates ({x:.0f}, {y:.0f}) cannot be longitude/latitude in {crs} (beyond ±180/±90): "
                           "probably metres in a projected CRS; choose the CRS (--crs). Candidates: {c}",
                           x=bounds[0], y=bounds[1], crs=to_crs(frame.crs).name,
                           c=format_candidates(crs_candidates(bounds))), where)


def _valid_area(crs) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees: the union of the CRS's and its datum's areas of use (a
    VN-2000 TM-3 zone covers a few provinces, its datum all of Viet Nam), widened by MARGIN_DEG."""
    crs = to_crs(crs)
    areas = [a for a in (crs.area_of_use, crs.geodetic_crs.area_of_use if crs.geodetic_crs else None) if a]
    if not areas:
        return -180.0, -90.0, 180.0, 90.0
    return (max(-180.0, min(a.west for a in areas) - MARGIN_DEG), max(-90.0, min(a.south for a in areas) - MARGIN_DEG),
            min(180.0, max(a.east for a in areas) + MARGIN_DEG), min(90.0, max(a.north for a in areas) + MARGIN_DEG))


def undrawable(frame) -> np.ndarray:
    """Boolean mask of the features (rows of a GeoDataFrame with a CRS) whose coordinates are not finite
    or fall outside the CRS's area of use (plus MARGIN_DEG). Empty/missing geometries are not flagged.
    Vectorised: one bounds call and one transform of the bounding-box corners."""
    geoms = frame.geometry.values
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    bounds = shapely.bounds(geoms)  # NaN for missing/empty
    bad = present & ~np.isfinite(bounds).all(axis=1)
    ok = present & ~bad
    if ok.any() and frame.crs is not None:
        tr = transformer(frame.crs, WGS84_EPSG)
        b = bounds[ok]
        with np.errstate(all="ignore"):
            xs = np.concatenate([b[:, 0], b[:, 2], b[:, 0], b[:, 2]])
            ys = np.concatenate([b[:, 1], b[:, 1], b[:, 3], b[:, 3]])
            lon, lat = tr.transform(xs, ys, errcheck=False)
        lon, lat = np.asarray(lon).reshape(4, -1), np.asarray(lat).reshape(4, -1)
        west, south, east, north = _valid_area(frame.crs)
        inside = (np.isfinite(lon) & np.isfinite(lat) & (lon >= west) & (lon <= east)
                  & (lat >= south) & (lat <= north)).all(axis=0)
        bad[np.flatnonzero(ok)[~inside]] = True
    return bad


def check_drawable(frame, layer: str, where) -> None:
    """Raise InputError naming ``layer``, up to five feature ids and their bounds when any feature of
    ``frame`` cannot be drawn (see ``undrawable``); ``where`` is the file the message names."""
    if frame is None or len(frame) == 0:
        return
    check_coordinates(frame, where)  # metres taken for degrees: say so, rather than "cannot be drawn"
    bad = undrawable(frame)
    if not bad.any():
        return
    column = next((c for c in ID_COLUMNS if c in frame.columns), None)
    ids = (frame[column] if column else frame.index.to_series()).to_numpy()[bad]
    bounds = shapely.bounds(frame.geometry.values[bad])
    shown = "; ".join(f"{str(i)[:60]} ({', '.join(f'{v:.6g}' for v in b)})" for i, b in zip(ids[:5], bounds[:5]))
    raise InputError(t("lớp {layer}: {n} đối tượng có tọa độ không vẽ được (không hữu hạn hoặc ngoài vùng dùng của "
                       "hệ tọa độ {crs}): {ids}; hãy sửa hoặc xóa chúng rồi xuất lại",
                       "layer {layer}: {n} features have coordinates that cannot be drawn (not finite, or outside "
                       "the area of use of {crs}): {ids}; fix or delete them, then export again",
                       layer=str(layer)[:80], n=int(bad.sum()), crs=to_crs(frame.crs).name if frame.crs else "?",
                       ids=shown), where)


def check_project_drawable(project, where, layers=None) -> None:
    """``check_drawable`` on each of the project's layers (or the named ones)."""
    for name in layers if layers is not None else list(project.layers):
        check_drawable(project.layers.get(name), name, where)
