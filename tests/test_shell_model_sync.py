"""The shell observes the project model: after every path that changes data (open, import, add layer,
accept a layout, edit, undo, redo, reload) the map's zone colours, the zone dock and ``check`` agree."""
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from gis_app.core.styles import feature_fill_colors
from gis_app.subdivision.params import SubdivisionParams

ZONE = "KCN-DAIAN"


@pytest.fixture
def warnings(messages):
    return messages["warnings"]


@pytest.fixture
def window(open_window, sample_project_path, warnings):
    return open_window(sample_project_path, (1366, 768), zoom_full=False)


def assert_views_agree(window):
    """Map colours and dock percentages are those the model's ``check`` gives, zone by zone."""
    result = window.project.check()
    rates = {z["zone_id"]: z["fill_rate"] for z in result["zones"]}
    layer = window.layers["zones"]
    shown = layer.frame
    expected = shown.assign(fill_rate=shown["zone_id"].astype(str).map(rates).astype(float))
    assert list(feature_fill_colors(shown, layer.style)) == list(feature_fill_colors(expected, layer.style))
    np.testing.assert_allclose(shown["fill_rate"].to_numpy(dtype=float),
                               expected["fill_rate"].to_numpy(dtype=float), equal_nan=True)
    table = window.zone_panel.table
    dock = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): table.item(r, 2).text()
            for r in range(table.rowCount())}
    assert set(dock) == set(rates)
    for zone_id, rate in rates.items():
        digits = re.sub(r"\D", "", dock[zone_id])
        assert (rate is None and not digits) or int(digits) == round(rate * 100), (zone_id, dock[zone_id], rate)
    return rates


def _finding(result, zone_id, rule):
    zone = next(z for z in result["zones"] if z["zone_id"] == zone_id)
    return next(f for f in zone["findings"] if f["rule"] == rule)


def _edit_cell(window, layer, feature_id, column, value):
    table = window.attribute_table
    table.show_layer(layer)
    key = {"zones": "zone_id", "parcels": "parcel_id", "subzones": "subzone_id"}[layer]
    row = list(window.layers[layer].frame[key].astype(str)).index(feature_id)
    index = table.model.index(row, table.model.columns.index(column))
    assert table.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    return table.model.setData(index, value, Qt.ItemDataRole.EditRole)


def test_every_data_path_keeps_map_dock_and_check_in_step(qtbot, window, tmp_path, warnings):
    from gis_app.shell import window_actions as actions
    from gis_app.shell.exchange.actions import add_import_result
    from gis_app.shell.exchange.import_dialog import ImportResult

    project = window.project
    opened = assert_views_agree(window)                                     # open

    vacant = project.frame("parcels").query("zone_id == @ZONE and status == 'vacant'")
    assert _edit_cell(window, "parcels", vacant["parcel_id"].iloc[0], "status", "leased")  # edit
    edited = assert_views_agree(window)
    assert edited[ZONE] > opened[ZONE]
    assert window.undo_stack.count() == 1 and window.modified

    assert not _edit_cell(window, "parcels", vacant["parcel_id"].iloc[1], "status", "rented")  # refused
    assert warnings and window.undo_stack.count() == 1

    window.undo_action.trigger()                                            # undo
    assert assert_views_agree(window)[ZONE] == pytest.approx(opened[ZONE])
    window.redo_action.trigger()                                            # redo
    assert assert_views_agree(window)[ZONE] == pytest.approx(edited[ZONE])

    # import: leased parcels appended to the canonical layer, one undo step
    zone = project.frame("zones").set_index("zone_id").loc[ZONE, "geometry"]
    spot = zone.representative_point().buffer(30, cap_style="square")
    imported = gpd.GeoDataFrame({"parcel_id": ["IMP-1"], "zone_id": [ZONE], "landuse": ["industrial"],
                                 "status": ["leased"]}, geometry=[spot], crs=project.crs).to_crs(4326)
    add_import_result(window, ImportResult(Path(tmp_path / "new.geojson"), "parcels", imported, "parcels", "", []))
    after_import = assert_views_agree(window)
    assert after_import[ZONE] != edited[ZONE] and "IMP-1" in set(project.frame("parcels")["parcel_id"])
    window.undo_action.trigger()
    assert assert_views_agree(window)[ZONE] == pytest.approx(edited[ZONE])

    # add layer (a file), then remove it: both undoable
    extra = tmp_path / "extra.geojson"
    gpd.GeoDataFrame({"name": ["x"]}, geometry=[spot], crs=project.crs).to_file(extra)
    assert actions.add_layer_file(window, extra)
    assert "extra" in window.layers and "extra" in project.layer_names
    window.layer_panel.select_layer("extra")
    window.remove_layer_action.trigger()
    assert "extra" not in window.layers and "extra" not in project.layer_names
    window.undo_action.trigger()
    assert "extra" in window.layers

    # accept a layout
    tools = window.subdivision
    tools.subdivide_zone(ZONE, SubdivisionParams())
    qtbot.waitUntil(lambda: tools.task is not None and tools.task.done, timeout=60000)
    r3_before = _finding(project.check(), ZONE, "R3")
    tools.accept()
    assert "lots" in window.layers
    assert_views_agree(window)
    assert f"{ZONE}:CN" in set(project.frame("subzones")["subzone_id"])  # the CNHT layout is a cnht subzone
    assert _finding(project.check(), ZONE, "R3")["actual_m2"] > r3_before["actual_m2"]
    window.undo_action.trigger()
    assert "lots" not in window.layers
    assert_views_agree(window)

    # rename a zone in the table: the dock shows the new name
    assert _edit_cell(window, "zones", ZONE, "name", "KCN Đại An (đổi tên)")
    names = [window.zone_panel.table.item(r, 0).text() for r in range(window.zone_panel.table.rowCount())]
    assert "KCN Đại An (đổi tên)" in names

    # save and reload
    out = tmp_path / "saved.gpkg"
    assert actions.save_project(window, out) and not window.modified
    saved = assert_views_agree(window)
    assert actions.load_project(window, out)
    assert window.undo_stack.count() == 0
    assert assert_views_agree(window) == pytest.approx(saved, nan_ok=True) or \
        pd.Series(assert_views_agree(window)).equals(pd.Series(saved))


