"""Print layouts: true scale measured in the PDF, page sizes and regions as pdftoppm shows them."""
from __future__ import annotations

import re
import subprocess

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from cartography_helpers import build_project, export_pdf as export
from gis_app.cli import main

MM = 72 / 25.4


@pytest.fixture()
def project_path(tmp_path, monkeypatch):
    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "cfg"))
    return build_project(tmp_path / "p.gpkg")


def lot_rects(pdf_path, scale):
    """Rectangles in the map frame as wide as a 100 m lot edge should be on paper."""
    expected = 100 / scale * 1000 * MM
    with pdfplumber.open(pdf_path) as pdf:
        rects = pdf.pages[0].rects
    return expected, [r for r in rects if abs(r["width"] - expected) / expected < 0.05]


@pytest.mark.parametrize("scale,paper", [(1000, "A2"), (2000, "A3"), (5000, "A4")])
def test_100_m_on_the_ground_is_100_over_scale_on_paper(project_path, tmp_path, scale, paper):
    out = tmp_path / "map.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", scale, "--paper", paper) == 0
    expected, lots = lot_rects(out, scale)
    assert len(lots) >= 8  # the eight 100 m × 50 m lots
    for r in lots:
        assert abs(r["width"] - expected) / expected < 0.005
        assert abs(r["height"] - expected / 2) / (expected / 2) < 0.005


def test_scale_bar_length_matches_its_label(project_path, tmp_path):
    out = tmp_path / "map.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 2000) == 0
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        bar = sorted((r for r in page.rects if abs(r["height"] - 2.2 * MM) < 0.2), key=lambda r: r["x0"])
    assert len(bar) == 4
    end_label = [w for w in words if abs(w["x0"] - bar[-1]["x1"]) < 15 and w["bottom"] <= bar[0]["top"] + 1
                 and w["text"] != "0"]
    ground = float(next(w["text"] for w in end_label if re.fullmatch(r"[\d.]+", w["text"])))
    width_pt = bar[-1]["x1"] - bar[0]["x0"]
    assert abs(width_pt - ground / 2000 * 1000 * MM) / width_pt < 0.005


def test_title_block_is_vietnamese_and_names_the_crs(project_path, tmp_path):
    out = tmp_path / "map.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 2000, "--title", "Bản đồ quy hoạch Đại An",
                  "--agency", "Sở Kế hoạch và Đầu tư") == 0
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    for needle in ("Bản đồ quy hoạch Đại An", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Tỷ lệ: 1:2.000",
                   "VN-2000 / TM-3 105°30′ (EPSG:9209)", "CHÚ GIẢI", "Đất công nghiệp", "P-1-1", "5.000 m²"):
        assert needle in text, needle


def render_low(pdf_path, tmp_path) -> np.ndarray:
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(pdf_path), str(tmp_path / "low")], check=True)
    return np.asarray(Image.open(tmp_path / "low.png").convert("L"))


@pytest.mark.parametrize("paper,orientation,size_mm", [("A3", "landscape", (420, 297)), ("A4", "portrait", (210, 297))])
def test_page_size_and_regions_are_drawn(project_path, tmp_path, paper, orientation, size_mm):
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.pdf_render import render_pdf
    from gis_app.core.project import Project

    out = tmp_path / "map.pdf"
    info = render_pdf(Project.load(project_path), PrintLayout(paper=paper, orientation=orientation, scale=5000,
                                                              zone_id="KCN-TEST"), out)
    pixels = render_low(out, tmp_path)
    expected = (size_mm[1] / 25.4 * 40, size_mm[0] / 25.4 * 40)
    assert abs(pixels.shape[0] - expected[0]) <= 1 and abs(pixels.shape[1] - expected[1]) <= 1
    height_pt = info["page"][1]
    for name, (x0, y0, x1, y1) in info["regions"].items():
        crop = pixels[int((height_pt - y1) / 72 * 40):int((height_pt - y0) / 72 * 40),
                      int(x0 / 72 * 40):int(x1 / 72 * 40)]
        assert crop.size and (crop < 128).mean() > 0.005, f"{name} region is blank"


