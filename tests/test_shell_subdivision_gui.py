"""pytest-qt tests of subdivision in the GUI on the sample project: run, preview, accept, undo/redo,
lot edits and cancel, driving the real widgets."""
import copy

import numpy as np
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from gis_app.core.errors import Canceled
from gis_app.subdivision.params import SubdivisionParams

ZONE = "KCN-DAIAN"


@pytest.fixture
def warnings(messages):
    return messages["warnings"]


@pytest.fixture
def window(open_window, sample_project_path, warnings):
    return open_window(sample_project_path, (1400, 900), zoom_full=False)


def snapshot(project):
    return {name: frame.copy() for name, frame in project.layers.items()}, copy.deepcopy(project.layer_state)


def assert_project_equals(project, snap):
    layers, state = snap
    assert set(project.layers) == set(layers)
    for name, frame in layers.items():
        assert_geodataframe_equal(project.layers[name], frame, check_like=False)
    assert project.layer_state == state


_FILLERS = []  # one entry per registered filler: a dialog shown again for a later filler is not "still open"


def when_dialog_shown(action, dialog_type=None, timeout_s: float = 60.0) -> None:
    """Run ``action(dialog)`` once the modal parameter dialog is up.

    Only a visible dialog of ``dialog_type`` (default: the subdivision parameter dialog) is taken, so a
    progress dialog that a loaded machine shows meanwhile is never filled by mistake. A dialog not yet
    shown is waited for (wall-clock deadline). If ``action`` fails, or the dialog is still open shortly
    after it (it refused the values and runs again), the dialog is rejected so that its ``exec()``
    returns and the test fails (pytest-qt reports the exception) instead of hanging."""
    import time

    from gis_app.shell.subdivision.params_dialog import SubdivisionParamsDialog

    kind = dialog_type or SubdivisionParamsDialog
    deadline = time.monotonic() + timeout_s
    _FILLERS.append(action)
    generation = len(_FILLERS)

    def shown():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    def still_open(dialog):
        from shiboken6 import isValid

        if len(_FILLERS) == generation and isValid(dialog) and dialog.isVisible():
            dialog.reject()
            raise AssertionError(f"{kind.__name__} stayed open after it was filled (values refused?)")

    def poll():
        dialogs = shown()
        if not dialogs:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        dialog = dialogs[-1]
        try:
            action(dialog)
        except BaseException:
            dialog.reject()
            raise
        QTimer.singleShot(3000, lambda: still_open(dialog))
    QTimer.singleShot(0, poll)


def accept_params_when_shown(qtbot, **values):
    """Fill the parameter dialog as soon as it opens, then press Run."""
    def fill(dialog):
        for name, value in values.items():
            dialog.spins[name].setValue(value)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_dialog_shown(fill)


def wait_task(qtbot, tools):
    task = tools.task
    if not task.done:
        with qtbot.waitSignal(task.finished, timeout=30000):
            pass
    return task


def run_zone_from_dialog(qtbot, window, min_lot):
    from gis_app.shell import window_actions

    tools = window.subdivision
    window_actions.select_zone(window, ZONE)
    accept_params_when_shown(qtbot, min_lot=min_lot)
    qtbot.mouseClick(tools.panel.zone_button, Qt.MouseButton.LeftButton)
    task = wait_task(qtbot, tools)
    assert task.error is None
    return tools


def click_map(qtbot, window, x, y, shift=False):
    px, py = window.canvas.view.to_screen(np.array([[x, y]]))[0]
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, mods, QPoint(int(round(px)), int(round(py))))


def test_run_preview_accept_undo_redo_then_bigger_lots(qtbot, window):
    project = window.project
    before = snapshot(project)
    tools = run_zone_from_dialog(qtbot, window, 500)
    metrics = tools.panel.metrics
    assert metrics["lots"] > 200 and metrics["valid_lots"] == metrics["lots"] and metrics["guarantees_ok"]
    shown = dict(tools.panel.rows())
    assert f"{metrics['lots']:,} / {metrics['lots']:,}" in shown.values()
    assert tools.overlay in window.canvas.overlays
    assert_project_equals(project, before)  # a preview is not a project change
    from gis_app.shell.algorithm_dialog import settings

    assert float(settings().value("subdivision/min_lot")) == 500  # remembered for the next run

    qtbot.mouseClick(tools.panel.accept_button, Qt.MouseButton.LeftButton)
    lots = project.layers["lots"]
    assert len(lots) == metrics["lots"] and tools.overlay is None
    parcels = project.parcels[project.parcels["zone_id"] == ZONE]
    vacant = parcels[(parcels["landuse"] == "industrial") & (parcels["status"] == "vacant")]
    assert len(vacant) == metrics["lots"] + len(tools_reserve(project))  # lots replaced the vacant land
    assert "lots" in window.layers and window.undo_stack.count() == 1
    accepted = snapshot(project)

    window.undo_action.trigger()
    assert_project_equals(project, before)
    assert "lots" not in window.layers
    window.redo_action.trigger()
    assert_project_equals(project, accepted)
    assert len(window.layers["lots"]) == metrics["lots"]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"

    window.undo_action.trigger()
    tools = run_zone_from_dialog(qtbot, window, 1000)
    assert tools.panel.metrics["lots"] < metrics["lots"]
    assert tools.panel.metrics["min_lot_m2"] >= 1000 and tools.panel.metrics["valid_lots"] == tools.panel.metrics["lots"]
    qtbot.mouseClick(tools.panel.discard_button, Qt.MouseButton.LeftButton)
    assert tools.preview is None and not window.canvas.overlays
    assert_project_equals(project, before)


