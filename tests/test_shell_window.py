"""pytest-qt tests driving the real main window on a small fixture project (400 parcels)."""
import hashlib

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QMessageBox

from layers.synthetic import synthetic_project


@pytest.fixture(scope="module")
def fixture_project_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("shell") / "fixture.gpkg"
    synthetic_project(400).save(path)
    return path


@pytest.fixture
def window(open_window, fixture_project_path):
    return open_window(fixture_project_path, (1200, 800))


def _digest(window):
    window.canvas.refresh()
    image = window.canvas.image
    return hashlib.sha1(bytes(image.constBits())).hexdigest()


def _pixel_of(window, x, y):
    sx, sy = window.canvas.view.to_screen(np.array([[x, y]]))[0]
    return QPoint(int(round(sx)), int(round(sy)))


def test_opens_fixture_with_layers_zones_and_illustrative_mark(window):
    assert window.layers.names() == ["zones", "subzones", "parcels"]
    assert window.zone_panel.table.rowCount() == 4
    assert "DỮ LIỆU MINH HỌA" == window.note_label.text()
    assert "minh họa" in window.windowTitle()
    rates = [window.zone_panel.table.item(r, 2).text() for r in range(4)]
    assert all(r.endswith("%") for r in rates)


def test_toggling_visibility_changes_the_canvas(window):
    before = _digest(window)
    item = next(window.layer_panel.list.item(i) for i in range(window.layer_panel.list.count())
                if window.layer_panel.list.item(i).data(Qt.ItemDataRole.UserRole) == "parcels")
    item.setCheckState(Qt.CheckState.Unchecked)
    assert window.layers["parcels"].visible is False
    assert _digest(window) != before
    assert window.modified


def test_table_selection_shows_on_canvas_and_canvas_click_selects_in_table(window):
    from gis_app.shell.renderer import SELECTION_COLOR
    from PySide6.QtGui import QColor

    window.attribute_table.show_layer("zones")
    window.attribute_table.select_rows([2])
    zones = window.layers["zones"]
    assert zones.selected_rows().tolist() == [2]
    window.canvas.refresh()
    image = window.canvas.image.convertToFormat(window.canvas.image.Format.Format_RGB32)
    raw = np.frombuffer(bytes(image.constBits()), dtype=np.uint32)
    assert (raw & 0xFFFFFF == QColor(SELECTION_COLOR).rgb() & 0xFFFFFF).sum() > 50

    parcels = window.layers["parcels"]
    window.layer_panel.select_layer("parcels")  # the user makes parcels the active layer
    assert window.attribute_table.current_name() == "parcels"  # the table follows the layer list
    x, y = parcels.label_points[123]
    window.canvas.zoom_to(parcels.bounds[123])
    qt_point = _pixel_of(window, x, y)
    from PySide6.QtTest import QTest

    QTest.mouseClick(window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, qt_point)
    assert parcels.selected_rows().tolist() == [123]
    table_rows = [i.row() for i in window.attribute_table.view.selectionModel().selectedRows()]
    assert table_rows == [123]


def test_click_selects_on_the_active_layer_only_and_the_table_stays(window):
    from PySide6.QtTest import QTest

    zones, parcels = window.layers["zones"], window.layers["parcels"]
    zones.clear_selection()
    parcels.clear_selection()
    window.layer_panel.select_layer("zones")
    x, y = parcels.label_points[10]
    window.canvas.zoom_to(parcels.bounds[10])
    QTest.mouseClick(window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _pixel_of(window, x, y))
    assert parcels.selected_rows().size == 0  # parcels lie on top, but zones is the active layer
    assert zones.selected_rows().size == 1
    assert window.attribute_table.current_name() == "zones"
    # picking a layer in the table's own list makes it the active layer of the layer list
    index = window.attribute_table.layer_combo.findData("parcels")
    window.attribute_table.layer_combo.setCurrentIndex(index)
    assert window.layer_panel.current_name() == "parcels"
    QTest.mouseClick(window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _pixel_of(window, x, y))
    assert parcels.selected_rows().tolist() == [10]


def test_language_switch_relabels_menus_and_docks(window):
    assert window.file_menu.title() == "&Tệp"
    assert window.layer_dock.windowTitle() == "Lớp bản đồ"
    window.en_action.trigger()
    assert window.file_menu.title() == "&File"
    assert window.layer_dock.windowTitle() == "Layers"
    assert window.processing_menu.title() == "&Processing"
    from gis_app.shell.language import saved_language

    assert saved_language() == "en"
    window.vi_action.trigger()
    assert window.processing_menu.title() == "&Xử lý"
    assert window.zone_dock.windowTitle() == "Các khu và tỷ lệ lấp đầy"


