"""GeoJSON, KML, CSV-WKT and DXF import/export."""
import json
import subprocess
import xml.etree.ElementTree as ET

import ezdxf
import pytest
import shapely

from gis_app.core.processing import registry
from gis_app.exchange import encodings
from gis_app.exchange.readers import read_dataset
from gis_app.exchange.writers import write_dataset
from tests.exchange_helpers import HD_X, HD_Y, parcels_frame

NAMES = ["Xã Ái Quốc", "Phường Trần Phú", "Xã Thanh Hải", "Thị trấn Kẻ Sặt", "Xã Ứng Hoè"]


def test_geojson_and_kml_are_wgs84_and_come_back_in_place(tmp_path):
    source = parcels_frame(NAMES)
    for suffix in (".geojson", ".kml"):
        out = tmp_path / f"lots{suffix}"
        write_dataset(source, out)
        back = read_dataset(out)
        assert back.frame.crs.to_epsg() == 4326
        assert back.frame["TenXa"].tolist() == NAMES
        again = back.frame.to_crs(9209)
        assert again.geometry.area.sum() == pytest.approx(source.geometry.area.sum(), rel=1e-6)
        # same place within a few millimetres through EPSG:6960 both ways
        from gis_app.core.crs import reproject

        moved = reproject(back.frame, 9209)
        assert shapely.hausdorff_distance(moved.geometry.values[0], source.geometry.values[0]) < 0.01
    kml = ET.parse(tmp_path / "lots.kml").getroot()
    assert kml.tag.endswith("kml")


def test_csv_wkt_round_trip_in_utf8_and_tcvn3(tmp_path):
    source = parcels_frame(NAMES)
    write_dataset(source, tmp_path / "a.csv")
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    back = read_dataset(tmp_path / "a.csv", crs=9209)
    assert back.frame["TenXa"].tolist() == NAMES
    assert back.frame.geometry.area.sum() == pytest.approx(source.geometry.area.sum())
    write_dataset(source, tmp_path / "b.csv", out_encoding="tcvn3")
    assert encodings.encode("Ái Quốc", "tcvn3") in (tmp_path / "b.csv").read_bytes()
    legacy = read_dataset(tmp_path / "b.csv", crs=9209)
    assert legacy.encoding.encoding == "tcvn3" and legacy.frame["TenXa"].tolist() == NAMES


def make_dxf(path, legacy: str | None):
    doc = ezdxf.new("R12" if legacy else "R2010")
    msp = doc.modelspace()
    # zone outline (closed LWPOLYLINE / POLYLINE) with two parcels inside, labelled by TEXT/MTEXT
    outline = [(HD_X, HD_Y), (HD_X + 400, HD_Y), (HD_X + 400, HD_Y + 300), (HD_X, HD_Y + 300)]
    lot_a = [(HD_X + 10, HD_Y + 10), (HD_X + 110, HD_Y + 10), (HD_X + 110, HD_Y + 90), (HD_X + 10, HD_Y + 90)]
    lot_b = [(HD_X + 200, HD_Y + 10), (HD_X + 300, HD_Y + 10), (HD_X + 300, HD_Y + 90), (HD_X + 200, HD_Y + 90)]
    if legacy:
        msp.add_polyline2d(outline, close=True, dxfattribs={"layer": "RANH_KCN"})
        msp.add_polyline2d(lot_a, close=True, dxfattribs={"layer": "LO_DAT"})
        msp.add_polyline2d(lot_b + [lot_b[0]], dxfattribs={"layer": "LO_DAT"})  # closed by repeating a vertex
    else:
        msp.add_lwpolyline(outline, close=True, dxfattribs={"layer": "RANH_KCN"})
        msp.add_lwpolyline(lot_a, close=True, dxfattribs={"layer": "LO_DAT"})
        msp.add_lwpolyline(lot_b, close=True, dxfattribs={"layer": "LO_DAT"})
    labels = ["Lô CN-01 Đại An", "Lô CN-02 Hải Dương"] if legacy else ["Lô CN-01", "Lô CN-02 Hải Dương"]
    if legacy:
        # what AutoCAD users typed with a .VnTime / VNI font: legacy bytes shown as cp1252 characters
        labels = [encodings.encode(s, legacy).decode("cp1252") for s in labels]
        msp.add_text(labels[0], dxfattribs={"insert": (HD_X + 50, HD_Y + 50), "height": 3})
        msp.add_text(labels[1], dxfattribs={"insert": (HD_X + 250, HD_Y + 50), "height": 3})
    else:
        msp.add_text(labels[0], dxfattribs={"insert": (HD_X + 50, HD_Y + 50), "height": 3})
        msp.add_mtext(labels[1], dxfattribs={"insert": (HD_X + 250, HD_Y + 50), "char_height": 3})
    doc.saveas(path)


