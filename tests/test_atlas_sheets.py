"""Map sheet planning: grid size by hand, overlap, only sheets touching the zone, deterministic order."""
from __future__ import annotations

import pytest
from shapely.geometry import box

from gis_app.cartography.layout import MM, PrintLayout, frame_ground_size, map_extent, page_geometry
from gis_app.cartography.sheets import SHEET_MARGIN_MM, SHEET_OVERLAP_MM, cells_needed, plan_sheets
from gis_app.core.errors import InputError

ZONE = (1000.0, 2000.0, 1440.0, 2280.0)  # 440 × 280 m, like the cartography test zone


def test_a4_landscape_frame_is_201_by_190_mm():
    # A4 landscape 297 × 210 mm, 10 mm margins, 72 mm panel + 4 mm gap: the hand counts below rely on it.
    frame = page_geometry(PrintLayout(paper="A4")).frame
    assert round((frame[2] - frame[0]) / MM, 6) == 201 and round((frame[3] - frame[1]) / MM, 6) == 190
    assert frame_ground_size(PrintLayout(paper="A4"), 1000) == pytest.approx((201, 190))


@pytest.mark.parametrize("span,frame,overlap,n", [(100, 201, 20, 1), (201, 201, 20, 1), (202, 201, 20, 2),
                                                  (382, 201, 20, 2), (383, 201, 20, 3), (440, 201, 20, 3)])
def test_cells_needed(span, frame, overlap, n):
    assert cells_needed(span, frame, overlap) == n


def test_grid_by_hand_a4_1_to_1000():
    # frame 201 × 190 m, overlap ≥ 20 m, 5 m margin each side: columns ceil((450-20)/181) = 3,
    # rows ceil((290-20)/170) = 2; the spare paper widens the overlaps: (3·201-450)/2 = 76.5 m, 2·190-290 = 90 m.
    scale, sheets = plan_sheets(PrintLayout(paper="A4", scale=1000), ZONE, [box(*ZONE)])
    assert scale == 1000 and len(sheets) == 6
    assert [(s.row, s.col) for s in sheets] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]
    assert all((s.count, s.rows, s.cols) == (6, 2, 3) for s in sheets)
    assert SHEET_OVERLAP_MM == 20 and SHEET_MARGIN_MM == 5
    for s in sheets:  # every sheet is exactly one map frame at the scale
        assert s.extent[2] - s.extent[0] == pytest.approx(201) and s.extent[3] - s.extent[1] == pytest.approx(190)
    assert sheets[0].extent[2] - sheets[1].extent[0] == pytest.approx(76.5)  # west-east overlap
    assert sheets[1].extent[2] - sheets[2].extent[0] == pytest.approx(76.5)
    assert sheets[3].extent[3] - sheets[0].extent[1] == pytest.approx(90)  # north-south overlap
    assert sheets[0].extent[0] == pytest.approx(995) and sheets[5].extent[2] == pytest.approx(1445)  # 5 m margin
    assert sheets[0].extent[3] > sheets[3].extent[3] and sheets[0].extent[0] < sheets[1].extent[0]  # N first, W→E
    cx = (sheets[0].extent[0] + sheets[2].extent[2]) / 2
    cy = (sheets[0].extent[3] + sheets[3].extent[1]) / 2
    assert (cx, cy) == pytest.approx((1220, 2140))  # the series is centred on the zone
    from shapely.ops import unary_union

    assert unary_union([box(*s.extent) for s in sheets]).contains(box(*ZONE))


def test_cells_missing_the_zone_polygon_are_dropped():
    # An L-shaped zone with the same bounds: its north-east part is empty, so sheet (1, 3)
    # (x ≥ 1242, y ≥ 2095) goes.
    notch = box(1200, 2060, 1440, 2280)
    l_shape = box(*ZONE).difference(notch)
    _, sheets = plan_sheets(PrintLayout(paper="A4", scale=1000), ZONE, [l_shape])
    assert [(s.number, s.row, s.col) for s in sheets] == [(1, 1, 1), (2, 1, 2), (3, 2, 1), (4, 2, 2), (5, 2, 3)]
    assert all(s.count == 5 for s in sheets)
    assert "Tờ 2/5" in sheets[1].label and "hàng 1/2, cột 2/3" in sheets[1].label


def test_fitting_zone_gives_the_single_sheet_map_extent():
    layout = PrintLayout(paper="A3", scale=5000)
    scale, sheets = plan_sheets(layout, ZONE, [box(*ZONE)])
    assert len(sheets) == 1 and (scale, sheets[0].extent) == map_extent(layout, ZONE)


def test_single_mode_refuses_like_before_and_huge_series_are_refused():
    with pytest.raises(InputError) as err:
        plan_sheets(PrintLayout(paper="A4", scale=1000, sheets="single"), ZONE, [box(*ZONE)])
    assert "1:1000" in str(err.value) and err.value.path == "--scale"
    with pytest.raises(InputError) as err:  # a 60 km province at 1:500 on A4
        plan_sheets(PrintLayout(paper="A4", scale=500), (0, 0, 60000, 50000), None)
    assert "99" in str(err.value)
    with pytest.raises(InputError):
        PrintLayout(sheets="many").validate()


def test_key_map_shares_tile_the_series_without_overlap():
    _, sheets = plan_sheets(PrintLayout(paper="A4", scale=1000), ZONE, [box(*ZONE)])
    from shapely.ops import unary_union

    shares = [box(*s.core) for s in sheets]
    series = box(sheets[0].extent[0], sheets[-1].extent[1], sheets[-1].extent[2], sheets[0].extent[3])
    assert sum(b.area for b in shares) == pytest.approx(series.area)  # no share overlaps another
    assert unary_union(shares).equals(series)
    assert all(box(*s.extent).contains(box(*s.core)) for s in sheets)
    assert sheets[0].core[2] == pytest.approx((sheets[0].extent[2] + sheets[1].extent[0]) / 2)  # cut mid-overlap
