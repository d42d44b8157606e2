"""Whole-park layouts (issue 11): presets kcn/ccn on the suite's sites and on 10/50/300 ha
rectangles, their guarantees, the land-use balance, the CLI, printing every layout, and the two
reported failures (a 7e-10 m² road piece that broke export-pdf; re-laying a zone after lot edits)."""
import json
import math

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import CRS

from gis_app.cli import main
from gis_app.core.project import Project
from gis_app.subdivision import api, balance, edit, park
from gis_app.subdivision import project_layout as pl
from gis_app.subdivision.params import SubdivisionParams
from gis_app.subdivision.suite_sites import ORIGIN, suite

CRS_9209 = CRS.from_epsg(9209)
ZONE = "KCN-DAIAN"


def rectangle(ha: float):
    w = math.sqrt(ha * 1e4 * 1.5)
    return shapely.box(ORIGIN[0], ORIGIN[1], ORIGIN[0] + w, ORIGIN[1] + ha * 1e4 / w)


SITES = {**suite(), **{f"rectangle_{ha}ha_3x2": rectangle(ha) for ha in (10, 50, 300)}}


@pytest.fixture(scope="module")
def layouts():
    return {(preset, name): api.run_park(site, CRS_9209, park.preset_params(preset))
            for preset in ("kcn", "ccn") for name, site in SITES.items()}


def _pieces(result):
    f = result.frames
    return np.concatenate([f[k].geometry.values for k in ("lots", "roads", "reserve", "remainder", "green",
                                                         "technical", "services")])


@pytest.mark.parametrize("preset", ["kcn", "ccn"])
def test_guarantees_on_every_site(layouts, preset):
    for name, site in SITES.items():
        result = layouts[(preset, name)]
        m = result.metrics
        assert m["problems"] == [] and m["guarantees_ok"], (preset, name, m["problems"])
        assert m["valid_lots"] == m["lots"] > 0
        pieces = _pieces(result)
        assert shapely.is_valid(pieces).all() and (shapely.area(pieces) >= 1.0).all()
        assert (shapely.get_type_id(pieces) == 3).all()
        assert abs(shapely.area(pieces).sum() - site.area) <= 0.01
        assert abs(sum(v["share"] for v in m["balance"].values()) - 1.0) < 1e-9
        # every lot fronts a road of the one network that reaches the entrance
        roads = result.frames["roads"].geometry.values
        net = shapely.get_parts(shapely.union_all(shapely.buffer(roads, 0.025)))
        assert len(net) == 1 and shapely.dwithin(net[0], result.frames["entrances"].geometry.values[0], 1.0)
        assert shapely.dwithin(result.frames["lots"].geometry.values, net[0], 0.1).all()


# The band of approved plans (DOMAIN.md): factory 60–70 %, roads 10–14 % KCN / 16–18 % CCN, green
# without water 10.5–12 %, water 2–4.5 %, technical 1–2.5 %, services 2–4 %. Where a default layout
# misses it, the miss is listed here with its reason (docs/guide/subdivision.md, "Band misses");
# the test fails when a listed miss goes away too, so the list stays true.
BAND_MISSES = {
    # a 10 ha site's 10 m isolation strip alone is 12.9 % of it (> 12 % planted green): no layout
    # that keeps QCVN's strip meets the band (they still meet every QCVN minimum)
    ("kcn", "rectangle_10ha"): "strip", ("kcn", "rectangle_10ha_3x2"): "strip",
    ("ccn", "rectangle_10ha"): "strip", ("ccn", "rectangle_10ha_3x2"): "strip",
    # a 5 ha triangle holds one to seven lots: not a park
    ("kcn", "triangle_5ha_20deg"): "too small", ("ccn", "triangle_5ha_20deg"): "too small",
}
BAND = {"factory": (0.60, 0.70), "planted": (0.105, 0.12), "water": (0.02, 0.045), "technical": (0.01, 0.025),
        "services": (0.02, 0.04)}
ROADS = {"kcn": (0.10, 0.14), "ccn": (0.16, 0.18)}


def _shares(result, site):
    m = result.metrics
    share = {k: v["share"] for k, v in m["balance"].items()}
    share["water"] = m["water_m2"] / site.area
    share["planted"] = share["green"] - share["water"]
    return share


