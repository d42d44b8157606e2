"""The desktop's exchange guards (issue 12): a project in degrees is refused on open with the
province's TM-3 CRS (item 5), and degenerate lots are marked and named on the canvas (item 8)."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from gis_app.core.project import Project

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "hai_duong_minh_hoa.gpkg"


@pytest.fixture(scope="module")
def geographic_project(tmp_path_factory) -> Path:
    project = Project.load(SAMPLE)
    project.crs = project.crs.__class__.from_epsg(4326)
    for name in list(project.layers):
        project.layers[name] = project.layers[name].to_crs(4326)
    project.meta.pop("province", None)  # the refusal finds the province from the data
    return project.save(tmp_path_factory.mktemp("geo") / "geo.gpkg")


@pytest.fixture(scope="module")
def degenerate_project(tmp_path_factory) -> Path:
    project = Project.load(SAMPLE)
    parcels = project.layers["parcels"]
    x, y = parcels.geometry.iloc[0].centroid.coords[0]
    extra = parcels.iloc[[0, 0]].copy()
    extra["parcel_id"] = ["DEG-ZERO", "DEG-HOLE"]
    extra.geometry = [shapely.Polygon([(x, y), (x + 10, y), (x + 20, y)]),  # a ring folded onto a line
                      shapely.Polygon([(x + 60, y), (x + 110, y), (x + 110, y + 50), (x + 60, y + 50)],
                                      [[(x + 61, y + 1), (x + 62, y + 1), (x + 63, y + 1)]])]  # a flat hole
    project.layers["parcels"] = pd.concat([parcels, extra], ignore_index=True)
    return project.save(tmp_path_factory.mktemp("deg") / "deg.gpkg")


def test_desktop_refuses_a_geographic_project_offering_the_tm3_crs(open_window, messages, geographic_project):
    window = open_window(geographic_project)  # as `main.py run geo.gpkg` does
    assert len(window.layers) == 0  # not opened, so nothing is measured in degrees
    [text] = messages["warnings"]
    assert "geo.gpkg" in text and "EPSG:4326" in text and "EPSG:9209 (VN-2000 / TM-3 105-30)" in text

    from gis_app.shell.window_actions import load_project

    window = open_window(SAMPLE)
    assert load_project(window, geographic_project) is False  # File > Open and a dropped file
    assert "EPSG:9209" in messages["warnings"][-1]
    assert window.project.crs.to_epsg() == 9209 and "parcels" in window.layers.names()


def test_degenerate_lots_are_marked_and_named_on_the_canvas(open_window, messages, degenerate_project, qtbot):
    window = open_window(degenerate_project, (1366, 768))
    marks = window.degenerate_marks
    qtbot.waitUntil(lambda: "parcels" in marks.notes)
    note = marks.notes["parcels"]
    assert "DEG-ZERO" in note and "DEG-HOLE" in note and "diện tích bằng 0" in note  # Vietnamese UI
    window.switch_language("en")
    try:
        assert marks.notes["parcels"].startswith("layer Parcels: 1 features with zero area and 1 with an invalid ring")
    finally:
        window.switch_language("vi")  # the translator and the saved choice are the application's, not this test's
    assert marks.notes["parcels"].startswith("lớp Thửa đất: 1 đối tượng diện tích bằng 0")
    assert marks.label.isVisible() and "DEG-ZERO" in marks.label.text()
    label = marks.label.geometry()
    assert window.canvas.rect().contains(label)  # inside the canvas at 1366x768
    assert messages["warnings"] == []  # the canvas never fails on them

    # the red ring is on the map where the zero-area lot is
    layer = window.layers["parcels"]
    row = int(np.flatnonzero(layer.frame["parcel_id"].to_numpy() == "DEG-ZERO")[0])
    b = layer.bounds[row]
    window.canvas.zoom_to((b[0] - 200, b[1] - 200, b[2] + 200, b[3] + 200))
    sx, sy = window.canvas.view.to_screen(np.array([[(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]]))[0]
    image = window.canvas.image
    reds = [image.pixelColor(int(sx) + dx, int(sy) + dy) for dx in range(-10, 11) for dy in range(-10, 11)]
    assert any(c.red() > 180 and c.green() < 60 and c.blue() < 80 for c in reds)

    # an edit through the model (one feature, the partial path) that repairs a lot updates the note
    project = window.project
    project.set_geometry("parcels", "DEG-ZERO", shapely.box(b[0], b[1], b[0] + 20, b[1] + 20))
    qtbot.waitUntil(lambda: "DEG-ZERO" not in marks.notes.get("parcels", ""))
    assert marks.notes["parcels"].startswith("lớp Thửa đất: 0 đối tượng diện tích bằng 0 và 1 đối tượng")
    project.undo()
    qtbot.waitUntil(lambda: "DEG-ZERO" in marks.notes.get("parcels", ""))

    # fixed (the two lots deleted): the note goes
    project.delete_features("parcels", ["DEG-ZERO", "DEG-HOLE"])
    qtbot.waitUntil(lambda: "parcels" not in marks.notes)
    assert not marks.label.isVisible()


def test_import_dialog_at_1366x768_shows_whole_labels_and_the_dxf_accounting(open_window, messages, qtbot, tmp_path):
    """The import dialog on a laptop screen: the CRS picker's labels are not cut by long CRS names,
    and a DXF's entities that are not areas are counted in the dialog."""
    from gis_app.shell.exchange.actions import open_import_dialog
    from tests import exchange_corpus as corpus

    window = open_window(SAMPLE, (1366, 768))
    corpus.dxf_all_lot_shapes(tmp_path / "all.dxf")
    dialog = open_import_dialog(window, tmp_path / "all.dxf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.pending is None, timeout=30000)
    screen = window.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= max(screen.height(), 768)
    for label in (dialog.picker.crs_label_widget, dialog.picker.province_label):
        assert label.width() >= label.sizeHint().width(), label.text()
    lines = [dialog.account_list.item(i).text() for i in range(dialog.account_list.count())]
    assert any("POINT" in line for line in lines), lines
    assert "utf-8" in dialog.detected_label.text()  # an R2010 DXF is Unicode: no low-confidence guess