def tools_reserve(project):
    return project.parcels[project.parcels["parcel_id"].str.startswith(f"{ZONE}:HT-")]


def _accepted_layout(qtbot, window):
    tools = window.subdivision
    tools.subdivide_zone(ZONE, SubdivisionParams())
    wait_task(qtbot, tools)
    tools.accept()
    window.canvas.zoom_to(tools_extent(window))
    return tools


def tools_extent(window):
    return window.layers["lots"].extent


def _neighbours(lots):
    """Two lots of the same road sharing a long edge."""
    geoms = lots.geometry.values
    for i in range(len(lots)):
        for j in range(i + 1, len(lots)):
            if lots["road_id"].iloc[i] != lots["road_id"].iloc[j]:
                continue
            shared = shapely.intersection(geoms[i].boundary, geoms[j].boundary)
            if shared.length > 20:
                return i, j, shared
    raise AssertionError("no neighbouring lots")


def test_merge_split_renumber_with_undo_and_refusal(qtbot, window, warnings):
    tools = _accepted_layout(qtbot, window)
    project = window.project
    accepted = snapshot(project)
    lots = project.layers["lots"]
    n = len(lots)
    i, j, shared = _neighbours(lots)
    window.canvas.zoom_to(shapely.union(lots.geometry.iloc[i], lots.geometry.iloc[j]).buffer(60).bounds)
    for row, shift in ((i, False), (j, True)):
        p = lots.geometry.iloc[row].representative_point()
        click_map(qtbot, window, p.x, p.y, shift)
    assert sorted(window.layers["lots"].selected_rows()) == [i, j]
    qtbot.mouseClick(tools.panel.merge_button, Qt.MouseButton.LeftButton)
    assert not warnings
    merged = snapshot(project)
    assert len(project.layers["lots"]) == n - 1
    assert abs(project.layers["lots"]["area_m2"].sum() - lots["area_m2"].sum()) < 0.05
    assert len(project.parcels) == len(accepted[0]["parcels"]) - 1

    # split the merged lot back along the old shared edge, drawn with the line tool
    merged_id = lots["lot_id"].iloc[i]
    row = int(np.flatnonzero(project.layers["lots"]["lot_id"].to_numpy() == merged_id)[0])
    p = project.layers["lots"].geometry.iloc[row].representative_point()
    click_map(qtbot, window, p.x, p.y)
    qtbot.mouseClick(tools.panel.split_button, Qt.MouseButton.LeftButton)
    from gis_app.shell.editing_tools import DrawTool

    assert isinstance(window.canvas.tool, DrawTool)  # the split line snaps and is measured as it is drawn
    (x0, y0), (x1, y1) = np.asarray(shapely.affinity.scale(shapely.line_merge(shared), 1.6, 1.6).coords)[[0, -1]]
    click_map(qtbot, window, x0, y0)
    window.canvas.tool.moved(x1, y1)
    assert window.canvas.tool.measurement()[0] > 10
    px, py = window.canvas.view.to_screen(np.array([[x1, y1]]))[0]
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(round(px)), int(round(py))))
    assert not warnings, warnings
    assert window.canvas.tool is None and len(project.layers["lots"]) == n
    assert project.layers["lots"]["area_m2"].min() >= 500

    window.undo_action.trigger()
    assert_project_equals(project, merged)

    # a 510 m² lot cut in two breaks the minimum: refused with the engine's reason, nothing changes
    small = project.layers["lots"]
    k = int(np.argmin(small["area_m2"].to_numpy()))
    geom = small.geometry.iloc[k]
    window.layers["lots"].select([k])
    c = geom.centroid
    line = shapely.affinity.scale(shapely.LineString([(geom.bounds[0], c.y), (geom.bounds[2], c.y)]), 2, 1)
    count = window.undo_stack.count()
    assert tools.split_selected(line) is False
    assert warnings and "nhỏ hơn diện tích tối thiểu" in warnings[-1]
    assert "hai phần" in warnings[-1] and "m²" in warnings[-1]  # the refusal gives the pieces' areas
    assert window.undo_stack.count() == count
    assert_project_equals(project, merged)

    # two lots selected: only they are renumbered (they swap into road order), no other lot changes
    before_ids = dict(zip(project.layers["lots"]["lot_id"], project.layers["lots"].geometry.values))
    window.layers["lots"].select([0, len(project.layers["lots"]) - 1])
    chosen = set(window.layers["lots"].frame["lot_id"].iloc[window.layers["lots"].selected_rows()])
    qtbot.mouseClick(tools.panel.renumber_button, Qt.MouseButton.LeftButton)
    after_ids = dict(zip(project.layers["lots"]["lot_id"], project.layers["lots"].geometry.values))
    assert set(after_ids) == set(before_ids)
    assert all(after_ids[k].equals(before_ids[k]) for k in set(before_ids) - chosen)
    window.undo_action.trigger()
    assert_project_equals(project, merged)

    # nothing selected: the whole layout in road order, after a question listing the changes
    window.layers["lots"].clear_selection()
    asked = []
    import gis_app.shell.subdivision.tools as tools_module

    def yes(parent, title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    original = tools_module.QMessageBox.question
    tools_module.QMessageBox.question = yes
    try:
        qtbot.mouseClick(tools.panel.renumber_button, Qt.MouseButton.LeftButton)
    finally:
        tools_module.QMessageBox.question = original
    assert asked and "→" in asked[0]  # which numbers change, e.g. "CN-07 → CN-06"
    ids = list(project.layers["lots"]["lot_id"])
    assert ids == [f"CN-{k + 1:02d}" for k in range(len(ids))]
    window.undo_action.trigger()
    assert_project_equals(project, merged)
    window.undo_action.trigger()
    assert_project_equals(project, accepted)


def test_cancel_leaves_project_unchanged(qtbot, window):
    project = window.project
    before = snapshot(project)
    tools = window.subdivision
    task = tools.subdivide_zone(ZONE, SubdivisionParams(min_lot=500))
    task.cancel()
    wait_task(qtbot, tools)
    assert isinstance(task.error, Canceled)
    assert tools.preview is None and not window.canvas.overlays
    assert window.undo_stack.count() == 0
    assert_project_equals(project, before)


def test_drawn_polygon_and_escape(qtbot, window, warnings):
    tools = window.subdivision
    project = window.project
    parcels_before = project.parcels.copy()
    x0, y0 = 600000.0, 2300000.0
    window.canvas.zoom_to((x0 - 50, y0 - 50, x0 + 350, y0 + 250))
    qtbot.mouseClick(tools.panel.draw_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.tool is None and tools.sketch is None
    qtbot.mouseClick(tools.panel.draw_button, Qt.MouseButton.LeftButton)
    for x, y in ((x0, y0), (x0 + 300, y0), (x0 + 300, y0 + 200)):
        click_map(qtbot, window, x, y)
    accept_params_when_shown(qtbot, min_lot=500)
    px, py = window.canvas.view.to_screen(np.array([[x0, y0 + 200]]))[0]
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(round(px)), int(round(py))))
    wait_task(qtbot, tools)
    assert not warnings, warnings
    metrics = tools.panel.metrics
    assert metrics["lots"] > 50 and metrics["valid_lots"] == metrics["lots"]
    assert abs(metrics["site_m2"] - 60000) < 2000  # the drawn 300 × 200 m rectangle (clicks snap to pixels)
    tools.accept()
    assert set(project.layers["lots"]["layout_id"]) == {"DRAWN"}
    assert_geodataframe_equal(project.parcels, parcels_before)  # a drawn sketch leaves the parcels alone


