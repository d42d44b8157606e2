"""What planners call the project's layers, fields and values: one alias table, Vietnamese and English.

Internal names (``parcels``, ``zone_id``, ``vacant``) stay in the data and the code; everything a
person reads (layer list, attribute table, Identify, print legend, web map) goes through
``layer_title``, ``field_label`` and ``display_value`` so the whole application says the same thing.
Field names and enumerations are those of ``/work/shared/CONTRACTS.md`` (project data model).
Dates read dd/mm/yyyy in both languages (the Vietnamese administrative form), numbers follow
``core.numbers``.
"""
from __future__ import annotations

import datetime as dt
import math

from .i18n import t
from .numbers import fmt_number, fmt_share

LAYER_TITLES = {
    "zones": ("Khu, cụm công nghiệp", "Industrial zones and clusters"),
    "subzones": ("Phân khu chức năng", "Subzones"),
    "parcels": ("Thửa đất", "Parcels"),
    "facilities": ("Công trình", "Facilities"),
    "province": ("Ranh giới tỉnh", "Province boundary"),
    "districts": ("Ranh giới huyện", "District boundaries"),
    "national_roads": ("Quốc lộ, đường sắt", "National roads and rail"),
    "lots": ("Lô đất (chia lô)", "Lots (subdivision)"),
    "lot_roads": ("Đường mới (chia lô)", "New roads (subdivision)"),
    "lot_access": ("Cạnh tiếp cận (chia lô)", "Access edges (subdivision)"),
    "lot_green": ("Cây xanh (chia lô)", "Green space (subdivision)"),
    "lot_water": ("Mặt nước (chia lô)", "Water (subdivision)"),
    "lot_technical": ("Hạ tầng kỹ thuật (chia lô)", "Technical infrastructure (subdivision)"),
    "lot_services": ("Dịch vụ (chia lô)", "Services (subdivision)"),
    "lot_reserve": ("Quỹ đất công nghệ cao (chia lô)", "High-tech reserve (subdivision)"),
    "roads": ("Đường giao thông", "Roads"),
    "reserve": ("Quỹ đất dự trữ", "Reserve"),
    "remainder": ("Phần đất còn lại", "Remainder"),
    "green": ("Cây xanh", "Green space"),
    "technical": ("Hạ tầng kỹ thuật", "Technical infrastructure"),
    "services": ("Dịch vụ", "Services"),
}

# Fields by name; the same name means the same thing in every layer of the data model.
FIELD_LABELS = {
    "zone_id": ("Mã khu", "Zone id"), "name": ("Tên", "Name"), "kind": ("Loại", "Kind"),
    "established": ("Ngày thành lập", "Established"), "general": ("KCN tổng hợp", "General zone"),
    "operating": ("Đang hoạt động", "Operating"), "province": ("Tỉnh", "Province"),
    "district": ("Huyện", "District"), "industrial_m2": ("Quỹ đất công nghiệp (m²)", "Industrial land (m²)"),
    "leased_m2": ("Đã cho thuê (m²)", "Leased (m²)"), "vacant_m2": ("Chưa cho thuê (m²)", "Vacant (m²)"),
    "gross_m2": ("Diện tích (m²)", "Gross area (m²)"), "fill_rate": ("Tỷ lệ lấp đầy", "Fill rate"),
    "illustrative": ("Số liệu minh họa", "Illustrative"), "source": ("Nguồn", "Source"),
    "status": ("Tình trạng", "Status"), "status_date": ("Ngày của tình trạng", "Status date"),
    "subzone_id": ("Mã phân khu", "Subzone id"), "use": ("Chức năng", "Use"),
    "parcel_id": ("Mã thửa", "Parcel id"), "landuse": ("Loại đất", "Land use"),
    "tenant": ("Nhà đầu tư", "Tenant"), "sector": ("Ngành", "Sector"), "note": ("Ghi chú", "Note"),
    "leased_from": ("Thuê từ ngày", "Leased from"), "facility_id": ("Mã công trình", "Facility id"),
    "capacity_m3_day": ("Công suất (m³/ngày đêm)", "Capacity (m³/day)"),
    "declared_area_m2": ("Diện tích kê khai (m²)", "Declared area (m²)"), "sheet": ("Tờ bản đồ", "Map sheet"),
    "lot_id": ("Số lô", "Lot number"), "layout_id": ("Phương án chia lô", "Layout"),
    "green_id": ("Mã ô cây xanh", "Green id"), "technical_id": ("Mã ô hạ tầng", "Technical id"),
    "service_id": ("Mã ô dịch vụ", "Service id"), "reserve_id": ("Mã ô dự trữ", "Reserve id"),
    "area_m2": ("Diện tích (m²)", "Area (m²)"), "frontage_m": ("Mặt tiền (m)", "Frontage (m)"),
    "depth_m": ("Chiều sâu (m)", "Depth (m)"), "road_id": ("Đường tiếp giáp", "Fronting road"),
    "width_m": ("Bề rộng (m)", "Width (m)"), "access_id": ("Mã cạnh tiếp cận", "Access edge id"),
    "reason": ("Lý do", "Reason"), "compliance": ("Tuân thủ quy tắc", "Compliance"), "level1_id": ("Mã tỉnh", "Province code"),
    "level2_id": ("Mã huyện", "District code"),
}

