"""Map land-department field names (TenKCN, DienTich, MaLo, LoaiDat, ...) onto the canonical schema.

``propose_mapping`` guesses the target layer (zones or parcels) and a source → canonical field map
from known aliases; the dialog shows it, the planner corrects it, and ``MappingStore`` remembers the
corrected mapping for the next file of the same "shape" (the same set of field names).
``apply_mapping`` renames fields and translates Vietnamese values (loại đất, trạng thái, KCN/CCN).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.atomic import write_text_atomic
from .dbf import ascii_fold
from ..core.paths import config_dir

# canonical field -> normalised aliases (lower-case ASCII, no separators)
ZONE_ALIASES = {
    "zone_id": ("zoneid", "makcn", "maccn", "makhu", "makhucn", "macum", "makcnccn", "ma"),
    "name": ("name", "tenkcn", "tenccn", "tenkhu", "tenkhucn", "tencum", "ten", "tenkhucongnghiep"),
    "kind": ("kind", "loaikhu", "loai", "phanloai", "kcnccn"),
    "established": ("established", "ngaythanhlap", "ngaytl", "ngayqd", "ngayquyetdinh", "namthanhlap"),
    "general": ("general", "tonghop", "datnganh"),
    # second round (CONTRACTS.md): the zone's status and its date; "trạng thái" is the status now
    "status": ("status", "trangthai", "tinhtrang", "giaidoan"),
    "status_date": ("statusdate", "ngaytrangthai", "ngayhoatdong", "ngayhd", "ngayvanhanh", "ngaydihoatdong"),
    "operating": ("operating", "hoatdong", "dahoatdong"),
    "province": ("province", "tinh", "tentinh", "tinhthanh"),
    "industrial_m2": ("industrialm2", "dtcn", "dientichcn", "datcn", "dtdatcn", "dientichdatcn"),
    "leased_m2": ("leasedm2", "dtchothue", "dachothue", "dtdachothue", "dientichchothue"),
    "declared_area_m2": ("dientich", "dt", "area", "dtich", "tongdientich"),
    "district": ("district", "huyen", "quanhuyen", "tenhuyen"),
}
PARCEL_ALIASES = {
    "parcel_id": ("parcelid", "malo", "sothua", "mathua", "kyhieulo", "kyhieu", "solo", "id"),
    "zone_id": ("zoneid", "makcn", "maccn", "makhu"),
    "landuse": ("landuse", "loaidat", "mucdich", "mdsd", "mucdichsudung", "chucnang"),
    "status": ("status", "trangthai", "tinhtrang", "thue", "chothue"),
    "tenant": ("tenant", "doanhnghiep", "tendn", "nhadautu", "tennhadautu", "chudautu", "chusudung"),
    "sector": ("sector", "nganh", "nganhnghe", "linhvuc"),
    "leased_from": ("leasedfrom", "ngaythue", "ngaybatdauthue", "thuetungay", "ngayhopdong", "ngayhd"),
    "declared_area_m2": ("dientich", "dt", "area", "dtich"),
    "sheet": ("soto", "tobando", "sotobando"),
}
PARCEL_MARKERS = ("malo", "sothua", "loaidat", "mathua", "mucdich", "mdsd", "parcelid", "landuse")
FACILITY_ALIASES = {
    "facility_id": ("facilityid", "macoso", "maxlnt", "macongtrinh", "ma", "id"),
    "zone_id": ("zoneid", "makcn", "maccn", "makhu"),
    "kind": ("kind", "loaicoso", "loaicongtrinh", "loai"),
    "status": ("status", "trangthai", "tinhtrang"),
    "capacity_m3_day": ("capacitym3day", "congsuat", "congsuatm3ngd", "congsuatxl"),
    "sector": ("sector", "nganh", "nganhnghe", "linhvuc"),
    "name": ("name", "ten", "tencoso", "tencongtrinh"),
}
FACILITY_MARKERS = ("facilityid", "macoso", "maxlnt", "loaicoso", "congsuat", "congsuatm3ngd", "capacitym3day")
ZONE_STATUS_WORDS = (("chua hoat dong", "established"), ("quy hoach", "planned"), ("du kien", "planned"), ("dang xay", "under_construction"),
                     ("xay dung", "under_construction"), ("tam dung", "suspended"), ("dung hoat", "suspended"),
                     ("hoat dong", "operating"), ("van hanh", "operating"), ("thanh lap", "established"),
                     ("planned", "planned"), ("established", "established"),
                     ("under_construction", "under_construction"), ("operating", "operating"),
                     ("suspended", "suspended"))
FACILITY_KIND_WORDS = (("nuoc thai", "wwtp"), ("xlnt", "wwtp"), ("wwtp", "wwtp"), ("lap rap", "assembly_plant"),
                       ("assembly", "assembly_plant"), ("o nhiem", "polluting_works"), ("xi ma", "polluting_works"),
                       ("polluting", "polluting_works"), ("khac", "other"), ("other", "other"))
FACILITY_STATUS_WORDS = (("quy hoach", "planned"), ("du kien", "planned"), ("planned", "planned"),
                         ("dang xay", "under_construction"), ("xay dung", "under_construction"),
                         ("under_construction", "under_construction"), ("hoat dong", "operating"),
                         ("van hanh", "operating"), ("operating", "operating"))

LANDUSE_WORDS = (("cong nghiep", "industrial"), ("nha may", "industrial"), ("skc", "industrial"),
                 ("giao thong", "road"), ("duong", "road"), ("dgt", "road"), ("cay xanh", "green"),
                 ("xanh", "green"), ("ha tang", "infrastructure"), ("ky thuat", "infrastructure"),
                 ("dau moi", "infrastructure"), ("dich vu", "service"), ("dieu hanh", "service"),
                 ("mat nuoc", "water"), ("ho", "water"), ("song", "water"), ("kenh", "water"))
STATUS_WORDS = (("chua", "vacant"), ("con trong", "vacant"), ("trong", "vacant"), ("vacant", "vacant"),
                ("da cho thue", "leased"), ("da thue", "leased"), ("cho thue", "leased"), ("leased", "leased"))
OPERATING_WORDS = (("chua", False), ("dang xay", False), ("quy hoach", False), ("hoat dong", True),
                   ("van hanh", True))
# general (mixed) zone or specialised one, as land-department files write it ("Tổng hợp", "Chuyên ngành")
GENERAL_WORDS = (("tong hop", True), ("da nganh", True), ("chuyen nganh", False), ("chuyen biet", False),
                 ("khong", False), ("co", True), ("true", True), ("false", False))


def normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(str(name)).lower())


def fold_value(value) -> str:
    return re.sub(r"\s+", " ", ascii_fold(str(value)).lower()).strip()


@dataclass
class FieldMapping:
    target_layer: str  # "zones", "parcels" or "" (keep as an ordinary layer)
    fields: dict[str, str | None] = field(default_factory=dict)  # source field -> canonical (None = keep)
    from_store: bool = False

    def as_dict(self) -> dict:
        return {"target_layer": self.target_layer, "fields": self.fields}

    @classmethod
    def from_dict(cls, data: dict, from_store: bool = False) -> "FieldMapping":
        return cls(data.get("target_layer", ""), dict(data.get("fields", {})), from_store)


def shape_key(columns) -> str:
    """Identity of a file's field layout: the sorted normalised field names."""
    names = sorted(normalise(c) for c in columns)
    return hashlib.sha1("|".join(names).encode()).hexdigest()[:16]


