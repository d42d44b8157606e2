"""The land-use balance check of a park layout reads the rule sets (vn-national by default): a
province's edited threshold or severity changes `qcvn_ok` and the findings (one source of limits)."""
import json
import math

import pytest
import shapely
from pyproj import CRS

from gis_app.cli import main
from gis_app.rules.ruleset import RULES_DIR, load_ruleset, resolve_rulesets, store_rulesets
from gis_app.subdivision import api, balance, park
from gis_app.subdivision.suite_sites import ORIGIN

CRS_9209 = CRS.from_epsg(9209)
NATIONAL = (RULES_DIR / "vn-national.toml").read_text(encoding="utf-8")
ROADS_MIN = 'landuse = ["road"]\ncomparator = ">="\nthreshold = 0.10\nseverity = "violation"\nkinds = ["KCN", "CCN", "KCNC"]'


def _site(ha=50.0):
    w = math.sqrt(ha * 1e4 * 1.5)
    return shapely.box(ORIGIN[0], ORIGIN[1], ORIGIN[0] + w, ORIGIN[1] + ha * 1e4 / w)


def _custom(tmp_path, threshold="0.20", severity="violation"):
    """vn-national with the roads minimum (the first rule) changed, as a province would edit it."""
    assert NATIONAL.count(ROADS_MIN) == 1
    text = NATIONAL.replace(ROADS_MIN, ROADS_MIN.replace("0.10", threshold).replace('"violation"', f'"{severity}"'))
    path = tmp_path / "province.toml"
    path.write_text(text.replace('id = "vn-national"', 'id = "province-x"'), encoding="utf-8")
    return path


def _balance(**shares):
    return balance.from_areas({c: 30e4 * s for c, s in shares.items()})  # a 30 ha park


def test_findings_come_from_the_rule_set():
    b = _balance(factory=0.70, roads=0.09, green=0.12, technical=0.02, services=0.07)
    found = {f["code"]: f for f in balance.qcvn_findings(b, "KCN")}
    assert set(found) == {"QCVN.roads_share", "QCVN.green_share", "QCVN.technical_share", "ND35.services_share",
                          "ND32.ccn_area"}
    assert found["ND32.ccn_area"]["status"] == "n/a"  # Decree 32/2024's 10–75 ha is for a CCN
    roads = found["QCVN.roads_share"]
    assert roads["status"] == "violation" and roads["ruleset"] == "vn-national"
    assert roads["figures"]["threshold"] == 0.10 and roads["figures"]["share"] == pytest.approx(0.09)
    assert "QCVN 01:2021/BXD, 2.5" in roads["citation"]
    assert all(found[c]["status"] == "ok" for c in found if c not in ("QCVN.roads_share", "ND32.ccn_area"))
    assert not balance.qcvn_ok(b, "KCN")
    # Decree 35/2022 (services ≤ 10 %) is for KCN: a CCN's services are not judged by it
    heavy = _balance(factory=0.60, roads=0.15, green=0.12, technical=0.02, services=0.11)
    assert not balance.qcvn_ok(heavy, "kcn") and balance.qcvn_ok(heavy, "ccn")
    assert {f["code"]: f["status"] for f in balance.qcvn_findings(heavy, "ccn")}["ND35.services_share"] == "n/a"
    assert not balance.qcvn_ok(balance.from_areas({}), "KCN")  # nothing measured is not "met"
    small = balance.from_areas({c: 5e4 * v["share"] for c, v in heavy.items()})  # the same CCN on 5 ha
    assert not balance.qcvn_ok(small, "ccn")


def test_qcvn_ok_follows_a_changed_threshold_in_a_custom_rule_file(tmp_path):
    site = _site()
    default = api.run_park(site, CRS_9209, park.preset_params("kcn"))
    roads_share = default.metrics["balance"]["roads"]["share"]
    assert default.metrics["qcvn_ok"] and 0.10 <= roads_share < 0.20
    custom = [load_ruleset(_custom(tmp_path))]
    strict = api.run_park(site, CRS_9209, park.preset_params("kcn"), rulesets=custom)
    assert strict.metrics["balance"] == default.metrics["balance"]
    assert strict.metrics["qcvn_ok"] is False
    roads = next(f for f in strict.metrics["qcvn"] if f["code"] == "QCVN.roads_share")
    assert roads["status"] == "violation" and roads["figures"]["threshold"] == 0.20
    assert roads["ruleset"] == "province-x"
    # the same limit as a warning: reported, but the layout meets the standard
    lenient = [load_ruleset(_custom(tmp_path, severity="warning"))]
    m = api.run_park(site, CRS_9209, park.preset_params("kcn"), rulesets=lenient).metrics
    assert m["qcvn_ok"] is True
    assert {f["code"]: f["status"] for f in m["qcvn"]}["QCVN.roads_share"] == "warning"


