"""The small canonical fixture of tests/data/canonical.py round-trips and has its stated figures."""
from __future__ import annotations

import math

import pytest
import shapely

from gis_app.core.fill_rates import zone_fill_rates
from gis_app.core.project import Project
from tests.data.canonical import EXPECTED, tiny_project


def test_tiny_project_round_trips_with_the_stated_figures(tmp_path):
    project = Project.load(tiny_project(tmp_path / "tiny.gpkg").path)
    assert project.crs.to_epsg() == 9209
    rates = zone_fill_rates(project)
    for zone_id, (gross, industrial, leased, hightech, cnht) in EXPECTED.items():
        row = rates.loc[zone_id]
        assert row["gross_m2"] == pytest.approx(gross)
        assert row["industrial_m2"] == pytest.approx(industrial)
        if leased is None:
            assert math.isnan(row["leased_m2"]) and math.isnan(row["fill_rate"])
        else:
            assert row["leased_m2"] == pytest.approx(leased)
        for use, expected in (("hightech", hightech), ("cnht", cnht)):
            sub = project.subzones[(project.subzones["zone_id"] == zone_id) & (project.subzones["use"] == use)]
            ind = project.parcels[(project.parcels["zone_id"] == zone_id)
                                  & (project.parcels["landuse"] == "industrial")]
            inside = shapely.area(shapely.intersection(ind.geometry.values, sub.union_all())).sum() \
                if len(sub) else 0.0
            assert inside == pytest.approx(expected)
    assert rates.loc["KCN-NEW", "figures_from"] == "parcels"
    assert rates.loc["CCN-DECL", "figures_from"] == "declared"


def test_tiny_project_parcels_tile_their_zones():
    project = tiny_project()
    for zone_id in ("KCN-NEW", "KCN-OLD"):
        zone = project.zones.set_index("zone_id").loc[zone_id, "geometry"]
        parcels = project.parcels[project.parcels["zone_id"] == zone_id]
        assert shapely.union_all(parcels.geometry.values).equals(zone)
        assert parcels.area.sum() == pytest.approx(zone.area)