def test_zone_too_big_for_paper_at_scale_is_refused(project_path, tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert export(project_path, out, "--scale", 500, "--paper", "A4", "--orientation", "portrait",
                  "--sheets", "single") == 2
    err = capsys.readouterr().err
    assert "1:500" in err and "A4" in err and "1:" in err.split("1:500")[-1]
    assert not out.exists() and not list(tmp_path.glob(".map*"))


def test_fit_to_page_chooses_a_scale_that_shows_everything(project_path, tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert export(project_path, out, "--paper", "A4") == 0
    scale = int(re.search(r"1:(\d{1,3}(?:\.\d{3})*)\b", capsys.readouterr().out).group(1).replace(".", ""))  # 1:8.772
    assert 3000 < scale < 20000  # two zones 1.9 km apart on A4
    with pdfplumber.open(out) as pdf:
        assert "CCN Thử" in pdf.pages[0].extract_text()


def test_lot_labels_only_where_the_scale_leaves_room(project_path, tmp_path):
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.pdf_render import render_pdf
    from gis_app.core.project import Project

    project = Project.load(project_path)
    near = render_pdf(project, PrintLayout(paper="A2", scale=1000, zone_id="KCN-TEST"), tmp_path / "a.pdf")
    far = render_pdf(project, PrintLayout(scale=10000, zone_id="KCN-TEST"), tmp_path / "b.pdf")
    assert near["lot_labels"] == 8 and far["lot_labels"] == 0


def test_png_is_300_dpi_and_layout_is_remembered(project_path, tmp_path):
    from gis_app.cartography.layout import load_layout

    out = tmp_path / "map.png"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 5000, "--paper", "A4",
                  "--title", "Tiêu đề nhớ", "--agency", "UBND tỉnh") == 0
    image = Image.open(out)
    assert abs(image.size[0] - 297 / 25.4 * 300) <= 1 and abs(image.size[1] - 210 / 25.4 * 300) <= 1
    assert np.asarray(image.convert("L")).min() < 50  # something dark is drawn
    remembered = load_layout()
    assert (remembered.title, remembered.agency) == ("Tiêu đề nhớ", "UBND tỉnh")
    again = tmp_path / "again.pdf"
    assert export(project_path, again, "--zone", "KCN-TEST", "--scale", 2000) == 0
    with pdfplumber.open(again) as pdf:
        assert "Tiêu đề nhớ" in pdf.pages[0].extract_text()


@pytest.mark.parametrize("args,needle", [
    (["--zone", "NOPE"], "NOPE"), (["--logo", "/nonexistent/logo.png"], "logo"), (["--scale", "3000"], "3000")])
def test_bad_arguments_exit_2_without_output(project_path, tmp_path, capsys, args, needle):
    out = tmp_path / "map.pdf"
    assert export(project_path, out, *args) == 2
    assert needle in capsys.readouterr().err
    assert not out.exists()


def test_corrupt_project_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"not a geopackage at all")
    assert export(bad, tmp_path / "m.pdf") == 2
    assert "bad.gpkg" in capsys.readouterr().err


def test_invalid_and_missing_geometry_are_drawn_or_reported(project_path, tmp_path, capsys):
    import geopandas as gpd
    from shapely.geometry import Polygon

    from cartography_helpers import X0, Y0
    from gis_app.core.project import Project

    project = Project.load(project_path)
    parcels = project.parcels.copy()
    parcels.loc[0, "geometry"] = Polygon([(X0, Y0), (X0 + 100, Y0 + 50), (X0 + 100, Y0), (X0, Y0 + 50)])  # bow-tie
    parcels.loc[1, "geometry"] = None
    project.add_layer("parcels", gpd.GeoDataFrame(parcels, crs=project.crs))
    project.save(tmp_path / "bad.gpkg")
    assert export(tmp_path / "bad.gpkg", tmp_path / "m.pdf", "--zone", "KCN-TEST", "--scale", 2000) == 0
    assert main(["export-web", str(tmp_path / "bad.gpkg"), "--out", str(tmp_path / "m.html")]) == 0
    err = capsys.readouterr().err
    assert err.count("parcels") == 2 and "1" in err  # one warning per output naming the layer


def test_logo_is_drawn_and_a_broken_logo_is_named(project_path, tmp_path, capsys):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 60), (200, 0, 0)).save(logo)
    out = tmp_path / "m.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 5000, "--logo", logo) == 0
    with pdfplumber.open(out) as pdf:
        images = pdf.pages[0].images
    assert len(images) == 1 and images[0]["x0"] > pdf.pages[0].width * 0.7  # in the title block
    broken = tmp_path / "broken.png"
    broken.write_text("not an image")
    assert export(project_path, tmp_path / "n.pdf", "--zone", "KCN-TEST", "--scale", 5000, "--logo", broken) == 2
    assert "broken.png" in capsys.readouterr().err and not (tmp_path / "n.pdf").exists()
    logo.unlink()  # the remembered logo vanished: print without it, and say so
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 5000) == 0
    assert "logo.png" in capsys.readouterr().err


def test_high_tech_subzone_is_outlined_above_the_parcels(project_path, tmp_path):
    # The parcels are opaque and drawn after the subzone layer: the subzone must be drawn again on
    # top (blue outline + hatch), after the last parcel, as on the screen.
    out = tmp_path / "map.pdf"
    assert export(project_path, out, "--zone", "KCN-TEST", "--scale", 2000, "--paper", "A3") == 0
    blue = (0x21 / 255, 0x71 / 255, 0xB5 / 255)
    expected_w, expected_h = 200 / 2000 * 1000 * MM, 120 / 2000 * 1000 * MM  # SZ-1 is 200 × 120 m
    with pdfplumber.open(out) as pdf:
        objects = pdf.pages[0].objects
        shapes = objects.get("rect", []) + objects.get("curve", [])
        lines = objects.get("line", [])

    def is_blue(o):
        color = o.get("stroking_color")
        return isinstance(color, (tuple, list)) and len(color) == 3 and \
            all(abs(a - b) < 0.01 for a, b in zip(color, blue))

    outlines = [o for o in shapes if is_blue(o) and abs(o["width"] - expected_w) < 1 and abs(o["height"] - expected_h) < 1]
    assert outlines, "no blue outline of the high-tech subzone's size in the PDF"
    hatch = [o for o in lines if is_blue(o)]
    assert len(hatch) >= 5  # hatch lines inside it
