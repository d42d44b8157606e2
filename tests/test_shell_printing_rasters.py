"""Background rasters in the real main window: drawn under the vectors, opacity, save/reopen, missing file."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from layers.synthetic import synthetic_project


@pytest.fixture(scope="module")
def fixture_project_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("printing") / "fixture.gpkg"
    synthetic_project(100).save(path)
    return path


def make_geotiff(path, bounds, crs="EPSG:9209", color=(200, 30, 30)):
    """A solid-colour RGB GeoTIFF (with a 1-band index gradient so it is not flat) over ``bounds``."""
    import rasterio
    from rasterio.transform import from_bounds

    width = height = 256
    data = np.zeros((3, height, width), dtype=np.uint8)
    for band, value in enumerate(color):
        data[band] = value
    data[1] += np.linspace(0, 40, width, dtype=np.uint8)[None, :]
    with rasterio.open(path, "w", driver="GTiff", width=width, height=height, count=3, dtype="uint8",
                       crs=crs, transform=from_bounds(*bounds, width, height)) as dst:
        dst.write(data)
    return path


@pytest.fixture
def window(open_window, fixture_project_path):
    return open_window(fixture_project_path, (1000, 700))


def settle(qtbot, window):
    """Let the background read land and the canvas re-render."""
    underlay = window.rasters.underlay
    qtbot.waitUntil(lambda: underlay.idle(), timeout=10000)
    qtbot.wait(50)
    window.canvas.refresh()
    qtbot.waitUntil(lambda: underlay.idle(), timeout=10000)
    qtbot.wait(50)
    window.canvas.refresh()
    image = window.canvas.image.convertToFormat(window.canvas.image.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.width(), 4)[..., :3].copy()


def _tiff_over_view(window, path, crs="EPSG:9209"):
    x0, y0, x1, y1 = window.canvas.full_extent()
    pad = max(x1 - x0, y1 - y0)
    bounds = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    if crs != "EPSG:9209":
        from rasterio.warp import transform_bounds

        bounds = transform_bounds("EPSG:9209", crs, *bounds)
    return make_geotiff(path, bounds, crs)


def test_raster_is_drawn_under_the_vectors_and_opacity_changes_it(qtbot, window, tmp_path, monkeypatch):
    tif = _tiff_over_view(window, tmp_path / "ortho.tif", crs="EPSG:32648")  # another datum: WGS 84 / UTM 48N
    before = settle(qtbot, window)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(tif)], ""))
    window.printing.panel.add_button.click()
    assert window.rasters.layers.names() == [str(tif.resolve())]
    assert window.project.meta["rasters"][0]["path"] == str(tif.resolve())
    with_raster = settle(qtbot, window)
    assert window.rasters.underlay.reads >= 1
    changed = np.any(before != with_raster, axis=2)
    assert changed.mean() > 0.3  # the background shows in the empty parts of the map
    # Under the vectors: pixels inside a parcel keep the parcel's colour.
    parcels = window.layers["parcels"]
    x, y = parcels.frame.geometry.iloc[0].centroid.coords[0]
    px, py = (int(v) for v in window.canvas.view.to_screen(np.array([[x, y]]))[0])
    assert tuple(with_raster[py, px]) == tuple(before[py, px])
    red_where_empty = with_raster[changed]
    assert red_where_empty[:, 0].mean() > 150  # the raster's red
    # The opacity slider changes the image again (no re-read needed).
    window.printing.panel.opacity.setValue(30)
    assert window.rasters.layers[0].opacity == pytest.approx(0.3)
    faded = settle(qtbot, window)
    assert np.any(faded != with_raster, axis=2).mean() > 0.3
    assert faded[changed][:, 1].mean() > red_where_empty[:, 1].mean()  # closer to the white paper
    # Visibility tick box hides it.
    item = window.printing.panel.list.item(0)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not window.rasters.layers[0].visible
    assert np.array_equal(settle(qtbot, window), before)


def test_pan_shows_the_cached_raster_at_once(qtbot, window, tmp_path):
    tif = _tiff_over_view(window, tmp_path / "ortho.tif")
    window.rasters.add_file(tif)
    settle(qtbot, window)
    reads = window.rasters.underlay.reads
    window.canvas.view.pan_pixels(40, 0)
    images = window.rasters.underlay(window.canvas.view)  # answered from the cache, read queued
    assert len(images) == 1
    settle(qtbot, window)
    assert window.rasters.underlay.reads > reads


def test_save_and_reopen_keep_the_raster(qtbot, window, tmp_path):
    from gis_app.core.project import Project
    from gis_app.shell.window_actions import load_project, save_project

    tif = _tiff_over_view(window, tmp_path / "ortho.tif")
    layer = window.rasters.add_file(tif, opacity=0.6)
    layer.visible = False
    assert window.modified
    out = tmp_path / "with_raster.gpkg"
    assert save_project(window, out)
    assert Project.load(out).meta["rasters"] == [{"path": str(tif.resolve()), "opacity": 0.6, "visible": False}]
    window.rasters.layers.clear()
    assert load_project(window, out)
    restored = window.rasters.layers[0]
    assert (restored.path, restored.opacity, restored.visible, restored.error) == (str(tif.resolve()), 0.6, False, None)
    assert window.printing.panel.list.count() == 1
    assert window.rasters.warning is None


def test_missing_raster_on_reopen_gives_a_message_not_a_crash(qtbot, window, tmp_path, messages):
    from gis_app.shell.window_actions import load_project, save_project

    tif = _tiff_over_view(window, tmp_path / "gone.tif")
    window.rasters.add_file(tif)
    out = tmp_path / "p.gpkg"
    assert save_project(window, out)
    settle(qtbot, window)  # every read of the file while it existed has landed
    tif.unlink()
    assert load_project(window, out)
    assert window.rasters.underlay.wait()
    reads = window.rasters.underlay.reads
    warning = window.rasters.warning
    assert warning is not None and warning.isVisible()
    assert "gone.tif" in warning.text()
    layer = window.rasters.layers[0]
    assert layer.error and "gone.tif" in layer.error
    assert "⚠" in window.printing.panel.list.item(0).text()
    settle(qtbot, window)  # drawing goes on without it
    assert window.rasters.underlay.reads == reads
    warning.close()


def test_a_file_that_is_not_a_raster_is_refused_with_its_name(qtbot, window, tmp_path, messages):
    bad = tmp_path / "scan.tif"
    bad.write_text("not a tiff")
    assert window.rasters.add_file(bad) is None
    assert len(window.rasters.layers) == 0
    assert messages["warnings"] and "scan.tif" in messages["warnings"][0]


def test_order_and_remove_buttons_update_the_project(qtbot, window, tmp_path):
    a = window.rasters.add_file(_tiff_over_view(window, tmp_path / "a.tif"))
    b = window.rasters.add_file(_tiff_over_view(window, tmp_path / "b.tif"))
    panel = window.printing.panel
    assert [panel.list.item(i).text() for i in range(2)] == ["b.tif", "a.tif"]  # top first
    panel.select(b.name)
    panel.down.click()
    assert [r["path"] for r in window.project.meta["rasters"]] == [b.path, a.path]  # bottom first
    panel.select(a.name)
    panel.remove_button.click()
    assert [r["path"] for r in window.project.meta["rasters"]] == [b.path]
    assert window.rasters.layers.names() == [b.name]


def test_screenshot_command_waits_for_the_background_raster(qtbot, window, tmp_path, monkeypatch):
    import time

    from PySide6.QtGui import QColor, QImage

    import gis_app.cartography.raster as raster

    from gis_app.core.processing import registry
    from gis_app.shell.window_actions import save_project

    window.rasters.add_file(_tiff_over_view(window, tmp_path / "ortho.tif"))
    project = tmp_path / "shot.gpkg"
    assert save_project(window, project)
    out = tmp_path / "shot.png"
    read = raster.read_raster

    def slow_read(*args, **kwargs):  # a big orthophoto on a slow disk
        time.sleep(0.4)
        return read(*args, **kwargs)

    monkeypatch.setattr(raster, "read_raster", slow_read)
    registry().get("screenshot").run({"project": str(project), "out": str(out), "lang": "vi",
                                      "width": 900, "height": 700})
    image = QImage(str(out))
    reds = sum(1 for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)
               if QColor(image.pixel(x, y)).red() > 180 and QColor(image.pixel(x, y)).blue() < 60)
    assert reds > 200  # the raster's red shows around the vectors
