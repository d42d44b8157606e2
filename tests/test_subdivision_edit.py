"""Merge, split and renumber lots (Qt-free edit operations for the GUI)."""
import numpy as np
import pytest
import shapely

from gis_app.core.errors import InputError
from gis_app.subdivision import SubdivisionParams, subdivide
from gis_app.subdivision.edit import merge_lots, renumber, split_lot
from gis_app.subdivision.output import to_frames
from gis_app.subdivision.site import default_access
from gis_app.subdivision.suite_sites import suite


@pytest.fixture(scope="module")
def frames():
    site = suite()["rectangle_10ha"]
    ids, parts = default_access(site)
    layout = subdivide(site, ids, parts, SubdivisionParams())
    return to_frames(layout, 9209)


def total_lot_area(f):
    return float(shapely.area(f["lots"].geometry.values).sum())


def neighbours(frames):
    lots = frames["lots"]
    g = lots.geometry.values
    for i in range(len(g)):
        for j in range(i + 1, len(g)):
            if lots["road_id"].iloc[i] == lots["road_id"].iloc[j] and \
                    shapely.length(shapely.intersection(g[i].boundary, g[j].buffer(0.01))) > 10:
                return lots["lot_id"].iloc[i], lots["lot_id"].iloc[j]
    raise AssertionError("no neighbours")


def test_merge_two_neighbours_conserves_area(frames):
    a, b = neighbours(frames)
    out = merge_lots(frames, a, b)
    assert len(out["lots"]) == len(frames["lots"]) - 1
    assert abs(total_lot_area(out) - total_lot_area(frames)) < 0.01
    row = out["lots"][out["lots"]["lot_id"] == a].iloc[0]
    assert row["frontage_m"] >= 39 and abs(row["area_m2"] - row.geometry.area) < 0.01
    assert b not in set(out["lots"]["lot_id"])
    assert len(frames["lots"]) == len(out["lots"]) + 1  # the input is left as it was


def test_merge_refuses_lots_without_a_shared_edge(frames):
    ids = list(frames["lots"]["lot_id"])
    with pytest.raises(InputError):
        merge_lots(frames, ids[0], ids[-1])
    with pytest.raises(InputError):
        merge_lots(frames, ids[0], "CN-9999")


def test_split_by_a_line_keeps_the_rules_or_is_refused(frames):
    # merge two lots then split the result back down the middle: both halves stay valid
    a, b = neighbours(frames)
    merged = merge_lots(frames, a, b)
    lot = merged["lots"][merged["lots"]["lot_id"] == a].geometry.iloc[0]
    rect = shapely.minimum_rotated_rectangle(lot)
    c = lot.centroid
    x0, y0, x1, y1 = lot.bounds
    xs = np.asarray(rect.exterior.coords)
    # cut across the long side (along the lot's depth) through the centroid
    sides = np.diff(xs, axis=0)
    long = sides[np.argmax(np.hypot(sides[:, 0], sides[:, 1]))]
    n = np.array([-long[1], long[0]]) / np.hypot(*long)
    line = shapely.LineString([(c.x - 200 * n[0], c.y - 200 * n[1]), (c.x + 200 * n[0], c.y + 200 * n[1])])
    out = split_lot(merged, a, line)
    assert len(out["lots"]) == len(merged["lots"]) + 1
    assert abs(total_lot_area(out) - total_lot_area(merged)) < 0.01
    assert (out["lots"]["area_m2"] >= 500 - 1e-6).all()
    # a cut leaving a sliver is refused
    edge_line = shapely.LineString([(c.x - 200 * n[0] + long[0] / np.hypot(*long) * (np.hypot(*long) / 2 - 3),
                                     c.y - 200 * n[1] + long[1] / np.hypot(*long) * (np.hypot(*long) / 2 - 3)),
                                    (c.x + 200 * n[0] + long[0] / np.hypot(*long) * (np.hypot(*long) / 2 - 3),
                                     c.y + 200 * n[1] + long[1] / np.hypot(*long) * (np.hypot(*long) / 2 - 3))])
    with pytest.raises(InputError) as refused:
        split_lot(merged, a, edge_line)
    # the refusal says how big the pieces would be, so the planner knows where to cut instead
    import re

    pieces = [float(v.replace(".", "").replace(",", ".")) for v in
              re.findall(r"([\d.]+) m²", refused.value.problem)]
    assert len(pieces) == 3 and abs(pieces[0] + pieces[1] - lot.area) < 2 and pieces[2] == 500
    # a line missing the lot is refused
    with pytest.raises(InputError):
        split_lot(merged, a, shapely.LineString([(x1 + 500, y0), (x1 + 500, y1)]))