def test_park_preset_entrance_picked_on_map_balance_live_and_one_undo_step(qtbot, window):
    """Issue 11: the dialog's preset combo (ccn), the entrance picked with one click on the map,
    the land-use balance in the preview, Accept as one undoable step."""
    from gis_app.shell import window_actions
    from gis_app.subdivision import project_layout as pl

    project = window.project
    before = snapshot(project)
    tools = window.subdivision
    window_actions.select_zone(window, ZONE)
    polygon, _, _ = pl.zone_site(project, ZONE)
    largest = max(shapely.get_parts(polygon), key=lambda g: g.area)
    edge_point = shapely.get_exterior_ring(largest).interpolate(0.3, normalized=True)

    def fill(dialog):
        dialog.preset.setCurrentIndex(dialog.preset.findData("ccn"))
        assert dialog.entrance.isEnabled()
        dialog.pick_entrance.setChecked(True)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    when_dialog_shown(fill)
    qtbot.mouseClick(tools.panel.zone_button, Qt.MouseButton.LeftButton)
    assert tools.sketch is not None and tools.sketch.kind == "point" and tools.task is None
    window.canvas.zoom_to(largest.bounds)
    click_map(qtbot, window, edge_point.x, edge_point.y)
    task = wait_task(qtbot, tools)
    assert task.error is None
    metrics = tools.panel.metrics
    assert metrics["preset"] == "ccn" and metrics["guarantees_ok"] and metrics["lots"] > 0
    shown = dict(tools.panel.rows())
    assert "Cân bằng sử dụng đất" in shown and "Đất giao thông" in shown
    assert shown["Đất giao thông"].endswith(f"{metrics['balance']['roads']['share'] * 100:.1f}%".replace(".", ","))
    # the main road starts where the user clicked (snapped onto the edge)
    entrance = tools.preview[1].frames["entrances"].geometry.values[0]
    assert shapely.distance(entrance, edge_point) < 2 * window.canvas.pixel_tolerance() + 1.0
    assert_project_equals(project, before)
    qtbot.mouseClick(tools.panel.accept_button, Qt.MouseButton.LeftButton)
    assert window.undo_stack.count() == 1
    mine = project.parcels[project.parcels["zone_id"] == ZONE]
    assert {"green", "infrastructure", "service", "road", "industrial"} <= set(mine["landuse"])
    window.undo_action.trigger()
    assert_project_equals(project, before)


