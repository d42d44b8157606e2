"""R5 proximity: hand-computed minutes on a toy network, bad inputs, the CLI contract."""
import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point, box

from gis_app.core.errors import InputError
from gis_app.core.project import Project
from gis_app.proximity.analysis import ProximitySettings, run_proximity

ROOT = Path(__file__).resolve().parent.parent


def _project(tmp_path):
    p = Project()
    p.add_layer("zones", gpd.GeoDataFrame(
        {"zone_id": ["Z1", "Z2"], "name": ["Một", "Hai"], "kind": ["KCN", "CCN"],
         "industrial_m2": [None, 5000.0], "leased_m2": [None, 1000.0]},
        geometry=[box(0, 0, 200, 200), box(20000, 0, 20100, 100)], crs=9209))
    p.add_layer("subzones", gpd.GeoDataFrame(
        {"subzone_id": ["S1"], "zone_id": ["Z1"], "use": ["cnht"]},
        geometry=[box(0, 0, 100, 100)], crs=9209))
    p.add_layer("parcels", gpd.GeoDataFrame(
        {"parcel_id": ["P1", "P2"], "zone_id": ["Z1", "Z1"], "landuse": ["industrial", "industrial"],
         "status": ["vacant", "leased"]},
        geometry=[box(100, 0, 200, 100), box(0, 100, 200, 200)], crs=9209))
    path = p.save(tmp_path / "p.gpkg")
    return Project.load(path)


def _plants(tmp_path, points, crs=9209, name="plants.gpkg"):
    frame = gpd.GeoDataFrame({"name": [f"NM{i}" for i in range(len(points))]},
                             geometry=[Point(*xy) for xy in points], crs=crs)
    path = tmp_path / name
    frame.to_file(path)
    return path


def test_straight_line_minutes_hand_computed(tmp_path):
    project = _project(tmp_path)
    plants = _plants(tmp_path, [(100, 10100)])  # 10 km north of the top of S1 (y = 100)
    result = run_proximity(project, plants, settings=ProximitySettings(speed_kmh=40, detour=1.3))
    sites = {s["site_id"]: s for s in result["sites"]}
    assert result["mode"] == "straight_line"
    assert set(sites) == {"S1", "VACANT-Z1", "VACANT-Z2"}
    # S1: 10,000 m × 1.3 / 40 km/h = 19.5 min
    assert sites["S1"]["minutes"] == pytest.approx(19.5, abs=0.01)
    assert sites["S1"]["status"] == "ok" and sites["S1"]["nearest_plant"] == "NM0"
    # Z2 (declared vacant 4,000 m²) at (20000..20100, 0..100): distance to (100, 10100) is
    # hypot(19900, 10000) = 22271.2 m -> 43.43 min: a warning
    assert sites["VACANT-Z2"]["minutes"] == pytest.approx(22271.2 * 1.3 / 40000 * 60, abs=0.01)
    assert sites["VACANT-Z2"]["status"] == "warning"


def test_network_minutes_follow_the_roads(tmp_path):
    project = _project(tmp_path)
    plants = _plants(tmp_path, [(10000, 5000)])
    # An L-shaped road: from (100, 100) east to (10000, 100), then north to (10000, 5000).
    roads = gpd.GeoDataFrame({"ten": ["ĐT 1", "Đường sắt"], "loai_duong": ["Đường tỉnh", "Đường sắt"]},
                             geometry=[LineString([(100, 100), (10000, 100), (10000, 5000)]),
                                       LineString([(100, 100), (10000, 5000)])], crs=9209)
    roads_path = tmp_path / "roads.gpkg"
    roads.to_file(roads_path)
    result = run_proximity(project, plants, roads_path,
                           ProximitySettings(speed_kmh=60, access_speed_kmh=20))
    s1 = next(s for s in result["sites"] if s["site_id"] == "S1")
    # S1 touches the road's start vertex (gap 0): 9,900 + 4,900 m at 1 km/min = 14.8 min.
    # The railway diagonal (11,040 m) must not be used.
    assert result["mode"] == "network"
    assert s1["minutes"] == pytest.approx(14.8, abs=0.01)


def test_bad_plants_files_name_the_file(tmp_path):
    project = _project(tmp_path)
    with pytest.raises(InputError, match="missing.gpkg"):
        run_proximity(project, tmp_path / "missing.gpkg")
    junk = tmp_path / "junk.geojson"
    junk.write_text("{ not json")
    with pytest.raises(InputError, match="junk.geojson"):
        run_proximity(project, junk)


def test_cli_writes_contract_json_and_rejects_bad_input(tmp_path):
    project = _project(tmp_path)
    plants = _plants(tmp_path, [(100, 10100)])
    out = tmp_path / "prox.json"
    env = {"KCN_NO_BOOTSTRAP": "1", "KCN_LANG": "en", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "main.py", "proximity", str(project.path), "--plants", str(plants),
                           "--json", str(out)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text())
    assert set(data) >= {"mode", "speed_kmh", "limit_minutes", "sites"}
    assert set(data["sites"][0]) >= {"site_id", "zone_id", "minutes", "nearest_plant", "status"}
    bad = subprocess.run([sys.executable, "main.py", "proximity", str(project.path), "--plants",
                          str(tmp_path / "nope.shp"), "--json", str(tmp_path / "x.json")],
                         cwd=ROOT, capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "nope.shp" in bad.stderr
    assert not (tmp_path / "x.json").exists()