# Enumerations of the data model (CONTRACTS.md), by field.
VALUE_LABELS = {
    "compliance": {"violation": ("Vi phạm", "Violation"), "warning": ("Cảnh báo", "Warning"), "ok": ("Đạt", "OK"),
                   "n/a": ("Không áp dụng", "N/A"), "unknown": ("Chưa rõ", "Unknown")},
    "landuse": {"industrial": ("Đất công nghiệp", "Industrial"), "road": ("Giao thông", "Roads"),
                "green": ("Cây xanh", "Green space"), "infrastructure": ("Hạ tầng kỹ thuật", "Infrastructure"),
                "service": ("Dịch vụ", "Services"), "water": ("Mặt nước", "Water"), "other": ("Khác", "Other")},
    "use": {"hightech": ("Công nghệ cao", "High-tech"), "cnht": ("Công nghiệp hỗ trợ", "Supporting industry"),
            "general": ("Tổng hợp", "General")},
    "status": {"leased": ("Đã cho thuê", "Leased"), "vacant": ("Còn trống", "Vacant"),
               "planned": ("Quy hoạch", "Planned"), "established": ("Đã thành lập", "Established"),
               "under_construction": ("Đang xây dựng", "Under construction"),
               "operating": ("Đang hoạt động", "Operating"), "suspended": ("Tạm dừng", "Suspended")},
    "kind": {"wwtp": ("Trạm xử lý nước thải tập trung", "Central wastewater plant"),
             "polluting_works": ("Cơ sở gây ô nhiễm", "Polluting works"),
             "assembly_plant": ("Nhà máy lắp ráp", "Assembly plant"), "other": ("Khác", "Other"),
             "main": ("Đường chính", "Main road"), "secondary": ("Đường nhánh", "Secondary road"),
             "internal": ("Đường nội bộ", "Internal road"), "connector": ("Đường nối", "Connector"),
             "isolation": ("Dải cây xanh cách ly", "Isolation strip"), "park": ("Công viên", "Park"),
             "buffer": ("Dải đệm", "Buffer"), "water": ("Hồ điều hòa", "Regulating pond"),
             "spine": ("Đường trục", "Spine road"), "cross": ("Đường ngang", "Cross road"),
             "access": ("Đường tiếp cận", "Access road")},
}
# Choices of the processing forms (gis_app/algorithms/*): shown by label, passed by value.
CHOICE_LABELS = {"auto": ("tự động", "automatic"), "polygon": ("chỉ đối tượng vùng", "polygons only"),
                 "any": ("mọi loại hình học", "any geometry"), "landscape": ("khổ ngang", "landscape"),
                 "portrait": ("khổ dọc", "portrait"), "single": ("một tờ", "single sheet"),
                 "kcn": ("KCN", "KCN"), "ccn": ("CCN", "CCN"),
                 "list": ("liệt kê các bộ quy tắc", "list the rule sets"), "show": ("xem một bộ quy tắc", "show one")}
BOOLEAN_LABELS = {True: ("Có", "Yes"), False: ("Không", "No")}


def layer_title(name: str, default: str | None = None) -> str:
    """The planner's name of a layer in the UI language; an unknown layer keeps ``default`` or its name."""
    pair = LAYER_TITLES.get(str(name))
    return t(*pair) if pair else (default or str(name))


def field_label(field: str) -> str:
    """The planner's name of a field in the UI language; an unknown field keeps its own name."""
    pair = FIELD_LABELS.get(str(field))
    return t(*pair) if pair else str(field)


def value_label(value, field: str | None = None) -> str:
    """An enumeration value in the UI language (``vacant`` → "Còn trống"); others unchanged.

    Without ``field`` the value is looked up in every enumeration (first match)."""
    text = str(value)
    tables = [VALUE_LABELS.get(field, {})] if field else list(VALUE_LABELS.values())
    for table in tables:
        if text in table:
            return t(*table[text])
    return text


def choice_label(value) -> str:
    """A processing form's choice in the UI language (``landscape`` → "khổ ngang"); codes such as A3 or
    utf-8 unchanged."""
    pair = CHOICE_LABELS.get(str(value))
    return t(*pair) if pair else value_label(value)


def fmt_date(value) -> str:
    """dd/mm/yyyy (``2003-08-05 00:00:00`` → ``05/08/2003``); text that is no date stays as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return str(value)


def display_value(value, field: str | None = None) -> str:
    """One attribute value as a person reads it: enumerations by label, booleans Có/Không, dates
    dd/mm/yyyy, numbers in the UI language's format (rates as %, other reals 1 decimal), empty for null."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover - pandas ships with geopandas
        pass
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):  # numpy 2 names it numpy.bool
        return t(*BOOLEAN_LABELS[bool(value)])
    if isinstance(value, (dt.date, dt.datetime)) or type(value).__name__ in ("Timestamp", "datetime64"):
        return fmt_date(value)
    if isinstance(value, int) or type(value).__name__.startswith(("int", "uint")):
        return fmt_number(int(value))
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        value = float(value)
        if field in ("fill_rate", "hightech_share", "cnht_share", "lot_share"):
            return fmt_share(value)
        if field is None and abs(value) < 1 and value != 0:
            return fmt_number(value, 3)
        return fmt_number(value, 1)
    if field in ("established", "status_date", "leased_from"):
        return fmt_date(value)
    return value_label(value, field)
