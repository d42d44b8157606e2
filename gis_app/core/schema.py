"""The canonical project layers of ../shared/CONTRACTS.md and their validation."""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from .errors import InputError
from .i18n import t

ZONE_KINDS = ("KCN", "CCN")
SUBZONE_USES = ("hightech", "cnht", "general")
LANDUSES = ("industrial", "road", "green", "infrastructure", "service", "water", "other")
PARCEL_STATUSES = ("leased", "vacant")


@dataclass(frozen=True)
class LayerSchema:
    name: str
    key: str
    columns: dict[str, str]  # column -> pandas dtype family: str, float, bool, date
    required: tuple[str, ...]


ZONES = LayerSchema(
    "zones", "zone_id",
    {"zone_id": "str", "name": "str", "kind": "str", "established": "date", "general": "bool",
     "operating": "bool", "province": "str", "industrial_m2": "float", "leased_m2": "float"},
    ("zone_id", "name", "kind"),
)
SUBZONES = LayerSchema(
    "subzones", "subzone_id",
    {"subzone_id": "str", "zone_id": "str", "use": "str"},
    ("subzone_id", "zone_id", "use"),
)
PARCELS = LayerSchema(
    "parcels", "parcel_id",
    {"parcel_id": "str", "zone_id": "str", "landuse": "str", "status": "str", "tenant": "str",
     "sector": "str"},
    ("parcel_id", "zone_id", "landuse"),
)
CANONICAL = {s.name: s for s in (ZONES, SUBZONES, PARCELS)}


def empty_layer(schema: LayerSchema, crs) -> gpd.GeoDataFrame:
    frame = gpd.GeoDataFrame({c: pd.Series(dtype=_dtype(k)) for c, k in schema.columns.items()},
                             geometry=gpd.GeoSeries([], crs=crs), crs=crs)
    return frame


def _dtype(kind: str):
    return {"str": "object", "float": "float64", "bool": "object", "date": "object"}[kind]


def validate_layer(frame: gpd.GeoDataFrame, schema: LayerSchema, source: str | None = None) -> None:
    """Raise InputError naming the layer and problem if ``frame`` breaks the contract."""
    where = source or schema.name
    missing = [c for c in schema.required if c not in frame.columns]
    if missing:
        raise InputError(t("lớp {layer} thiếu trường bắt buộc: {cols}",
                           "layer {layer} lacks required fields: {cols}",
                           layer=schema.name, cols=", ".join(missing)), where)
    keys = frame[schema.key]
    if keys.isna().any():
        raise InputError(t("lớp {layer} có đối tượng không có {key}",
                           "layer {layer} has features without {key}",
                           layer=schema.name, key=schema.key), where)
    dup = keys[keys.duplicated()].unique().tolist()
    if dup:
        raise InputError(t("lớp {layer}: {key} trùng lặp: {ids}", "layer {layer}: duplicate {key}: {ids}",
                           layer=schema.name, key=schema.key, ids=", ".join(map(str, dup[:5]))), where)
    enums = {"kind": ZONE_KINDS, "use": SUBZONE_USES, "landuse": LANDUSES, "status": PARCEL_STATUSES}
    for column, allowed in enums.items():
        if column in schema.columns and column in frame.columns:
            bad = frame.loc[frame[column].notna() & ~frame[column].isin(allowed), schema.key]
            if len(bad):
                raise InputError(t("lớp {layer}: giá trị {col} không hợp lệ ở {ids} (cho phép: {allowed})",
                                   "layer {layer}: invalid {col} at {ids} (allowed: {allowed})",
                                   layer=schema.name, col=column, ids=", ".join(map(str, bad[:5])),
                                   allowed=", ".join(allowed)), where)