def test_delete_key_deletes_selected_features_undoably(qtbot, window):
    layer = window.layers["parcels"]
    window.attribute_table.show_layer("parcels")
    layer.select([0, 1])
    ids = list(layer.frame["parcel_id"].iloc[[0, 1]])
    window.delete_features_action.trigger()
    assert not set(ids) & set(window.project.frame("parcels")["parcel_id"])
    assert not set(ids) & set(window.layers["parcels"].frame["parcel_id"])
    assert_views_agree(window)
    window.undo_action.trigger()
    assert set(ids) <= set(window.layers["parcels"].frame["parcel_id"])
    shortcuts = {a.text(): [s.toString() for s in a.shortcuts()] for a in
                 (window.undo_action, window.redo_action, window.delete_features_action,
                  window.zoom_full_action, window.refresh_action, window.save_action, window.open_action)}
    flat = {s for v in shortcuts.values() for s in v}
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Del", "Ctrl+S", "Ctrl+O", "Ctrl+Shift+F", "F5"} <= flat


def test_file_new_asks_for_the_province_and_takes_its_tm3_crs(qtbot, window):
    from gis_app.shell.new_project import NewProjectDialog

    dialog = NewProjectDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.province.count() == 34
    dialog.province.setCurrentText("Bắc Ninh")          # merged in 2025: two meridians to choose from
    assert dialog.meridian.count() == 2 and dialog.meridian.isEnabled()
    dialog.before_2025.setChecked(True)
    assert dialog.province.count() == 63
    dialog.province.setCurrentText("Thái Nguyên")
    assert dialog.epsg() == 9211 or dialog.epsg() is not None
    dialog.name.setText("Dự án mới")
    project = dialog.project()
    assert project.crs.is_projected and project.crs.to_epsg() == dialog.epsg()
    assert project.meta["province"] == "Thái Nguyên" and project.name == "Dự án mới"
    from gis_app.shell import window_actions as actions

    actions.show_project(window, project)
    assert window.layers.names() == [] and window.zone_panel.table.rowCount() == 0
    assert window.new_action.shortcut().toString() == "Ctrl+N"


def test_display_state_lives_in_the_model(qtbot, window):
    events = []
    window.project.subscribe(events.append)
    window.layers["parcels"].visible = False
    state = {s["name"]: s for s in window.project.layer_state}
    assert state["parcels"]["visible"] is False and events[-1].kind == "layer_restyled"
    old = window.layers.names()
    window.layers.move(old.index("parcels"), 0)
    assert [s["name"] for s in window.project.layer_state][0] == "parcels"
    assert events[-1].kind == "layers_reordered"
    assert not window.project.can_undo  # display is not an edit (as in QGIS)