def test_park_preview_checks_the_projects_edited_rule_threshold(qtbot, window):
    """The preview's QCVN row follows the project's rule sets: a roads minimum raised to 50 % in the
    rule-set overrides makes the same layout 'NOT met' (no limit is hard-coded in the balance)."""
    from gis_app.rules.ruleset import load_ruleset, store_rulesets
    from gis_app.subdivision.park import preset_params

    project, tools = window.project, window.subdivision
    national = load_ruleset("vn-national").with_overrides({"QCVN.roads_share": {"threshold": 0.5}})
    for key, value in store_rulesets(project.meta, [national]).items():
        project.set_meta(key, value)
    tools.subdivide_zone(ZONE, preset_params("ccn"))
    task = wait_task(qtbot, tools)
    assert task.error is None
    m = tools.panel.metrics
    roads = next(f for f in m["qcvn"] if f["code"] == "QCVN.roads_share")
    assert m["qcvn_ok"] is False and roads["status"] == "violation" and roads["figures"]["threshold"] == 0.5
    assert tools.panel.value_of(tools.panel.tr("QCVN 01:2021 land use")) == tools.panel.tr("NOT met")


def test_drawn_polygon_as_whole_park_accepts_every_layer_in_one_step(qtbot, window):
    """Issue 11: a drawn polygon laid out as a KCN keeps its green, technical, services and reserve
    land on Accept (layers lot_green, lot_technical, lot_services, lot_reserve), as one undo step."""
    from gis_app.subdivision import project_layout as pl
    from gis_app.subdivision.park import preset_params

    project, tools = window.project, window.subdivision
    before = snapshot(project)
    x0, y0 = 600000.0, 2300000.0
    polygon = shapely.box(x0, y0, x0 + 900, y0 + 600)  # 54 ha
    tools.subdivide_drawn(polygon, preset_params("kcn"), shapely.Point(x0 + 450, y0))
    task = wait_task(qtbot, tools)
    assert task.error is None
    frames = tools.preview[1].frames
    tools.accept()
    assert window.undo_stack.count() == 1
    water = (frames["green"]["kind"] == "water").to_numpy()
    expected = {pl.GREEN: int((~water).sum()), pl.WATER: int(water.sum()), pl.TECHNICAL: len(frames["technical"]),
                pl.SERVICES: len(frames["services"]), pl.RESERVE: len(frames["reserve"])}
    for layer, n in expected.items():
        assert n and len(project.layers[layer]) == n, layer
        assert set(project.layers[layer]["layout_id"]) == {"DRAWN"}
    pieces = np.concatenate([project.layers[k].geometry.values for k in
                             ("lots", pl.ROADS, *pl.DRAWN_LAYERS)])
    assert abs(shapely.area(pieces).sum() - polygon.area) < 0.05  # the whole site, nothing dropped
    assert set(project.layers[pl.WATER]["kind"]) == {"water"}
    window.undo_action.trigger()
    assert_project_equals(project, before)
