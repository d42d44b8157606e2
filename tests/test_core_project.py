"""Project model: canonical schema, atomic GeoPackage save/load, CRS forced through EPSG:6960."""
import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from pyproj import Transformer

from gis_app.core.crs import reproject, transformer
from gis_app.core.errors import InputError
from gis_app.core.project import Project


def _zones(crs=9209):
    return gpd.GeoDataFrame(
        {"zone_id": ["KCN-A", "CCN-B"], "name": ["Đại An", "Cẩm Thượng"], "kind": ["KCN", "CCN"],
         "established": ["2003-05-01", "2022-01-10"], "general": [True, False],
         "operating": [1, 0], "province": ["Hải Dương"] * 2, "industrial_m2": [None, 3000.0],
         "leased_m2": [5.0, None]},
        geometry=[box(570000, 2310000, 570100, 2310100), box(571000, 2310000, 571050, 2310100)], crs=crs)


def test_save_and_load_round_trip_keeps_types_state_and_view(tmp_path):
    project = Project(meta={"name": "Thử", "illustrative": True})
    project.add_layer("zones", _zones())
    project.view = {"extent": [1, 2, 3, 4]}
    project.layer_state[0]["opacity"] = 0.5
    path = project.save(tmp_path / "p.gpkg")
    again = Project.load(path)
    assert again.crs.to_epsg() == 9209
    assert again.meta == {"name": "Thử", "illustrative": True}
    assert again.view == {"extent": [1, 2, 3, 4]}
    assert again.layer_state[0]["opacity"] == 0.5
    zones = again.zones.set_index("zone_id")
    assert zones.loc["KCN-A", "name"] == "Đại An"
    assert str(zones.loc["CCN-B", "established"].date()) == "2022-01-10"
    assert bool(zones.loc["KCN-A", "general"]) and not bool(zones.loc["CCN-B", "general"])
    assert zones.loc["CCN-B", "industrial_m2"] == 3000.0
    assert zones.loc["KCN-A", "geometry"].area == pytest.approx(10000.0)
    assert len(again.parcels) == 0  # absent canonical layer comes back empty, with its columns
    assert "landuse" in again.parcels.columns


def test_add_layer_reprojects_to_project_crs():
    project = Project()
    wgs = reproject(_zones(), 4326)
    project.add_layer("zones", wgs)
    assert project.zones.crs.to_epsg() == 9209
    assert project.zones.geometry.iloc[0].area == pytest.approx(10000.0, rel=1e-6)


def test_vn2000_to_wgs84_uses_epsg_6960():
    tr = transformer(4326, 9209)
    assert "VN-2000 to WGS 84 (2)" in tr.description
    x, y = tr.transform(106.2278551, 20.9277272)
    # Independent pipeline: the published EPSG:6960 Helmert parameters (inverted: WGS84 -> VN-2000),
    # then TM-3 105°30' with k = 0.9999.
    helmert = ("+x=-191.90441429 +y=-39.30318279 +z=-111.45032835 +rx=-0.00928836 +ry=0.01975479 "
               "+rz=-0.00427372 +s=0.252906278 +convention=coordinate_frame")
    pipeline = Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=push +v_3 "
        "+step +proj=cart +ellps=WGS84 "
        f"+step +inv +proj=helmert {helmert} +step +inv +proj=cart +ellps=WGS84 +step +proj=pop +v_3 "
        "+step +proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84")
    ex, ey = pipeline.transform(106.2278551, 20.9277272)
    assert x == pytest.approx(ex, abs=0.01) and y == pytest.approx(ey, abs=0.01)
    # And not the null transformation (VN-2000 treated as WGS84), which is ~200 m off.
    nx, ny = Transformer.from_pipeline(
        "+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84"
    ).transform(106.2278551, 20.9277272)
    assert ((x - nx) ** 2 + (y - ny) ** 2) ** 0.5 > 100


def test_bad_project_files_raise_input_error(tmp_path):
    missing = tmp_path / "nope.gpkg"
    with pytest.raises(InputError) as err:
        Project.load(missing)
    assert "nope.gpkg" in str(err.value)
    garbage = tmp_path / "garbage.gpkg"
    garbage.write_bytes(b"not a geopackage at all")
    with pytest.raises(InputError):
        Project.load(garbage)


def test_duplicate_ids_are_rejected():
    zones = _zones()
    zones.loc[1, "zone_id"] = "KCN-A"
    with pytest.raises(InputError, match="KCN-A"):
        Project().add_layer("zones", zones)


def test_interrupted_save_leaves_previous_file(tmp_path, monkeypatch):
    project = Project()
    project.add_layer("zones", _zones())
    path = project.save(tmp_path / "p.gpkg")
    before = path.read_bytes()
    import pyogrio

    def boom(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(pyogrio, "write_dataframe", boom)
    project.layers["zones"].loc[0, "name"] = "changed"  # unchanged layers are not rewritten at all
    with pytest.raises(InputError, match="disk full"):  # one message naming the output, exit 2
        project.save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.gpkg"]
