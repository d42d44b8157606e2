"""Level of detail in the map renderer: the fast drawing must look like a full draw.

A "full draw" is ``Renderer(lod=False)``: every feature in view as a QPainter path, filled and
outlined, no boxes, no scanline fill, no spatial index, no pan cache.
"""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from layers.viewport import Viewport


def _pixels(image) -> np.ndarray:
    """(h, w, 3) float RGB of a QImage (ARGB32)."""
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return raw[:, :width * 4].reshape(height, width, 4)[..., :3].astype(float)


def _block_difference(a: np.ndarray, b: np.ndarray, block: int = 8) -> np.ndarray:
    """Largest channel difference of the mean colour of each ``block``×``block`` pixel square:
    what an eye that cannot resolve single pixels sees."""
    h, w = a.shape[0] // block * block, a.shape[1] // block * block

    def means(x):
        return x[:h, :w].reshape(h // block, block, w // block, block, 3).mean(axis=(1, 3))

    return np.abs(means(a) - means(b)).max(axis=2)


@pytest.fixture(scope="module")
def cadastre():
    """6,400 tilted parcels of varied size and shape (a cadastre is not an axis-aligned grid)."""
    from shapely import affinity

    from layers import VectorLayer
    from layers.synthetic import parcel_grid

    frame = parcel_grid(6400)
    rng = np.random.default_rng(7)
    geoms, centres = frame.geometry.values, shapely.centroid(frame.geometry.values)
    tilted = [affinity.scale(affinity.rotate(g, angle, origin=c), s, s * r, origin=c) for g, c, angle, s, r in
              zip(geoms, centres, rng.uniform(0, 90, len(geoms)), rng.uniform(0.5, 1.0, len(geoms)),
                  rng.uniform(0.6, 1.2, len(geoms)))]
    return VectorLayer("parcels", frame.set_geometry(np.array(tilted, dtype=object)))


@pytest.mark.parametrize("zoom", [1.0, 1.25, 2.0, 3.0, 5.0, 8.0, 16.0, 40.0])
def test_level_of_detail_looks_like_a_full_draw(qapp, cadastre, zoom):
    from gis_app.shell.renderer import Renderer

    view = Viewport(width=640, height=480)
    view.fit(cadastre.extent)
    view.zoom(zoom, 200, 170)  # off-centre: partial views go through the spatial index
    fast = _pixels(Renderer().render([cadastre], view))
    full = _pixels(Renderer(lod=False).render([cadastre], view))
    blocks = _block_difference(fast, full)
    # Parcels from ~0.6 px (zoom 1) to ~90 px (zoom 40) across: boxes, scanline fill, outlines.
    assert blocks.mean() < 3.0, blocks.mean()
    assert np.quantile(blocks, 0.995) < 24, np.quantile(blocks, 0.995)
    assert (np.abs(fast - full).max(axis=2) > 0).mean() < 0.08  # pixels that differ at all


def test_pan_reuses_the_image_and_matches_a_fresh_draw(qapp, cadastre):
    from gis_app.shell.renderer import Renderer

    view = Viewport(width=500, height=400)
    view.fit(cadastre.extent)
    view.zoom(3.0)
    renderer = Renderer()
    renderer.render([cadastre], view)
    for dx, dy in ((120, -40), (-300, 10), (0, 150), (7, 7)):
        view.pan_pixels(dx, dy)
        panned = _pixels(renderer.render([cadastre], view))
        assert renderer._last is not None
        fresh = _pixels(Renderer().render([cadastre], view))
        assert (np.abs(panned - fresh).max(axis=2) > 0).mean() < 0.001  # only FP ties at strip edges


def test_pan_cache_follows_style_and_data_changes(qapp):
    import geopandas as gpd

    from gis_app.shell.renderer import Renderer
    from layers import VectorLayer

    layer = VectorLayer("khac", gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 100, 100)], crs=9209),
                        style={"fill": "#ff0000"})
    view = Viewport(width=200, height=200)
    view.fit((0, 0, 400, 400))
    renderer = Renderer()
    renderer.render([layer], view)
    view.pan_pixels(10, 0)
    layer.style = dict(layer.style, fill="#00ff00")
    x, y = view.to_screen(np.array([[50.0, 50.0]]))[0]
    assert renderer.render([layer], view).pixelColor(int(x), int(y)).name() == "#00ff00"


def test_spatial_grid_returns_every_feature_in_view_in_draw_order():
    from gis_app.shell.lod import SpatialGrid

    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 10_000, (20_000, 2))
    size = rng.uniform(1, 300, (20_000, 2))
    bounds = np.column_stack([xy, xy + size])
    bounds[5] = np.nan  # an empty geometry is never returned
    grid = SpatialGrid(bounds)
    for extent in ((0, 0, 10_500, 10_500), (2000, 3000, 2600, 3300), (9990, -50, 12000, 40), (-500, -500, -10, -10)):
        xmin, ymin, xmax, ymax = extent
        truth = np.flatnonzero(~((bounds[:, 2] < xmin) | (bounds[:, 0] > xmax) | (bounds[:, 3] < ymin)
                                 | (bounds[:, 1] > ymax)) & ~np.isnan(bounds[:, 0]))
        got = grid.query(extent)
        assert set(truth) <= set(got.tolist())
        assert np.all(np.diff(got) > 0)
        assert 5 not in got


