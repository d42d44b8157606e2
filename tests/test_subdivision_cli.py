"""The ``subdivide`` command: contract layers and metrics, projection, bad input → exit 2."""
import json

import geopandas as gpd
import pyogrio
import pytest
import shapely

from gis_app.cli import main
from gis_app.core.crs import reproject
from gis_app.subdivision.params import parse_lot_mix
from gis_app.core.errors import InputError
from gis_app.subdivision.suite_sites import suite

METRIC_KEYS = {"site_m2", "lots", "lot_m2", "road_m2", "reserve_m2", "remainder_m2", "lot_share", "min_lot_m2",
               "mean_lot_m2", "max_lot_m2", "valid_lots", "mean_rectangularity", "p95_depth_ratio", "seconds"}


@pytest.fixture
def site_file(tmp_path):
    path = tmp_path / "site.gpkg"
    gpd.GeoDataFrame({"name": ["U"]}, geometry=[suite()["U_45ha"]], crs=9209).to_file(path)
    return path


def test_contract_layers_and_metrics(site_file, tmp_path):
    out, js = tmp_path / "out.gpkg", tmp_path / "m.json"
    code = main(["subdivide", str(site_file), "--out", str(out), "--json", str(js), "--hightech-share", "0.2",
                 "--lot-mix", "500-1000:0.6,1000-5000:0.4"])
    assert code == 0
    metrics = json.loads(js.read_text())
    assert METRIC_KEYS <= set(metrics)
    assert metrics["valid_lots"] == metrics["lots"] > 100
    assert abs(metrics["lot_m2"] + metrics["road_m2"] + metrics["reserve_m2"] + metrics["remainder_m2"]
               - metrics["site_m2"]) <= 0.01
    assert metrics["reserve_m2"] >= 0.2 * metrics["site_m2"] - 0.01
    layers = {name for name, _ in pyogrio.list_layers(out)}
    assert {"lots", "roads", "reserve", "remainder"} <= layers
    lots = gpd.read_file(out, layer="lots")
    assert {"lot_id", "area_m2", "frontage_m", "depth_m", "use", "road_id"} <= set(lots.columns)
    assert set(lots["use"]) == {"cnht"} and lots["lot_id"].iloc[0] == "CN-01"
    assert lots.crs.to_epsg() == 9209
    assert "reason" in gpd.read_file(out, layer="remainder").columns
    assert len(gpd.read_file(out, layer="reserve")) == 1


def test_geographic_site_is_projected_first(tmp_path):
    site = gpd.GeoDataFrame(geometry=[suite()["rectangle_10ha"]], crs=9209)
    path = tmp_path / "wgs84.geojson"
    reproject(site, 4326).to_file(path, driver="GeoJSON")
    out, js = tmp_path / "o.gpkg", tmp_path / "m.json"
    assert main(["subdivide", str(path), "--out", str(out), "--json", str(js)]) == 0
    metrics = json.loads(js.read_text())
    assert abs(metrics["site_m2"] - 100_000) < 100  # metres, not degrees
    assert not gpd.read_file(out, layer="lots").crs.is_geographic


def test_access_file_of_road_polygons(tmp_path):
    site = suite()["rectangle_10ha"]
    x0, y0, x1, y1 = site.bounds
    road = shapely.box(x0 - 50, y0 - 20, x1 + 50, y0)  # a road along the south edge only
    sp, ap = tmp_path / "s.gpkg", tmp_path / "a.gpkg"
    gpd.GeoDataFrame(geometry=[site], crs=9209).to_file(sp)
    gpd.GeoDataFrame(geometry=[road], crs=9209).to_file(ap)
    out, js = tmp_path / "o.gpkg", tmp_path / "m.json"
    assert main(["subdivide", str(sp), "--access", str(ap), "--out", str(out), "--json", str(js)]) == 0
    lots = gpd.read_file(out, layer="lots")
    assert (lots["frontage_m"] >= 15).all() and json.loads(js.read_text())["guarantees_ok"]


def _expect_exit_2(args, capsys, needle):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert needle in err, err


def test_bad_input_exits_2(tmp_path, capsys, site_file):
    out, js = str(tmp_path / "o.gpkg"), str(tmp_path / "m.json")
    _expect_exit_2(["subdivide", str(tmp_path / "missing.gpkg"), "--out", out, "--json", js], capsys, "missing.gpkg")
    corrupt = tmp_path / "corrupt.gpkg"
    corrupt.write_bytes(b"SQLite format 3\x00 truncated")
    _expect_exit_2(["subdivide", str(corrupt), "--out", out, "--json", js], capsys, "corrupt.gpkg")
    nocrs = tmp_path / "nocrs.shp"
    gpd.GeoDataFrame(geometry=[suite()["rectangle_10ha"]]).to_file(nocrs)
    _expect_exit_2(["subdivide", str(nocrs), "--out", out, "--json", js], capsys, "--crs")
    assert main(["subdivide", str(nocrs), "--crs", "9209", "--out", out, "--json", js]) == 0
    lines = tmp_path / "lines.gpkg"
    gpd.GeoDataFrame(geometry=[shapely.LineString([(0, 0), (100, 0)])], crs=9209).to_file(lines)
    _expect_exit_2(["subdivide", str(lines), "--out", out, "--json", js], capsys, "lines.gpkg")
    _expect_exit_2(["subdivide", str(site_file), "--out", out, "--json", js, "--min-lot", "-5"], capsys, "--min-lot")
    _expect_exit_2(["subdivide", str(site_file), "--out", out, "--json", js, "--lot-mix", "abc"], capsys, "--lot-mix")
    _expect_exit_2(["subdivide", str(site_file), "--out", out, "--json", js, "--crs", "EPSG:nope"], capsys, "--crs")
    far = tmp_path / "far.gpkg"
    gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 10, 10)], crs=9209).to_file(far)
    _expect_exit_2(["subdivide", str(site_file), "--out", out, "--json", js, "--access", str(far)], capsys, "far.gpkg")


