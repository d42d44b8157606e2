"""Editing tools on the real window: add polygon (snapped, measured), vertex tool, merge, split,
new subzone from selection; every step undoable. Plus the Qt-free geometry helpers."""
import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from layers import editing as geo

ZONE = "KCN-DAIAN"


def test_geometry_helpers():
    square = shapely.box(0, 0, 10, 10)
    assert geo.nearest_vertex(square, 9.9, 0.1, 0.5) is not None
    ring, vertex = geo.nearest_vertex(square, 9.9, 0.1, 0.5)
    moved = geo.move_vertex(square, ring, vertex, 12, -2)
    assert moved.is_valid and moved.area > square.area
    ring, position, x, y = geo.nearest_segment(square, 5, 0.2, 0.5)
    assert (x, y) == pytest.approx((5, 0))
    assert len(geo.rings(geo.insert_vertex(square, ring, position, x, y))[0]) == 5
    assert geo.delete_vertex(geo.insert_vertex(square, ring, position, x, y), ring, position).equals(square)
    with pytest.raises(ValueError):
        geo.delete_vertex(shapely.Polygon([(0, 0), (1, 0), (0, 1)]), 0, 0)
    pieces = geo.split_polygon(square, shapely.LineString([(5, -1), (5, 11)]))
    assert len(pieces) == 2 and sum(p.area for p in pieces) == pytest.approx(100)
    assert geo.measure([(0, 0), (3, 0), (3, 4)], True) == pytest.approx((12, 6))
    assert geo.measure([(0, 0), (3, 4)], False) == pytest.approx((5, 0))


def test_snapping_prefers_vertices_then_segments():
    from layers.vector.model import VectorLayer
    import geopandas as gpd

    layer = VectorLayer("parcels", gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 10, 10)], crs=9209))
    assert geo.snap_point([layer], 10.3, 9.8, 0.5) == geo.Snap(10.0, 10.0, "vertex")
    assert geo.snap_point([layer], 5.0, 10.2, 0.5) == geo.Snap(5.0, 10.0, "segment")
    assert geo.snap_point([layer], 5.0, 5.0, 0.5).kind == "none"
    layer.visible = False
    assert geo.snap_point([layer], 10.3, 9.8, 0.5).kind == "none"


@pytest.fixture
def window(open_window, sample_project_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    return open_window(sample_project_path, (1366, 768))


def _click(qtbot, window, x, y, double=False):
    sx, sy = window.canvas.view.to_screen(np.array([[x, y]]))[0]
    point = QPoint(int(round(sx)), int(round(sy)))
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=point)
    if double:
        qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=point)


def test_draw_a_cnht_subzone_over_three_parcels_and_undo(qtbot, window):
    project, tools = window.project, window.editing
    parcels = project.frame("parcels")
    three = parcels.query("zone_id == @ZONE and landuse == 'industrial'").head(3)
    hull = three.geometry.union_all().convex_hull
    window.canvas.zoom_to(hull.buffer(50).bounds)
    r3_before = _r3(project)
    window.attribute_table.show_layer("subzones")
    tools.add_action.trigger()
    assert window.canvas.tool is tools.tool
    xy = np.asarray(hull.exterior.coords)[:-1]
    for x, y in xy[:-1]:
        _click(qtbot, window, x, y)
    tools.tool.moved(*xy[-1])
    length, area = tools.tool.measurement()
    assert area > 0 and length > 0  # live measurement while drawing
    tools.ask_values = lambda layer, geometry: {"zone_id": tools.zone_at(geometry), "use": "cnht"}
    _click(qtbot, window, *xy[-1], double=True)
    subzones = project.frame("subzones")
    new = subzones[subzones["use"] == "cnht"].iloc[-1]
    assert new["zone_id"] == ZONE and new.geometry.area == pytest.approx(hull.area, rel=0.05)
    assert _r3(project) != r3_before
    window.undo_action.trigger()
    assert _r3(project) == r3_before


def _r3(project):
    zone = next(z for z in project.check()["zones"] if z["zone_id"] == ZONE)
    return next(f for f in zone["findings"] if f["rule"] == "R3")["actual_m2"]