def test_project_threshold_override_reaches_the_balance_check():
    b = _balance(factory=0.66, roads=0.12, green=0.12, technical=0.02, services=0.08)
    assert balance.qcvn_ok(b, "KCN")
    national = load_ruleset("vn-national").with_overrides({"ND35.services_share": {"threshold": 0.05}})
    meta = store_rulesets({}, [national])
    assert not balance.qcvn_ok(b, "KCN", resolve_rulesets(None, meta))
    # rule sets without any land-use-balance rule: vn-national still checks the layout
    assert not balance.qcvn_ok(_balance(factory=0.9, roads=0.05, green=0.05), "KCN",
                               [load_ruleset("hung-yen-2021")])


def test_cli_rules_option(tmp_path, capsys):
    site = tmp_path / "site.geojson"
    import geopandas as gpd

    gpd.GeoDataFrame(geometry=[_site()], crs=CRS_9209).to_file(site)
    out, js = tmp_path / "out.gpkg", tmp_path / "m.json"
    code = main(["--lang", "en", "subdivide", str(site), "--out", str(out), "--json", str(js),
                 "--preset", "kcn", "--rules", str(_custom(tmp_path))])
    assert code == 0
    m = json.loads(js.read_text(encoding="utf-8"))
    assert m["qcvn_ok"] is False and set(m["balance"]) == set(balance.CLASSES)
    assert "NOT MET: Road land" in capsys.readouterr().err
    bad = main(["subdivide", str(site), "--out", str(out), "--json", str(js), "--preset", "kcn",
                "--rules", str(tmp_path / "missing.toml")])
    assert bad == 2 and "missing.toml" in capsys.readouterr().err


def test_subdivide_zone_uses_the_projects_stored_rule_sets(tmp_path, capsys):
    """`subdivide PROJECT --zone Z` checks the layout with the rule sets saved in the project (with the
    planner's overrides), as check/report/export-web do, without --rules."""
    import geopandas as gpd
    import pandas as pd
    from pyproj import CRS as _CRS

    from gis_app.core.project import Project

    land = _site()
    zones = gpd.GeoDataFrame(pd.DataFrame({"zone_id": ["KCN-X"], "name": ["KCN X"], "kind": ["KCN"],
                                           "established": [pd.Timestamp("2022-01-01")], "general": [True],
                                           "operating": [False], "province": ["Hưng Yên"]}),
                             geometry=[land.buffer(5, join_style="mitre")], crs=CRS_9209)
    parcels = gpd.GeoDataFrame(pd.DataFrame({"parcel_id": ["P1"], "zone_id": ["KCN-X"], "landuse": ["industrial"],
                                             "status": ["vacant"]}), geometry=[land], crs=CRS_9209)
    national = load_ruleset("vn-national").with_overrides({"QCVN.roads_share": {"threshold": 0.30}})
    project = Project(crs=_CRS.from_epsg(9209), meta=store_rulesets({"name": "HY"}, [national]))
    project.add_layer("zones", zones)
    project.add_layer("parcels", parcels)
    path = tmp_path / "p.gpkg"
    project.save(path)
    out, js = tmp_path / "out.gpkg", tmp_path / "m.json"
    code = main(["--lang", "en", "subdivide", str(path), "--zone", "KCN-X", "--out", str(out), "--json", str(js),
                 "--preset", "kcn"])
    assert code == 0, capsys.readouterr().err
    m = json.loads(js.read_text(encoding="utf-8"))
    roads = next(f for f in m["qcvn"] if f["code"] == "QCVN.roads_share")
    assert roads["figures"]["threshold"] == 0.30 and roads["status"] == "violation" and m["qcvn_ok"] is False
    assert {f["ruleset"] for f in m["qcvn"]} == {"vn-national"}  # the project's set only, not the defaults
