"""Qt-free layer models: events, selection, picking, viewport maths, project round trip, file reading."""
import geopandas as gpd
import numpy as np
import pytest
import shapely

from gis_app.core.errors import InputError
from layers import LayerList, VectorLayer
from layers.project_layers import is_illustrative, layers_from_project, store_state
from layers.synthetic import parcel_grid, synthetic_project
from gis_app.exchange.readers import read_dataset
from layers.viewport import Viewport


def _layer(name="parcels", n=16):
    return VectorLayer(name, parcel_grid(n))


def test_layer_list_emits_insert_move_remove_and_forwards_layer_changes():
    seen = []
    layers = LayerList()
    for event in ("inserted", "removed", "moved", "changed"):
        layers.events.connect(event, lambda event=event, **kw: seen.append((event, kw.get("what"))))
    a, b = _layer("a"), _layer("b")
    layers.append(a)
    layers.append(b)
    layers.move(1, 0)
    assert layers.names() == ["b", "a"]
    a.visible = False
    a.opacity = 0.5
    a.style = {"fill": "#ff0000"}
    layers.remove("a")
    a.visible = True  # no longer a member: must not be forwarded
    assert seen == [("inserted", None), ("inserted", None), ("moved", None), ("changed", "visibility"),
                    ("changed", "opacity"), ("changed", "style"), ("removed", None)]


def test_selection_and_point_picking():
    layer = _layer(n=16)
    hits = []
    layer.events.connect("selection", lambda layer: hits.append(layer.selected_rows().tolist()))
    x, y = layer.label_points[5]
    rows = layer.rows_at(x, y)
    assert rows.tolist() == [5]
    layer.select(rows)
    layer.select([7], add=True)
    assert hits == [[5], [5, 7]]
    xmin, ymin, xmax, ymax = layer.selection_extent()
    assert xmin == pytest.approx(min(layer.bounds[5, 0], layer.bounds[7, 0]))
    assert layer.rows_at(0.0, 0.0).size == 0


def test_viewport_zoom_keeps_anchor_and_pan_moves_by_pixels():
    view = Viewport(width=400, height=300)
    view.fit((0, 0, 1000, 500))
    anchor = view.to_map(100, 50)
    view.zoom(2.0, 100, 50)
    assert view.to_map(100, 50) == pytest.approx(anchor)
    before = view.to_map(0, 0)
    view.pan_pixels(10, 0)
    assert view.to_map(10, 0) == pytest.approx(before)
    screen = view.to_screen(np.array([anchor]))
    assert screen[0] == pytest.approx([110, 50])  # the pan moved it 10 px right
    assert view.scale_denominator(96) == pytest.approx(view.mpp * 96 / 0.0254)


def test_project_layers_round_trip_state_and_fill_rate(tmp_path):
    project = synthetic_project(64)
    layers = layers_from_project(project)
    assert layers.names() == ["zones", "subzones", "parcels"]
    assert "fill_rate" in layers["zones"].frame.columns and "fill_rate" not in project.zones.columns
    assert is_illustrative(project)
    layers["parcels"].opacity = 0.4
    layers.move(2, 0)
    store_state(project, layers, (1, 2, 3, 4))
    project.save(tmp_path / "p.gpkg")
    from gis_app.core.project import Project

    again = layers_from_project(Project.load(tmp_path / "p.gpkg"))
    assert again.names() == ["parcels", "zones", "subzones"]
    assert again["parcels"].opacity == pytest.approx(0.4)


def test_the_shell_reader_accepts_geojson_and_names_file_for_bad_inputs(tmp_path):
    # The shell reads layer files with the exchange reader (File → Add layer, drag-and-drop).
    good = tmp_path / "good.geojson"
    parcel_grid(4).to_crs(4326).to_file(good, driver="GeoJSON")
    assert len(read_dataset(good).frame) == 4

    corrupt = tmp_path / "corrupt.geojson"
    corrupt.write_text('{"type": "FeatureCollection", "features": [ {"type":', encoding="utf-8")
    points = tmp_path / "points.geojson"
    gpd.GeoDataFrame(geometry=[shapely.Point(0, 0)], crs=4326).to_file(points, driver="GeoJSON")
    empty = tmp_path / "empty.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    shp = tmp_path / "noshx.shp"
    parcel_grid(4).to_file(shp)
    shp.with_suffix(".shx").unlink()
    noprj = tmp_path / "noprj.shp"
    parcel_grid(4).to_file(noprj)
    noprj.with_suffix(".prj").unlink()
    for path, words in ((corrupt, "đọc"), (points, "polygon"), (empty, "đối tượng"), (shp, ".shx"),
                        (noprj, "hệ tọa độ"), (tmp_path / "missing.gpkg", "không tìm thấy")):
        with pytest.raises(InputError) as info:
            read_dataset(path)
        assert info.value.path == str(path)
        assert words in info.value.problem