def test_standard_and_band_of_approved_plans(layouts):
    # QCVN 01:2021: roads ≥ 10 %, green ≥ 10 %, technical ≥ 1 %; Decree 35/2022: services ≤ 10 %
    misses = {}
    for (preset, name), result in layouts.items():
        site = SITES[name]
        share = _shares(result, site)
        if SITES[name].area >= 400_000:  # a KCN of 5–10 ha is not a KCN
            land_use = [f for f in result.metrics["qcvn"] if f["code"] != "ND32.ccn_area"]
            assert all(f["status"] in ("ok", "n/a") for f in land_use), (preset, name, share)
            # a CCN outside 10–75 ha (Decree 32/2024 Art. 2.1) is a finding and makes qcvn_ok false
            size_ok = preset != "ccn" or 10 <= site.area / 1e4 <= 75
            assert result.metrics["qcvn_ok"] == size_ok, (preset, name)
            assert share["planted"] >= 0.10 and share["roads"] >= 0.10 and share["technical"] >= 0.01
        band = {**BAND, "roads": ROADS[preset]}
        inside = all(lo - 1e-9 <= share[k] <= hi + 1e-9 for k, (lo, hi) in band.items()) and share["other"] < 1e-6
        if not inside:
            misses[(preset, name)] = {k: round(v, 4) for k, v in share.items()}
    assert set(misses) == set(BAND_MISSES), misses


def test_hierarchy_wwtp_services_reserve_subzone(layouts):
    result = layouts[("kcn", "rectangle_300ha_3x2")]
    f, m = result.frames, result.metrics
    roads = f["roads"]
    assert {"main", "secondary", "internal"} <= set(roads["kind"])
    assert set(roads.loc[roads["kind"] == "main", "width_m"]) == {34.0}
    assert set(roads.loc[roads["kind"] == "secondary", "width_m"]) == {24.0}
    entrance = f["entrances"].geometry.values[0]
    main = shapely.union_all(roads.loc[roads["kind"] == "main"].geometry.values)
    assert shapely.dwithin(main, entrance, 0.01)
    # the plant is sized from the factory land and sits far from the entrance, in its green belt
    wwtp = f["technical"][f["technical"]["kind"] == "wwtp"].geometry.values
    assert len(wwtp) == 1 and wwtp[0].area >= m["wwtp_required_m2"] * 0.98
    assert m["wwtp_required_m2"] == pytest.approx(m["balance"]["factory"]["m2"] / 1e4 * 20 * 0.8 / 1000 * 0.2 * 1e4)
    lot_dist = shapely.distance(f["lots"].geometry.values, entrance)
    assert shapely.distance(wwtp[0], entrance) > np.percentile(lot_dist, 75)
    belt = f["green"][f["green"]["kind"] == "buffer"].geometry.values
    assert shapely.buffer(wwtp[0], 9.9).difference(shapely.union_all([wwtp[0], *belt])).area < 1.0
    # services by the entrance, the strip along the whole boundary
    services = f["services"].geometry.values
    assert shapely.distance(shapely.union_all(services), entrance) < 50
    strip = shapely.union_all(f["green"][f["green"]["kind"] == "isolation"].geometry.values)
    site = SITES["rectangle_300ha_3x2"]
    assert strip.area >= 0.95 * (site.length * 10 - 4 * 100) - 34 * 10
    # one high-tech reserve on a road; the CNHT subzone of SME lots ≥ 500 m²
    reserve = f["reserve"].geometry.values
    assert len(reserve) == 1 and reserve[0].geom_type == "Polygon"
    assert shapely.dwithin(reserve[0], shapely.union_all(roads.geometry.values), 0.05)
    cnht = f["lots"][f["lots"]["use"] == "cnht"]
    assert len(cnht) > 20 and cnht.geometry.area.min() >= 500 - 1e-6
    general = f["lots"][f["lots"]["use"] == "general"]
    assert general.geometry.area.min() >= 5000 - 1e-6 and general.geometry.area.max() >= 20000


def test_same_input_same_output():
    site = SITES["irregular_86ha"]
    a = api.run_park(site, CRS_9209, park.preset_params("kcn"))
    b = api.run_park(site, CRS_9209, park.preset_params("kcn"))
    for name in ("lots", "roads", "green", "technical", "services", "reserve"):
        assert list(shapely.to_wkb(a.frames[name].geometry.values)) == list(shapely.to_wkb(b.frames[name].geometry.values))


def test_parcels_balance_of_a_zone(sample_project_path):
    project = Project.load(sample_project_path)
    b = balance.parcels_balance(project.parcels, ZONE)
    mine = project.parcels[project.parcels["zone_id"] == ZONE]
    assert b["factory"]["m2"] == pytest.approx(mine[mine["landuse"] == "industrial"].geometry.area.sum())
    assert abs(sum(v["share"] for v in b.values()) - 1) < 1e-9
    rows = balance.table_rows(b)
    assert len(rows) == len(balance.CLASSES) + 1 and rows[-1][2] == "100,0"
    assert set(balance.zone_balances(project.parcels)) == set(project.parcels["zone_id"].dropna().astype(str))


