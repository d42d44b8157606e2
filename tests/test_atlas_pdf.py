"""Multi-sheet prints read back from the PDF: page count, true scale and coverage from the VN-2000 grid
ticks drawn on each page, the key map, `--sheets single`, PNG series, and the sample's Đại An at 1:2,000."""
from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pdfplumber
import pytest
from PIL import Image
from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union

from cartography_helpers import X0, Y0, build_project, export_pdf as export

MM = 72 / 25.4
TICK = 2 * MM
COORD = re.compile(r"\d{1,3}(\.\d{3})+")


@pytest.fixture()
def project_path(tmp_path, monkeypatch):
    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "cfg"))
    return build_project(tmp_path / "p.gpkg")


def map_frame(page):
    """The map frame: the widest rectangle on the page left of the panel."""
    return max(page.rects, key=lambda r: r["width"])


def ground_frame(page):
    """(points per metre along x, along y, ground box of the frame) read from the grid ticks and labels."""
    f = map_frame(page)
    height = float(page.height)
    bottom_ticks = sorted(ln["x0"] for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.01
                          and abs(ln["height"] - TICK) < 0.05 and abs(ln["top"] - f["bottom"]) < 0.05)
    words = [w for w in page.extract_words() if w["top"] > f["bottom"] + TICK and COORD.fullmatch(w["text"])]
    xs = [(x, int(next(w["text"] for w in words if abs((w["x0"] + w["x1"]) / 2 - x) < 1).replace(".", "")))
          for x in bottom_ticks]
    left_ticks = sorted(height - ln["top"] for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.01
                        and abs(ln["width"] - TICK) < 0.05 and abs(ln["x1"] - f["x0"]) < 0.05)
    ys = [(y, _rotated_label_at(page, f["x0"] - TICK, y)) for y in left_ticks]
    kx = (xs[-1][0] - xs[0][0]) / (xs[-1][1] - xs[0][1])
    ky = (ys[-1][0] - ys[0][0]) / (ys[-1][1] - ys[0][1])
    gx0 = xs[0][1] - (xs[0][0] - f["x0"]) / kx
    gy0 = ys[0][1] - (ys[0][0] - (height - f["bottom"])) / ky
    return kx, ky, box(gx0, gy0, gx0 + f["width"] / kx, gy0 + f["height"] / ky)


def _rotated_label_at(page, right_of, y):
    """The value of the vertical coordinate label beside the left tick at PDF height ``y``."""
    chars = sorted((c for c in page.chars if not c["upright"] and c["matrix"][4] < right_of
                    and abs(c["matrix"][5] - y) < 30), key=lambda c: c["matrix"][5])
    text = "".join(c["text"] for c in chars)
    assert COORD.fullmatch(text), text
    return int(text.replace(".", ""))


def key_map_cells(page):
    """Sheet boxes of the key map: under its heading, above the legend, not the grey zone outline."""
    words = page.extract_words()
    heading = next(w for w in words if w["text"] == "SƠ")
    legend = next(w for w in words if w["text"] == "CHÚ")
    floor = legend["top"] if legend["top"] > heading["bottom"] else page.height
    return [r for r in page.rects if r["x0"] >= heading["x0"] - 1 and heading["bottom"] < r["top"]
            and r["bottom"] < floor and r["height"] > 2.5 * MM and _is_sheet_box(r)]


def _is_sheet_box(rect):
    colour = rect.get("non_stroking_color")
    return not rect["fill"] or (colour is not None and len(colour) == 3 and colour[0] > 0.9 and colour[2] < 0.5)