def test_scanline_fill_keeps_holes_and_matches_pixel_centres():
    from gis_app.shell.lod import fill_polygons
    from gis_app.shell.qt_paths import ring_coordinates

    ring = shapely.Polygon([(2, 2), (18, 2), (18, 18), (2, 18)], [[(6, 6), (14, 6), (14, 14), (6, 14)]])
    l_shape = shapely.Polygon([(20, 2), (30, 2), (30, 6), (24, 6), (24, 18), (20, 18)])  # concave
    coords, owner, starts = ring_coordinates(np.array([ring, l_shape], dtype=object))
    canvas = np.zeros((20, 32), dtype=np.uint32)
    fill_polygons(canvas, coords, starts, owner, np.array([1, 2], dtype=np.uint32))
    cy, cx = np.mgrid[0:20, 0:32] + 0.5
    expected = np.where(shapely.contains_xy(ring, cx, cy), 1, np.where(shapely.contains_xy(l_shape, cx, cy), 2, 0))
    assert np.array_equal(canvas, expected)


def test_large_layer_is_drawn_from_the_vertices_of_the_rows_in_view(qapp, cadastre, monkeypatch):
    """A large layer's first zoom in does not wait for its full vertex arrays: the rows in view are
    flattened on their own (and reused while they cover the view), the full arrays come from a
    background thread, and both draw the same image."""
    from gis_app.shell import renderer as renderer_module

    monkeypatch.setattr(renderer_module, "PARTIAL_VERTICES", 100)  # "large" for this test
    started = []
    monkeypatch.setattr(renderer_module.Renderer, "_build_in_background",
                        lambda self, layer: started.append(layer))  # hold the thread back
    view = Viewport(width=400, height=300)
    view.fit(cadastre.extent)
    view.zoom(12.0)
    renderer = renderer_module.Renderer()
    fast = _pixels(renderer.render([cadastre], view))
    full = _pixels(renderer_module.Renderer(lod=False).render([cadastre], view))
    assert _block_difference(fast, full).mean() < 3.0
    assert started and id(cadastre) not in renderer._geometry  # drawn without the full arrays
    partial = renderer._partial[id(cadastre)]
    assert len(partial.rows) < len(cadastre) / 20  # only the rows in view were flattened
    view.zoom(1.5)
    renderer.render([cadastre], view)
    assert renderer._partial[id(cadastre)] is partial  # a zoom in reuses them
    view.pan_pixels(350, -250)  # new rows come into view: flattened and added to those held
    panned = _pixels(renderer.render([cadastre], view))
    grown = renderer._partial[id(cadastre)]
    assert len(grown.rows) > len(partial.rows) and set(partial.rows) <= set(grown.rows)
    assert np.all(np.diff(grown.feature) >= 0)  # still in feature (draw) order
    fresh = _pixels(renderer_module.Renderer(lod=False).render([cadastre], view))
    assert _block_difference(panned, fresh).mean() < 3.0
    view.pan_pixels(-350, 250)
    monkeypatch.undo()
    monkeypatch.setattr(renderer_module, "PARTIAL_VERTICES", 100)
    renderer._build_in_background(cadastre)
    renderer.wait_idle(60)
    assert id(cadastre) in renderer._geometry and id(cadastre) not in renderer._partial
    assert renderer._geometry[id(cadastre)].local.dtype == np.float32  # lean: float32 offsets
    view.zoom(1 / 1.5)
    again = _pixels(renderer.render([cadastre], view))
    assert (np.abs(again - fast).max(axis=2) > 0).mean() < 0.001

def test_running_sum_fill_matches_the_scanline_fill_pixel_for_pixel():
    """``fill_rings`` (one running sum per row) gives the pixels of ``fill_polygons`` (crossings
    paired per feature), holes and rings of either direction included; where features overlap
    the later one wins, as in a full draw."""
    from shapely import affinity

    from gis_app.shell.lod import fill_polygons, fill_rings
    from gis_app.shell.qt_paths import ring_coordinates
    from gis_app.shell.renderer import _winding

    rng = np.random.default_rng(11)
    shapes = []
    for k in range(300):
        x, y = rng.uniform(0, 300, 2)
        outer = affinity.rotate(shapely.box(x, y, x + rng.uniform(2, 20), y + rng.uniform(2, 14)), rng.uniform(0, 90))
        if k % 7 == 0:  # a hole
            outer = outer.difference(outer.centroid.buffer(1.0, 4))
        shapes.append(outer.reverse() if k % 3 == 0 else outer)  # rings either way round
    shapes.append(shapely.Polygon([(0, 0), (30, 30), (30, 0), (0, 30)]))  # a bow tie (invalid)
    coords, owner, starts, role = ring_coordinates(np.array(shapes, dtype=object), roles=True)
    wind = _winding(coords, starts, role)
    screen = coords * [1.0, -1.0] + [0.0, 320.0]  # map y up -> screen y down
    values = rng.integers(1, 2**32 - 1, len(shapes), dtype=np.uint64).astype(np.uint32)
    fast, exact = np.zeros((320, 330), np.uint32), np.zeros((320, 330), np.uint32)
    fill_rings(fast, screen, starts, wind, owner, values)
    fill_polygons(exact, screen, starts, owner, values)
    assert (exact != 0).sum() > 10_000
    assert np.array_equal(fast, exact)