def test_cli_kcn_preset_with_an_entrance(tmp_path, capsys):
    site = tmp_path / "site.gpkg"
    poly = rectangle(50)
    gpd.GeoDataFrame({"n": [1]}, geometry=[poly], crs=9209).to_file(site)
    out, js = tmp_path / "o.gpkg", tmp_path / "m.json"
    x0, y0, x1, _ = poly.bounds
    code = main(["subdivide", str(site), "--preset", "kcn", "--entrance", f"{(x0 + x1) / 2},{y0 - 3}",
                 "--out", str(out), "--json", str(js), "--new-project", str(tmp_path / "new.gpkg")])
    assert code == 0
    new = Project.load(tmp_path / "new.gpkg")  # a new KCN holding the layout, ready to print
    assert list(new.zones["zone_id"]) == ["KCN-MOI"]
    assert abs(new.parcels.geometry.area.sum() - poly.area) < 0.05
    assert {"industrial", "road", "green", "water", "infrastructure", "service"} == set(new.parcels["landuse"])
    m = json.loads(js.read_text())
    assert set(m["balance"]) == {"factory", "roads", "green", "technical", "services", "other"}
    assert m["qcvn_ok"] is True and m["preset"] == "kcn"
    layers = {name for name, _ in pyogrio.list_layers(out)}
    assert {"lots", "roads", "reserve", "remainder", "green", "technical", "services"} <= layers
    roads = gpd.read_file(out, layer="roads")
    assert {"kind", "width_m"} <= set(roads.columns)
    assert set(gpd.read_file(out, layer="green")["kind"]) <= {"isolation", "park", "buffer", "water"}
    assert set(gpd.read_file(out, layer="technical")["kind"]) <= {"wwtp", "other"}
    main_road = shapely.union_all(roads[roads["kind"] == "main"].geometry.values)
    assert shapely.distance(main_road, shapely.Point((x0 + x1) / 2, y0)) < 0.01
    assert "Đất giao thông" in capsys.readouterr().err  # the balance table is printed
    for bad, needle in ((["--entrance", "1,2"], "--entrance"), (["--entrance", "abc,def"], "--entrance"),
                        (["--entrance", str(tmp_path / "none.gpkg")], "none.gpkg")):
        assert main(["subdivide", str(site), "--preset", "kcn", *bad, "--out", str(tmp_path / "x.gpkg"),
                     "--json", str(tmp_path / "x.json")]) == 2
        assert needle in capsys.readouterr().err
        assert not (tmp_path / "x.gpkg").exists()


def test_default_entrance_is_nearest_the_existing_road(sample_project_path):
    project = Project.load(sample_project_path)
    polygon, _, _ = pl.zone_site(project, ZONE)
    roads = project.parcels[(project.parcels["zone_id"] == ZONE) & (project.parcels["landuse"] == "road")]
    entrance = park.default_entrance(polygon, roads.geometry.values)
    assert shapely.distance(entrance, shapely.union_all(roads.geometry.values)) == pytest.approx(
        shapely.distance(shapely.boundary(polygon), shapely.union_all(roads.geometry.values)), abs=1e-6)


# -- the two reported failures -------------------------------------------------------------------------------------
def test_daian_default_layout_has_no_degenerate_piece_and_prints(sample_project_path, tmp_path):
    project = Project.load(sample_project_path)
    polygon, ids, parts = pl.zone_site(project, ZONE)
    result = api.run(polygon, project.crs, SubdivisionParams(), ids, parts)
    # the cnht preset's layout has its land-use balance too (no QCVN check: not a whole park)
    b = result.metrics["balance"]
    assert abs(sum(v["share"] for v in b.values()) - 1) < 1e-9 and "qcvn" not in result.metrics
    assert b["factory"]["m2"] == pytest.approx(result.metrics["lot_m2"] + result.metrics["reserve_m2"])
    for name in ("lots", "roads", "reserve", "remainder"):
        geoms = result.frames[name].geometry.values
        assert (shapely.area(geoms) >= 1.0).all() and shapely.is_valid(geoms).all(), name
    project.layers.update(pl.accepted_layers(project, result.frames, ZONE))
    project.save(tmp_path / "accepted.gpkg")
    out = tmp_path / "a3.pdf"
    assert main(["export-pdf", str(tmp_path / "accepted.gpkg"), "--out", str(out), "--paper", "A3",
                 "--scale", "2000", "--zone", ZONE]) == 0
    assert out.stat().st_size > 10_000


def _split_line(geom):
    """Lines through the centroid along both axes of the lot's minimum rotated rectangle."""
    xy = np.asarray(shapely.minimum_rotated_rectangle(geom).exterior.coords)
    c = np.asarray(geom.centroid.coords[0])
    for d in (xy[1] - xy[0], xy[2] - xy[1]):
        u = d / np.hypot(*d)
        yield shapely.LineString([c - 500 * u, c + 500 * u])


