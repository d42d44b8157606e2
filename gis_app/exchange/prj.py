"""Recognise the CRS of a .prj (ESRI or OGC WKT), including hand-made VN-2000 TM-3 definitions.

Land-department .prj files often carry a custom TM-3 ("VN_2000_Hai_Duong", with or without
TOWGS84) that PROJ cannot match to an EPSG code. We match them by parameters: Transverse Mercator,
k = 0.9999, false easting 500 km, latitude of origin 0, a provincial central meridian, and a
VN-2000 datum (by name, or a TOWGS84 close to VN-2000's). Anything else is "unrecognised" and the
caller proposes candidates instead of guessing.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.crs import VN2000_TM3_EPSG, to_crs
from ..core.i18n import t
from .vn2000 import VN2000_UTM, epsg_for_meridian

# Translations (m) of EPSG:6960 and of the older one-shift VN-2000 -> WGS 84 (EPSG:5194)
VN2000_SHIFTS = ((-191.90441429, -39.30318279, -111.45032835), (-192.873, -39.382, -111.202))
VN2000_DATUM_WORDS = ("vn-2000", "vn_2000", "vn2000", "vietnam_2000", "vietnam 2000", "hanoi_2000")


@dataclass
class PrjResult:
    epsg: int | None  # recognised EPSG code, else None
    reason: str
    guess: int | None = None  # a likely code when not recognised (shown first among candidates)


def recognise_prj(text: str) -> PrjResult:
    """Map .prj text to an EPSG code, or explain why not."""
    from pyproj import CRS

    try:
        crs = CRS.from_user_input(text.strip())
    except Exception as exc:  # pyproj.exceptions.CRSError
        return PrjResult(None, t("không đọc được .prj ({err})", "cannot parse the .prj ({err})",
                                 err=str(exc).splitlines()[0][:120]))
    base = crs.source_crs if crs.is_bound else crs
    towgs84 = _towgs84(crs)
    datum_name = (base.datum.name if base.datum else "") or ""
    named_vn2000 = any(w in datum_name.lower() or w in base.name.lower() for w in VN2000_DATUM_WORDS)
    shift_vn2000 = towgs84 is not None and any(
        all(abs(a - b) < 5.0 for a, b in zip(towgs84[:3], shift)) for shift in VN2000_SHIFTS)
    explicit = _explicit_epsg(base)
    if explicit is not None and not (towgs84 and not shift_vn2000 and explicit in VN2000_TM3_EPSG):
        return PrjResult(explicit, t("mã EPSG:{c} ghi trong .prj", "EPSG:{c} stated in the .prj", c=explicit))
    params = _tm_params(base) if base.is_projected else None
    if params is None or (not named_vn2000 and not shift_vn2000 and abs(params[1] - 0.9999) > 1e-9):
        # not a VN-2000 TM candidate: let PROJ identify it (slow search, so only here)
        code = crs.to_epsg(min_confidence=70) if not crs.is_bound else base.to_epsg(min_confidence=70)
        if code is not None:
            return PrjResult(code, t("mã EPSG:{c} nhận từ .prj", "EPSG:{c} identified from the .prj", c=code))
    if not base.is_projected:
        if base.is_geographic and (named_vn2000 or shift_vn2000):
            return PrjResult(4756, t("VN-2000 kinh/vĩ độ", "VN-2000 lon/lat"))
        return PrjResult(None, t("hệ tọa độ không nhận ra: {n}", "unrecognised coordinate system: {n}", n=base.name))
    if params is None:
        return PrjResult(None, t("phép chiếu không phải Transverse Mercator: {n}",
                                 "projection is not Transverse Mercator: {n}", n=base.name))
    lon0, k, fe, fn, lat0 = params
    standard = abs(fe - 500000) < 1e-3 and abs(fn) < 1e-3 and abs(lat0) < 1e-9
    if not standard:
        return PrjResult(None, t("tham số TM lạ (x0={fe}, y0={fn}, lat0={lat0}) trong {n}",
                                 "unusual TM parameters (x0={fe}, y0={fn}, lat0={lat0}) in {n}",
                                 fe=fe, fn=fn, lat0=lat0, n=base.name))
    if abs(k - 0.9999) < 1e-9:
        guess = epsg_for_meridian(lon0)
        if guess is None:
            return PrjResult(None, t("kinh tuyến trục {m}° không phải của tỉnh nào", "central meridian {m}° is "
                                     "not a provincial one", m=lon0))
        if named_vn2000 or shift_vn2000:
            return PrjResult(guess, t("VN-2000 TM-3 kinh tuyến trục {m}° ({how}) → EPSG:{c}",
                                      "VN-2000 TM-3 central meridian {m}° ({how}) → EPSG:{c}", m=lon0, c=guess,
                                      how="TOWGS84" if shift_vn2000 else t("theo tên", "by name")))
        return PrjResult(None, t("TM-3 kinh tuyến trục {m}° nhưng datum '{d}' không phải VN-2000 "
                                 "(có thể là EPSG:{c}: hãy xác nhận bằng --crs)",
                                 "TM-3 central meridian {m}° but datum '{d}' is not VN-2000 "
                                 "(possibly EPSG:{c}: confirm with --crs)", m=lon0, d=datum_name, c=guess), guess)
    if abs(k - 0.9996) < 1e-9 and (named_vn2000 or shift_vn2000):
        for code, meridian in VN2000_UTM.items():
            if abs(meridian - lon0) < 1e-6:
                return PrjResult(code, t("VN-2000 UTM → EPSG:{c}", "VN-2000 UTM → EPSG:{c}", c=code))
    return PrjResult(None, t("hệ tọa độ không nhận ra: {n}", "unrecognised coordinate system: {n}", n=base.name))


def _explicit_epsg(crs) -> int | None:
    ident = crs.to_json_dict().get("id") or {}
    if ident.get("authority") == "EPSG":
        try:
            return int(ident.get("code"))
        except (TypeError, ValueError):
            return None
    return None


def _towgs84(crs) -> tuple[float, ...] | None:
    if not crs.is_bound:
        return None
    try:
        values = [p.value for p in crs.coordinate_operation.params]
    except Exception:
        return None
    return tuple(float(v) for v in values) if values else None


def _tm_params(crs) -> tuple[float, float, float, float, float] | None:
    op = crs.coordinate_operation
    if op is None or "transverse mercator" not in op.method_name.lower():
        return None
    named = {p.name.lower(): float(p.value) for p in op.params}

    def pick(*words):
        for name, value in named.items():
            if all(w in name for w in words):
                return value
        return 0.0

    return (pick("longitude", "origin"), pick("scale") or 1.0, pick("false easting"), pick("false northing"),
            pick("latitude", "origin"))


def prj_text(epsg: int) -> str:
    """ESRI-flavoured WKT1 for a .prj: GDAL and QGIS identify it as the same EPSG code."""
    return to_crs(epsg).to_wkt("WKT1_ESRI")
