"""The four exchange cases (tests/data/exchange_cases, copied from ../shared/cases/exchange), each
with its right result from EXPECTED.md, run through the `convert` command as a planner would."""
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from gis_app.cli import main as cli_main
from gis_app.core.i18n import set_language
from gis_app.exchange.readers import read_dataset

CASES = Path(__file__).parent / "data" / "exchange_cases"


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("vi")


def convert(args, capsys) -> tuple[int, str, dict | None]:
    code = cli_main(["--lang", "en", "convert", *map(str, args)])
    captured = capsys.readouterr()
    report = None
    if "--report" in args:
        path = Path(args[args.index("--report") + 1])
        report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    return code, captured.err + captured.out, report


# -- dxf-hatch --------------------------------------------------------------------------------
@pytest.mark.parametrize("name, expected", [
    ("lots_from_ogr2ogr.dxf", [2000, 2000 + 1600 - 2000, 7100, 2000]),
    ("mixed_hatch_and_polyline.dxf", [2000, 1600, 7100, 2000, 2000]),
])
def test_dxf_hatched_lots_become_polygons(tmp_path, capsys, name, expected):
    out, report_path = tmp_path / "lots.gpkg", tmp_path / "report.json"
    code, text, report = convert([CASES / "dxf-hatch" / name, out, "--crs", "9209", "--report", report_path,
                                  "--layer-name", "lots", "--no-map-fields"], capsys)
    assert code == 0, text
    frame = gpd.read_file(out, layer="lots")
    assert sorted(frame.area.round(1)) == sorted(float(a) for a in expected)
    assert frame.area.sum() == pytest.approx(sum(expected))
    holed = frame[frame.area.round() == 7100].geometry.iloc[0]
    assert len(holed.interiors) == 1  # L-HOLE keeps its hole
    assert report["geometry"]["rejected"] == 0 and report["geometry"]["imported"] == len(expected)
    assert report["entities"]["HATCH"] == {"read": 4, "imported": 4, "rejected": 0, "unread": 0, "reason": ""}
    if "mixed" in name:
        assert report["entities"]["LWPOLYLINE"]["imported"] == 1


def test_dxf_hatch_areas_agree_with_gdal():
    import pyogrio

    ours = read_dataset(CASES / "dxf-hatch" / "lots_from_ogr2ogr.dxf", crs=9209).frame
    gdal = pyogrio.read_dataframe(CASES / "dxf-hatch" / "lots_from_ogr2ogr.dxf")
    by_handle = dict(zip(gdal["EntityHandle"], gdal.geometry.area))
    assert {h: round(a, 3) for h, a in zip(ours["handle"], ours.area)} == \
        {h: round(a, 3) for h, a in by_handle.items()}


# -- dbf-duplicate-fields ---------------------------------------------------------------------
def test_duplicate_dbf_fields_are_both_kept(tmp_path, capsys):
    out, report_path = tmp_path / "kcn.csv", tmp_path / "r.json"
    code, text, report = convert([CASES / "dbf-duplicate-fields" / "kcn_dup.shp", out, "--report", report_path],
                                 capsys)
    assert code == 0, text
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert list(frame.columns) == ["WKT", "MAKCN", "TENKHUCONG", "TENKHUCONG2", "DIENTICHDAT"]  # as ogr2ogr names them
    assert {"KCN Đại An", "KCN Phúc Điền", "KCN Tân Trường"} <= set(frame["TENKHUCONG"])
    assert "KCN Đại An cũ" in set(frame["TENKHUCONG2"])
    assert "TENKHUCONG2" in text and "duplicate" in text  # the note
    fate = next(f for f in report["fields"] if f["target"] == "TENKHUCONG2")
    assert fate["status"] == "renamed" and fate["source"] == "TENKHUCONG"
    assert frame["DIENTICHDAT"].iloc[0] == 1360000  # the 11-byte name without its NUL


