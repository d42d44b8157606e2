"""Regenerate the Vietnamese Qt translation: lupdate the shell's sources, fill in VI, lrelease.

Run ``.venv/bin/python resources/i18n/update_translations.py`` after changing UI strings.
Source strings are English (``self.tr``); VIETNAMESE below maps each to its translation.
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TS = HERE / "kcn_planner_vi.ts"
QM = HERE / "kcn_planner_vi.qm"

VIETNAMESE = {
    "&File": "&Tệp", "&View": "&Xem", "&Processing": "&Xử lý", "&Language": "&Ngôn ngữ", "&Help": "Trợ &giúp",
    "About KCN Planner": "Giới thiệu KCN Planner", "About KCN Planner…": "Giới thiệu KCN Planner…",
    "Add polygon layer (SHP, GPKG, GeoJSON)…": "Thêm lớp vùng (SHP, GPKG, GeoJSON)…",
    "Add polygon layer": "Thêm lớp vùng",
    "Added layer %1 (%2 features)": "Đã thêm lớp %1 (%2 đối tượng)",
    "An internal error occurred: %1 (details in the log file)": "Lỗi nội bộ: %1 (chi tiết trong tệp nhật ký)",
    "Attribute table": "Bảng thuộc tính", "Cancel": "Hủy", "Cannot continue": "Không thể tiếp tục",
    "Categorized": "Phân loại", "Choose…": "Chọn…", "Field": "Trường", "Fill colour": "Màu tô",
    "Fill rate": "Tỷ lệ lấp đầy", "Fill rate (leased / industrial land)": "Tỷ lệ lấp đầy (đã thuê / đất công nghiệp)",
    "Graduated": "Phân cấp", "ILLUSTRATIVE DATA": "DỮ LIỆU MINH HỌA", "illustrative data": "dữ liệu minh họa",
    "Identify features": "Xem thông tin đối tượng", "Identify results": "Thông tin đối tượng",
    "Illustrative data: zone outlines are invented, not official boundaries.":
        "Dữ liệu minh họa: ranh giới các khu là giả định, không phải ranh giới chính thức.",
    "Internal error": "Lỗi nội bộ", "Kind": "Loại", "Layers": "Lớp bản đồ", "Move layer down": "Chuyển lớp xuống",
    "Move layer up": "Chuyển lớp lên", "Name": "Tên", "Opacity": "Độ đục", "Open project…": "Mở dự án…",
    "Open project": "Mở dự án", "Quit": "Thoát", "Save project": "Lưu dự án", "Save project as…": "Lưu dự án thành…",
    "Save project as": "Lưu dự án thành", "Saved %1": "Đã lưu %1", "Scale": "Tỷ lệ", "Single colour": "Một màu",
    "Style": "Kiểu hiển thị", "Untitled": "Chưa đặt tên", "Working…": "Đang xử lý…", "Zone": "Khu",
    "Zones and fill rates": "Các khu và tỷ lệ lấp đầy", "Zoom to current layer": "Phóng tới lớp đang chọn",
    "Zoom to full extent": "Phóng toàn bộ", "Zoom to selection": "Phóng tới vùng chọn",
    "Unsaved changes": "Thay đổi chưa lưu",
    "The project has unsaved changes. Save them first?": "Dự án có thay đổi chưa lưu. Lưu trước khi tiếp tục?",
    "Industrial zones and clusters": "Khu, cụm công nghiệp", "Subzones": "Phân khu", "Parcels": "Lô đất",
    "Province boundary": "Ranh giới tỉnh", "District boundaries": "Ranh giới huyện",
    "National roads and rail": "Quốc lộ và đường sắt",
    "(default)": "(mặc định)", "Value": "Giá trị", "Version": "Phiên bản", "no data": "không có số liệu",
}


def main() -> int:
    tools = Path(sys.executable).resolve().parent.parent / "lib" / "python3.11" / "site-packages" / "PySide6"
    if not (tools / "lupdate").exists():
        import PySide6

        tools = Path(PySide6.__file__).parent
    sources = sorted(str(p) for p in (ROOT / "gis_app" / "shell").rglob("*.py"))
    subprocess.run([str(tools / "lupdate"), "-no-obsolete", "-tr-function-alias", "translate+=_tr", *sources, "-ts", str(TS)],
                   check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in VIETNAMESE:
            translation.text = VIETNAMESE[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(tools / "lrelease"), str(TS), "-qm", str(QM)], check=True)
    if missing:
        print("untranslated:", *missing, sep="\n  ")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
