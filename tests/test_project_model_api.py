"""The project model API of ../shared/CONTRACTS.md, line by line, on the sample and synthetic projects."""
import json
import subprocess
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from gis_app.api import InputError, Project
from gis_app.rules.check import run_check
from gis_app.rules.ruleset import load_ruleset, resolve_rulesets

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture
def sample(sample_project_path):
    return Project.open(sample_project_path)


def _vacant_parcel(project, zone_id="KCN-DAIAN"):
    parcels = project.frame("parcels")
    return parcels.loc[(parcels["zone_id"] == zone_id) & (parcels["status"] == "vacant"), "parcel_id"].iloc[0]


def test_open_crs_layer_names_and_frame_is_a_copy(sample):
    assert sample.crs.is_projected and sample.crs.to_epsg() == 9209
    assert {"zones", "subzones", "parcels"} <= set(sample.layer_names)
    g = sample.frame("parcels")
    assert isinstance(g, gpd.GeoDataFrame) and g.crs.equals(sample.crs)
    g.loc[:, "status"] = "leased"  # a copy: the project does not change
    assert (sample.frame("parcels")["status"] == "vacant").any()


def test_new_project_and_geographic_refusal():
    p = Project.new(crs="EPSG:9209", name="Thử")
    assert p.crs.to_epsg() == 9209 and p.name == "Thử" and p.layer_names == []
    with pytest.raises(InputError) as err:
        Project.new(crs="EPSG:4326", province="Hải Dương")
    assert "EPSG:9209" in str(err.value)  # Hải Dương's TM-3 meridian 105°30'


