"""Hand-computed expectations for every rule, both sides of each threshold (fixture: rules_fixture.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gis_app.rules.check import run_check
from gis_app.rules.ruleset import DEFAULT_RULES, load_ruleset
from rules_fixture import make_project


def _ruleset_with(tmp_path: Path, replacements: dict[str, str]):
    """The default rule set with some lines replaced: a province editing its own file."""
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "province.toml"
    path.write_text(text, encoding="utf-8")
    return load_ruleset(path)


def _zones(result) -> dict:
    return {z["zone_id"]: z for z in result["zones"]}


def _finding(zone: dict, rule: str, part: str | None = None) -> dict:
    found = [f for f in zone["findings"] if f["rule"] == rule and f.get("part") == part]
    assert len(found) == 1, (rule, part, zone["findings"])
    return found[0]


@pytest.fixture(scope="module")
def default_result():
    return _zones(run_check(make_project(), load_ruleset()))


def test_figures_from_parcels_and_declared(default_result):
    new, old, spec = default_result["KCN-NEW"], default_result["KCN-OLD"], default_result["KCN-SPEC"]
    assert new["figures_from"] == "parcels" and spec["figures_from"] == "declared"
    assert new["gross_m2"] == pytest.approx(480_000)
    assert (new["industrial_m2"], new["leased_m2"], new["vacant_m2"]) == pytest.approx((400_000, 200_000, 200_000))
    assert new["fill_rate"] == pytest.approx(0.5)
    assert new["hightech_m2"] == pytest.approx(100_000) and new["hightech_share"] == pytest.approx(0.25)
    assert old["cnht_m2"] == pytest.approx(10_000) and old["cnht_share"] == pytest.approx(0.125)
    assert old["cnht_lots"] == 16 and old["cnht_lot_mean_m2"] == pytest.approx(625)
    assert old["fill_rate"] == pytest.approx(35_000 / 80_000)
    assert spec["fill_rate"] == pytest.approx(0.2)
    assert default_result["KCN-EDGE"]["fill_rate"] is None  # leased unknown
    assert default_result["KCN-EDGE"]["hightech_m2"] == pytest.approx(30_000)  # declared: subzone area


def test_r1_hightech_obligation_both_sides(default_result, tmp_path):
    ok = _finding(default_result["KCN-NEW"], "R1", "hightech")
    assert ok["status"] == "ok" and ok["required_m2"] == pytest.approx(80_000) and ok["deficit_m2"] == 0
    bad = _finding(default_result["KCN-EDGE"], "R1", "hightech")  # established on the split date: new
    assert bad["status"] == "violation"
    assert (bad["required_m2"], bad["actual_m2"], bad["deficit_m2"]) == pytest.approx((40_000, 30_000, 10_000))
    assert bad["citation"].startswith("003_fef7a90db12cc85e.txt, Part II, II.3")
    stricter = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        "hightech_min_share = 0.20": "hightech_min_share = 0.30"})))
    now = _finding(stricter["KCN-NEW"], "R1", "hightech")
    assert now["status"] == "violation" and now["deficit_m2"] == pytest.approx(20_000)


def test_r1_cnht_priority_is_a_warning(default_result, tmp_path):
    part = _finding(default_result["KCN-NEW"], "R1", "cnht")
    # min(80% × 400,000, 400,000 − 100,000) = 300,000 required; 100,000 in the CNHT subzone
    assert part["status"] == "warning"
    assert (part["required_m2"], part["actual_m2"], part["deficit_m2"]) == pytest.approx((300_000, 100_000, 200_000))
    lenient = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        "cnht_priority_share = 0.80": "cnht_priority_share = 0.25"})))
    assert _finding(lenient["KCN-NEW"], "R1", "cnht")["status"] == "ok"  # 100,000 = 25% × 400,000


def test_r1_not_applicable(default_result):
    assert _finding(default_result["KCN-OLD"], "R1", "hightech")["status"] == "n/a"   # pre-2021
    spec = _finding(default_result["KCN-SPEC"], "R1", "hightech")                     # specialised
    assert spec["status"] == "n/a" and "chuyên ngành" in spec["message"]
    assert _finding(default_result["CCN-NEW"], "R1", "hightech")["status"] == "n/a"   # a CCN


def test_r2_ccn_both_sides(default_result, tmp_path):
    ok = _finding(default_result["CCN-NEW"], "R2")
    assert ok["status"] == "ok" and ok["required_m2"] == pytest.approx(10_000)  # exactly 20%
    assert _finding(default_result["CCN-OLD"], "R2")["status"] == "n/a"
    assert _finding(default_result["KCN-NEW"], "R2")["status"] == "n/a"
    stricter = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        "cnht_min_share = 0.20": "cnht_min_share = 0.25"})))
    bad = _finding(stricter["CCN-NEW"], "R2")
    assert bad["status"] == "violation" and bad["deficit_m2"] == pytest.approx(2_500)


def test_r3_existing_zones_both_sides(default_result, tmp_path):
    old = _finding(default_result["KCN-OLD"], "R3")
    assert old["status"] == "warning"
    assert (old["required_m2"], old["actual_m2"], old["deficit_m2"]) == pytest.approx((45_000, 5_000, 40_000))
    ccn = _finding(default_result["CCN-OLD"], "R3")
    assert ccn["status"] == "warning" and ccn["deficit_m2"] == pytest.approx(40_000)
    assert _finding(default_result["KCN-NEW"], "R3")["status"] == "n/a"
    lenient = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        "vacant_in_cnht_min_share = 1.0": "vacant_in_cnht_min_share = 0.1"})))
    assert _finding(lenient["KCN-OLD"], "R3")["status"] == "ok"  # 4,500 required ≤ 5,000


def test_split_date_is_data(tmp_path):
    later = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        "split_date = 2021-01-01": "split_date = 2021-03-01"})))
    # KCN-EDGE (2021-01-01) becomes an existing zone: R1 n/a, R3 applies (leased unknown → n/a)
    assert _finding(later["KCN-EDGE"], "R1", "hightech")["status"] == "n/a"
    assert _finding(later["KCN-NEW"], "R1", "hightech")["status"] == "ok"


def test_r4_lot_size_band_both_sides(default_result, tmp_path):
    assert _finding(default_result["KCN-OLD"], "R4")["status"] == "ok"  # 625 in [500, 3000)
    big = _finding(default_result["KCN-NEW"], "R4")                      # one 100,000 m² lot
    assert big["status"] == "warning" and big["deficit_m2"] == pytest.approx(97_000)
    assert _finding(default_result["CCN-OLD"], "R4")["status"] == "n/a"
    small = _zones(run_check(make_project(), _ruleset_with(tmp_path, {"min_lot_m2 = 500.0": "min_lot_m2 = 700.0"})))
    r4 = _finding(small["KCN-OLD"], "R4")
    assert r4["status"] == "warning" and r4["required_m2"] == 700 and r4["deficit_m2"] == pytest.approx(75)
    tight = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        "max_mean_lot_m2 = 3000.0": "max_mean_lot_m2 = 600.0"})))
    assert _finding(tight["KCN-OLD"], "R4")["deficit_m2"] == pytest.approx(25)


def test_r5_needs_proximity(default_result):
    r5 = _finding(default_result["KCN-NEW"], "R5")
    assert r5["status"] == "n/a" and "30" in r5["message"]


def test_r5_from_travel_times_both_sides(tmp_path):
    import json

    from gis_app.rules.travel import load_travel_times

    path = tmp_path / "proximity.json"
    path.write_text(json.dumps({"mode": "straight_line", "speed_kmh": 30, "limit_minutes": 30, "sites": [
        {"site_id": "a", "zone_id": "KCN-NEW", "minutes": 12.0, "status": "ok"},
        {"site_id": "b", "zone_id": "KCN-NEW", "minutes": 29.5, "status": "ok"},
        {"site_id": "c", "zone_id": "KCN-OLD", "minutes": 31.0, "status": "warning"}]}), encoding="utf-8")
    zones = _zones(run_check(make_project(), load_ruleset(), travel=load_travel_times(path)))
    ok, far = _finding(zones["KCN-NEW"], "R5"), _finding(zones["KCN-OLD"], "R5")
    assert ok["status"] == "ok" and ok["minutes"] == 29.5
    assert far["status"] == "warning" and far["minutes"] == 31.0
    assert _finding(zones["CCN-OLD"], "R5")["status"] == "n/a"  # no site
    looser = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        "travel_limit_minutes = 30.0": "travel_limit_minutes = 35.0"}), travel=load_travel_times(path)))
    assert _finding(looser["KCN-OLD"], "R5")["status"] == "ok"


def test_bad_proximity_file(tmp_path):
    from gis_app.core.errors import InputError
    from gis_app.rules.travel import load_travel_times

    path = tmp_path / "p.json"
    path.write_text('{"sites": [{"zone_id": "KCN-NEW", "minutes": "far"}]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"sites\[0\]"):
        load_travel_times(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="JSON"):
        load_travel_times(path)


def test_r6_sectors(default_result, tmp_path):
    new = _finding(default_result["KCN-NEW"], "R6")  # 100,000 m² "Dệt nhuộm": an excluded stage
    assert new["status"] == "violation" and new["deficit_m2"] == pytest.approx(100_000)
    assert new["actual_m2"] == pytest.approx(100_000)
    old = _finding(default_result["KCN-OLD"], "R6")  # 30,000 m² "May mặc": outside the list
    assert old["status"] == "warning" and old["deficit_m2"] == pytest.approx(30_000)
    assert _finding(default_result["CCN-OLD"], "R6")["status"] == "n/a"
    assert _finding(default_result["KCN-SPEC"], "R6")["status"] == "n/a"  # no parcels
    widened = _zones(run_check(make_project(), _ruleset_with(tmp_path, {
        '"electronic", "semiconductor", "precision",': '"electronic", "semiconductor", "precision", "may mặc",'})))
    assert _finding(widened["KCN-OLD"], "R6")["status"] == "ok"


def test_summary_per_kind():
    summary = run_check(make_project(), load_ruleset())["summary"]
    kcn, ccn = summary["KCN"], summary["CCN"]
    assert (kcn["count"], kcn["operating"], ccn["count"], ccn["operating"]) == (4, 2, 2, 1)
    assert kcn["fill_rate_weighted"] == pytest.approx(255_000 / 580_000)  # KCN-EDGE unknown: left out
    assert kcn["fill_rate_mean_operating"] == pytest.approx((0.5 + 0.4375) / 2)
    assert ccn["fill_rate_weighted"] == pytest.approx(70_000 / 150_000)
    assert ccn["fill_rate_mean_operating"] == pytest.approx(0.6)


def test_as_of_leaves_out_later_zones():
    import datetime as dt

    result = run_check(make_project(), load_ruleset(), as_of=dt.date(2021, 12, 31))
    assert [z["zone_id"] for z in result["zones"]] == ["KCN-NEW", "KCN-OLD", "KCN-EDGE", "CCN-OLD"]
    assert result["summary"]["CCN"]["count"] == 1


def test_empty_province():
    result = run_check(make_project(empty=True), load_ruleset())
    assert result["zones"] == []
    assert result["summary"]["KCN"]["count"] == 0 and result["summary"]["KCN"]["fill_rate_weighted"] is None


def test_messages_follow_language():
    from gis_app.core import i18n

    i18n.set_language("en")
    zones = _zones(run_check(make_project(), load_ruleset()))
    assert _finding(zones["KCN-EDGE"], "R1", "hightech")["message"].startswith("High-tech subzone 30,000 m²")


def test_invalid_parcel_geometry_is_repaired_not_a_crash():
    import shapely

    project = make_project()
    parcels = project.parcels.copy()
    # A bow-tie over the KCN-OLD CNHT subzone: GEOS refuses to intersect it as it is.
    bowtie = shapely.Polygon([(560000 + 2000, 2300000), (560000 + 2100, 2300100),
                              (560000 + 2100, 2300000), (560000 + 2000, 2300100)])
    parcels.loc[parcels["parcel_id"] == "O-L00", "geometry"] = bowtie
    project.layers["parcels"] = parcels
    zones = _zones(run_check(project, load_ruleset()))
    assert zones["KCN-OLD"]["cnht_m2"] > 0


def test_orphan_parcels_are_reported():
    from gis_app.core.processing import Feedback

    project = make_project()
    parcels = project.parcels.copy()
    parcels.loc[parcels["parcel_id"] == "N1", "zone_id"] = "KCN-NOWHERE"
    project.layers["parcels"] = parcels
    logged = []
    run_check(project, load_ruleset(), feedback=Feedback(on_log=logged.append))
    assert any("1" in m and "parcels" in m for m in logged)


def test_overlapping_subzones_count_once():
    import pandas as pd

    project = make_project()
    subzones = project.subzones
    dup = subzones[subzones["subzone_id"] == "S-E-HT"].copy()
    dup["subzone_id"] = "S-E-HT-COPY"
    project.layers["subzones"] = pd.concat([subzones, dup], ignore_index=True)
    zones = _zones(run_check(project, load_ruleset()))
    assert zones["KCN-EDGE"]["hightech_m2"] == pytest.approx(30_000)


def test_zones_with_only_required_fields():
    project = make_project()
    project.layers["zones"] = project.zones[["zone_id", "name", "kind", "geometry"]]
    result = run_check(project, load_ruleset(), as_of=__import__("datetime").date(2021, 1, 1))
    new = _zones(result)["KCN-NEW"]
    assert new["established"] is None and new["fill_rate"] == pytest.approx(0.5)
    assert _finding(new, "R1", "hightech")["status"] == "n/a"
    assert _zones(result)["KCN-SPEC"]["fill_rate"] is None  # declared figures absent


def test_parcels_without_optional_fields():
    project = make_project()
    project.layers["parcels"] = project.parcels[["parcel_id", "zone_id", "landuse", "geometry"]]
    new = _zones(run_check(project, load_ruleset()))["KCN-NEW"]
    assert new["industrial_m2"] == pytest.approx(400_000) and new["leased_m2"] == 0  # no status: none leased
    assert _finding(new, "R6")["status"] == "n/a"
