"""Geometry checks on import: empty, invalid (self-intersection, ...) and non-polygon features.

Every feature is either imported or listed as rejected with its id and reason; counts read /
imported / rejected are reported. Repair (shapely.make_valid, keeping the polygonal part) happens
only when the caller asks for it. Vectorised with shapely 2.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..core.i18n import t

POLYGONAL = ("Polygon", "MultiPolygon")
TYPE_NAMES = ("", "Point", "LineString", "LinearRing", "Polygon", "MultiPoint", "MultiLineString",
              "MultiPolygon", "GeometryCollection")  # shapely type id + 1


@dataclass
class Issue:
    feature_id: str
    reason: str
    repaired: bool = False


@dataclass
class GeometryReport:
    read: int = 0
    imported: int = 0
    rejected: list[Issue] = field(default_factory=list)
    repaired: list[Issue] = field(default_factory=list)

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    def summary(self) -> str:
        return t("đọc {r}, nhập {i}, loại {x}, sửa {f}", "read {r}, imported {i}, rejected {x}, repaired {f}",
                 r=self.read, i=self.imported, x=self.rejected_count, f=len(self.repaired))

    def details(self, limit: int = 50) -> list[str]:
        lines = [t("loại {id}: {why}", "rejected {id}: {why}", id=i.feature_id, why=i.reason)
                 for i in self.rejected[:limit]]
        lines += [t("đã sửa {id}: {why}", "repaired {id}: {why}", id=i.feature_id, why=i.reason)
                  for i in self.repaired[:limit]]
        return lines

    def as_dict(self) -> dict:
        return {"read": self.read, "imported": self.imported, "rejected": len(self.rejected),
                "repaired": len(self.repaired),
                "issues": [{"id": i.feature_id, "reason": i.reason, "repaired": i.repaired}
                           for i in self.rejected + self.repaired]}


def feature_ids(frame: gpd.GeoDataFrame, id_column: str | None = None) -> pd.Series:
    """Ids to show the planner: the id column when there is one, else the 1-based row number."""
    if id_column and id_column in frame.columns:
        ids = frame[id_column].astype(object)
        fallback = pd.Series([f"#{i + 1}" for i in range(len(frame))], index=frame.index)
        return ids.where(ids.notna(), fallback).astype(str)
    return pd.Series([f"#{i + 1}" for i in range(len(frame))], index=frame.index)


def check_geometries(frame: gpd.GeoDataFrame, id_column: str | None = None, repair: bool = False,
                     polygons_only: bool = True, type_reasons: dict | None = None
                     ) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """The importable features and a report of every rejected (or repaired) one.

    ``type_reasons`` (row index -> text) explains a wrong geometry type better than its name,
    e.g. "open polyline" for a DXF line.
    """
    report = GeometryReport(read=len(frame))
    geoms = frame.geometry.values
    missing = shapely.is_missing(geoms)
    empty = missing | shapely.is_empty(geoms)
    type_ids = shapely.get_type_id(geoms)  # -1 for missing
    types = np.asarray(TYPE_NAMES, dtype=object)[np.clip(type_ids + 1, 0, len(TYPE_NAMES) - 1)]
    if polygons_only:
        wrong_type = ~empty & ~np.isin(type_ids, (3, 6))  # Polygon, MultiPolygon
    else:
        wrong_type = np.zeros(len(frame), dtype=bool)
    valid = np.ones(len(frame), dtype=bool)
    checkable = ~empty & ~wrong_type
    valid[checkable] = shapely.is_valid(geoms[checkable])
    reasons = np.full(len(frame), "", dtype=object)
    if (~valid).any():
        reasons[~valid] = shapely.is_valid_reason(geoms[~valid])
    keep = ~empty & ~wrong_type & valid
    # Ids are only needed to name problems; building them costs a string per feature.
    ids = feature_ids(frame, id_column) if not keep.all() else None
    new_geoms = geoms.copy()
    for i in np.flatnonzero(empty):  # a reader may know why (e.g. an unsupported TIN surface)
        why = (type_reasons or {}).get(frame.index[i])
        report.rejected.append(Issue(ids.iloc[i], why or t("hình rỗng", "empty geometry")))
    for i in np.flatnonzero(wrong_type):
        why = (type_reasons or {}).get(frame.index[i])
        report.rejected.append(Issue(ids.iloc[i], why or t("không phải vùng (polygon): {g}", "not a polygon: {g}",
                                                           g=types[i])))
    bad = np.flatnonzero(~valid)
    if len(bad):
        if repair:
            fixed = shapely.make_valid(geoms[bad])
            for j, i in enumerate(bad):
                polygonal = _polygonal_part(fixed[j]) if polygons_only else fixed[j]
                what = _reason_text(reasons[i])
                if polygonal is None or polygonal.is_empty:
                    report.rejected.append(Issue(ids.iloc[i], what + t(" (sửa không còn vùng)",
                                                                      " (repair leaves no polygon)")))
                    continue
                new_geoms[i] = polygonal
                keep[i] = True
                report.repaired.append(Issue(ids.iloc[i], what, repaired=True))
        else:
            for i in bad:
                report.rejected.append(Issue(ids.iloc[i], _reason_text(reasons[i]) +
                                             t(" (dùng --repair để sửa)", " (use --repair to fix)")))
    out = frame.copy()
    out = out.set_geometry(gpd.GeoSeries(new_geoms, index=frame.index, crs=frame.crs).rename(frame.geometry.name))
    out = out[keep]
    report.imported = int(keep.sum())
    if report.rejected:
        order = {fid: n for n, fid in enumerate(ids)}
        report.rejected.sort(key=lambda i: order.get(i.feature_id, 0))
    return out, report


def _polygonal_part(geom):
    if geom is None:
        return None
    if geom.geom_type in POLYGONAL:
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in POLYGONAL]
    if not parts:
        return None
    return shapely.make_valid(shapely.union_all(parts))


def _reason_text(reason: str) -> str:
    if reason.startswith("Self-intersection") or reason.startswith("Ring Self-intersection"):
        return t("tự cắt ({r})", "self-intersection ({r})", r=reason)
    return t("hình không hợp lệ ({r})", "invalid geometry ({r})", r=reason)