def test_open_geographic_project_is_refused_with_the_tm3_offer(sample, tmp_path):
    p = Project.open(ROOT / "resources" / "sample" / "hai_duong_minh_hoa.gpkg")
    p.crs = p.crs.__class__.from_epsg(4326)
    for name in list(p.layers):
        p.layers[name] = p.layers[name].to_crs(4326)
    p.save(tmp_path / "geo.gpkg")
    with pytest.raises(InputError) as err:
        Project.open(tmp_path / "geo.gpkg")
    assert "EPSG:9209" in str(err.value) and "geo.gpkg" in str(err.value)
    out = subprocess.run([sys.executable, "main.py", "check", str(tmp_path / "geo.gpkg"), "--json",
                          str(tmp_path / "c.json")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and not (tmp_path / "c.json").exists()


def test_canonical_layer_in_another_crs_is_reprojected_on_load(sample, tmp_path):
    sample.save(tmp_path / "p.gpkg")
    import pyogrio

    moved = sample.frame("subzones").to_crs(4326)
    pyogrio.write_dataframe(moved, tmp_path / "p.gpkg", layer="subzones", driver="GPKG")
    back = Project.open(tmp_path / "p.gpkg").frame("subzones")
    assert back.crs.equals(sample.crs)
    assert np.allclose(back.geometry.area.sum(), sample.frame("subzones").geometry.area.sum(), rtol=1e-6)


def test_set_attributes_changes_fill_rate_and_undo_redo(sample):
    events = []
    sample.subscribe(events.append)
    before = sample.zone_figures().loc["KCN-DAIAN", "fill_rate"]
    pid = _vacant_parcel(sample)
    sample.set_attributes("parcels", [pid], {"status": "leased"})
    after = sample.zone_figures().loc["KCN-DAIAN", "fill_rate"]
    assert after > before
    assert (events[-1].kind, events[-1].layer, events[-1].ids) == ("features_changed", "parcels", (pid,))
    assert sample.can_undo and not sample.can_redo
    sample.undo()
    assert sample.zone_figures().loc["KCN-DAIAN", "fill_rate"] == pytest.approx(before)
    assert sample.can_redo and events[-1].replay
    sample.redo()
    assert sample.zone_figures().loc["KCN-DAIAN", "fill_rate"] == pytest.approx(after)


def test_zone_figures_and_check_agree_with_the_check_command(sample, tmp_path):
    sample.set_attributes("parcels", [_vacant_parcel(sample)], {"status": "leased"})
    result = sample.check()
    fresh = run_check(sample, resolve_rulesets(None, sample.meta))  # the rule sets `check` uses
    assert result["zones"] == fresh["zones"]
    figures = sample.zone_figures()
    for zone in result["zones"]:
        for key in ("gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "hightech_share", "cnht_share"):
            value = figures.loc[zone["zone_id"], key]
            assert (zone[key] is None and pd.isna(value)) or value == pytest.approx(zone[key])
    sample.save(tmp_path / "s.gpkg")
    out = subprocess.run([sys.executable, "main.py", "check", str(tmp_path / "s.gpkg"), "--json",
                          str(tmp_path / "c.json")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    written = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [z["fill_rate"] for z in written["zones"]] == pytest.approx([z["fill_rate"] for z in result["zones"]])


def test_check_uses_the_project_rule_sets_as_the_check_command_does(sample, tmp_path):
    """``p.check()`` is what ``check --json`` writes (CONTRACTS.md): the rule sets stored in the
    project, else the defaults; choosing rule sets is one undoable step."""
    from gis_app.rules.ruleset import resolve_rulesets

    def ids(result):
        return [s["id"] for s in result["rules"]["sets"]]

    default = ids(sample.check())
    assert default == [s.id for s in resolve_rulesets(None, sample.meta)] and "vn-national" in default
    sample.set_rulesets(resolve_rulesets(["hung-yen-2021", "vn-national"]))
    in_memory = sample.check()
    assert ids(in_memory) == ["hung-yen-2021", "vn-national"]
    sample.save(tmp_path / "hy.gpkg")
    out = subprocess.run([sys.executable, "main.py", "check", str(tmp_path / "hy.gpkg"), "--json",
                          str(tmp_path / "c.json")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    written = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert ids(written) == ids(in_memory)
    assert [[f.get("code") for f in z["findings"]] for z in written["zones"]] == \
        [[f.get("code") for f in z["findings"]] for z in in_memory["zones"]]
    sample.undo()
    assert ids(sample.check()) == default


@pytest.mark.parametrize("layer, ids, values", [
    ("parcels", ["KCN-DAIAN-P001"], {"status": "rented"}),            # unknown enum value
    ("parcels", ["NO-SUCH-PARCEL"], {"status": "leased"}),           # unknown id
    ("zones", ["KCN-DAIAN"], {"zone_id": "KCN-TANTRUONG"}),           # duplicate id
    ("zones", ["KCN-DAIAN"], {"established": "not a date"}),          # value of the wrong type
    ("zones", ["KCN-DAIAN"], {"no_such_field": 1}),                   # field outside the data model
])
def test_refused_attribute_edits_leave_the_project_unchanged(sample, layer, ids, values):
    before = sample.frame(layer)
    events = []
    sample.subscribe(events.append)
    with pytest.raises(InputError):
        sample.set_attributes(layer, ids, values)
    pd.testing.assert_frame_equal(sample.frame(layer), before)
    assert not events and not sample.can_undo


def test_set_geometry_and_refusals(sample):
    zones = sample.frame("zones").set_index("zone_id")
    old = zones.loc["KCN-DAIAN", "geometry"]
    bigger = shapely.affinity.scale(old, 1.1, 1.1)
    sample.set_geometry("zones", "KCN-DAIAN", bigger)
    assert sample.zone_figures().loc["KCN-DAIAN", "gross_m2"] == pytest.approx(bigger.area)
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    for bad in (bowtie, shapely.Point(1, 1), shapely.Polygon()):
        with pytest.raises(InputError):
            sample.set_geometry("zones", "KCN-DAIAN", bad)
    assert sample.frame("zones").set_index("zone_id").loc["KCN-DAIAN", "geometry"].equals(bigger)
    sample.undo()
    assert sample.frame("zones").set_index("zone_id").loc["KCN-DAIAN", "geometry"].equals(old)


def test_add_features_any_crs_new_ids_and_r3(sample):
    parcels = sample.frame("parcels")
    three = parcels[(parcels["zone_id"] == "KCN-DAIAN") & (parcels["landuse"] == "industrial")
                    & (parcels["status"] == "vacant")].head(3)
    area = three.geometry.union_all().buffer(1).buffer(-1)
    before = sample.zone_figures().loc["KCN-DAIAN", "cnht_m2"]
    r3_before = _finding(sample.check(), "KCN-DAIAN", "R3")
    wgs = gpd.GeoDataFrame({"zone_id": ["KCN-DAIAN"], "use": ["cnht"]}, geometry=[area], crs=9209).to_crs(4326)
    events = []
    sample.subscribe(events.append)
    ids = sample.add_features("subzones", wgs)
    assert len(ids) == 1 and ids[0] in set(sample.frame("subzones")["subzone_id"])
    assert events[-1].kind == "features_added" and events[-1].ids == tuple(ids)
    assert sample.zone_figures().loc["KCN-DAIAN", "cnht_m2"] > before
    r3_after = _finding(sample.check(), "KCN-DAIAN", "R3")
    assert r3_after["actual_m2"] > r3_before["actual_m2"]
    sample.undo()
    assert ids[0] not in set(sample.frame("subzones")["subzone_id"])
    with pytest.raises(InputError):  # a point is not a subzone
        sample.add_features("subzones", gpd.GeoDataFrame({"zone_id": ["KCN-DAIAN"], "use": ["cnht"]},
                                                         geometry=[shapely.Point(0, 0)], crs=9209))
    with pytest.raises(InputError):  # duplicate id
        sample.add_features("parcels", parcels.head(1))


def _finding(result, zone_id, rule):
    zone = next(z for z in result["zones"] if z["zone_id"] == zone_id)
    return next(f for f in zone["findings"] if f["rule"] == rule)


def test_delete_features_many_ids_one_step(sample):
    parcels = sample.frame("parcels")
    ids = list(parcels["parcel_id"].head(5))
    sample.delete_features("parcels", ids)
    assert not set(ids) & set(sample.frame("parcels")["parcel_id"])
    sample.undo()
    assert not sample.can_undo
    assert list(sample.frame("parcels")["parcel_id"]) == list(parcels["parcel_id"])
    with pytest.raises(InputError):
        sample.delete_features("parcels", ["NO-SUCH"])


def test_many_ids_attribute_edit_is_one_undo_step(sample):
    ids = list(sample.frame("parcels").query("landuse == 'industrial'")["parcel_id"].head(10))
    sample.set_attributes("parcels", ids, {"status": "vacant", "tenant": None})
    assert set(sample.frame("parcels").set_index("parcel_id").loc[ids, "status"]) == {"vacant"}
    sample.undo()
    assert not sample.can_undo


def test_layers_rules_and_meta_are_undoable_events(sample):
    events = []
    sample.subscribe(events.append)
    sample.remove_layer("districts")
    assert "districts" not in sample.layer_names and events[-1].kind == "layer_removed"
    sample.undo()
    assert "districts" in sample.layer_names and events[-1].kind == "layer_added"
    sample.set_rules(as_of="2020-01-01")
    assert events[-1].kind == "rules_changed" and sample.check()["as_of"] == "2020-01-01"
    sample.undo()
    assert sample.check()["as_of"] is None


def test_save_is_atomic_roundtrip_and_marks_clean(sample, tmp_path):
    sample.set_attributes("zones", ["KCN-DAIAN"], {"name": "KCN Đại An (sửa)"})
    assert sample.modified
    sample.save(tmp_path / "out.gpkg")
    assert not sample.modified
    again = Project.open(tmp_path / "out.gpkg")
    assert again.zone_figures().loc["KCN-DAIAN", "name"] == "KCN Đại An (sửa)"
    with pytest.raises(InputError):
        Project.new().save()


def test_main_run_script(tmp_path, sample_project_path):
    script = tmp_path / "edit.py"
    script.write_text(
        "import sys\nfrom gis_app.api import Project, InputError\n"
        "p = Project.open(sys.argv[1])\n"
        "pid = p.frame('parcels').query(\"zone_id == 'KCN-DAIAN' and status == 'vacant'\")['parcel_id'].iloc[0]\n"
        "p.set_attributes('parcels', [pid], {'status': 'leased'})\n"
        "try:\n    p.set_attributes('parcels', [pid], {'status': 'bogus'})\nexcept InputError:\n    pass\n"
        "p.save(sys.argv[2])\nprint(round(p.zone_figures().loc['KCN-DAIAN', 'fill_rate'], 4))\n",
        encoding="utf-8")
    out = subprocess.run([sys.executable, "main.py", "run", str(script), str(sample_project_path),
                          str(tmp_path / "o.gpkg")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout.strip()) > Project.open(sample_project_path).zone_figures().loc["KCN-DAIAN", "fill_rate"]
    bad = tmp_path / "bad.py"
    bad.write_text("from gis_app.api import Project\nProject.new(crs=4326)\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "main.py", "run", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "EPSG:" in out.stderr
    out = subprocess.run([sys.executable, "main.py", "run", str(tmp_path / "none.py")], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 2 and "none.py" in out.stderr


def test_scripting_guide_example_runs(tmp_path, sample_project_path):
    import re

    text = (ROOT / "docs" / "guide" / "scripting.md").read_text(encoding="utf-8")
    script = tmp_path / "rename.py"
    script.write_text(re.search(r"```python\n(.*?)```", text, re.S).group(1), encoding="utf-8")
    out = subprocess.run([sys.executable, "main.py", "run", str(script), str(sample_project_path),
                          str(tmp_path / "out.gpkg")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "refused:" in out.stdout and "features_added subzones" in out.stdout
    assert Project.open(tmp_path / "out.gpkg").zone_figures().loc["KCN-DAIAN", "name"].endswith("(điều chỉnh)")


def test_figures_updated_zone_by_zone_equal_a_full_recompute(sample):
    """Every incremental path (parcel status, landuse, zone and shape; subzone shape, use and zone;
    zone fields and shape), then undo and redo of all of them: the kept figures equal a full
    recomputation bit for bit at every step."""
    from gis_app.rules.figures import zone_figures

    def agrees():
        pd.testing.assert_frame_equal(sample.zone_figures(), zone_figures(sample, load_ruleset()), check_exact=True)

    sample.zone_figures()  # cached: the edits below recompute only the rows and zones they touch
    state = sample._figure_state
    parcels = sample.frame("parcels")
    leased = parcels.query("status == 'leased'")["parcel_id"].head(3).tolist()
    sample.set_attributes("parcels", leased, {"status": "vacant"})
    agrees()
    in_daian = parcels.query("zone_id == 'KCN-DAIAN' and landuse == 'industrial'")["parcel_id"]
    sample.set_attributes("parcels", [in_daian.iloc[0]], {"zone_id": "KCN-DAIANMORONG"})  # old and new zone
    sample.set_attributes("parcels", [in_daian.iloc[1]], {"landuse": "green"})
    shape = parcels.set_index("parcel_id").loc[in_daian.iloc[2], "geometry"]
    sample.set_geometry("parcels", in_daian.iloc[2], shapely.affinity.scale(shape, 1.3, 1.3))
    agrees()
    subzones = sample.frame("subzones")
    sub = subzones.iloc[0]
    sample.set_geometry("subzones", sub["subzone_id"], shapely.affinity.translate(sub.geometry, 7, 0))
    sample.set_attributes("subzones", [sub["subzone_id"]], {"use": "cnht" if sub["use"] != "cnht" else "hightech"})
    other = subzones[subzones["zone_id"] != sub["zone_id"]]["subzone_id"].iloc[0]
    sample.set_attributes("subzones", [other], {"zone_id": str(sub["zone_id"])})
    agrees()
    zone = sample.frame("zones").set_index("zone_id").loc["KCN-TANTRUONG", "geometry"]
    sample.set_geometry("zones", "KCN-TANTRUONG", shapely.affinity.translate(zone, 5, 0))
    sample.set_attributes("zones", ["KCN-NAMSACH"], {"kind": "CCN", "industrial_m2": 123456.0})
    agrees()
    steps = 0
    while sample.can_undo:
        sample.undo()
        steps += 1
        agrees()
    assert steps == 9
    for _ in range(steps):
        sample.redo()
        agrees()
    assert sample._figure_state is state  # kept and updated all along, never rebuilt


def test_an_attribute_edit_written_in_place_never_shows_in_a_copy_taken_before(sample):
    """Edits write the edited rows in place (cheap on a million parcels) only where no other frame
    shares the column; a copy taken before (pandas copy-on-write) keeps the old values."""
    pid = _vacant_parcel(sample)
    shared = sample.layers["parcels"].copy(deep=False)
    sample.set_attributes("parcels", [pid], {"status": "leased"})
    assert shared.loc[shared["parcel_id"] == pid, "status"].iloc[0] == "vacant"
    parcels = sample.layers["parcels"]
    assert parcels.loc[parcels["parcel_id"] == pid, "status"].iloc[0] == "leased"
    del shared
    sample.set_attributes("parcels", [pid], {"status": "vacant", "tenant": "Công ty A"})  # in place now
    parcels = sample.layers["parcels"]
    assert parcels.loc[parcels["parcel_id"] == pid, ["status", "tenant"]].values.tolist() == [["vacant", "Công ty A"]]
    sample.undo()
    parcels = sample.layers["parcels"]
    assert parcels.loc[parcels["parcel_id"] == pid, "status"].iloc[0] == "leased"


def test_a_new_project_with_no_layer_saves_and_reopens(tmp_path):
    """File → New then Save (or ``Project.new(...).save``) writes a GeoPackage with no layer yet."""
    project = Project.new(crs="EPSG:9209", name="Dự án mới")
    project.save(tmp_path / "new.gpkg")
    again = Project.load(tmp_path / "new.gpkg")
    assert again.crs.to_epsg() == 9209 and again.meta.get("name") == "Dự án mới" and not again.layers
    import pyogrio
    assert pyogrio.list_layers(tmp_path / "new.gpkg").shape[0] == 0 or \
        "kcn_empty" not in set(pyogrio.list_layers(tmp_path / "new.gpkg")[:, 0])


@pytest.mark.parametrize("text, expected", [
    ("01/06/2011", "2011-06-01"), ("13/06/2011", "2011-06-13"), ("5-8-2003", "2003-08-05"),
    ("05.08.2003", "2003-08-05"), ("2003-08-05", "2003-08-05"),
])
def test_dates_are_read_day_first_as_vietnamese_documents_write_them(sample, text, expected):
    """dd/mm/yyyy is never read month first (01/06/2011 is 1 June) nor blanked (13/06/2011)."""
    sample.set_attributes("zones", ["KCN-DAIANMORONG"], {"established": text})
    value = sample.frame("zones").set_index("zone_id").loc["KCN-DAIANMORONG", "established"]
    assert str(pd.Timestamp(value).date()) == expected


@pytest.mark.parametrize("command, out", [("export-qgis", "a.qgz"), ("export-pdf", "a.pdf"), ("export-web", "a.html")])
def test_an_output_under_a_file_not_a_folder_is_refused_with_exit_2(sample_project_path, tmp_path, command, out):
    """Issue 12 item 7: a write that cannot happen is exit 2 with a message naming the output."""
    (tmp_path / "afile").write_text("x")
    result = subprocess.run([sys.executable, "main.py", command, str(sample_project_path), "--out",
                             str(tmp_path / "afile" / out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "afile" in result.stderr and "Traceback" not in result.stderr
