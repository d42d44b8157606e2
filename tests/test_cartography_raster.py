"""Raster backgrounds: window + overview reads of a large GeoTIFF, reprojection, opacity, prints."""
from __future__ import annotations

import numpy as np
import pdfplumber
import pytest
import rasterio
from rasterio.enums import Resampling
from rasterio.transform import from_origin
from rasterio.windows import Window

from cartography_helpers import X0, Y0, build_project
from gis_app.cartography.raster import raster_info, read_raster
from gis_app.core.crs import transformer
from gis_app.core.errors import InputError

ORIGIN = (600000.0, 2320000.0)  # UTM 48N (WGS 84): another datum than the project's VN-2000
PIXEL = 0.1


@pytest.fixture(scope="module")
def big_tiff(tmp_path_factory):
    """20000 × 20000 px (2 km at 10 cm) with overviews; only the top-left 512 px block holds data."""
    path = tmp_path_factory.mktemp("raster") / "big.tif"
    with rasterio.open(path, "w", driver="GTiff", width=20000, height=20000, count=1, dtype="uint8",
                       crs="EPSG:32648", transform=from_origin(*ORIGIN, PIXEL, PIXEL), tiled=True,
                       blockxsize=512, blockysize=512, compress="deflate", sparse_ok=True) as dst:
        dst.write(np.full((1, 512, 512), 200, np.uint8), window=Window(0, 0, 512, 512))
    with rasterio.open(path, "r+") as dst:
        dst.build_overviews([4, 16, 64], Resampling.nearest)
    return path


def test_large_raster_is_read_by_overview_and_window_never_whole(big_tiff):
    assert raster_info(big_tiff)["overviews"] == [4, 16, 64]
    cx, cy = transformer(32648, 9209).transform(ORIGIN[0] + 1000, ORIGIN[1] - 1000)
    whole_view = read_raster(big_tiff, 9209, (cx - 1200, cy - 1200, cx + 1200, cy + 1200), (600, 600))
    assert whole_view.overview_level >= 1  # a coarse overview for the overview-sized view
    assert whole_view.read_shape[0] <= 1200 and whole_view.read_shape[1] <= 1200
    zoomed = read_raster(big_tiff, 9209, (cx - 50, cy - 50, cx + 50, cy + 50), (500, 500))
    assert zoomed.overview_level == -1  # full resolution, but only a window of it
    assert zoomed.read_shape[0] <= 1000 and zoomed.read_shape[1] <= 1000
    assert zoomed.rgba.shape == (500, 500, 4)


def test_reprojection_puts_pixels_where_the_vectors_are(big_tiff):
    # The image corner, moved to VN-2000 through EPSG:6960, must land at the centre of the view.
    x, y = transformer(32648, 9209).transform(*ORIGIN)
    image = read_raster(big_tiff, 9209, (x - 100, y - 100, x + 100, y + 100), (200, 200), opacity=0.5)
    data = np.argwhere(image.rgba[..., 0] == 200)
    assert abs(data.min(axis=0) - 100).max() <= 1  # rows/cols start at the centre (1 m pixels)
    assert abs(data.max(axis=0) - 150).max() <= 1  # the 51.2 m data block
    assert image.rgba[..., 3].max() == 127  # opacity 0.5 on opaque pixels
    assert image.rgba[0, 0, 3] == 0  # outside the image: transparent


def test_no_overlap_gives_none(big_tiff):
    assert read_raster(big_tiff, 9209, (X0, Y0 - 90000, X0 + 10, Y0 - 89990), (10, 10)) is None