def test_vertex_tool_moves_adds_and_deletes_vertices(qtbot, window):
    project, tools = window.project, window.editing
    zone = project.frame("zones").set_index("zone_id").loc[ZONE, "geometry"]
    window.attribute_table.show_layer("zones")
    corner = geo.rings(zone)[0][0]
    window.canvas.zoom_to(shapely.Point(*corner).buffer(200).bounds)
    tools.snap_action.setChecked(False)
    tools.vertex_action.trigger()
    assert window.canvas.tool is tools.tool
    _click(qtbot, window, *corner)                       # pick up
    assert tools.tool.picked is not None
    target = (corner[0] + 40, corner[1] + 30)
    tools.tool.moved(*target)  # reshaping shows the two edges' lengths and the area as the vertex moves
    ring = geo.rings(zone)[0]
    first, second, area = tools.tool.measurement()
    assert first == pytest.approx(np.hypot(*(np.array(target) - ring[-1])), abs=0.01)
    assert second == pytest.approx(np.hypot(*(ring[1] - np.array(target))), abs=0.01)
    assert area == pytest.approx(geo.move_vertex(zone, 0, 0, *target).area) and area != pytest.approx(zone.area)
    _click(qtbot, window, *target)                       # drop
    moved = project.frame("zones").set_index("zone_id").loc[ZONE, "geometry"]
    assert not moved.equals(zone)
    assert np.hypot(*(geo.rings(moved)[0][0] - np.array(target))) < 2 * window.canvas.view.mpp
    window.undo_action.trigger()
    assert project.frame("zones").set_index("zone_id").loc[ZONE, "geometry"].equals(zone)

    a, b = geo.rings(zone)[0][0], geo.rings(zone)[0][1]
    middle = (a + b) / 2
    window.canvas.zoom_to(shapely.Point(*middle).buffer(100).bounds)
    _click(qtbot, window, *middle)                       # add a vertex on the edge
    added = project.frame("zones").set_index("zone_id").loc[ZONE, "geometry"]
    assert len(geo.rings(added)[0]) == len(geo.rings(zone)[0]) + 1
    _click(qtbot, window, *middle)                       # pick it, Delete removes it
    window.delete_features_action.trigger()
    assert project.frame("zones").set_index("zone_id").loc[ZONE, "geometry"].equals(zone)
    assert ZONE in set(project.frame("zones")["zone_id"])  # Delete removed the vertex, not the zone


def test_merge_split_and_subzone_from_selection(qtbot, window):
    project, tools = window.project, window.editing
    parcels = window.layers["parcels"]
    window.attribute_table.show_layer("parcels")
    frame = parcels.frame
    pair = frame.query("zone_id == @ZONE and landuse == 'industrial'").index[:2]
    rows = [frame.index.get_loc(i) for i in pair]
    ids = list(frame["parcel_id"].iloc[rows])
    total = frame.geometry.iloc[rows].area.sum()
    parcels.select(rows)
    assert tools.merge_selected()
    now = project.frame("parcels").set_index("parcel_id")
    assert ids[0] in now.index and ids[1] not in now.index
    assert now.loc[ids[0], "geometry"].area == pytest.approx(total, rel=1e-6)
    window.undo_action.trigger()
    assert {*ids} <= set(project.frame("parcels")["parcel_id"])

    shape = project.frame("parcels").set_index("parcel_id").loc[ids[0], "geometry"]
    (x0, y0, x1, y1) = shape.bounds
    line = shapely.LineString([((x0 + x1) / 2, y0 - 5), ((x0 + x1) / 2, y1 + 5)])
    n = len(project.frame("parcels"))
    assert tools.split("parcels", ids[0], line)
    assert len(project.frame("parcels")) == n + 1
    window.undo_action.trigger()
    assert len(project.frame("parcels")) == n

    rows3 = [frame.index.get_loc(i) for i in frame.query("zone_id == @ZONE and landuse == 'industrial'").index[:3]]
    window.attribute_table.show_layer("parcels")
    parcels.select(rows3)
    before = project.zone_figures().loc[ZONE, "cnht_m2"]
    new = tools.subzone_from_selection("cnht")
    assert len(new) == 1 and project.zone_figures().loc[ZONE, "cnht_m2"] > before
    window.undo_action.trigger()
    assert project.zone_figures().loc[ZONE, "cnht_m2"] == pytest.approx(before)