@pytest.mark.parametrize("legacy", [None, "tcvn3", "vni"])
def test_dxf_closed_polylines_become_polygons_with_layer_and_text(tmp_path, legacy):
    make_dxf(tmp_path / "kcn.dxf", legacy)
    dataset = read_dataset(tmp_path / "kcn.dxf", crs=9209)
    frame = dataset.frame
    assert (frame.geometry.geom_type == "Polygon").all() and len(frame) == 3
    assert sorted(frame["layer"]) == ["LO_DAT", "LO_DAT", "RANH_KCN"]
    lots = frame[frame["layer"] == "LO_DAT"].sort_values("text")
    expected = ["Lô CN-01 Đại An", "Lô CN-02 Hải Dương"] if legacy else ["Lô CN-01", "Lô CN-02 Hải Dương"]
    assert lots["text"].tolist() == expected
    assert frame.loc[frame["layer"] == "RANH_KCN", "text"].isna().all()  # labels go to the smallest polygon
    assert sorted(frame.geometry.area.round(3)) == [8000.0, 8000.0, 120000.0]
    if legacy:
        assert dataset.encoding.encoding == legacy


def test_dxf_export_and_gdal_sees_closed_polylines(tmp_path):
    source = parcels_frame(NAMES)
    source["name"] = NAMES
    write_dataset(source, tmp_path / "out.dxf")
    back = read_dataset(tmp_path / "out.dxf", crs=9209)
    assert len(back.frame) == len(NAMES)
    assert sorted(back.frame["text"]) == sorted(NAMES)
    assert back.frame.geometry.area.sum() == pytest.approx(source.geometry.area.sum())
    # GDAL (3.6 here) returns closed polylines as closed lines, and needs to be told R2010 text is UTF-8
    out = subprocess.run(["ogrinfo", "-q", "-al", "--config", "DXF_ENCODING", "UTF-8", str(tmp_path / "out.dxf")],
                         capture_output=True, text=True, check=True).stdout
    closed = [line for line in out.splitlines() if line.strip().startswith(("LINESTRING", "POLYGON"))]
    assert len(closed) == len(NAMES)
    for line in closed:
        coords = line[line.index("(") :].strip("()").replace("(", "").replace(")", "").split(",")
        assert coords[0].split()[:2] == coords[-1].split()[:2] or line.strip().startswith("POLYGON")
    for name in NAMES:
        assert f"Text (String) = {name}" in out


def test_convert_command_between_formats(tmp_path):
    source = parcels_frame(NAMES)
    write_dataset(source, tmp_path / "in.shp", out_encoding="cp1258")
    convert = registry().get("convert")
    for suffix in (".geojson", ".kml", ".csv", ".dxf", ".gpkg", ".shp"):
        out = tmp_path / f"o{suffix}"
        result = convert.run({"input": str(tmp_path / "in.shp"), "output": str(out), "to_crs":
                              "9209" if suffix in (".csv", ".dxf", ".shp") else None, "map_fields": False})
        assert out.exists() and "cp1258" in result["summary"]
    data = json.loads((tmp_path / "o.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["TenXa"] for f in data["features"]] == NAMES