def propose_mapping(columns) -> FieldMapping:
    normal = {c: normalise(c) for c in columns}
    is_facilities = any(n in FACILITY_MARKERS for n in normal.values())
    is_parcels = not is_facilities and any(n in PARCEL_MARKERS for n in normal.values())
    aliases = FACILITY_ALIASES if is_facilities else PARCEL_ALIASES if is_parcels else ZONE_ALIASES
    mapping: dict[str, str | None] = {c: None for c in columns}
    used: set[str] = set()
    for canonical, names in aliases.items():  # alias order = priority
        # the canonical name itself, also as a DBF cuts it to 10 characters ("establishe")
        for alias in (normalise(canonical), normalise(canonical[:10]), *names):
            hit = next((c for c, n in normal.items() if n == alias and mapping[c] is None), None)
            if hit is not None and canonical not in used:
                mapping[hit] = canonical
                used.add(canonical)
                break
    if is_facilities:
        target = "facilities" if {"facility_id", "kind"} <= used else ""
    elif is_parcels:
        target = "parcels" if {"parcel_id", "landuse"} <= used else ""
    else:
        target = "zones" if {"zone_id", "name"} <= used else ""  # ids are never invented
    return FieldMapping(target, mapping)


def apply_mapping(frame: pd.DataFrame, mapping: FieldMapping, defaults: dict | None = None) -> pd.DataFrame:
    """Rename mapped fields and translate their Vietnamese values to the canonical vocabulary.

    ``defaults`` fills canonical fields the file lacks (e.g. the zone_id of a parcel file).
    """
    renames = {src: dst for src, dst in mapping.fields.items() if dst and src in frame.columns and src != dst}
    # a column already named like a mapping target is kept under another name, never dropped
    for column in [c for c in renames.values() if c in frame.columns and c not in renames]:
        spare = f"{column}_orig"
        while spare in frame.columns or spare in renames.values():
            spare += "_"
        renames[column] = spare
    out = frame.rename(columns=renames)
    for column, value in (defaults or {}).items():
        if value is not None and column not in out:
            out[column] = value
    if mapping.target_layer == "parcels":
        if "landuse" in out:
            out["landuse"] = _translate(out["landuse"], LANDUSE_WORDS, "other")
        if "status" in out:
            out["status"] = _translate(out["status"], STATUS_WORDS, None)
            if "landuse" in out:
                out.loc[out["landuse"] != "industrial", "status"] = None
    if mapping.target_layer == "zones":
        if "kind" in out:
            out["kind"] = out["kind"].map(_zone_kind)
        else:  # from the id or name ("KCN-...", "Cụm công nghiệp ..."); unknown stays empty
            ids = out["zone_id"] if "zone_id" in out else [None] * len(out)
            names = out["name"] if "name" in out else [None] * len(out)
            out["kind"] = pd.Series([_zone_kind(i) or _zone_kind(n) for i, n in zip(ids, names)],
                                    index=out.index, dtype=object)
        if "general" in out and _is_text(out["general"]):
            out["general"] = _translate(out["general"], GENERAL_WORDS, None)
        if "operating" in out and _is_text(out["operating"]):
            out["operating"] = _translate(out["operating"], OPERATING_WORDS, None)
        if "status" in out and _is_text(out["status"]):
            out["status"] = _translate(out["status"], ZONE_STATUS_WORDS, None)
            if "operating" not in out:  # the status says whether secondary tenants operate
                out["operating"] = out["status"].map(lambda s: None if s is None else s == "operating")
    if mapping.target_layer == "facilities":
        if "kind" in out and _is_text(out["kind"]):
            out["kind"] = _translate(out["kind"], FACILITY_KIND_WORDS, "other")
        if "status" in out and _is_text(out["status"]):
            out["status"] = _translate(out["status"], FACILITY_STATUS_WORDS, None)
    return out


