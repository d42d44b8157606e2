"""Window tools on the real sample and the fixture: drag-and-drop, identify, zoom to selection,
Processing menu from the registry, no re-render while the mouse moves or drags."""
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QMouseEvent
from PySide6.QtWidgets import QMessageBox

from layers.synthetic import parcel_grid, synthetic_project


@pytest.fixture
def make_window(qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))

    def make(path):
        from gis_app.shell.app import application, build_window

        application()
        win = build_window(path)
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        qtbot.waitExposed(win)
        win.warnings = warnings
        return win

    yield make


def _mouse(kind, pos, button=Qt.MouseButton.LeftButton, buttons=Qt.MouseButton.LeftButton):
    return QMouseEvent(kind, QPointF(pos), QPointF(pos), button, buttons, Qt.KeyboardModifier.NoModifier)


def test_sample_opens_with_choropleth_legend_and_illustrative_marks(make_window, sample_project_path):
    win = make_window(sample_project_path)
    assert {"zones", "parcels", "province", "districts"} <= set(win.layers.names())
    assert win.zone_panel.table.rowCount() == len(win.project.zones) == 67
    assert [label for label, _ in win.zone_panel.legend_entries][-1] == "không có số liệu"
    assert win.illustrative and win.note_label.text() == "DỮ LIỆU MINH HỌA"
    assert win.layers["zones"].style.get("graduated", {}).get("field") == "fill_rate"
    win.modified = False


def test_drop_a_file_adds_the_layer_reprojected(make_window, tmp_path, qtbot):
    project = tmp_path / "p.gpkg"
    synthetic_project(100).save(project)
    win = make_window(project)
    dropped = tmp_path / "khu_moi.geojson"
    parcel_grid(4).to_crs(4326).to_file(dropped, driver="GeoJSON")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    from gis_app.shell.exchange.import_dialog import ImportDialog  # a drop opens the import dialog

    dialog = win.findChild(ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.pending is None, timeout=20000)
    dialog.mapping_table.set_target("")  # its fields look like parcels: the planner keeps it a layer of its own
    dialog.start_import()
    qtbot.waitUntil(lambda: "khu_moi" in win.layers.names(), timeout=20000)
    assert "khu_moi" in win.layers.names() and win.modified
    assert "khu_moi" in win.project.layers and win.project.layers["khu_moi"].crs.to_epsg() == 9209
    assert win.warnings == []
    win.modified = False


def test_dropping_a_project_file_opens_it(make_window, tmp_path):
    first, second = tmp_path / "a.gpkg", tmp_path / "b.gpkg"
    synthetic_project(16).save(first)
    other = synthetic_project(36)
    other.meta["name"] = "Dự án B"
    other.save(second)
    win = make_window(first)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    win.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier))
    assert win.project.path == second and len(win.layers["parcels"]) == 36
    assert win.windowTitle().startswith("b.gpkg — Dự án B") and not win.modified


