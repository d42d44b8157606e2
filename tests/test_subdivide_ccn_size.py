"""subdivide --preset ccn checks the site against the CCN size limits of Decree 32/2024/NĐ-CP Art. 2.1
(10–75 ha, from the vn-national rule set): a 300 ha CCN is not "qcvn_ok"."""
from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely

from gis_app.cli import main
from gis_app.core.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


@pytest.mark.parametrize("side_m,ok", [(1732.0, False), (500.0, True)])
def test_ccn_size_limit_is_a_finding(tmp_path, capsys, side_m, ok):
    site = tmp_path / "site.gpkg"
    x0, y0 = 579000.0, 2315000.0
    gpd.GeoDataFrame(geometry=[shapely.box(x0, y0, x0 + side_m, y0 + side_m)], crs=9209).to_file(site)
    js = tmp_path / "o.json"
    assert main(["subdivide", str(site), "--preset", "ccn", "--out", str(tmp_path / "o.gpkg"),
                 "--json", str(js)]) == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    metrics = data.get("metrics", data)
    size = [f for f in metrics["qcvn"] if f["code"] == "ND32.ccn_area"]
    assert len(size) == 1
    assert size[0]["figures"]["max"] == 75 and size[0]["figures"]["min"] == 10
    if not ok:
        assert size[0]["status"] == "violation" and metrics["qcvn_ok"] is False
        captured = capsys.readouterr()
        assert "10–75 ha" in captured.err + captured.out
    else:
        assert size[0]["status"] == "ok"