def declared_area_note(frame) -> str | None:
    """A warning when the file's declared areas (DienTich) disagree with the computed ones.

    A median ratio near 1/10,000 means the column is in hectares; anything else off by more than
    10 % suggests a wrong CRS or a wrong column. Areas are compared on the projected plane.
    """
    import numpy as np
    import shapely

    if "declared_area_m2" not in frame.columns or frame.crs is None or not frame.crs.is_projected:
        return None
    declared = pd.to_numeric(frame["declared_area_m2"], errors="coerce").to_numpy(dtype=float)
    computed = shapely.area(frame.geometry.values)
    ok = np.isfinite(declared) & (declared > 0) & (computed > 0)
    if ok.sum() == 0:
        return None
    ratio = float(np.median(declared[ok] / computed[ok]))
    if 0.9 <= ratio <= 1.1:
        return None
    from ..core.i18n import t

    if 0.9e-4 <= ratio <= 1.1e-4:
        return t("diện tích khai báo (DienTich) có vẻ tính bằng ha, không phải m² (tỉ lệ trung vị {r:.2e})",
                 "declared areas (DienTich) look like hectares, not m² (median ratio {r:.2e})", r=ratio)
    return t("diện tích khai báo khác diện tích tính từ hình (tỉ lệ trung vị {r:.3f}): kiểm tra hệ tọa độ",
             "declared areas differ from the computed ones (median ratio {r:.3f}): check the coordinate system",
             r=ratio)


def _zone_kind(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = fold_value(value)
    if re.search(r"\bccn\b|cum cong nghiep|^ccn", text):
        return "CCN"
    if re.search(r"\bkcn\b|khu cong nghiep|^kcn", text):
        return "KCN"
    return None


def _is_text(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series)


def _translate(series: pd.Series, words, default):
    def one(v):
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return None
        text = fold_value(v)
        if text in {w for _, w in words if isinstance(w, str)}:
            return text
        for key, value in words:
            if re.search(rf"\b{re.escape(key)}\b", text):
                return value
        return default

    # once per distinct value (a million parcels hold a handful of land uses), not per row
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    table = np.array([one(v) for v in uniques] + [None], dtype=object)  # [-1]: missing values
    return pd.Series(table[codes], index=series.index, dtype=object)


class MappingStore:
    """Mappings the planner confirmed, keyed by field shape, in ``<config dir>/field_mappings.json``.

    The config dir is ``$KCN_CONFIG_DIR`` when set (tests), else the user's config folder.
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else config_dir() / "field_mappings.json"

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def get(self, columns) -> FieldMapping | None:
        entry = self._load().get(shape_key(columns))
        return FieldMapping.from_dict(entry, from_store=True) if entry else None

    def put(self, columns, mapping: FieldMapping) -> None:
        data = self._load()
        data[shape_key(columns)] = {**mapping.as_dict(), "columns": list(columns)}
        write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1))

    def mapping_for(self, columns) -> FieldMapping:
        """The remembered mapping for this shape, else a fresh proposal."""
        return self.get(columns) or propose_mapping(columns)