def test_zone_list_follows_the_map_selection_and_layout_is_remembered(make_window, tmp_path):
    project = tmp_path / "p.gpkg"
    synthetic_project(100).save(project)
    win = make_window(project)
    zones = win.layers["zones"]
    row = int(zones.frame.index[zones.frame["zone_id"] == "CCN-D"][0])
    zones.select([row])
    assert win.zone_panel.selected_zone_ids() == ["CCN-D"]
    win.zone_dock.hide()
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, win.layer_dock)
    assert win.close()
    again = make_window(project)
    assert again.zone_dock.isHidden() and not again.table_dock.isHidden()
    assert again.dockWidgetArea(again.layer_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_identify_lists_features_under_the_point(make_window, tmp_path):
    from gis_app.shell.window_actions import canvas_clicked

    project = tmp_path / "p.gpkg"
    synthetic_project(100).save(project)
    win = make_window(project)
    parcels = win.layers["parcels"]
    x, y = parcels.label_points[10]
    win.identify_action.setChecked(True)
    canvas_clicked(win, x, y, Qt.KeyboardModifier.NoModifier)
    tree = win.identify_dialog.tree
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert tops[0] == "Thửa đất" and "Khu, cụm công nghiệp" in tops  # the planner's names, not parcels/zones
    first = tree.topLevelItem(0)
    fields = {first.child(i).text(0): first.child(i).text(1) for i in range(first.childCount())}
    assert fields["Mã thửa"] == parcels.frame["parcel_id"].iloc[10]
    assert fields["Loại đất"] in {"Đất công nghiệp", "Giao thông", "Cây xanh", "Hạ tầng kỹ thuật", "Dịch vụ",
                                  "Mặt nước", "Khác"}
    assert not parcels.selected.any()  # identify does not change the selection


def test_zoom_to_selection_and_processing_menu(make_window, tmp_path):
    from gis_app.core.processing import registry
    from gis_app.shell.window_actions import select_zone, zoom_to_selection

    project = tmp_path / "p.gpkg"
    synthetic_project(100).save(project)
    win = make_window(project)
    before = win.canvas.view.mpp
    select_zone(win, "KCN-A")
    win.canvas.zoom_to(win.canvas.full_extent())
    zoom_to_selection(win)
    assert win.canvas.view.mpp < before
    xmin, ymin, xmax, ymax = win.canvas.view.extent
    zx0, zy0, zx1, zy1 = win.layers["zones"].selection_extent()
    assert xmin <= zx0 and xmax >= zx1 and ymin <= zy0 and ymax >= zy1
    assert set(win.algorithm_actions) == set(registry().algorithms)
    assert "screenshot" in win.algorithm_actions


def test_mouse_move_and_drag_do_not_rerender(make_window, tmp_path):
    project = tmp_path / "p.gpkg"
    synthetic_project(400).save(project)
    win = make_window(project)
    canvas = win.canvas
    canvas.refresh()
    renders = []
    canvas.rendered.connect(lambda: renders.append(1))
    from PySide6.QtCore import QEvent

    centre = QPoint(canvas.width() // 2, canvas.height() // 2)
    canvas.mouseMoveEvent(_mouse(QEvent.Type.MouseMove, centre, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton))
    assert win.coords_label.text().startswith("X ") and "°N" in win.coords_label.text()
    start_map = canvas.view.to_map(centre.x(), centre.y())
    canvas.mousePressEvent(_mouse(QEvent.Type.MouseButtonPress, centre))
    for step in range(1, 20):
        canvas.mouseMoveEvent(_mouse(QEvent.Type.MouseMove, centre + QPoint(step * 5, step * 2)))
    assert renders == []  # dragging only shifts the cached image
    canvas.mouseReleaseEvent(_mouse(QEvent.Type.MouseButtonRelease, centre + QPoint(95, 38)))
    assert len(renders) == 1
    moved = canvas.view.to_map(centre.x() + 95, centre.y() + 38)
    assert moved == pytest.approx(start_map)  # the map point followed the mouse
    win.modified = False


def test_about_dialog_credits_sources_and_says_outlines_are_illustrative(qtbot):
    from gis_app.shell.about import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for needle in ("daohoangson/dvhcvn", "GPL-3.0", "ODbL", "CC BY-SA 4.0", "EPSG:6960", "minh họa"):
        assert needle in text
    from gis_app.core import i18n

    i18n.set_language("en")  # the English page when the UI is English
    try:
        english = AboutDialog()
        qtbot.addWidget(english)
        assert "illustrative" in english.text.toPlainText() and "GPL-3.0" in english.text.toPlainText()
    finally:
        i18n.set_language("vi")


def test_layer_panel_order_opacity_and_style_reach_the_model_and_legend(make_window, tmp_path):
    project = tmp_path / "p.gpkg"
    synthetic_project(100).save(project)
    win = make_window(project)
    panel = win.layer_panel
    panel.select_layer("parcels")
    panel.down.click()
    assert win.layers.names() == ["zones", "parcels", "subzones"]
    panel.opacity.setValue(40)
    assert win.layers["parcels"].opacity == pytest.approx(0.4)
    panel.mode.setCurrentIndex(1)
    panel.field.setCurrentIndex(panel.field.findData("status"))
    panel.mode.activated.emit(1)
    assert win.layers["parcels"].style["categorized"]["field"] == "status"
    panel.select_layer("zones")
    legend_before = [label for label, _ in win.zone_panel.legend_entries]
    panel.mode.setCurrentIndex(0)
    panel.mode.activated.emit(0)
    assert "graduated" not in win.layers["zones"].style
    assert [label for label, _ in win.zone_panel.legend_entries] != legend_before
    win.modified = False