def test_duplicate_fields_agree_with_ogr2ogr(tmp_path):
    import subprocess

    reference = tmp_path / "gdal.csv"
    subprocess.run(["ogr2ogr", "-f", "CSV", str(reference), str(CASES / "dbf-duplicate-fields" / "kcn_dup.shp")],
                   check=True, capture_output=True)
    gdal = pd.read_csv(reference, dtype=str, keep_default_na=False)
    ours = read_dataset(CASES / "dbf-duplicate-fields" / "kcn_dup.shp").frame
    assert [c for c in ours.columns if c != "geometry"] == list(gdal.columns)
    for column in ("TENKHUCONG", "TENKHUCONG2"):
        assert [v or "" for v in ours[column]] == list(gdal[column])


# -- dbf-utf8-cut -----------------------------------------------------------------------------
def _company_names() -> dict:
    """The intact names, from the file whose values were not cut (c, except L07)."""
    frame = read_dataset(CASES / "dbf-utf8-cut" / "c_one_value_cut" / "thua_utf8.shp").frame
    return dict(zip(frame["MaLo"], frame["TenDN"]))


def test_utf8_with_one_cut_value_is_read_as_utf8(tmp_path, capsys, english):
    out, report_path = tmp_path / "c.csv", tmp_path / "r.json"
    code, text, report = convert([CASES / "dbf-utf8-cut" / "c_one_value_cut" / "thua_utf8.shp", out,
                                  "--report", report_path], capsys)
    assert code == 0, text
    assert report["encoding"]["name"] == "utf-8"
    names = _company_names()
    assert names["L00"] == "Công ty May Hải Dương"
    assert all("\ufffd" not in n for n in names.values())
    assert [(v["row"], v["field"]) for v in report["values"]] == [("L07", "TenDN")]
    assert "L07" in text and "TenDN" in text
    assert "\ufffd" not in out.read_text(encoding="utf-8-sig")


def test_utf8_with_half_the_values_cut_is_still_utf8(english):
    dataset = read_dataset(CASES / "dbf-utf8-cut" / "b_value_cut" / "thua_utf8.shp")
    assert dataset.encoding.encoding == "utf-8"
    listed = {v.row for v in dataset.account.values}
    assert len(listed) == 15
    intact = _company_names()
    for lot, name in zip(dataset.frame["MaLo"], dataset.frame["TenDN"]):
        assert "\ufffd" not in name
        if lot == "L07":  # cut in the reference file too
            continue
        if lot in listed:  # the half letter is dropped, everything before it is exact
            assert intact[lot].startswith(name) and len(name) < len(intact[lot])
        else:
            assert name == intact[lot]


def test_cut_field_name_is_read_as_far_as_valid(tmp_path, capsys, english):
    out, report_path = tmp_path / "a.csv", tmp_path / "r.json"
    code, text, report = convert([CASES / "dbf-utf8-cut" / "a_name_cut" / "thua_utf8.shp", out, "--report",
                                  report_path], capsys)
    assert code == 0, text  # never "cannot read the geometries"
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",")[-1] == "Tên_Khu_"
    assert any(f["target"] == "Tên_Khu_" and "damaged" in f["reason"] for f in report["fields"])
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert frame["Tên_Khu_"].iloc[0] == "Công ty May Hải Dương"


# -- csv-vietnamese-numbers --------------------------------------------------------------------
@pytest.mark.parametrize("name, industrial, leased", [
    ("ccn_excel_vn.csv", [52500, 84250, 45000], [30000, 12000, 45000]),
    ("ccn_decimal_comma.csv", [52500.5, 84250, 45000.5], [30000.25, 12000.75, 45000]),
])
def test_vietnamese_numbers_in_csv(tmp_path, capsys, name, industrial, leased):
    out, report_path = tmp_path / "p.gpkg", tmp_path / "r.json"
    code, text, report = convert([CASES / "csv-vietnamese-numbers" / name, out, "--crs", "9209", "--report",
                                  report_path], capsys)
    assert code == 0, text
    zones = gpd.read_file(out, layer="zones").set_index("zone_id")
    assert list(zones["industrial_m2"]) == industrial
    assert list(zones["leased_m2"]) == leased
    assert list(zones["declared_area_m2"]) == [75000, 120000, 60000]
    assert sum(industrial) > 180_000  # the province summary: 181,750 m², never 181.75
    assert "DTCN" in text and "Vietnamese" in text