def test_bad_rasters_are_named(tmp_path):
    fake = tmp_path / "scan.tif"
    fake.write_text("not a tiff")
    with pytest.raises(InputError) as err:
        read_raster(fake, 9209, (0, 0, 1, 1), (10, 10))
    assert "scan.tif" in str(err.value)
    no_crs = tmp_path / "nocrs.tif"
    with rasterio.open(no_crs, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8") as dst:
        dst.write(np.zeros((1, 4, 4), np.uint8))
    with pytest.raises(InputError) as err:
        read_raster(no_crs, 9209, (0, 0, 1, 1), (10, 10))
    assert "nocrs.tif" in str(err.value)


def test_print_draws_the_raster_under_the_vectors(tmp_path, monkeypatch):
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.pdf_render import render_pdf
    from gis_app.core.project import Project

    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "cfg"))
    ortho = tmp_path / "ortho.tif"  # RGB in VN-2000 itself, covering the fixture zone
    with rasterio.open(ortho, "w", driver="GTiff", width=100, height=100, count=3, dtype="uint8",
                       crs="EPSG:9209", transform=from_origin(X0 - 100, Y0 + 400, 6, 6)) as dst:
        dst.write(np.stack([np.full((100, 100), v, np.uint8) for v in (20, 120, 220)]))
    project = Project.load(build_project(tmp_path / "p.gpkg"))
    project.meta["rasters"] = [{"path": str(ortho), "opacity": 0.6, "visible": True}]
    info = render_pdf(project, PrintLayout(scale=5000, zone_id="KCN-TEST"), tmp_path / "m.pdf")
    assert info["rasters"] == 1
    with pdfplumber.open(tmp_path / "m.pdf") as pdf:
        page = pdf.pages[0]
        images, rects = page.images, page.rects
        ops = page.objects
    assert len(images) == 1
    fx0, _, fx1, _ = info["frame"]
    assert abs(images[0]["x0"] - fx0) < 1 and abs(images[0]["x1"] - fx1) < 1
    assert rects and ops
    from pypdf import PdfReader

    stream = PdfReader(tmp_path / "m.pdf").pages[0].get_contents().get_data()
    assert stream.index(b" Do") < stream.index(b"B*")  # image painted before the first polygon
    project.meta["rasters"][0]["visible"] = False
    assert render_pdf(project, PrintLayout(scale=5000, zone_id="KCN-TEST"), tmp_path / "n.pdf")["rasters"] == 0


def test_add_raster_layer_records_it_and_round_trips_with_the_project(big_tiff, tmp_path):
    from gis_app.cartography.raster import add_raster_layer
    from gis_app.core.project import Project

    project = Project.load(build_project(tmp_path / "p.gpkg"))
    entry = add_raster_layer(project, big_tiff, opacity=0.4)
    assert entry == {"path": str(big_tiff), "opacity": 0.4, "visible": True}
    project.save()
    assert Project.load(tmp_path / "p.gpkg").meta["rasters"] == [entry]
    with pytest.raises(InputError):
        add_raster_layer(project, big_tiff, opacity=1.5)
    with pytest.raises(InputError):
        add_raster_layer(project, tmp_path / "p.gpkg")  # a GeoPackage of vectors is not a raster


def test_export_pdf_takes_a_background_raster(big_tiff, tmp_path, monkeypatch, capsys):
    from gis_app.cli import main

    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "cfg"))
    project = build_project(tmp_path / "p.gpkg")
    out = tmp_path / "m.pdf"
    assert main(["export-pdf", str(project), "--out", str(out), "--scale", "5000", "--zone", "KCN-TEST",
                 "--raster", str(tmp_path / "none.tif")]) == 2
    assert "none.tif" in capsys.readouterr().err and not out.exists()
    x, y = transformer(32648, 9209).transform(*ORIGIN)  # a project near the big raster's corner
    import geopandas as gpd
    from shapely.geometry import box
    from gis_app.core.project import Project

    near = Project.load(project)
    zones = near.zones.copy()
    zones.loc[0, "geometry"] = box(x - 300, y - 300, x + 300, y + 300)
    near.add_layer("zones", gpd.GeoDataFrame(zones, crs=near.crs))
    near.save(tmp_path / "near.gpkg")
    assert main(["export-pdf", str(tmp_path / "near.gpkg"), "--out", str(out), "--scale", "5000",
                 "--zone", "KCN-TEST", "--raster", str(big_tiff), "--raster-opacity", "0.5"]) == 0
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages[0].images) == 1


def test_lat_lon_geotiff_lands_in_place(tmp_path):
    # EPSG:4326 has latitude first: the forced EPSG:6960 operation must be handed to GDAL in that
    # order, or the warp comes back empty. 0.0001° pixels, a 100 × 100 block of value 200 at the corner.
    lon0, lat0, step = 106.25, 20.93, 0.0001
    path = tmp_path / "latlon.tif"
    with rasterio.open(path, "w", driver="GTiff", width=400, height=400, count=1, dtype="uint8",
                       crs="EPSG:4326", transform=from_origin(lon0, lat0, step, step)) as dst:
        block = np.zeros((1, 400, 400), np.uint8)
        block[:, :100, :100] = 200
        dst.write(block)
    x, y = transformer(4326, 9209).transform(lon0, lat0)
    image = read_raster(path, 9209, (x - 100, y - 100, x + 100, y + 100), (200, 200))
    assert image is not None
    data = np.argwhere(image.rgba[..., 0] == 200)
    assert len(data) > 0
    assert abs(data.min(axis=0) - 100).max() <= 2  # the corner at the view's centre (1 m pixels)