def test_zone_bigger_than_a_sheet_prints_the_hand_counted_sheets_at_true_scale(project_path, tmp_path, capsys):
    # KCN-TEST is 440 × 280 m; A4 landscape frame at 1:1000 is 201 × 190 m, overlap ≥ 20 m, 5 m margins:
    # ceil((450-20)/181) = 3 columns × ceil((290-20)/170) = 2 rows = 6 sheets, overlaps 76.5 m and 90 m.
    out = tmp_path / "atlas.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 1000, "--paper", "A4") == 0
    assert "6 tờ" in capsys.readouterr().out
    expected_k = 1000 * MM / 1000
    sheets, lots = [], Counter()
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 6
        for i, page in enumerate(pdf.pages, start=1):
            assert (round(page.width / MM), round(page.height / MM)) == (297, 210)
            text = page.extract_text()
            assert f"Tờ {i}/6" in text and "Tỷ lệ: 1:1.000" in text and "SƠ ĐỒ GHÉP TỜ" in text
            kx, ky, sheet = ground_frame(page)
            assert abs(kx - expected_k) / expected_k < 0.005 and abs(ky - expected_k) / expected_k < 0.005
            assert sheet.bounds[2] - sheet.bounds[0] == pytest.approx(201, abs=0.5)
            sheets.append(sheet)
            for r in page.rects:  # whole 100 m × 50 m lots measured on this page
                if abs(r["width"] - 100 * expected_k) < 0.5 and abs(r["height"] - 50 * expected_k) < 0.5:
                    assert abs(r["width"] - 100 * expected_k) / (100 * expected_k) < 0.005
                    lots[i] += 1
    zone = box(X0 - 20, Y0 - 20, X0 + 420, Y0 + 260)
    assert unary_union(sheets).contains(zone)
    assert sum(lots.values()) >= 8  # every lot is whole on at least one sheet
    centres = [s.centroid for s in sheets]
    assert centres[0].y > centres[3].y and centres[0].x < centres[1].x < centres[2].x  # rows N→S, W→E
    assert sheets[0].intersection(sheets[1]).bounds[2] - sheets[0].intersection(sheets[1]).bounds[0] == \
        pytest.approx(76.5, abs=0.5)


def test_every_page_has_a_key_map_with_its_own_sheet_highlighted(project_path, tmp_path):
    out = tmp_path / "atlas.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 1000, "--paper", "A4") == 0
    with pdfplumber.open(out) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            cells = key_map_cells(page)
            shares = sorted((r for r in cells if not r["fill"]), key=lambda r: (round(r["top"]), r["x0"]))
            lit = [r for r in cells if r["fill"]]
            assert len(shares) == 6 and len(lit) == 1  # one box per sheet, this sheet's frame shaded
            assert [(round(r["top"]) == round(shares[0]["top"])) for r in shares] == [True] * 3 + [False] * 3
            mine = shares[i - 1]  # row-major on the key map, like the sheet numbers
            cx, cy = (mine["x0"] + mine["x1"]) / 2, (mine["top"] + mine["bottom"]) / 2
            assert lit[0]["x0"] < cx < lit[0]["x1"] and lit[0]["top"] < cy < lit[0]["bottom"]
            bold = [w["text"] for w in page.extract_words(extra_attrs=["fontname"])
                    if "Bold" in w["fontname"] and mine["x0"] < w["x0"] < mine["x1"]
                    and mine["top"] < w["top"] < mine["bottom"]]
            assert bold == [str(i)]


def test_portrait_pages_also_carry_the_key_map(project_path, tmp_path):
    out = tmp_path / "atlas.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 1000, "--paper", "A4",
                  "--orientation", "portrait") == 0
    with pdfplumber.open(out) as pdf:
        n = len(pdf.pages)
        assert n > 1
        for page in pdf.pages:
            assert "SƠ ĐỒ GHÉP TỜ" in page.extract_text()
            cells = key_map_cells(page)
            assert sum(not r["fill"] for r in cells) == n and sum(bool(r["fill"]) for r in cells) == 1


def test_sheets_single_keeps_the_refusal(project_path, tmp_path, capsys):
    out = tmp_path / "atlas.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 1000, "--paper", "A4",
                  "--sheets", "single") == 2
    err = capsys.readouterr().err
    assert "1:1000" in err and "A4" in err
    assert not out.exists() and not list(tmp_path.glob(".atlas*"))


def test_png_series_is_one_numbered_file_per_sheet(project_path, tmp_path, capsys):
    # At 1:2000 the A4 frame covers 402 × 380 m: KCN-TEST (440 × 280 m) needs 2 columns × 1 row.
    for stale in ("map-07.png", "map.png"):  # from an earlier, longer series and an earlier single sheet
        (tmp_path / stale).write_bytes(b"left from an earlier print")
    out = tmp_path / "map.png"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 2000, "--paper", "A4") == 0
    assert "2 tờ" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.glob("map*.png")) == ["map-01.png", "map-02.png"]
    for name in ("map-01.png", "map-02.png"):
        image = Image.open(tmp_path / name)
        assert abs(image.size[0] - 297 / 25.4 * 300) <= 1 and abs(image.size[1] - 210 / 25.4 * 300) <= 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".map")]
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 5000, "--paper", "A4") == 0  # one sheet
    assert sorted(p.name for p in tmp_path.glob("map*.png")) == ["map.png"]