def test_layout_again_after_merge_split_renumber_save_reopen(sample_project_path, tmp_path):
    params = SubdivisionParams(lot_mix=((1000.0, 5000.0, 1.0),))
    project = Project.load(sample_project_path)
    polygon, ids, parts = pl.zone_site(project, ZONE)
    first = api.run(polygon, project.crs, params, ids, parts)
    project.layers.update(pl.accepted_layers(project, first.frames, ZONE))
    project.save(tmp_path / "p.gpkg")
    project = Project.load(tmp_path / "p.gpkg")
    frames = pl.layout_frames(project, ZONE)
    lots = frames["lots"]
    # merge two neighbours
    a = lots["lot_id"].iloc[0]
    b = next(x for x, g in zip(lots["lot_id"].iloc[1:], lots.geometry.values[1:])
             if shapely.length(shapely.intersection(shapely.boundary(lots.geometry.values[0]), shapely.buffer(g, 0.05)))
             > 1.0)
    frames = edit.merge_lots(frames, a, b, params)
    project.layers.update(pl.edited_layers(project, ZONE, frames))
    # split a large lot
    split = False
    for lot_id, geom in zip(frames["lots"]["lot_id"], frames["lots"].geometry.values):
        for line in _split_line(shapely.get_parts(geom)[0]):
            try:
                frames = edit.split_lot(frames, lot_id, line, params)
                split = True
                break
            except Exception:
                continue
        if split:
            break
    assert split
    project.layers.update(pl.edited_layers(project, ZONE, frames))
    frames = edit.renumber(frames)
    project.layers.update(pl.edited_layers(project, ZONE, frames))
    project.save(tmp_path / "p2.gpkg")
    reopened = Project.load(tmp_path / "p2.gpkg")
    again, ids, parts = pl.zone_site(reopened, ZONE)
    assert abs(again.area - polygon.area) < 0.05
    result = api.run(again, reopened.crs, params, ids, parts)  # raised TopologyException before
    assert result.metrics["problems"] == [] and result.metrics["lots"] > 10
    park_result = api.run_park(again, reopened.crs, park.preset_params("ccn", min_lot=1000.0))
    assert park_result.metrics["problems"] == []


# -- every layout of the suite prints at 1:2,000 and 1:5,000 ----------------------------------------------------------
def test_every_suite_layout_prints(layouts, tmp_path):
    from gis_app.core.processing import registry

    export = registry().get("export-pdf")
    done = 0
    for (preset, name), result in layouts.items():
        if name not in suite():
            continue
        project = pl.new_project_from_layout(SITES[name], CRS_9209, result.frames, "KCN-TEST",
                                             preset.upper() if preset == "ccn" else "KCN")
        path = project.save(tmp_path / f"{preset}_{name}.gpkg")
        for scale, paper in ((2000, "A0"), (5000, "A1")):
            out = tmp_path / f"{preset}_{name}_{scale}.pdf"
            export.run({"project": str(path), "out": str(out), "paper": paper, "scale": scale,
                        "zone": "KCN-TEST"})
            assert out.stat().st_size > 5_000
            done += 1
    cnht = {name: api.run(site, CRS_9209, SubdivisionParams()) for name, site in suite().items()}
    for name, result in cnht.items():
        project = pl.new_project_from_layout(SITES[name], CRS_9209, result.frames, "CCN-TEST", "CCN")
        path = project.save(tmp_path / f"cnht_{name}.gpkg")
        for scale, paper in ((2000, "A0"), (5000, "A1")):
            out = tmp_path / f"cnht_{name}_{scale}.pdf"
            export.run({"project": str(path), "out": str(out), "paper": paper, "scale": scale, "zone": "CCN-TEST"})
            done += 1
    assert done == 2 * 3 * len(suite())


def test_isolation_strip_is_checked_on_every_layout(layouts):
    # QCVN 01:2021 §2.5: a green strip ≥ 10 m along the boundary, measured on the layout's own pieces
    for key, result in layouts.items():
        strip = [f for f in result.metrics["qcvn"] if f["code"] == "QCVN.isolation_strip"]
        assert len(strip) == 1 and strip[0]["status"] == "ok", (key, strip)
        assert strip[0]["figures"]["share"] >= 0.8
    narrow = api.run_park(SITES["rectangle_50ha_3x2"], CRS_9209, park.preset_params("kcn", green_strip=4.0))
    strip = next(f for f in narrow.metrics["qcvn"] if f["code"] == "QCVN.isolation_strip")
    assert strip["status"] == "warning" and strip["figures"]["share"] < 0.5
    # water counts apart from green, as the rule set reads QCVN (the green rule sees planted land only)
    green = next(f for f in narrow.metrics["qcvn"] if f["code"] == "QCVN.green_share")
    assert green["figures"]["class_m2"] == pytest.approx(narrow.metrics["green_m2"] - narrow.metrics["water_m2"])
