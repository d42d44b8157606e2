"""A project is never geographic: the refusal names the province's VN-2000 TM-3 CRS to use instead.

Areas, lengths and scales need a projected CRS in metres (../shared/CONTRACTS.md); the provincial
TM-3 meridians come from ``resources/crs/vn2000_provinces.csv`` (Circular 973/2001/TT-TCĐC).
"""
from __future__ import annotations

from .crs import to_crs, transformer
from .errors import InputError
from .i18n import t


def province_tm3(province: str | None = None, lonlat: tuple[float, float] | None = None) -> list[int]:
    """EPSG codes of the TM-3 CRS a province uses (several for a merged 2025 province); without a
    known province, those of the province whose capital is nearest to ``lonlat``."""
    from gis_app.exchange.vn2000 import meridian_options, nearest_province

    codes = meridian_options(province) if province else []
    if not codes and lonlat is not None:
        near = nearest_province(*lonlat)
        codes = meridian_options(near) if near else []
    return codes


def require_projected(crs, *, province: str | None = None, bounds=None, where=None) -> None:
    """InputError when ``crs`` is not a projected CRS in metres, offering the province's TM-3 CRS.

    ``bounds`` (xmin, ymin, xmax, ymax in ``crs``) locate the data when the province is unknown.
    """
    crs = to_crs(crs)
    if crs.is_projected and all(a.unit_name in ("metre", "meter") for a in crs.axis_info):
        return
    lonlat = None
    if bounds is not None and all(v == v for v in bounds):
        try:
            lonlat = transformer(crs, 4326).transform((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
        except Exception:  # odd CRS: no suggestion from the data, the message still stands
            lonlat = None
    codes = province_tm3(province, lonlat)
    offer = ", ".join(f"EPSG:{c} ({to_crs(c).name})" for c in codes) or "VN-2000 / TM-3"
    raise InputError(t("hệ tọa độ {crs} không phải hệ phẳng tính bằng mét (không đo được diện tích, chiều dài, "
                       "tỷ lệ); hãy chuyển sang hệ VN-2000 TM-3 của tỉnh: {offer} (ví dụ: convert … --to-crs {first})",
                       "the coordinate system {crs} is not projected in metres (areas, lengths and scales cannot be "
                       "measured); reproject to the province's VN-2000 TM-3: {offer} (e.g. convert … --to-crs {first})",
                       crs=crs.to_string() if crs.to_epsg() is None else f"EPSG:{crs.to_epsg()}", offer=offer,
                       first=f"EPSG:{codes[0]}" if codes else "EPSG:9209"), where)


def require_projected_project(project, where=None) -> None:
    """``require_projected`` for a whole project: its province (meta, else the zones' province
    column) or the position of its first non-empty layer picks the TM-3 CRS the refusal offers.
    Used by the desktop's open and by every command that measures (check, report, print, web map,
    QGIS export, proximity, allocation)."""
    if project.crs.is_projected and all(a.unit_name in ("metre", "meter") for a in project.crs.axis_info):
        return
    province = project.meta.get("province")
    zones = project.layers.get("zones")
    if not province and zones is not None and "province" in zones and zones["province"].notna().any():
        province = str(zones["province"].dropna().iloc[0])
    bounds = next((tuple(f.total_bounds) for f in project.layers.values() if len(f)), None)
    require_projected(project.crs, province=province, bounds=bounds, where=where or project.path or project.name)
