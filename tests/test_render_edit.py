"""Edits on the map: patching the edited features gives the image of a fresh draw.

After ``VectorLayer.set_frame(..., rows=...)`` the renderer patches its caches (vertex arrays,
spatial grid, boxes, colours) for those rows and redraws only the box around them; the image must
be the one a new renderer draws from scratch, pixel for pixel.
"""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from layers.viewport import Viewport


def _pixels(image) -> np.ndarray:
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return raw[:, :width * 4].reshape(height, width, 4).copy()


@pytest.fixture
def parcels():
    from layers import VectorLayer
    from layers.synthetic import parcel_grid

    frame = parcel_grid(2500)
    frame["status"] = np.where(np.arange(len(frame)) % 3 == 0, "leased", "vacant")
    style = {"fill": "#dddddd", "stroke": "#333333", "stroke_width": 0.2,
             "categorized": {"field": "status", "colors": {"leased": "#d62728", "vacant": "#2ca02c"}}}
    return VectorLayer("parcels", frame, style=style)


@pytest.mark.parametrize("zoom", [1.0, 6.0, 30.0])  # boxes, scanline fill, paths with outlines
def test_patched_edits_draw_like_a_fresh_renderer(qapp, parcels, zoom):
    from gis_app.shell.renderer import Renderer

    import geopandas as gpd

    from layers import VectorLayer

    view = Viewport(width=500, height=400)
    view.fit(parcels.extent)
    view.zoom(zoom, 240, 190)
    xmin, ymin, xmax, ymax = view.extent
    hatched = VectorLayer("subzones", gpd.GeoDataFrame(  # a hatched subzone across the middle of the view
        {"use": ["cnht"]}, geometry=[shapely.box(xmin, (ymin + ymax) / 2 - (ymax - ymin) / 5, (xmin + xmax) / 2 + 7,
                                                 ymax)], crs=parcels.frame.crs),
        style={"fill": "#2ca02c", "stroke": "#2ca02c", "hatch": "diagonal"})
    layers = [parcels, hatched]
    renderer = Renderer()
    renderer.render(layers, view)
    row = int(parcels.rows_at((xmin + xmax) / 2, (ymin + ymax) / 2, tolerance=view.mpp * 3)[0])  # in view
    frame = parcels.frame.copy()
    caches = (renderer._lod[id(parcels)], renderer._colors[id(parcels)])

    # an attribute edit that changes the colour of one parcel
    frame.loc[frame.index[row], "status"] = "leased" if frame["status"].iloc[row] == "vacant" else "vacant"
    parcels.set_frame(frame.copy(), geometry_changed=False, rows=[row])
    drawn = []
    draw = renderer._draw_layers
    renderer._draw_layers = lambda layers, part, *rest, **kw: drawn.append((part.width, part.height)) or draw(layers, part, *rest, **kw)
    patched = _pixels(renderer.render(layers, view))
    assert drawn and all(w * h < view.width * view.height / 4 for w, h in drawn)  # only around the edit
    assert np.array_equal(patched, _pixels(Renderer().render(layers, view)))

    # a vertex moved (same vertex count), then one added (the vertex arrays are spliced)
    shape = frame.geometry.iloc[row]
    coords = np.asarray(shape.exterior.coords)
    moved = coords.copy()
    moved[[0, -1]] += (shape.length / 20, shape.length / 30)
    frame.loc[frame.index[row], "geometry"] = shapely.Polygon(moved)
    parcels.set_frame(frame.copy(), geometry_changed=True, rows=[row])
    assert np.array_equal(_pixels(renderer.render(layers, view)), _pixels(Renderer().render(layers, view)))
    added = np.insert(moved, 1, (moved[0] + moved[1]) / 2 + shape.length / 25, axis=0)
    frame.loc[frame.index[row], "geometry"] = shapely.Polygon(added)
    other = (row + 7) % len(frame)
    frame.loc[frame.index[other], "geometry"] = shapely.affinity.translate(frame.geometry.iloc[other],
                                                                           shape.length, 0)  # leaves its cell
    parcels.set_frame(frame.copy(), geometry_changed=True, rows=[row, other])
    assert np.array_equal(_pixels(renderer.render(layers, view)), _pixels(Renderer().render(layers, view)))
    assert (renderer._lod[id(parcels)], renderer._colors[id(parcels)]) == caches  # patched, not rebuilt
    geometry = renderer.geometry(parcels)  # the patched vertex arrays are those of a fresh build
    fresh = Renderer().geometry(parcels)
    assert np.array_equal(geometry.coords, fresh.coords) and np.array_equal(geometry.first, fresh.first)


def test_a_layer_patched_row_by_row_reports_its_changes(parcels):
    before_data, before_shape = parcels.data_version, parcels.geometry_version
    parcels.set_frame(parcels.frame, geometry_changed=False, rows=[5, 3])
    parcels.set_frame(parcels.frame, geometry_changed=True, rows=[9])
    assert parcels.rows_changed_since("data", before_data).tolist() == [3, 5, 9]
    assert parcels.rows_changed_since("geometry", before_shape).tolist() == [9]
    parcels.set_frame(parcels.frame)  # a whole change: rows can no longer be told
    assert parcels.rows_changed_since("data", before_data) is None
    assert parcels.rows_changed_since("geometry", before_shape) is None
