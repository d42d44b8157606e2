"""Geometry first: the shapes reach the map before the attributes, the checked result is unchanged."""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from gis_app.exchange.geometry_first import read_dataset_geometry_first, take_prefetched
from gis_app.exchange.readers import read_dataset
from layers.synthetic import parcel_grid


@pytest.fixture
def grid_shp(tmp_path):
    frame = parcel_grid(500)
    frame.loc[7, "geometry"] = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # a bow-tie
    path = tmp_path / "thua.shp"
    frame.to_file(path)
    return path


def test_shapes_come_first_and_the_dataset_equals_a_plain_read(grid_shp):
    seen = []

    def on_geometry(shapes):
        seen.append((len(shapes), shapes.crs.to_epsg()))

    dataset = read_dataset_geometry_first(grid_shp, on_geometry=on_geometry)
    plain = read_dataset(grid_shp)
    assert seen == [(500, 9209)]  # every shape, unchecked, before the attribute decoding
    assert dataset.report.summary() == plain.report.summary()  # the accounting is the same
    assert len(dataset.report.rejected) == 1 and dataset.report.imported == 499
    assert dataset.frame.drop(columns="geometry").equals(plain.frame.drop(columns="geometry"))
    assert shapely.equals(dataset.frame.geometry.values, plain.frame.geometry.values).all()
    assert take_prefetched(grid_shp) is None  # the shapes were taken once, not kept


def test_unknown_crs_gives_no_early_shapes_and_the_usual_question(grid_shp):
    from gis_app.exchange.readers import CrsRequired

    grid_shp.with_suffix(".prj").unlink()
    seen = []
    with pytest.raises(CrsRequired):
        read_dataset_geometry_first(grid_shp, on_geometry=seen.append)
    assert seen == [] and take_prefetched(grid_shp) is None
    dataset = read_dataset_geometry_first(grid_shp, crs=9209, on_geometry=seen.append)
    assert len(seen) == 1 and seen[0].crs.to_epsg() == 9209 and dataset.report.imported == 499


def test_broken_file_keeps_the_readers_message(tmp_path):
    from gis_app.core.errors import InputError

    path = tmp_path / "hong.shp"
    path.write_bytes(b"\0" * 50)
    (tmp_path / "hong.shx").write_bytes(b"\0" * 50)
    (tmp_path / "hong.dbf").write_bytes(b"\0" * 50)
    seen = []
    with pytest.raises(InputError) as info:
        read_dataset_geometry_first(path, on_geometry=seen.append)
    assert seen == [] and "hong.shp" in str(info.value)


def test_desktop_import_draws_shapes_then_settles_on_the_checked_layer(qtbot, tmp_path, messages, monkeypatch):
    from gis_app.core.project import Project
    from gis_app.shell.exchange.actions import open_import_dialog
    from gis_app.shell.main_window import MainWindow
    from layers.synthetic import synthetic_project

    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "config"))
    synthetic_project(100).save(tmp_path / "p.gpkg")
    window = MainWindow(Project.load(tmp_path / "p.gpkg"), restore_layout=False)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    grid = parcel_grid(3000, origin=(600_000.0, 2_330_000.0))
    frame = grid[["geometry"]].assign(ghi_chu=grid["landuse"])  # no canonical field: a new layer
    frame.to_file(tmp_path / "huyen.shp")
    shown = []
    dialog = open_import_dialog(window, tmp_path / "huyen.shp")
    qtbot.addWidget(dialog)
    original = dialog.on_geometry
    dialog.shapes_read.disconnect()

    def spy(path, name, shapes):
        if shapes is not None:
            shown.append(name)
        original(path, name, shapes)
        if shapes is not None:
            shown.append([layer.name for layer in window.layers])

    dialog.shapes_read.connect(spy)
    dialog.on_geometry = spy
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.pending is None, timeout=20000)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.imported is not None and dialog.pending is None, timeout=30000)
    assert shown and shown[0] == "huyen" and "huyen …" in shown[1]  # drawn before the attributes
    names = [layer.name for layer in window.layers]
    assert "huyen" in names and not any(n.endswith("…") for n in names)
    layer = window.layers["huyen"]
    assert len(layer) == 3000 and "ghi_chu" in layer.frame.columns
    renderer = window.canvas.renderer
    assert id(layer) in renderer._lod  # the preview's spatial grid was handed over, not rebuilt
    assert np.allclose(renderer._lod[id(layer)].grid.query(layer.extent), np.arange(3000))
