"""The print dialog's preview (cartography/preview.py) matches the real page rendered at the same dpi."""
import numpy as np
import pytest
from PIL import Image

from cartography_helpers import X0, Y0, build_project


def _ortho(path):
    import rasterio
    from rasterio.transform import from_bounds

    data = np.zeros((3, 200, 200), np.uint8)
    data[0], data[1], data[2] = 40, 90, 200  # blue, unlike any vector style
    with rasterio.open(path, "w", driver="GTiff", width=200, height=200, count=3, dtype="uint8",
                       crs="EPSG:32648", transform=from_bounds(*_utm_bounds(), 200, 200)) as dst:
        dst.write(data)
    return path


def _utm_bounds():
    from rasterio.warp import transform_bounds

    return transform_bounds("EPSG:9209", "EPSG:32648", X0 - 3000, Y0 - 3000, X0 + 3000, Y0 + 3000)


def test_preview_equals_the_print_at_preview_dpi_and_shows_the_raster(tmp_path):
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.pdf_render import pdf_to_png, render_pdf
    from gis_app.cartography.preview import render_preview
    from gis_app.cartography.raster import add_raster_layer
    from gis_app.core.project import Project

    project = Project.load(build_project(tmp_path / "p.gpkg"))
    add_raster_layer(project, _ortho(tmp_path / "ortho.tif"), opacity=0.7)
    layout = PrintLayout(paper="A4", orientation="landscape", scale=5000, zone_id="KCN-TEST", title="Thử")
    info = render_preview(project, layout, tmp_path / "preview.png", dpi=40)
    render_pdf(project, layout, tmp_path / "full.pdf")
    pdf_to_png(tmp_path / "full.pdf", tmp_path / "full.png", dpi=40)
    preview = np.asarray(Image.open(tmp_path / "preview.png").convert("RGB"), float)
    full = np.asarray(Image.open(tmp_path / "full.png").convert("RGB"), float)
    assert preview.shape == full.shape == (331, 468, 3)
    assert np.abs(preview - full).mean() < 3.0
    blueish = (preview[..., 2] > 150) & (preview[..., 0] < 140)
    assert blueish.mean() > 0.2  # the raster fills the map frame around the zone
    assert info["scale"] == 5000 and info["rasters"] == 1


def test_preview_raises_the_misfit_message(tmp_path):
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.preview import render_preview
    from gis_app.core.errors import InputError
    from gis_app.core.project import Project

    project = Project.load(build_project(tmp_path / "p.gpkg"))
    with pytest.raises(InputError, match="A4"):
        render_preview(project, PrintLayout(paper="A4", scale=500, zone_id="KCN-TEST", sheets="single"),
                       tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_preview_of_a_series_is_sheet_one(tmp_path):
    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.preview import render_preview
    from gis_app.core.project import Project

    project = Project.load(build_project(tmp_path / "p.gpkg"))
    info = render_preview(project, PrintLayout(paper="A4", scale=1000, zone_id="KCN-TEST"), tmp_path / "s.png")
    assert info["sheets"] > 1 and info["sheet"] == 1
    assert Image.open(tmp_path / "s.png").size == (468, 331)
