import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from gis_app.core.fill_rates import zone_fill_rates
from gis_app.core.project import Project
from gis_app.core.styles import default_style, feature_fill_colors


def _project():
    p = Project()
    p.add_layer("zones", gpd.GeoDataFrame(
        {"zone_id": ["A", "B", "C"], "name": ["a", "b", "c"], "kind": ["KCN", "CCN", "CCN"],
         "industrial_m2": [999.0, 4000.0, 1000.0], "leased_m2": [1.0, 1000.0, None]},
        geometry=[box(0, 0, 100, 100), box(200, 0, 300, 100), box(400, 0, 500, 100)], crs=9209))
    p.add_layer("parcels", gpd.GeoDataFrame(
        {"parcel_id": ["p1", "p2", "p3", "p4"], "zone_id": ["A"] * 4,
         "landuse": ["industrial", "industrial", "industrial", "road"],
         "status": ["leased", "vacant", "leased", None]},
        geometry=[box(0, 0, 50, 40), box(50, 0, 100, 40), box(0, 40, 30, 100), box(30, 40, 100, 100)],
        crs=9209))
    return p


def test_fill_rates_from_parcels_else_declared():
    f = zone_fill_rates(_project())
    # A: industrial 2000 + 2000 + 1800 = 5800, leased 2000 + 1800 = 3800 (declared figures ignored)
    assert f.loc["A", "industrial_m2"] == pytest.approx(5800)
    assert f.loc["A", "leased_m2"] == pytest.approx(3800)
    assert f.loc["A", "fill_rate"] == pytest.approx(3800 / 5800)
    assert f.loc["A", "figures_from"] == "parcels"
    assert f.loc["B", "fill_rate"] == pytest.approx(0.25) and f.loc["B", "figures_from"] == "declared"
    assert np.isnan(f.loc["C", "fill_rate"])  # leased unknown -> fill rate unknown
    assert f.loc["A", "gross_m2"] == pytest.approx(10000)


def test_graduated_and_categorized_colors():
    f = zone_fill_rates(_project()).reset_index()
    colors = feature_fill_colors(f, default_style("zones"))
    grad = default_style("zones")["graduated"]
    assert colors[1] == grad["colors"][1]  # 0.25 falls in [0.25, 0.5)
    assert colors[0] == grad["colors"][2]  # 0.655
    assert colors[2] == "#f0f0f0"  # unknown
    parcels = _project().parcels
    pc = feature_fill_colors(parcels, default_style("parcels"))
    assert pc[3] == default_style("parcels")["categorized"]["colors"]["road"]


def test_numbers_follow_the_ui_language():
    from gis_app.core import i18n
    from gis_app.core.numbers import fmt_ha, fmt_m2, fmt_share

    i18n.set_language("vi")
    assert (fmt_m2(14624.97), fmt_ha(1394000), fmt_share(0.7305)) == ("14.625 m²", "139,4 ha", "73,0%")
    i18n.set_language("en")
    assert (fmt_m2(14624.97), fmt_ha(1394000), fmt_share(0.7305)) == ("14,625 m²", "139.4 ha", "73.0%")
    i18n.set_language("vi")
    assert fmt_m2(None) == "—"
