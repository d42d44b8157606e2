"""core/safe_text.py and core/drawable.py on their own (issue 14); the end-to-end corpus runs are in
test_safe_text_outputs.py."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Polygon, box

from gis_app.core import safe_text as st
from gis_app.core.drawable import undrawable
from gis_app.core.errors import InputError


@pytest.mark.parametrize("name, expected", [
    ("zones", "zones"), ("x/../../../../etc/passwd", "x_________etc_passwd"), ("..", "layer"), ("", "layer"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("a:b*c?d\"e<f>g|h\\i", "a_b_c_d_e_f_g_h_i"),
    (".hidden", "hidden"), ("Lô đất", "Lô đất"), ("tab\tcr\rnul\x00", "tab_cr_nul_"),
])
def test_safe_file_name(name, expected):
    assert st.safe_file_name(name) == expected


def test_unique_file_names_are_distinct_ignoring_case():
    names = st.unique_file_names(["a/b", "a_b", "A_B", "x"])
    assert names == {"a/b": "a_b", "a_b": "a_b_2", "A_B": "A_B_3", "x": "x"}
    assert len(st.safe_file_name("é" * 500)) == st.FILE_NAME_LIMIT


def test_inside_folder_refuses_escapes(tmp_path):
    assert st.inside_folder(tmp_path, tmp_path / "a" / "b.qml") == (tmp_path / "a" / "b.qml").resolve()
    with pytest.raises(InputError):
        st.inside_folder(tmp_path / "styles", tmp_path / "styles" / ".." / "x.qml")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "link").symlink_to("/tmp")
    with pytest.raises(InputError):
        st.inside_folder(tmp_path / "styles", tmp_path / "styles" / "link" / "x.qml")


def test_html_and_script_json_cannot_break_out():
    assert st.html_text("<a href='x'>&") == "&lt;a href=&#x27;x&#x27;&gt;&amp;"
    assert st.html_text(None) == "—" and st.html_text(float("nan")) == "—"
    assert st.html_text("a\x00b\x01c\td") == "a\ufffdb\ufffdc\td"
    text = st.script_json({"k": "</script><!-- \u2028 &"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    import json
    assert json.loads(text) == {"k": "</script><!-- \u2028 &"}


def test_template_data_is_never_compiled():
    element = st.template_data("{{ 7*7 }} {% raw %}")
    assert element.render() == "{{ 7*7 }} {% raw %}"


def test_pdf_paragraph_escapes_markup_and_shortens():
    notes = st.TextNotes()
    assert st.pdf_paragraph('<a href="x">&', notes=notes) == '&lt;a href="x"&gt;&amp;'
    long = st.pdf_paragraph("L" * 100_000, notes=notes)
    assert len(long) == st.PDF_TEXT_LIMIT and long.endswith("…")
    assert notes.counts["truncated"] == 1
    assert st.plot_label("$\\frac{1}{0}$ " + "x" * 100) .startswith("\\$\\frac{1}{0}\\$")


def test_xml_text_replaces_what_xml_forbids_and_names_it():
    from xml.etree import ElementTree as ET

    notes = st.TextNotes()
    root = ET.Element("r", a="x\x01y")
    root.text = "\x00\x0b\x1f\ud800\ufffe ok\t\n"
    data = ET.tostring(st.xml_clean_tree(root, notes))
    parsed = ET.fromstring(data)
    assert parsed.get("a") == "x\ufffdy" and parsed.text == "\ufffd" * 5 + " ok\t\n"
    assert notes.counts["control"] == 2 and "2" in notes.messages("a.qgs")[0]


@pytest.mark.parametrize("value, formula", [
    ("=1+1", True), ("+1", True), ("-1", True), ("@SUM(1)", True), ("\t=1", True), ("\r=1", True),
    (" =1", False), ("KCN =", False), ("", False), (-1, False), (None, False),
])
def test_formula_like(value, formula):
    assert st.formula_like(value) is formula


def test_xlsx_cell_is_text_never_formula(tmp_path):
    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    notes = st.TextNotes()
    for row, value in enumerate(["=cmd|' /C calc'!A0", "ctl\x01", "L" * 40_000, 3.5, "plain"], start=1):
        st.set_text_cell(wb.active.cell(row, 1), value, notes)
    wb.save(tmp_path / "x.xlsx")
    cells = [row[0] for row in load_workbook(tmp_path / "x.xlsx").active.iter_rows()]
    assert [c.data_type for c in cells] == ["s", "s", "s", "n", "s"]
    assert cells[0].value == "=cmd|' /C calc'!A0" and cells[0].quotePrefix
    assert cells[1].value == "ctl\ufffd" and len(cells[2].value) == st.XLSX_CELL_LIMIT
    assert dict(notes.counts) == {"formula": 1, "control": 1, "truncated": 1}


def test_csv_frame_prefixes_formulas_unless_raw():
    import pandas as pd

    frame = pd.DataFrame({"=bad": ["=1+1", "ok", None, "-x"], "n": [-1, 2, 3, 4]})
    safe = st.frame_csv_safe(frame)
    assert list(safe.columns) == ["'=bad", "n"]
    assert safe["'=bad"].tolist()[:2] == ["'=1+1", "ok"] and safe["n"].tolist() == [-1, 2, 3, 4]
    assert st.frame_csv_safe(frame, raw=True) is frame


def test_undrawable_flags_non_finite_and_far_away_features():
    polys = [box(580000, 2317000, 580100, 2317100),  # Hải Dương, EPSG:9209
             Polygon([(0, 0), (1e12, 0), (1e12, 1e12)]), Polygon([(0, 0), (np.inf, 0), (0, 1)]), None]
    frame = gpd.GeoDataFrame({"zone_id": ["ok", "far", "inf", "none"]}, geometry=polys, crs="EPSG:9209")
    assert undrawable(frame).tolist() == [False, True, True, False]


def test_convert_keeps_the_text_after_a_nul(tmp_path, capsys):
    """GDAL ends text at a NUL; convert replaces it (and says so) instead of silently cutting."""
    import pyogrio

    from gis_app.cli import main
    from gis_app.exchange.writers import write_dataset

    frame = gpd.GeoDataFrame({"parcel_id": ["P-1"], "zone_id": ["Z"], "landuse": ["industrial"],
                              "tenant": ["Cty A\x00 phần sau"]}, geometry=[box(580000, 2317000, 580100, 2317100)],
                             crs="EPSG:9209")
    written = write_dataset(frame, tmp_path / "p.geojson")
    assert pyogrio.read_dataframe(tmp_path / "p.geojson")["tenant"][0] == "Cty A\ufffd phần sau"
    assert any("1" in note and "\ufffd" in note for note in written.notes)
    assert main(["convert", str(tmp_path / "p.geojson"), str(tmp_path / "p.gpkg")]) == 0
    assert pyogrio.read_dataframe(tmp_path / "p.gpkg", layer="parcels")["tenant"][0] == "Cty A\ufffd phần sau"


def test_mainland_viet_nam_is_drawable_in_any_vn2000_zone_but_swapped_axes_are_not():
    from gis_app.core.crs import reproject

    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy([102.2, 109.4, 104.8, 107.9], [22.8, 11.9, 8.6, 21.5]),
                              crs="EPSG:4326")
    for epsg in (9205, 9209, 9218):
        assert not undrawable(reproject(points, epsg)).any(), epsg
    swapped = gpd.GeoDataFrame(geometry=gpd.points_from_xy([2317000.0], [580000.0]), crs="EPSG:9209")
    assert undrawable(swapped).all()


def test_no_output_bypasses_safe_text():
    """Guards against a later change reopening the holes: folium.Element compiles its text as a template,
    openpyxl's ws.append stores '=…' as a formula."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "gis_app"
    sources = {p: p.read_text(encoding="utf-8") for p in root.rglob("*.py")}
    assert not [p for p, text in sources.items() if "folium.Element(" in text and p.name != "safe_text.py"]
    assert not [p for p, text in sources.items() if "from branca.element import Element" in text
                and p.name != "safe_text.py"]
    assert "ws.append(" not in sources[root / "reports" / "xlsx_report.py"]
