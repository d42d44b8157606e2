"""The canonical project layers of ../shared/CONTRACTS.md and their validation."""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from .errors import InputError
from .i18n import t

ZONE_KINDS = ("KCN", "CCN", "KCNC", "KKT")  # KCNC high-tech park, KKT economic zone (second round)
ZONE_STATUSES = ("planned", "established", "under_construction", "operating", "suspended")
SUBZONE_USES = ("hightech", "cnht", "general")
LANDUSES = ("industrial", "road", "green", "infrastructure", "service", "water", "other")
PARCEL_STATUSES = ("leased", "vacant")
FACILITY_KINDS = ("wwtp", "polluting_works", "assembly_plant", "other")
FACILITY_STATUSES = ("planned", "under_construction", "operating")


@dataclass(frozen=True)
class LayerSchema:
    name: str
    key: str
    columns: dict[str, str]  # column -> pandas dtype family: str, float, bool, date
    required: tuple[str, ...]
    enums: dict = None  # column -> allowed values (null always allowed)


ZONES = LayerSchema(
    "zones", "zone_id",
    {"zone_id": "str", "name": "str", "kind": "str", "established": "date", "general": "bool",
     "operating": "bool", "province": "str", "industrial_m2": "float", "leased_m2": "float",
     "status": "str", "status_date": "date", "district": "str"},
    ("zone_id", "name", "kind"),
    {"kind": ZONE_KINDS, "status": ZONE_STATUSES},
)
SUBZONES = LayerSchema(
    "subzones", "subzone_id",
    {"subzone_id": "str", "zone_id": "str", "use": "str"},
    ("subzone_id", "zone_id", "use"),
    {"use": SUBZONE_USES},
)
PARCELS = LayerSchema(
    "parcels", "parcel_id",
    {"parcel_id": "str", "zone_id": "str", "landuse": "str", "status": "str", "tenant": "str",
     "sector": "str", "leased_from": "date"},
    ("parcel_id", "zone_id", "landuse"),
    {"landuse": LANDUSES, "status": PARCEL_STATUSES},
)
# Optional layer (second round): wastewater plants, polluting works, assembly plants; zone_id null =
# outside every zone. Points or polygons.
FACILITIES = LayerSchema(
    "facilities", "facility_id",
    {"facility_id": "str", "zone_id": "str", "kind": "str", "status": "str", "capacity_m3_day": "float",
     "sector": "str", "name": "str"},
    ("facility_id", "kind"),
    {"kind": FACILITY_KINDS, "status": FACILITY_STATUSES},
)
CANONICAL = {s.name: s for s in (ZONES, SUBZONES, PARCELS, FACILITIES)}
DATE_FIELDS = ("established", "status_date", "leased_from")


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
    for column, allowed in (schema.enums or {}).items():
        if column in frame.columns:
            bad = frame.loc[frame[column].notna() & ~frame[column].isin(allowed), schema.key]
            if len(bad):
                raise InputError(t("lớp {layer}: giá trị {col} không hợp lệ ở {ids} (cho phép: {allowed})",
                                   "layer {layer}: invalid {col} at {ids} (allowed: {allowed})",
                                   layer=schema.name, col=column, ids=", ".join(map(str, bad[:5])),
                                   allowed=", ".join(allowed)), where)
