"""The print layout model: paper geometry, scales, fit, refusal to silently rescale, JSON persistence."""
from __future__ import annotations

import json

import pytest

from gis_app.cartography.layout import (MM, PAPER_SIZES_MM, PrintLayout, fit_scale, load_layout, map_extent,
                                        page_geometry, save_layout)
from gis_app.core.errors import InputError


@pytest.mark.parametrize("paper", list(PAPER_SIZES_MM))
def test_pages_are_iso_sizes_in_both_orientations(paper):
    short, long_ = PAPER_SIZES_MM[paper]
    land = page_geometry(PrintLayout(paper=paper, orientation="landscape"))
    port = page_geometry(PrintLayout(paper=paper, orientation="portrait"))
    assert (round(land.width / MM), round(land.height / MM)) == (long_, short)
    assert (round(port.width / MM), round(port.height / MM)) == (short, long_)
    for g in (land, port):  # frame and panel inside the page and not overlapping
        fx0, fy0, fx1, fy1 = g.frame
        px0, py0, px1, py1 = g.panel
        assert 0 < fx0 < fx1 < g.width and 0 < fy0 < fy1 < g.height
        assert fx1 <= px0 or fy0 >= py1


def test_requested_scale_is_kept_and_extent_matches_frame():
    layout = PrintLayout(paper="A3", scale=2000)
    scale, ext = map_extent(layout, (0, 0, 300, 200))
    frame = page_geometry(layout).frame
    assert scale == 2000
    assert abs((ext[2] - ext[0]) - (frame[2] - frame[0]) / MM / 1000 * 2000) < 1e-6
    assert (ext[0] + ext[2]) / 2 == 150 and (ext[1] + ext[3]) / 2 == 100


def test_too_big_is_refused_with_a_suggestion():
    # Đại An (~136 ha, ~1.6 × 1.1 km) does not fit A3 at 1:2000; 1:5000 does.
    with pytest.raises(InputError) as err:
        map_extent(PrintLayout(paper="A3", scale=2000), (0, 0, 1600, 1100))
    text = str(err.value)
    assert "1:2000" in text and "A3" in text and "1:5000" in text
    assert map_extent(PrintLayout(paper="A3", scale=5000), (0, 0, 1600, 1100))[0] == 5000


def test_fit_scale_is_round_and_fits():
    frame = page_geometry(PrintLayout(paper="A4")).frame
    scale = fit_scale((0, 0, 12345, 3000), frame)
    assert scale % 100 == 0
    ground_w = (frame[2] - frame[0]) / MM / 1000 * scale
    assert 12345 <= ground_w < 12345 * 1.1


def test_invalid_values_name_the_argument():
    for layout, arg in ((PrintLayout(paper="B5"), "--paper"), (PrintLayout(scale=3000), "--scale"),
                        (PrintLayout(orientation="up"), "--orientation")):
        with pytest.raises(InputError) as err:
            layout.validate()
        assert err.value.path == arg


def test_layout_round_trips_through_the_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path))
    assert load_layout() == PrintLayout()  # nothing saved yet
    saved = PrintLayout(paper="A1", orientation="portrait", scale=10000, title="Bản đồ Đại An",
                        agency="Ban Quản lý các KCN", logo_path="/x/logo.png", zone_id="KCN-DAIAN")
    path = save_layout(saved)
    assert path.parent == tmp_path and json.loads(path.read_text(encoding="utf-8"))["title"] == "Bản đồ Đại An"
    assert load_layout() == saved
    path.write_text("{broken", encoding="utf-8")
    assert load_layout() == PrintLayout()  # a corrupt preference file falls back to defaults
