"""Where accepted layouts live in a project (Qt-free): parcels replaced, lots/roads/access layers,
save and reopen, re-planning an accepted zone, edits keeping the parcels in step."""
import pytest

from gis_app.core.project import Project
from gis_app.core.schema import CANONICAL, validate_layer
from gis_app.subdivision import api, edit
from gis_app.subdivision import project_layout as pl
from gis_app.subdivision.params import SubdivisionParams

ZONE = "KCN-DAIAN"


@pytest.fixture(scope="module")
def accepted(sample_project_path):
    project = Project.load(sample_project_path)
    polygon, ids, parts = pl.zone_site(project, ZONE)
    result = api.run(polygon, project.crs, SubdivisionParams(hightech_share=0.2, green_buffer=10), ids, parts)
    layers = pl.accepted_layers(project, result.frames, ZONE)
    return project, polygon, result, layers


def test_accepted_layers_replace_the_vacant_land(accepted):
    project, polygon, result, layers = accepted
    parcels = layers["parcels"]
    validate_layer(parcels, CANONICAL["parcels"])
    validate_layer(layers["subzones"], CANONICAL["subzones"])
    mine = parcels[parcels["zone_id"] == ZONE]
    new = mine[mine["parcel_id"].str.startswith(f"{ZONE}:")]
    old_vacant = project.parcels[(project.parcels["zone_id"] == ZONE) & (project.parcels["status"] == "vacant")]
    assert not set(old_vacant["parcel_id"]) & set(parcels["parcel_id"])
    assert abs(new.geometry.area.sum() - polygon.area) < 0.05  # the new parcels tile the old vacant land
    assert (new["landuse"] == "green").sum() == (result.frames["remainder"]["reason"] == "green_buffer").sum() > 0
    assert len(layers["lots"]) == result.metrics["lots"] and set(layers["lots"]["layout_id"]) == {ZONE}
    assert f"{ZONE}:HT-01" in set(layers["subzones"]["subzone_id"])
    assert set(project.parcels["parcel_id"]) - set(old_vacant["parcel_id"]) <= set(parcels["parcel_id"])


def test_saved_layout_reopens_replans_and_edits(accepted, tmp_path):
    project, polygon, result, layers = accepted
    project = Project.load(project.path)
    project.layers.update(layers)
    project.save(tmp_path / "p.gpkg")
    reopened = Project.load(tmp_path / "p.gpkg")
    assert len(reopened.layers["lots"]) == len(layers["lots"])
    again, _, _ = pl.zone_site(reopened, ZONE)  # a second run re-plans the same land
    assert abs(again.area - polygon.area) < 0.05
    frames = pl.layout_frames(reopened, ZONE)
    lots = frames["lots"]
    a, b = lots["lot_id"].iloc[0], lots["lot_id"].iloc[1]
    merged = pl.edited_layers(reopened, ZONE, edit.merge_lots(frames, a, b))
    assert len(merged["lots"]) == len(lots) - 1
    assert len(merged["parcels"]) == len(reopened.parcels) - 1
    assert set(merged["parcels"]["parcel_id"]) >= {f"{ZONE}:{a}"} and f"{ZONE}:{b}" not in set(merged["parcels"]["parcel_id"])


def test_cli_zone_takes_the_desktops_land_after_an_accepted_layout(accepted, tmp_path):
    """``subdivide --zone`` and the desktop's Subdivide zone share ``project_layout.zone_land``: after a
    first layout was accepted and saved, both re-plan the same land and give the same layout."""
    import json

    import shapely

    from gis_app.cli import main

    project, polygon, result, layers = accepted
    project = Project.load(project.path)
    project.layers.update(layers)
    project.save(tmp_path / "accepted.gpkg")
    reopened = Project.load(tmp_path / "accepted.gpkg")
    desktop_polygon, ids, parts = pl.zone_site(reopened, ZONE)  # what the desktop's second run takes
    desktop = api.run(desktop_polygon, reopened.crs, SubdivisionParams(), ids, parts)
    assert main(["subdivide", str(tmp_path / "accepted.gpkg"), "--zone", ZONE, "--out", str(tmp_path / "cli.gpkg"),
                 "--json", str(tmp_path / "cli.json"), "--lang", "en"]) == 0
    metrics = json.loads((tmp_path / "cli.json").read_text(encoding="utf-8"))
    assert abs(metrics["site_m2"] - desktop_polygon.area) < 0.05
    assert abs(desktop_polygon.area - polygon.area) < 0.05  # the first layout's land, not only its lots
    assert metrics["lots"] == desktop.metrics["lots"] and abs(metrics["lot_m2"] - desktop.metrics["lot_m2"]) < 0.5
    from gis_app.subdivision import site

    cli_polygon, _, _, _ = site.load_zone_vacant_land(tmp_path / "accepted.gpkg", ZONE, 0.05)
    assert shapely.equals_exact(shapely.normalize(cli_polygon), shapely.normalize(desktop_polygon), 1e-6)
