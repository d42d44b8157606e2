"""The committed sample project: schema, counts, seed aggregates, placement and the two layouts."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from gis_app.core.fill_rates import zone_fill_rates
from gis_app.core.project import Project

LAID_OUT = ("KCN-DAIAN", "KCN-QUOCTUAN")


@pytest.fixture(scope="module")
def sample(sample_project_path) -> Project:
    return Project.load(sample_project_path)


@pytest.fixture(scope="module")
def rates(sample) -> pd.DataFrame:
    zones = sample.zones.set_index("zone_id")
    return zone_fill_rates(sample).join(zones[["kind", "operating", "name"]])


def test_loads_with_metadata_crs_and_layers(sample):
    assert sample.crs.to_epsg() == 9209
    assert sample.meta["name"] == "Hải Dương (minh họa)"
    assert sample.meta["illustrative"] is True
    assert any("dvhcvn" in s for s in sample.meta["sources"])
    assert any("OpenStreetMap" in s for s in sample.meta["sources"])
    assert {"zones", "subzones", "parcels", "province", "districts", "national_roads"} <= set(sample.layers)
    for name, frame in sample.layers.items():
        assert frame.crs.to_epsg() == 9209, name
    styles = {s["name"]: s["style"] for s in sample.layer_state}
    assert styles["zones"]["graduated"]["field"] == "fill_rate"
    assert styles["parcels"]["categorized"]["field"] == "landuse"


def test_reference_layers_are_real_outlines(sample):
    province = sample.layers["province"]
    assert len(province) == 1
    # SOURCES.md: computed area about 1,674 km² (official 1,668).
    assert province.area.iloc[0] / 1e6 == pytest.approx(1670, rel=0.01)
    districts = sample.layers["districts"]
    assert len(districts) == 12
    assert districts.area.sum() == pytest.approx(province.area.iloc[0], rel=0.01)
    roads = sample.layers["national_roads"]
    assert {"Quốc lộ 5", "Quốc lộ 10"} <= set(roads["name"])
    assert (roads["kind"] == "Đường sắt").sum() >= 1
    assert shapely.within(roads.geometry.values, province.geometry.iloc[0].buffer(1.0)).all()


def test_counts_operating_and_dates(sample):
    zones = sample.zones
    assert (zones["kind"] == "KCN").sum() == 14
    assert (zones["kind"] == "CCN").sum() == 53
    assert zones.loc[zones["kind"] == "KCN", "operating"].sum() == 10
    assert zones.loc[zones["kind"] == "CCN", "operating"].sum() == 32
    assert (zones["established"] <= pd.Timestamp("2021-12-31")).all()
    assert zones["zone_id"].is_unique
    assert zones["illustrative"].astype(bool).all()
    assert zones["source"].str.len().gt(10).all()
    assert (zones["province"] == "Hải Dương").all()
    quoc_tuan = zones.set_index("zone_id").loc["KCN-QUOCTUAN"]
    assert quoc_tuan["established"].year == 2021 and bool(quoc_tuan["general"])
    assert zones.set_index("zone_id").loc["KCN-DAIAN", "established"].year < 2021


def test_aggregates_match_seed_2021_figures(rates):
    kcn, ccn = rates[rates["kind"] == "KCN"], rates[rates["kind"] == "CCN"]
    # Seed 003, Part I, 1.2: 14 KCN "gần 2.700 ha", mean fill 77% over the 10 operating.
    assert kcn["gross_m2"].sum() / 1e4 == pytest.approx(2700, abs=1)
    operating = kcn[kcn["operating"].astype(bool)]
    assert operating["fill_rate"].notna().all()
    assert operating["fill_rate"].mean() == pytest.approx(0.77, abs=0.001)
    # 53 CCN, 2,685 ha, about 1,860 ha industrial land, fill about 45% (area-weighted, known fills).
    assert ccn["gross_m2"].sum() / 1e4 == pytest.approx(2685, abs=1)
    assert ccn["industrial_m2"].sum() / 1e4 == pytest.approx(1860, abs=1)
    known = ccn[ccn["fill_rate"].notna()]
    assert len(known) == 32
    assert known["leased_m2"].sum() / known["industrial_m2"].sum() == pytest.approx(0.45, abs=0.001)
    assert rates["fill_rate"].dropna().between(0, 1).all()


def test_published_figures_are_kept(sample, rates, shared_data):
    published = pd.read_csv(shared_data / "kcn" / "hai_duong_published_figures.csv")
    by_name = rates.reset_index().set_index("name")
    checked = 0
    for row in published.itertuples():
        name = f"{row.kind} {row.name}"
        if row.kind not in ("KCN", "CCN") or name not in by_name.index:
            continue
        zone = by_name.loc[name]
        if not pd.isna(row.area_ha):
            assert zone["gross_m2"] / 1e4 == pytest.approx(row.area_ha, rel=0.005), name
            checked += 1
        if row.kind == "CCN" and not pd.isna(row.occupancy_pct):
            assert zone["industrial_m2"] / 1e4 == pytest.approx(row.leasable_ind_land_ha, rel=1e-6), name
            assert zone["fill_rate"] == pytest.approx(row.occupancy_pct / 100, abs=1e-4), name
            checked += 1
        elif row.kind == "KCN" and not pd.isna(row.occupancy_pct) and zone["figures_from"] == "declared":
            assert zone["fill_rate"] == pytest.approx(row.occupancy_pct / 100, abs=1e-4), name
            checked += 1
    assert checked >= 15


def test_zones_irregular_inside_their_district_and_apart(sample, shared_data):
    zones, districts = sample.zones, sample.layers["districts"].set_index("name")
    geoms = zones.geometry.values
    assert shapely.is_valid(geoms).all()
    assert shapely.within(geoms, sample.layers["province"].geometry.iloc[0]).all()
    for zone in zones.itertuples():
        assert districts.loc[zone.district, "geometry"].contains(zone.geometry), zone.zone_id
    tree = shapely.STRtree(geoms)
    pairs = tree.query(geoms, predicate="intersects")
    assert (pairs[0] == pairs[1]).all(), "zones overlap"
    # Not squares: far from their minimum rotated rectangle, and many vertices.
    rectangularity = shapely.area(geoms) / shapely.area(shapely.minimum_rotated_rectangle(geoms))
    assert rectangularity.max() < 0.9
    assert shapely.get_num_coordinates(geoms).min() > 20


def test_osm_centres_are_used(sample, shared_data):
    from gis_app.sample.outlines import osm_centres

    centres = osm_centres(shared_data, 9209)
    zones = sample.zones.set_index("zone_id")
    assert zones.loc["KCN-TANTRUONG", "geometry"].contains(shapely.Point(centres["KCN Tân Trường (Hải Dương)"]))
    assert zones.loc["KCN-DAIANMORONG", "geometry"].contains(shapely.Point(centres["KCN Đại An mở rộng"]))


@pytest.mark.parametrize("zone_id", LAID_OUT)
def test_parcels_tile_the_zone(sample, zone_id):
    zone = sample.zones.set_index("zone_id").loc[zone_id, "geometry"]
    parcels = sample.parcels[sample.parcels["zone_id"] == zone_id]
    geoms = parcels.geometry.values
    assert shapely.is_valid(geoms).all()
    assert set(shapely.get_type_id(geoms)) <= {3, 6}  # Polygon / MultiPolygon
    union = shapely.union_all(geoms)
    assert union.area == pytest.approx(zone.area, rel=0.001)
    assert shapely.area(geoms).sum() - union.area < 1.0  # no overlaps (m²)
    assert union.symmetric_difference(zone).area < 0.001 * zone.area
    assert {"industrial", "road", "green", "infrastructure", "service"} <= set(parcels["landuse"])


@pytest.mark.parametrize("zone_id", LAID_OUT)
def test_laid_out_zone_lots_and_figures(sample, rates, zone_id):
    parcels = sample.parcels[sample.parcels["zone_id"] == zone_id]
    industrial = parcels[parcels["landuse"] == "industrial"]
    assert industrial["status"].isin(["leased", "vacant"]).all()
    assert parcels.loc[parcels["landuse"] != "industrial", "status"].isna().all()
    leased = industrial[industrial["status"] == "leased"]
    assert leased["tenant"].notna().all() and leased["sector"].notna().all()
    lot_ha = industrial.area / 1e4
    assert lot_ha.max() <= 10.5
    assert lot_ha.between(1, 10.5).mean() > 0.3  # mostly 1–10 ha lots, a few smaller
    roads = parcels[parcels["landuse"] == "road"]
    widths = 2 * roads.area / roads.length  # area/(length/2) of a long thin strip
    assert widths.median() == pytest.approx(16, abs=2.5)
    # Figures come from the parcels and agree with the declared columns.
    row = rates.loc[zone_id]
    assert row["figures_from"] == "parcels"
    assert row["industrial_m2"] == pytest.approx(industrial.area.sum())
    declared = sample.zones.set_index("zone_id").loc[zone_id]
    assert declared["industrial_m2"] == pytest.approx(industrial.area.sum(), rel=1e-6)
    assert declared["leased_m2"] == pytest.approx(leased.area.sum(), rel=1e-6)


def _industrial_share(sample, zone_id, use):
    parcels = sample.parcels[(sample.parcels["zone_id"] == zone_id) & (sample.parcels["landuse"] == "industrial")]
    sub = sample.subzones[(sample.subzones["zone_id"] == zone_id) & (sample.subzones["use"] == use)]
    if sub.empty:
        return 0.0
    inside = shapely.area(shapely.intersection(parcels.geometry.values, sub.geometry.iloc[0])).sum()
    return inside / parcels.area.sum()


def test_dai_an_has_cnht_subzone_with_vacant_land_and_a_dyeing_tenant(sample):
    share = _industrial_share(sample, "KCN-DAIAN", "cnht")
    assert 0.1 < share < 0.35
    parcels = sample.parcels[sample.parcels["zone_id"] == "KCN-DAIAN"]
    cnht = sample.subzones[(sample.subzones["zone_id"] == "KCN-DAIAN") & (sample.subzones["use"] == "cnht")]
    in_cnht = parcels[shapely.within(parcels.geometry.values, cnht.geometry.iloc[0].buffer(0.01))
                      & (parcels["landuse"] == "industrial")]
    assert (in_cnht["status"] == "vacant").any() and (in_cnht["status"] == "leased").any()
    assert (in_cnht.area < 10_000).sum() >= 3  # small SME lots
    assert (parcels["sector"] == "nhuộm").sum() == 1  # breaks R6 on purpose
    vacant = parcels[(parcels["landuse"] == "industrial") & (parcels["status"] == "vacant")]
    assert vacant.area.sum() > 50_000


def test_quoc_tuan_high_tech_subzone_just_under_20_percent(sample):
    share = _industrial_share(sample, "KCN-QUOCTUAN", "hightech")
    assert 0.12 < share < 0.2  # R1 must report a deficit
    assert _industrial_share(sample, "KCN-QUOCTUAN", "cnht") > 0.2
    uses = set(sample.subzones.loc[sample.subzones["zone_id"] == "KCN-QUOCTUAN", "use"])
    assert uses == {"hightech", "cnht", "general"}
    assert np.isclose(sum(_industrial_share(sample, "KCN-QUOCTUAN", u) for u in uses), 1.0, atol=0.001)