def test_renumber_after_edits(frames):
    a, b = neighbours(frames)
    out = renumber(merge_lots(frames, a, b))
    ids = list(out["lots"]["lot_id"])
    assert ids == [f"CN-{i:02d}" for i in range(1, len(ids) + 1)]
    # lots of one road are consecutive
    roads = list(out["lots"]["road_id"])
    assert all(roads[i] == roads[i - 1] or roads[i] not in roads[:i] for i in range(1, len(roads)))
    assert abs(total_lot_area(out) - total_lot_area(frames)) < 0.01


def test_renumber_only_the_chosen_lots_or_the_whole_layout_with_its_changes(frames):
    from gis_app.subdivision.edit import renumber_plan

    a, b = neighbours(frames)
    merged = merge_lots(frames, a, b)  # leaves a gap in the numbers
    before = dict(zip(merged["lots"]["lot_id"], merged["lots"].geometry.values))
    ids = list(merged["lots"]["lot_id"])
    chosen = [ids[5], ids[2], ids[9]]
    out = renumber(merged, only=chosen)
    after = dict(zip(out["lots"]["lot_id"], out["lots"].geometry.values))
    assert set(after) == set(before)  # the same numbers, only the chosen ones may swap
    for lot in set(ids) - set(chosen):
        assert after[lot].equals(before[lot])  # every other lot keeps its number
    whole = renumber_plan(merged)
    assert whole and all(old != new for old, new in whole.items())  # only the numbers that change
    assert set(renumber_plan(merged, only=chosen)) <= set(chosen)
    with pytest.raises(InputError):
        renumber_plan(merged, only=["CN-9999"])


def test_edits_on_layers_read_back_from_the_geopackage(tmp_path):
    import geopandas as gpd
    import pyogrio

    from gis_app.subdivision.output import write_gpkg

    site = suite()["L_51ha"]
    ids, parts = default_access(site)
    path = tmp_path / "out.gpkg"
    write_gpkg(to_frames(subdivide(site, ids, parts, SubdivisionParams()), 9209), path)
    frames = {name: gpd.read_file(path, layer=name) for name, _ in pyogrio.list_layers(path)}
    assert {"lots", "roads", "reserve", "remainder", "access"} <= set(frames)
    a, b = neighbours(frames)
    merged = merge_lots(frames, a, b)
    lot = merged["lots"][merged["lots"]["lot_id"] == a].geometry.iloc[0]
    rect = np.asarray(shapely.minimum_rotated_rectangle(lot).exterior.coords)
    sides = np.diff(rect, axis=0)
    long = sides[np.argmax(np.hypot(sides[:, 0], sides[:, 1]))]
    n = np.array([-long[1], long[0]]) / np.hypot(*long)
    c = np.asarray(lot.centroid.coords[0])
    out = renumber(split_lot(merged, a, shapely.LineString([c - 300 * n, c + 300 * n])))
    assert len(out["lots"]) == len(frames["lots"])
    assert abs(total_lot_area(out) - total_lot_area(frames)) < 0.01


def test_gui_api_runs_on_a_loaded_project_zone_with_progress():
    import geopandas as gpd

    from gis_app.core.processing import Feedback
    from gis_app.core.project import Project
    from gis_app.subdivision import api

    x0, y0 = 560000.0, 2318000.0
    parcels = gpd.GeoDataFrame({
        "parcel_id": ["P1", "R1"], "zone_id": ["Z", "Z"], "landuse": ["industrial", "road"],
        "status": ["vacant", None], "tenant": [None, None], "sector": [None, None]},
        geometry=[shapely.box(x0, y0, x0 + 400, y0 + 250), shapely.box(x0, y0 - 20, x0 + 400, y0)], crs=9209)
    project = Project()
    project.add_layer("parcels", parcels)
    polygon, ids, parts = api.zone_vacant_land(project, "Z")
    seen = []
    result = api.run(polygon, project.crs, SubdivisionParams(min_lot=1000), ids, parts, Feedback(seen.append))
    assert result.metrics["guarantees_ok"] and result.metrics["lots"] > 20
    assert result.metrics["min_lot_m2"] >= 1000 and seen[-1] == 100.0
    assert set(result.frames) == {"lots", "roads", "reserve", "remainder", "access"}
    with pytest.raises(InputError):
        api.zone_vacant_land(project, "NOPE")