def test_sample_dai_an_at_2000_on_a3_measures_right(sample_project_path, tmp_path, monkeypatch):
    """The issue's user test: Đại An (1,309 × 1,332 m) at 1:2,000 on A3 (frame 648 × 554 m, overlap ≥ 40 m,
    10 m margins): 3 × 3 sheets, all touching the zone; lot KCN-DAIAN-P033 (120 × 52.7 m) is whole on a
    sheet and its 120 m edge is 60 mm on paper."""
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.pdf_render import render_pdf
    from gis_app.core.project import Project

    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "cfg"))
    out = tmp_path / "dai_an.pdf"
    project = Project.load(sample_project_path)
    info = render_pdf(project, PrintLayout(paper="A3", scale=2000, zone_id="KCN-DAIAN"), out)
    assert info["sheets"] == 9
    lot = project.parcels.set_index("parcel_id").geometry["KCN-DAIAN-P033"]
    zone = project.zones.set_index("zone_id").geometry["KCN-DAIAN"]
    edges_mm = []
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 9
        sheets = []
        for n, page in enumerate(pdf.pages, start=1):
            kx, _, sheet = ground_frame(page)
            assert abs(kx - MM / 2) / (MM / 2) < 0.005
            sheets.append(sheet)
            if sheet.contains(lot):
                edges_mm += _label_lot_edges_mm(page, "KCN-DAIAN-P033")
    assert unary_union(sheets).contains(zone)
    assert edges_mm, "lot P033 not found whole on any sheet"
    for long_edge, short_edge in edges_mm:
        assert long_edge == pytest.approx(60.0, rel=0.005) and short_edge == pytest.approx(52.70 / 2, rel=0.005)


def _label_lot_edges_mm(page, parcel_id):
    """(long, short) edges in mm of the 4-corner lot outlines around the lot's label."""
    # the label is the lot's short number, set along the lot (maybe turned): find its characters in order
    short = parcel_id.rsplit("-", 1)[-1]
    chars = page.chars
    start = next(i for i in range(len(chars) - len(short) + 1)
                 if "".join(c["text"] for c in chars[i:i + len(short)]) == short)
    run = chars[start:start + len(short)]
    centre = (float(np.mean([(c["x0"] + c["x1"]) / 2 for c in run])),
              float(np.mean([(c["top"] + c["bottom"]) / 2 for c in run])))
    found = []
    for curve in page.curves:
        if not curve.get("stroke"):  # the label's light backdrop is filled, never stroked
            continue
        pts = np.array(curve["pts"], dtype=float)
        if len(pts) > 1 and np.allclose(pts[0], pts[-1]):
            pts = pts[:-1]
        if len(pts) != 4 or not Polygon(pts).contains(Point(centre)):
            continue
        edges = np.hypot(*np.diff(np.vstack([pts, pts[:1]]), axis=0).T) / MM
        found.append((edges.max(), edges.min()))
    return found


def test_canceling_a_series_writes_nothing(project_path, tmp_path):
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.pdf_render import pdf_to_png, render_pdf
    from gis_app.core.errors import Canceled
    from gis_app.core.processing import Feedback
    from gis_app.core.project import Project

    pdf = tmp_path / "series.pdf"
    assert render_pdf(Project.load(project_path), PrintLayout(paper="A4", scale=2000, zone_id="KCN-TEST"),
                      pdf)["sheets"] == 2
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(Canceled):
        pdf_to_png(pdf, tmp_path / "out.png", feedback=feedback)
    with pytest.raises(Canceled):
        render_pdf(Project.load(project_path), PrintLayout(paper="A4", scale=2000, zone_id="KCN-TEST"),
                   tmp_path / "again.pdf", feedback)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name not in ("p.gpkg", "cfg")) == ["series.pdf"]
