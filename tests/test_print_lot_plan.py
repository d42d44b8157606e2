"""A lot plan read from the PDF: at 1:2,000 every lot of 500 m² or more carries its short number and its
area (read back with pdfplumber), the legend uses the planner's names, the land-use balance and the
sheet index are there."""
import geopandas as gpd
import pandas as pd
import pdfplumber
import pytest
from shapely.geometry import box

X0, Y0 = 580000.0, 2317000.0
CRS = "EPSG:9209"


@pytest.fixture(scope="module")
def sme_project(tmp_path_factory):
    """A KCN with a CNHT subzone of SME lots: 20 × 25 m, narrow 15 × 34 m, very narrow 10 × 52 m (the
    long side north–south), a few large ones, along two roads."""
    from gis_app.core.project import Project

    rows, n = [], 0

    def lot(x, y, w, h, status="vacant"):
        nonlocal n
        n += 1
        rows.append({"parcel_id": f"KCN-SME:CN-{n:02d}", "zone_id": "KCN-SME", "landuse": "industrial",
                     "status": status, "tenant": None, "sector": None, "geometry": box(x, y, x + w, y + h)})

    x = X0
    for _ in range(8):  # 500 m²
        lot(x, Y0, 20, 25)
        x += 20
    for _ in range(8):  # 510 m², narrow
        lot(x, Y0, 15, 34)
        x += 15
    for _ in range(6):  # 520 m², very narrow
        lot(x, Y0, 10, 52)
        x += 10
    for k in range(4):  # large lots across the road
        lot(X0 + k * 90, Y0 + 80, 90, 60, "leased")
    lot(X0 + 400, Y0 + 80, 12, 30)  # 360 m²: under the SME minimum, labelled only if it fits
    rows.append({"parcel_id": "KCN-SME:D-1", "zone_id": "KCN-SME", "landuse": "road", "status": None,
                 "tenant": None, "sector": None, "geometry": box(X0, Y0 + 60, X0 + 480, Y0 + 80)})
    rows.append({"parcel_id": "KCN-SME:G-1", "zone_id": "KCN-SME", "landuse": "green", "status": None,
                 "tenant": None, "sector": None, "geometry": box(X0, Y0 + 140, X0 + 480, Y0 + 160)})
    parcels = gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS)
    zones = gpd.GeoDataFrame({
        "zone_id": ["KCN-SME"], "name": ["KCN Thử chia lô"], "kind": ["KCN"],
        "established": pd.to_datetime(["2022-03-01"]), "general": [True], "operating": [True],
        "province": ["Hải Dương"], "industrial_m2": [None], "leased_m2": [None]},
        geometry=[box(X0 - 10, Y0 - 10, X0 + 490, Y0 + 170)], crs=CRS)
    subzones = gpd.GeoDataFrame({"subzone_id": ["SZ-CNHT"], "zone_id": ["KCN-SME"], "use": ["cnht"]},
                                geometry=[box(X0, Y0, X0 + 340, Y0 + 60)], crs=CRS)
    project = Project(meta={"name": "Dự án thử chia lô"})
    project.add_layer("zones", zones)
    project.add_layer("subzones", subzones)
    project.add_layer("parcels", parcels)
    path = tmp_path_factory.mktemp("lotplan") / "lot_plan.gpkg"
    project.save(path)
    return path, parcels


def _text(pdf_path) -> str:
    """All text of the PDF, upright lines first, then the words set along lots standing north–south."""
    with pdfplumber.open(pdf_path) as pdf:
        upright = [page.extract_text() or "" for page in pdf.pages]
        turned = [w["text"] for page in pdf.pages
                  for w in page.extract_words(char_dir_rotated="btt") if not w["upright"]]
    return "\n".join(upright) + "\n" + " ".join(turned)


def test_every_sme_lot_carries_its_number_and_area_at_1_2000_on_a3(sme_project, tmp_path):
    from gis_app.cli import main

    path, parcels = sme_project
    out = tmp_path / "plan.pdf"
    assert main(["export-pdf", str(path), "--out", str(out), "--paper", "A3", "--scale", "2000",
                 "--zone", "KCN-SME"]) == 0
    text = _text(out)
    words = set(text.split())
    lots = parcels[(parcels["landuse"] == "industrial") & (parcels.area >= 500)]
    for pid, area in zip(lots["parcel_id"], lots.area):
        number = pid.split(":")[1]
        assert number in words, number  # the short number, not KCN-SME:CN-07
        assert f"{area:,.0f}".replace(",", ".") in words, (number, area)
    assert "KCN-SME:CN-01" not in text
    # the legend speaks the planner's language; the land-use balance table is there with its total
    for needle in ("Đất công nghiệp", "Giao thông", "Cây xanh", "Phân khu chức năng",
                   "BẢNG CÂN BẰNG SỬ DỤNG ĐẤT", "Tổng cộng"):
        assert needle in text, needle
    for internal in ("parcels", "subzones", "industrial", "landuse"):
        assert internal not in words, internal


def test_sheet_index_and_english_print(sme_project, tmp_path):
    from gis_app.cli import main
    from gis_app.core import i18n

    path, _ = sme_project
    out = tmp_path / "plan.pdf"
    # 1:1,000 on A4 needs several sheets: each carries the sheet index (key map)
    assert main(["export-pdf", str(path), "--out", str(out), "--paper", "A4", "--scale", "1000",
                 "--zone", "KCN-SME"]) == 0
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) > 1
        assert all("SƠ ĐỒ GHÉP TỜ" in (page.extract_text() or "") for page in pdf.pages)
    i18n.set_language("en")
    try:
        assert main(["export-pdf", str(path), "--out", str(out), "--paper", "A3", "--scale", "2000",
                     "--zone", "KCN-SME"]) == 0
        text = _text(out)
        assert "LAND-USE BALANCE" in text and "1,000 m²" not in text and "5,400 m²" in text.replace("\n", " ")
    finally:
        i18n.set_language("vi")
