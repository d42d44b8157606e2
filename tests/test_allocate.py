"""``allocate``: the seed 000 §IV priority list → lots of the sample project (issue 11, Must show 5)."""
import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from gis_app.cli import main
from gis_app.core.project import Project
from gis_app.subdivision import demand
from gis_app.subdivision.params import parse_lot_mix


def test_seed_list_is_typed_in_full():
    frame = demand.read_demand(demand.PRIORITY_LIST)
    assert len(frame) == 10 + 12 + 14  # seed 000 §IV.1, IV.2, IV.3
    assert set(frame["sector"]) == {"mechanical", "electronics", "textile"}
    assert (frame["need_from"] == "norm").all() and (frame["need_m2"] >= 500).all()
    # 1,100 tỷ at 100 tỷ/ha → 11 ha; 50 million USD at 25,000 VND/USD and 75 tỷ/ha → 16.7 ha
    need = dict(zip(frame["project"], frame["need_m2"]))
    assert need["Dự án nhà máy sản xuất thiết bị phụ tùng, lắp ráp ôtô tải"] == pytest.approx(110_000)
    assert need["LH sợi dệt nhuộm"] == pytest.approx(50e6 * 25000 / 1e9 / 75 * 1e4)
    parse_lot_mix(demand.lot_mix_from_needs(frame["need_m2"]), 500)  # a valid --lot-mix


def test_allocate_cli_contract_and_r5(sample_project_path, tmp_path):
    out = tmp_path / "a.json"
    assert main(["allocate", str(sample_project_path), "--demand", str(demand.PRIORITY_LIST), "--json", str(out)]) == 0
    result = json.loads(out.read_text())
    assert {"projects", "unmet_m2"} <= set(result)
    project = Project.load(sample_project_path)
    vacant = project.parcels[(project.parcels["landuse"] == "industrial") & (project.parcels["status"] == "vacant")]
    area = dict(zip(vacant["parcel_id"], vacant.geometry.area))
    used = [i for p in result["projects"] for i in p["lot_ids"]]
    assert len(used) == len(set(used))  # a lot goes to one project
    for p in result["projects"]:
        assert {"project", "need_m2", "lot_ids", "zone_id", "status"} <= set(p)
        if p["status"] == "allocated":
            assert sum(area[i] for i in p["lot_ids"]) >= p["need_m2"] - 1e-6
    assert result["unmet_m2"] == pytest.approx(sum(p["need_m2"] for p in result["projects"] if p["status"] == "unmet"))
    # R5: with one assembly plant, only lots within 30 minutes (straight line × 1.3 at 40 km/h = 15.4 km)
    plant = shapely.centroid(vacant.geometry.values[0])
    plants = tmp_path / "plants.gpkg"
    gpd.GeoDataFrame({"name": ["A"]}, geometry=[plant], crs=project.crs).to_file(plants)
    out2 = tmp_path / "b.json"
    assert main(["allocate", str(sample_project_path), "--demand", str(demand.PRIORITY_LIST), "--json", str(out2),
                 "--plants", str(plants), "--limit", "5"]) == 0
    near = json.loads(out2.read_text())
    geoms = dict(zip(vacant["parcel_id"], vacant.geometry.values))
    limit_m = 5 / 60 * 40_000 / 1.3
    for p in near["projects"]:
        for i in p["lot_ids"]:
            assert shapely.distance(geoms[i], plant) <= limit_m + 1e-6
    assert near["unmet_m2"] > result["unmet_m2"]


def test_xlsx_input_given_needs_and_bad_files(sample_project_path, tmp_path, capsys):
    xlsx = tmp_path / "d.xlsx"
    pd.DataFrame({"Project": ["A", "B"], "Sector": ["electronics", "mechanical"], "Capital": [None, 40],
                  "Land_m2": [1200, None]}).to_excel(xlsx, index=False)
    frame = demand.read_demand(xlsx)
    assert list(frame["need_m2"]) == [1200, 4000] and list(frame["need_from"]) == ["given", "norm"]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,capital\nX,10\n", encoding="utf-8")
    out = tmp_path / "o.json"
    assert main(["allocate", str(sample_project_path), "--demand", str(bad), "--json", str(out)]) == 2
    assert "bad.csv" in capsys.readouterr().err and not out.exists()
    none = tmp_path / "none.csv"
    none.write_text("project,capital\nX,\n", encoding="utf-8")
    assert main(["allocate", str(sample_project_path), "--demand", str(none), "--json", str(out)]) == 2
    assert "none.csv" in capsys.readouterr().err
    norms = tmp_path / "n.toml"
    norms.write_text("[investment_per_ha_vnd_bn]\nother = 0\n", encoding="utf-8")
    assert main(["allocate", str(sample_project_path), "--demand", str(demand.PRIORITY_LIST), "--json", str(out),
                 "--norms", str(norms)]) == 2
    assert "n.toml" in capsys.readouterr().err
