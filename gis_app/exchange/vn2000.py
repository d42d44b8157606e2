"""VN-2000 catalogue: provincial TM-3 central meridians (63 provinces before 1 July 2025, 34 after)
and CRS candidates proposed from coordinate ranges when a dataset has no usable .prj.

The CRS is stored per dataset: a merged 2025 province offers every meridian of its former provinces,
so the planner (or ``--crs``) chooses; nothing here assigns a CRS from a province name.
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..core.crs import VN2000_TM3_EPSG, transformer
from ..core.i18n import t

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "crs"
VN2000_UTM = {3405: 105.0, 3406: 111.0}  # VN-2000 / UTM zone 48N, 49N
WGS84_UTM = {32648: 105.0, 32649: 111.0}
GEOGRAPHIC = {4326: "WGS 84", 4756: "VN-2000"}
# Vietnam's extent with a margin (lon/lat) and the TM-3 / UTM planar ranges it implies.
VN_LON, VN_LAT = (101.5, 110.5), (7.5, 24.0)


@dataclass(frozen=True)
class ProvinceMeridian:
    province: str  # pre-2025 name
    province_2025: str
    central_meridian: float  # degrees
    label: str  # 105°30′
    epsg: int


@dataclass(frozen=True)
class Candidate:
    epsg: int
    name: str
    score: float  # higher is better
    reason: str
    lon: float | None = None
    lat: float | None = None

    def as_dict(self) -> dict:
        return {"epsg": self.epsg, "name": self.name, "score": round(self.score, 3), "reason": self.reason}


@lru_cache(maxsize=1)
def provinces() -> tuple[ProvinceMeridian, ...]:
    """The 63 pre-2025 provinces with meridian, EPSG code and 2025 province."""
    with open(RESOURCES / "vn2000_provinces.csv", encoding="utf-8") as f:
        return tuple(ProvinceMeridian(r["province_pre2025"], r["province_2025"], float(r["central_meridian_deg"]),
                                      r["central_meridian"], int(r["epsg_tm3"])) for r in csv.DictReader(f))


def provinces_2025() -> dict[str, list[ProvinceMeridian]]:
    """The 34 provinces since 1 July 2025, each with every meridian (one entry per meridian)."""
    out: dict[str, dict[int, ProvinceMeridian]] = {}
    for p in provinces():
        out.setdefault(p.province_2025, {}).setdefault(p.epsg, p)
    return {name: sorted(by_epsg.values(), key=lambda p: p.central_meridian) for name, by_epsg in out.items()}


def meridian_options(province: str) -> list[int]:
    """EPSG codes a province offers, by its pre-2025 or 2025 name (a merged province: several)."""
    key = _fold(province)
    pre = [p.epsg for p in provinces() if _fold(p.province) == key]
    if pre:
        return pre
    return sorted({p.epsg for p in provinces() if _fold(p.province_2025) == key})


def epsg_for_meridian(central_meridian: float) -> int | None:
    for code in VN2000_TM3_EPSG:
        if abs(tm3_meridian(code) - central_meridian) < 1e-6:
            return code
    return None


@lru_cache(maxsize=None)
def tm3_meridian(epsg: int) -> float:
    from pyproj import CRS

    for param in CRS.from_epsg(epsg).coordinate_operation.params:
        if "Longitude of natural origin" in param.name:
            return float(param.value)
    raise ValueError(epsg)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[float, float]]:
    with open(RESOURCES / "province_capitals.csv", encoding="utf-8") as f:
        return {r["province_pre2025"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)}


def crs_candidates(bounds, limit: int = 8) -> list[Candidate]:
    """Ranked CRS candidates for data with extent ``bounds`` (xmin, ymin, xmax, ymax) and no CRS.

    Geographic when the numbers are Vietnamese lon/lat; otherwise each VN-2000 TM-3 meridian (and
    UTM 48N/49N) is tried: the candidate is plausible when it puts the data inside Vietnam, and it
    ranks by the distance to the nearest provincial capital that uses that meridian.
    """
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return []
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    out: list[Candidate] = []
    if VN_LON[0] <= xmin and xmax <= VN_LON[1] and VN_LAT[0] <= ymin and ymax <= VN_LAT[1]:
        near, dist = _nearest_capital(cx, cy, None)
        for code, datum in GEOGRAPHIC.items():
            out.append(Candidate(code, f"{datum} (lon/lat)", 0.9 if code == 4326 else 0.6, t(
                "tọa độ là kinh/vĩ độ trong Việt Nam (gần {p}, {d:.0f} km); {datum}",
                "coordinates are lon/lat inside Vietnam (near {p}, {d:.0f} km); {datum}",
                p=near, d=dist, datum=datum), cx, cy))
        return out
    if not (100_000 <= xmin and xmax <= 900_000 and 800_000 <= ymin and ymax <= 2_800_000):
        return []
    by_epsg = {}
    for p in provinces():
        by_epsg.setdefault(p.epsg, []).append(p)
    trials = [(code, "TM-3", [p.province for p in by_epsg.get(code, [])]) for code in VN2000_TM3_EPSG]
    trials += [(code, "UTM", None) for code in (*VN2000_UTM, *WGS84_UTM)]
    for code, kind, users in trials:
        src = _crs_name(code)
        lon, lat = transformer(code, 4326).transform(cx, cy)
        if not (VN_LON[0] <= lon <= VN_LON[1] and VN_LAT[0] <= lat <= VN_LAT[1]):
            continue
        near, dist = _nearest_capital(lon, lat, users)
        if near is None:
            continue
        score = 1.0 / (1.0 + dist / 25.0) * (1.0 if kind == "TM-3" else 0.5)  # provincial data is TM-3
        if kind == "TM-3":
            reason = t("đặt dữ liệu tại {lon:.3f}, {lat:.3f}, cách {p} {d:.0f} km; kinh tuyến trục này dùng cho: {users}",
                       "puts the data at {lon:.3f}, {lat:.3f}, {d:.0f} km from {p}; this meridian serves: {users}",
                       lon=lon, lat=lat, p=near, d=dist,
                       users=", ".join(users[:4]) + (f" (+{len(users) - 4})" if len(users) > 4 else ""))
        else:
            reason = t("UTM: đặt dữ liệu tại {lon:.3f}, {lat:.3f}, cách {p} {d:.0f} km",
                       "UTM: puts the data at {lon:.3f}, {lat:.3f}, {d:.0f} km from {p}",
                       lon=lon, lat=lat, p=near, d=dist)
        out.append(Candidate(code, src, score, reason, lon, lat))
    out.sort(key=lambda c: -c.score)
    return out[:limit]


def format_candidates(candidates: list[Candidate], limit: int = 5) -> str:
    candidates = candidates[:limit]
    if not candidates:
        return t("không đoán được hệ tọa độ từ phạm vi tọa độ", "no coordinate system fits the coordinate ranges")
    return "; ".join(f"EPSG:{c.epsg} {c.name} ({c.reason})" for c in candidates)


def _nearest_capital(lon: float, lat: float, users: list[str] | None) -> tuple[str | None, float]:
    best, best_d = None, float("inf")
    for name, (plon, plat) in _capitals().items():
        if users is not None and name not in users:
            continue
        d = _km(lon, lat, plon, plat)
        if d < best_d:
            best, best_d = name, d
    return best, best_d


def _km(lon1, lat1, lon2, lat2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl, dp = math.radians(lon2 - lon1), p2 - p1
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@lru_cache(maxsize=None)
def _crs_name(code: int) -> str:
    from pyproj import CRS

    return CRS.from_epsg(code).name


def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for prefix in ("tinh ", "thanh pho ", "tp "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.replace("–", "-").strip()


def nearest_province(lon: float, lat: float) -> str | None:
    """The pre-2025 province whose capital is nearest to (lon, lat) in degrees."""
    return _nearest_capital(lon, lat, None)[0]
