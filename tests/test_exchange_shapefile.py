"""Shapefile round trips (SHP → project → SHP) checked with GDAL's ogrinfo, legacy encodings, DBF limits."""
import json
import re
import subprocess
import sys

import pytest

from gis_app.core.processing import registry
from gis_app.core.project import Project
from gis_app.exchange import dbf, encodings
from gis_app.exchange.readers import CrsRequired, read_dataset
from gis_app.exchange.writers import write_dataset
from tests.exchange_helpers import hai_duong_names, names_ending_in_marks, parcels_frame

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def convert(**values):
    return registry().get("convert").run(values)


def ogr_layer_info(path):
    out = subprocess.run(["ogrinfo", "-so", "-al", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Feature Count: (\d+)", out).group(1))
    epsg = re.findall(r'ID\["EPSG",(\d+)\]\]\s*$', out.strip(), re.M)
    return count, int(epsg[-1]) if epsg else None


def ogr_areas(path, layer, id_field="MaLo"):
    """{id: area} as GDAL computes it (OGR SQL OGR_GEOM_AREA)."""
    out = subprocess.run(["ogrinfo", "-q", "-dialect", "OGRSQL", "-sql",
                          f'SELECT {id_field}, OGR_GEOM_AREA AS area FROM "{layer}"', str(path)],
                         capture_output=True, text=True, check=True).stdout
    pattern = id_field + r" \(String\) = (\S+)\s+area \(Real\) = ([\d.]+)"
    return {m[0]: float(m[1]) for m in re.findall(pattern, out)}


@pytest.fixture(scope="module")
def hd_names(shared_data):
    names = list(dict.fromkeys(hai_duong_names(shared_data)))
    ending = names_ending_in_marks(names)[:20]
    chosen = ending + [n for n in names if n not in ending][:20]
    assert len(chosen) == 40 and len(ending) == 20
    return chosen


def test_round_trip_shp_project_shp_with_ogrinfo(tmp_path, hd_names):
    source = parcels_frame(hd_names)
    n = len(source)
    source["LoaiDat"] = (["Đất công nghiệp", "Đất giao thông", "Đất cây xanh", "Đất công nghiệp"] * n)[:n]
    source["TrangThai"] = (["Đã cho thuê", None, None, "Còn trống"] * n)[:n]
    source.to_file(tmp_path / "lo.shp", engine="pyogrio")  # written by GDAL, UTF-8 + .cpg
    expected_areas = dict(zip(source["MaLo"], source.geometry.area))
    assert ogr_layer_info(tmp_path / "lo.shp") == (40, 9209)

    result = convert(input=str(tmp_path / "lo.shp"), output=str(tmp_path / "project.gpkg"), zone_id="KCN-TEST")
    project = Project.load(tmp_path / "project.gpkg")
    parcels = project.parcels
    assert len(parcels) == 40 and project.crs.to_epsg() == 9209
    assert set(parcels["landuse"]) == {"industrial", "road", "green"}
    assert parcels.loc[parcels["landuse"] == "industrial", "status"].isin(["leased", "vacant"]).all()
    assert "đọc 40, nhập 40, loại 0" in result["summary"]

    convert(input=str(tmp_path / "project.gpkg"), output=str(tmp_path / "out.shp"), layer="parcels")
    count, epsg = ogr_layer_info(tmp_path / "out.shp")
    assert (count, epsg) == (40, 9209)
    out_areas = ogr_areas(tmp_path / "out.shp", "out", "parcel_id")  # MaLo was mapped to parcel_id
    assert set(out_areas) == set(expected_areas)
    for pid, area in out_areas.items():
        assert abs(area - expected_areas[pid]) < 0.01
    ogr_text = subprocess.run(["ogrinfo", "-q", "-al", str(tmp_path / "out.shp")], capture_output=True,
                              text=True, check=True).stdout
    for name in hd_names[:20]:  # GDAL reads our UTF-8 DBF with the last letter intact
        assert f"= {name}\n" in ogr_text


def test_plain_shp_to_shp_keeps_areas_per_feature_with_ogrinfo(tmp_path, hd_names):
    source = parcels_frame(hd_names)
    write_dataset(source, tmp_path / "a.shp")
    convert(input=str(tmp_path / "a.shp"), output=str(tmp_path / "b.shp"))
    areas = ogr_areas(tmp_path / "b.shp", "b")
    assert len(areas) == 40
    for pid, area in zip(source["MaLo"], source.geometry.area):
        assert abs(areas[pid] - area) < 0.01
    assert ogr_layer_info(tmp_path / "b.shp") == (40, 9209)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1258", "tcvn3"])
def test_legacy_encoded_shapefile_round_trip(tmp_path, hd_names, encoding):
    source = parcels_frame(hd_names)
    written = write_dataset(source, tmp_path / "x.shp", out_encoding=encoding)
    assert (tmp_path / "x.cpg").exists() == (encoding != "tcvn3")
    raw = (tmp_path / "x.dbf").read_bytes()
    assert encodings.encode(hd_names[0], encoding) in raw  # really stored in that encoding
    (tmp_path / "x.fields.json").unlink(missing_ok=True)  # no hint: detection alone
    (tmp_path / "x.cpg").unlink(missing_ok=True)
    back = read_dataset(tmp_path / "x.shp")
    assert back.encoding.encoding == encoding
    assert back.frame["TenXa"].tolist() == hd_names
    assert written.crs.to_epsg() == 9209


def test_vni_dbf_is_decoded(tmp_path, hd_names):
    source = parcels_frame(hd_names)
    write_dataset(source, tmp_path / "v.shp")
    attributes = source.drop(columns="geometry")
    dbf.write_dbf(tmp_path / "v.dbf", attributes, "vni", dbf.short_names(list(attributes.columns)))
    (tmp_path / "v.cpg").unlink()
    back = read_dataset(tmp_path / "v.shp")
    assert back.encoding.encoding == "vni"
    assert back.frame["TenXa"].tolist() == hd_names
    forced = read_dataset(tmp_path / "v.shp", encoding="tcvn3")  # the planner's override is obeyed
    assert forced.frame["TenXa"].tolist() != hd_names


def test_tcvn3_shapefile_without_prj_needs_crs_and_proposes_9209(tmp_path, hd_names, shared_data):
    source = parcels_frame(hd_names)
    write_dataset(source, tmp_path / "dc.shp", out_encoding="tcvn3")
    (tmp_path / "dc.prj").unlink()
    (tmp_path / "dc.fields.json").unlink()
    with pytest.raises(CrsRequired) as caught:
        read_dataset(tmp_path / "dc.shp")
    assert caught.value.candidates[0].epsg == 9209
    cli = subprocess.run([sys.executable, str(ROOT / "main.py"), "convert", str(tmp_path / "dc.shp"),
                          str(tmp_path / "out.geojson")], capture_output=True, text=True)
    assert cli.returncode == 2
    assert "dc.shp" in cli.stderr and "EPSG:9209" in cli.stderr and "--crs" in cli.stderr
    assert not (tmp_path / "out.geojson").exists()
    ok = subprocess.run([sys.executable, str(ROOT / "main.py"), "convert", str(tmp_path / "dc.shp"),
                         str(tmp_path / "out.geojson"), "--crs", "9209"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    data = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["TenXa"] for f in data["features"]] == hd_names
    # in the right place: inside the real Hải Dương outline (WGS 84, ../shared/data/admin)
    import geopandas as gpd
    import shapely

    provinces = gpd.read_file(shared_data / "admin" / "dvhcvn_provinces_4prov.geojson")
    hai_duong = provinces[provinces.apply(lambda r: "Hải Dương" in " ".join(map(str, r.values)), axis=1)]
    assert len(hai_duong) == 1
    lots = shapely.from_geojson([json.dumps(f["geometry"]) for f in data["features"]])
    assert shapely.within(lots, hai_duong.geometry.values[0]).all()


def test_long_field_names_come_back(tmp_path):
    source = parcels_frame(["Xã Ái Quốc", "Phường Cẩm Thượng"])
    source["TenKhuCongNghiep"] = ["KCN Đại An", "KCN Nam Sách"]
    source["TenKhuCongNghiepCu"] = ["A", "B"]
    result = write_dataset(source, tmp_path / "long.shp")
    sidecar = json.loads((tmp_path / "long.fields.json").read_text(encoding="utf-8"))
    shorts = {f["name"]: f["short"] for f in sidecar["fields"]}
    assert shorts == {"TenKhuCongNghiep": "TenKhuCong", "TenKhuCongNghiepCu": "TenKhuCo_1"}
    assert any("TenKhuCong" in n for n in result.notes)
    back = read_dataset(tmp_path / "long.shp")
    assert [c for c in back.frame.columns if c != "geometry"] == [c for c in source.columns if c != "geometry"]
    assert back.frame["TenKhuCongNghiep"].tolist() == ["KCN Đại An", "KCN Nam Sách"]


def test_text_over_254_bytes_is_refused_with_ids(tmp_path):
    source = parcels_frame(["Xã Ái Quốc", "Phường Cẩm Thượng", "Xã Thanh Hải"])
    source["GhiChu"] = ["ngắn", "Đường " * 50, "ok"]  # 300+ bytes in UTF-8
    with pytest.raises(Exception) as caught:
        write_dataset(source, tmp_path / "t.shp", id_column="MaLo")
    message = str(caught.value)
    assert "GhiChu" in message and "L002" in message and "254" in message
    assert not list(tmp_path.glob("t.*"))  # nothing half-written
    write_dataset(source, tmp_path / "t.gpkg", layer="lots")  # GeoPackage takes it whole
    assert Project.load(tmp_path / "t.gpkg").layers["lots"]["GhiChu"][1] == "Đường " * 50


def test_zipped_shapefile(tmp_path, hd_names):
    import zipfile

    write_dataset(parcels_frame(hd_names), tmp_path / "thua.shp", out_encoding="tcvn3")
    with zipfile.ZipFile(tmp_path / "gui_so.zip", "w") as archive:
        for part in tmp_path.glob("thua.*"):
            archive.write(part, f"du_lieu/{part.name}")
    dataset = read_dataset(tmp_path / "gui_so.zip")
    assert dataset.frame["TenXa"].tolist() == hd_names and dataset.frame.crs.to_epsg() == 9209
    assert dataset.path == tmp_path / "gui_so.zip"
    with pytest.raises(Exception, match="zip"):
        write_dataset(dataset.frame, tmp_path / "out.zip")


def test_dbf_numbers_dates_and_booleans_round_trip(tmp_path):
    import pandas as pd

    frame = pd.DataFrame({"so": pd.array([123456789012345678, None, -5], dtype="Int64"),
                          "dt": [1e15 + 0.25, None, 2.5],
                          "ngay": pd.to_datetime(["2021-12-31", None, "2003-08-05"]),
                          "ok": pd.array([True, None, False], dtype="boolean"),
                          "ten": ["Hải Dương", None, "Ứng Hoè"]})
    dbf.write_dbf(tmp_path / "t.dbf", frame, "tcvn3", dbf.short_names(list(frame.columns)))
    back = dbf.decode_table(dbf.read_dbf(tmp_path / "t.dbf"), "tcvn3")
    assert back["so"].tolist()[0] == 123456789012345678 and back["so"].isna()[1]
    assert back["dt"][0] == 1e15 + 0.25 and back["dt"].isna()[1]
    assert back["ngay"].dt.strftime("%Y-%m-%d").tolist()[::2] == ["2021-12-31", "2003-08-05"]
    assert back["ok"].tolist()[0] is True and back["ok"].isna()[1]
    assert back["ten"].tolist() == ["Hải Dương", None, "Ứng Hoè"]