def test_failed_run_leaves_no_output(tmp_path, site_file):
    out, js = tmp_path / "o.gpkg", tmp_path / "m.json"
    assert main(["subdivide", str(site_file), "--out", str(out), "--json", str(js), "--lot-mix", "1-2:1"]) == 2
    assert not out.exists() and not js.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site.gpkg"]


@pytest.mark.parametrize("text, needle", [
    ("500-1000", "LOW-HIGH:SHARE"), ("500-1000:0.5", "sum"), ("1000-500:1", "invalid"),
    ("500-1000:0.5,1000-x:0.5", "LOW-HIGH:SHARE"), ("100-200:1", "below"), ("500-1000:1.5", "(0, 1]"),
    ("500-1000:nan", "invalid number")])
def test_lot_mix_parse_errors(text, needle):
    from gis_app.core import i18n

    i18n.set_language("en")
    with pytest.raises(InputError) as err:
        parse_lot_mix(text, 500)
    assert err.value.path == "--lot-mix" and needle in err.value.problem


def test_lot_mix_parses():
    assert parse_lot_mix("500-1000:0.3, 1000-5000:0.5,5000-10000:0.2", 500) == (
        (500, 1000, 0.3), (1000, 5000, 0.5), (5000, 10000, 0.2))
    assert parse_lot_mix(None, 500) == ()


def test_zone_vacant_land_of_a_project(tmp_path, capsys):
    """SITE = a project: the zone's vacant industrial parcels, its road parcels as the only access."""
    x0, y0 = 560000.0, 2318000.0
    vacant = [shapely.box(x0, y0, x0 + 300, y0 + 200), shapely.box(x0 + 300, y0, x0 + 500, y0 + 200)]
    leased = shapely.box(x0, y0 + 200, x0 + 500, y0 + 400)
    road = shapely.box(x0 - 20, y0 - 20, x0 + 520, y0)  # along the south edge
    parcels = gpd.GeoDataFrame({
        "parcel_id": ["P1", "P2", "P3", "R1", "X1"], "zone_id": ["Z", "Z", "Z", "Z", "OTHER"],
        "landuse": ["industrial", "industrial", "industrial", "road", "industrial"],
        "status": ["vacant", "vacant", "leased", None, "vacant"]},
        geometry=vacant + [leased, road, shapely.box(x0 + 900, y0, x0 + 1000, y0 + 100)], crs=9209)
    project = tmp_path / "p.gpkg"
    parcels.to_file(project, layer="parcels")
    out, js = tmp_path / "o.gpkg", tmp_path / "m.json"
    assert main(["subdivide", str(project), "--zone", "Z", "--out", str(out), "--json", str(js)]) == 0
    metrics = json.loads(js.read_text())
    assert abs(metrics["site_m2"] - 100_000) < 0.01 and metrics["valid_lots"] == metrics["lots"] > 50
    access = gpd.read_file(out, layer="access")
    assert abs(access.length.sum() - 500) < 2.0  # only the edge along the road parcel (± the 0.5 m snap)
    _expect_exit_2(["subdivide", str(project), "--zone", "NOPE", "--out", str(out), "--json", str(js)],
                   capsys, "--zone")


def test_invalid_geometry_is_repaired_and_a_tiny_site_gives_no_lots(tmp_path):
    bowtie = shapely.Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])  # self-intersecting ring
    for name, geom, some_lots in (("bowtie", bowtie, True), ("tiny", shapely.box(0, 0, 15, 20), False)):
        path = tmp_path / f"{name}.gpkg"
        gpd.GeoDataFrame(geometry=[geom], crs=9209).to_file(path)
        out, js = tmp_path / f"{name}.o.gpkg", tmp_path / f"{name}.json"
        assert main(["subdivide", str(path), "--out", str(out), "--json", str(js)]) == 0
        metrics = json.loads(js.read_text())
        assert metrics["guarantees_ok"] and (metrics["lots"] > 0) == some_lots
        assert abs(metrics["lot_m2"] + metrics["road_m2"] + metrics["remainder_m2"] - metrics["site_m2"]) <= 0.01
        if not some_lots:
            assert metrics["road_m2"] == 0.0  # no road is laid out for no lot


def test_geographic_vn2000_site_goes_to_a_vn2000_tm3_zone(tmp_path):
    site = gpd.GeoDataFrame(geometry=[suite()["rectangle_10ha"]], crs=9209)
    path = tmp_path / "vn2000_geog.gpkg"
    reproject(site, 4756).to_file(path)
    out, js = tmp_path / "o.gpkg", tmp_path / "m.json"
    assert main(["subdivide", str(path), "--out", str(out), "--json", str(js)]) == 0
    crs = gpd.read_file(out, layer="lots").crs
    assert "VN-2000 / TM-3" in crs.name
    assert abs(json.loads(js.read_text())["site_m2"] - 100_000) < 50


def test_unwritable_output_exits_2(tmp_path, site_file, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "out.gpkg"  # a path under a file cannot be created
    assert main(["subdivide", str(site_file), "--out", str(out), "--json", str(tmp_path / "m.json")]) == 2
    assert "out.gpkg" in capsys.readouterr().err