def test_wheel_zoom_changes_scale_display(window):
    before = window.scale_label.text()
    mpp = window.canvas.view.mpp
    centre = QPointF(window.canvas.width() / 2, window.canvas.height() / 2)
    event = QWheelEvent(centre, window.canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    window.canvas.wheelEvent(event)
    assert window.canvas.view.mpp == pytest.approx(mpp / 1.25 ** 2)
    assert window.scale_label.text() != before and window.scale_label.text().startswith("Tỷ lệ 1:")


def test_corrupt_layer_file_shows_error_and_app_survives(window, messages, tmp_path):
    from gis_app.shell.window_actions import add_layer_file

    bad = tmp_path / "hong.geojson"
    bad.write_bytes(b"\x00\x01 not json at all")
    assert add_layer_file(window, bad) is False
    assert len(messages["warnings"]) == 1 and "hong.geojson" in messages["warnings"][0]
    assert window.layers.names() == ["zones", "subzones", "parcels"]

    good = tmp_path / "wgs84.geojson"
    from layers.synthetic import parcel_grid

    parcel_grid(9).to_crs(4326).to_file(good, driver="GeoJSON")
    assert add_layer_file(window, good) is True
    added = window.layers["wgs84"]
    assert added.extent[0] == pytest.approx(586_000, abs=1.0)  # reprojected back to EPSG:9209


def test_close_with_unsaved_changes_asks_and_saves(window, messages, tmp_path):
    from gis_app.core.project import Project
    from gis_app.shell.window_actions import save_project

    target = tmp_path / "saved.gpkg"
    assert save_project(window, target)
    window.layers["parcels"].opacity = 0.3
    assert window.modified and window.windowTitle().startswith("saved.gpkg*")  # the file name and a mark
    messages["answer"] = QMessageBox.StandardButton.Cancel
    assert window.close() is False
    messages["answer"] = QMessageBox.StandardButton.Save
    assert window.close() is True
    assert len(messages["questions"]) == 2
    again = Project.load(target)
    state = {s["name"]: s for s in again.layer_state}
    assert state["parcels"]["opacity"] == pytest.approx(0.3)
    assert again.view["extent"] == pytest.approx(list(window.canvas.view.extent))


def test_missing_project_opens_empty_with_message(qtbot, messages, tmp_path):
    from gis_app.shell.app import application, build_window

    application()
    win = build_window(tmp_path / "nowhere.gpkg")
    qtbot.addWidget(win)
    assert len(win.layers) == 0
    assert "nowhere.gpkg" in messages["warnings"][0]


def test_application_font_is_the_bundled_dejavu(window):
    from PySide6.QtWidgets import QApplication

    assert QApplication.font().family() == "DejaVu Sans"


def test_underlay_images_are_drawn_beneath_the_layers(window):
    for layer in window.layers:
        layer.visible = False
    view = window.canvas.view
    red = np.zeros((10, 10, 4), dtype=np.uint8)
    red[..., 0] = 255
    red[..., 3] = 255
    window.canvas.underlays = [lambda v: [(red, v.extent)]]
    window.canvas.refresh()
    image = window.canvas.image
    assert image.pixelColor(view.width // 2, view.height // 2).name() == "#ff0000"
    window.canvas.underlays = []


def test_missing_and_empty_geometries_render_without_error(qtbot):
    import geopandas as gpd
    import shapely

    from gis_app.shell.app import application
    from gis_app.shell.renderer import Renderer
    from layers import VectorLayer
    from layers.viewport import Viewport

    application()
    frame = gpd.GeoDataFrame({"name": ["a", "b", "c"]},
                             geometry=[shapely.box(0, 0, 100, 100), None, shapely.Polygon()], crs=9209)
    layer = VectorLayer("khac", frame, style={"fill": "#ff0000", "stroke": "#000000", "label_field": "name"})
    assert layer.label_points.shape == (3, 2) and np.isnan(layer.label_points[1]).all()
    view = Viewport(width=200, height=200)
    view.fit(layer.extent)
    image = Renderer().render([layer], view)
    assert image.pixelColor(40, 40).name() == "#ff0000"  # (the centre holds the label)
    layer.select([0, 1])
    renderer = Renderer()
    renderer.render([layer], view)
    assert layer.rows_at(50, 50).tolist() == [0]
    layer.clear_selection()  # (a selection tints the fill)
    for color in ("#00ff00", "#0000ff", "#00ff00"):  # the renderer's caches follow every style change
        layer.style = dict(layer.style, fill=color)
        assert renderer.render([layer], view).pixelColor(40, 40).name() == color


def test_qt_standard_buttons_follow_the_language(window):
    from PySide6.QtWidgets import QDialogButtonBox

    def cancel_text():
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        return box.button(QDialogButtonBox.StandardButton.Cancel).text()

    assert cancel_text() == "Hủy"
    window.en_action.trigger()
    assert cancel_text() == "Cancel"
    window.vi_action.trigger()
    assert cancel_text() == "Hủy"
