"""Exchange corpus (issue 12): inputs built here (tests/exchange_corpus.py), one per kind of fault,
run through `convert` and compared with GDAL's reading of the same file; writes into a read-only
folder. Every import either keeps the data or names what it could not keep (exit 2 for refusals)."""
import json
import math
import os
import subprocess
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

from gis_app.cli import main as cli_main
from gis_app.core.i18n import set_language
from gis_app.exchange import encodings
from gis_app.exchange.readers import read_dataset
from tests import exchange_corpus as corpus

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "hai_duong_minh_hoa.gpkg"


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


def run(capsys, *args) -> tuple[int, str]:
    code = cli_main(["--lang", "en", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def gdal_area(gdal: gpd.GeoDataFrame, handles: list[str]) -> float:
    """Area GDAL's DXF driver gives the entities ``handles``: polygons as read, closed lines polygonized."""
    rows = gdal[gdal["EntityHandle"].isin(handles)]
    polygons = [g for g in rows.geometry if g.geom_type in ("Polygon", "MultiPolygon")]
    lines = [g for g in rows.geometry if g.geom_type in ("LineString", "MultiLineString")]
    area = sum(g.area for g in polygons)
    if lines:
        lines = shapely.set_precision(lines, 0.01)  # GDAL does not chain: meet its ends on a 1 cm grid
        area += shapely.polygonize(shapely.get_parts(shapely.union_all(lines))).area
    return area


# -- DXF ---------------------------------------------------------------------------------------
def test_dxf_every_lot_shape_agrees_with_gdal(tmp_path, capsys):
    source = tmp_path / "all.dxf"
    truth = corpus.dxf_all_lot_shapes(source)
    out, report_path = tmp_path / "lots.gpkg", tmp_path / "r.json"
    code, text = run(capsys, "convert", source, out, "--crs", "9209", "--report", report_path, "--layer-name", "lots",
                     "--no-map-fields")
    assert code == 0, text
    report = json.loads(report_path.read_text(encoding="utf-8"))
    ours = gpd.read_file(out, layer="lots")
    gdal = pyogrio.read_dataframe(source)
    assert report["geometry"]["rejected"] == 0
    # every lot as meant
    by_layer = ours.groupby("layer").geometry.apply(lambda g: g.area.sum())
    for layer, area in truth["areas"].items():
        if layer.startswith("LO_") and area is not None:
            assert by_layer[layer] == pytest.approx(area, rel=2e-3), layer
    blocks = ours[ours["MALO"].notna()].set_index("MALO")
    for lot in ("B1", "B2", "B3", "B4"):
        assert blocks.geometry[lot].area == pytest.approx(truth["areas"][lot]), lot
        assert blocks.loc[lot, "CHUSD"] == f"Công ty {lot}"
    nested = ours[ours["block"].eq("LO_KHOI") & ours["MALO"].isna()]
    assert nested.area.sum() == pytest.approx(truth["areas"]["NESTED"])
    # and the same areas as GDAL's DXF driver, entity by entity (blocks: by their INSERT)
    for handle, geom in zip(ours["handle"], ours.geometry):
        handles = [h.split("/")[0] for h in handle.rstrip("…").split(",")]
        expected = gdal_area(gdal, handles)
        if handle.startswith(handles[0] + "/") and len(ours[ours["handle"].str.startswith(handles[0] + "/")]) > 1:
            expected /= len(ours[ours["handle"].str.startswith(handles[0] + "/")])  # nested: several lots
        assert geom.area == pytest.approx(expected, rel=5e-3), handle
    # nothing silently left out: the points are counted by type
    assert report["entities"]["POINT"]["unread"] == truth["unread"]["POINT"]
    assert "2 POINT entities not read" in text
    assert ours.loc[ours["layer"] == "LO_REPEAT", "text"].iloc[0] == "Lô A"
    assert all(g.exterior.coords[0] == g.exterior.coords[-1] for g in shapely.get_parts(ours.geometry))


def test_dxf_without_header_is_read_in_recovery_mode(tmp_path, capsys):
    source = tmp_path / "nohead.dxf"
    truth = corpus.dxf_without_header(source)
    dataset = read_dataset(source, crs=9209)
    assert dataset.frame["layer"].tolist() == [truth["layer"]]  # layer and closed flag kept
    assert dataset.frame.area.tolist() == [truth["area"]]
    assert any("recovery mode" in n for n in dataset.notes)


def test_dxf_with_empty_handles_exits_0_and_agrees_with_gdal(tmp_path, capsys):
    source = tmp_path / "nohandle.dxf"
    truth = corpus.dxf_empty_handles(source)
    code, text = run(capsys, "convert", source, tmp_path / "o.geojson", "--crs", "9209")
    assert code == 0, text
    ours = read_dataset(source, crs=9209).frame
    assert sorted(ours.area) == sorted(truth["areas"])
    gdal = pyogrio.read_dataframe(source)
    assert sorted(shapely.Polygon(g.coords).area for g in gdal.geometry) == sorted(truth["areas"])


def test_dxf_hatch_written_back_keeps_holes(tmp_path):
    source = tmp_path / "all.dxf"
    corpus.dxf_all_lot_shapes(source)
    frame = read_dataset(source, crs=9209).frame
    from gis_app.exchange.writers import write_dataset

    write_dataset(frame, tmp_path / "back.dxf")
    back = read_dataset(tmp_path / "back.dxf", crs=9209).frame
    assert len(back) == len(frame)
    assert back.area.sum() == pytest.approx(frame.area.sum(), rel=1e-6)
    gdal = pyogrio.read_dataframe(tmp_path / "back.dxf")
    holed = [g for g in gdal.geometry if g.geom_type == "Polygon" and len(g.interiors)]
    assert len(holed) == 1  # GDAL sees the hole too


def test_dxf_rings_of_arcs_are_closed_exactly_and_agree_with_gdal(tmp_path, capsys):
    """Polylines made of bulges (arcs) only, with a closed flag or a last vertex 0.4 mm short of the
    first: each one lot, valid, its ring closed exactly, with the area GDAL and the geometry give."""
    import ezdxf

    x, y = corpus.X0, corpus.Y0
    doc = ezdxf.new("R2000")
    msp = doc.modelspace()
    msp.add_lwpolyline([(x, y, 1.0), (x + 40, y, 1.0)], format="xyb", close=True, dxfattribs={"layer": "CIRCLE"})
    msp.add_lwpolyline([(x + 100, y, 0), (x + 160, y, 1.0), (x + 160, y + 20, 0), (x + 100, y + 20, 1.0)],
                       format="xyb", close=True, dxfattribs={"layer": "STADIUM"})
    r, b, x0 = 5, math.tan(math.pi / 8), x + 300  # quarter circles at every corner of a 50 x 30 lot
    msp.add_lwpolyline([(x0 + r, y, 0), (x0 + 50 - r, y, b), (x0 + 50, y + r, 0), (x0 + 50, y + 30 - r, b),
                        (x0 + 50 - r, y + 30, 0), (x0 + r, y + 30, b), (x0, y + 30 - r, 0), (x0, y + r, b),
                        (x0 + r + 0.0004, y, 0)], format="xyb", dxfattribs={"layer": "ROUNDED"})
    doc.saveas(tmp_path / "arcs.dxf")
    code, text = run(capsys, "convert", tmp_path / "arcs.dxf", tmp_path / "o.geojson", "--crs", "9209")
    assert code == 0 and "rejected 0" in text, text
    ours = read_dataset(tmp_path / "arcs.dxf", crs=9209).frame.set_index("layer").geometry
    truth = {"CIRCLE": math.pi * 400, "STADIUM": 1200 + math.pi * 100, "ROUNDED": 50 * 30 - (4 - math.pi) * 25}
    gdal = pyogrio.read_dataframe(tmp_path / "arcs.dxf").set_index("Layer").geometry
    for layer, area in truth.items():
        ring = ours[layer].exterior.coords
        assert ours[layer].is_valid and ring[0] == ring[-1]
        assert ours[layer].area == pytest.approx(area, rel=2e-3), layer
        assert ours[layer].area == pytest.approx(shapely.Polygon(gdal[layer].coords).area, rel=2e-3), layer


def test_dxf_hatches_inside_blocks_with_attributes_agree_with_gdal(tmp_path, capsys):
    """A consultant's lots: holed HATCHes in a block, inserted moved, rotated, scaled, mirrored and
    nested, owner names as block attributes: every lot with its hole and its fields, GDAL's areas."""
    import ezdxf

    x, y = corpus.X0, corpus.Y0
    doc = ezdxf.new("R2010")
    block = doc.blocks.new("LO_HATCH")
    hatch = block.add_hatch(dxfattribs={"layer": "LO"})
    hatch.paths.add_polyline_path([(0, 0), (40, 0), (40, 30), (0, 30)], is_closed=True, flags=1)
    hatch.paths.add_polyline_path([(10, 10), (20, 10), (20, 20), (10, 20)], is_closed=True, flags=0)
    block.add_attdef("MALO", (1, 1), dxfattribs={"height": 1})
    block.add_attdef("CHUSD", (1, 3), dxfattribs={"height": 1})
    msp = doc.modelspace()
    for i, (angle, sx, sy) in enumerate([(0, 1, 1), (30, 1, 1), (0, 2, 0.5), (45, -1, 1)]):
        insert = msp.add_blockref("LO_HATCH", (x + 100 * i, y), dxfattribs={"rotation": angle, "xscale": sx,
                                                                             "yscale": sy})
        insert.add_auto_attribs({"MALO": f"H{i}", "CHUSD": f"Công ty Hải Dương {i}"})
    group = doc.blocks.new("CUM")
    group.add_blockref("LO_HATCH", (0, 0))
    group.add_blockref("LO_HATCH", (50, 0), dxfattribs={"rotation": 90})
    msp.add_blockref("CUM", (x + 600, y), dxfattribs={"xscale": 1.5, "yscale": 1.5})
    doc.saveas(tmp_path / "lots.dxf")
    code, text = run(capsys, "convert", tmp_path / "lots.dxf", tmp_path / "o.gpkg", "--crs", "9209", "--layer-name",
                     "lots", "--no-map-fields")
    assert code == 0 and "rejected 0" in text and "not read" not in text, text
    ours = gpd.read_file(tmp_path / "o.gpkg", layer="lots")
    assert len(ours) == 6 and all(len(g.interiors) == 1 for g in ours.geometry)
    assert ours["MALO"].iloc[:4].tolist() == ["H0", "H1", "H2", "H3"]
    assert ours["CHUSD"].iloc[3] == "Công ty Hải Dương 3"
    gdal = pyogrio.read_dataframe(tmp_path / "lots.dxf")
    gdal = gdal[gdal.geom_type.isin(["Polygon", "MultiPolygon"])]  # GDAL adds the attributes as points
    assert ours.area.iloc[:4].tolist() == pytest.approx(gdal.area.iloc[:4].tolist())
    assert ours.area.iloc[4:].sum() == pytest.approx(gdal.area.iloc[4]) == pytest.approx(2 * 1100 * 2.25)


def test_dxf_r2010_text_is_unicode_legacy_fonts_still_decoded(tmp_path):
    """R2007+ DXF files are UTF-8 whatever $DWGCODEPAGE says: Vietnamese text is kept, reported as
    UTF-8 (no low-confidence guess); TCVN3 bytes typed with a legacy font are still recognised."""
    import ezdxf

    x, y = corpus.X0, corpus.Y0
    for stem, label, expected in (("uni", "Lô Hải Dương", "utf-8"),
                                  ("legacy", encodings.encode("Lô Hải Dương", "tcvn3").decode("cp1252", "replace"),
                                   "tcvn3")):
        doc = ezdxf.new("R2010")
        doc.modelspace().add_lwpolyline([(x, y), (x + 40, y), (x + 40, y + 40), (x, y + 40)], close=True)
        doc.modelspace().add_text(label, dxfattribs={"insert": (x + 10, y + 10), "height": 2})
        doc.saveas(tmp_path / f"{stem}.dxf")
        dataset = read_dataset(tmp_path / f"{stem}.dxf", crs=9209)
        assert dataset.frame["text"].tolist() == ["Lô Hải Dương"]
        assert dataset.encoding.encoding == expected and dataset.encoding.confidence >= 0.9, stem


# -- text encodings ----------------------------------------------------------------------------
LATIN = ["Café Münster", "Straße Köln"]
CZECH = ["Łódź Świętokrzyska", "Brno Žižkov"]


def _lots(folder, stem, names, encoding, **kwargs):
    return corpus.shapefile(folder, stem, [(b"MALO", "C", 10, 0), (b"TEN", "C", 40, 0)],
                            [[f"L{i}".encode(), encodings.encode(n, encoding)] for i, n in enumerate(names)], **kwargs)


@pytest.mark.parametrize("names, encoding, declare", [
    (LATIN, "latin-1", {"cpg": "ISO-8859-1"}), (LATIN, "cp1252", {"cpg": "1252"}),
    (CZECH, "cp1250", {"ldid": 0xC8}), (CZECH, "cp1250", {"cpg": "CP1250"}),
    (["Москва", "Київ"], "cp1251", {"ldid": 0xC9}), (["東京", "大阪"], "cp932", {"cpg": "SHIFT_JIS"}),
    (["Hải Dương", "Cẩm Giàng"], "cp1258", {"cpg": "1258"}),
])
def test_declared_code_page_is_honoured_like_gdal(tmp_path, capsys, names, encoding, declare):
    shp = _lots(tmp_path, "lots", names, encoding, **declare)
    out = tmp_path / "o.csv"
    code, text = run(capsys, "convert", shp, out)
    assert code == 0, text
    ours = pd.read_csv(out, encoding="utf-8-sig")
    assert list(ours["TEN"]) == names
    if encoding != "cp1258":  # GDAL drops CP1258's trailing tone marks (the reason we read DBFs ourselves)
        assert list(pyogrio.read_dataframe(shp)["TEN"]) == names


def test_no_clean_candidate_asks_for_encoding(tmp_path, capsys):
    shp = _lots(tmp_path, "lots", CZECH, "cp1250")
    code, text = run(capsys, "convert", shp, tmp_path / "o.csv")
    assert code == 2 and "--encoding" in text and "lots.dbf" in text
    assert not (tmp_path / "o.csv").exists()
    code, text = run(capsys, "convert", shp, tmp_path / "o.csv", "--encoding", "cp1250")
    assert code == 0, text
    assert list(pd.read_csv(tmp_path / "o.csv", encoding="utf-8-sig")["TEN"]) == CZECH


def test_declared_encoding_wins_over_detection(tmp_path):
    names = ["Hải Dương", "Cẩm Giàng", "Kinh Môn"]
    shp = _lots(tmp_path, "lots", names, "cp1258", cpg="1258")
    assert list(read_dataset(shp).frame["TEN"]) == names
    shp = _lots(tmp_path, "vni", names, "vni", cpg="VNI")  # a declared legacy name works too
    assert list(read_dataset(shp).frame["TEN"]) == names


def test_undeclared_damaged_utf8_is_utf8_with_rows_listed(tmp_path):
    names = ["Công ty May Hải Dương", "Nhà máy Gạch Cẩm Giàng", "Công ty Dệt Phúc Điền"]
    raw = [n.encode("utf-8") for n in names]
    raw[1] = "Nhà máy Gạch Cẩm Già".encode("utf-8")[:-1]  # cut inside "à", as a byte-width writer does
    shp = corpus.shapefile(tmp_path, "cut", [(b"MALO", "C", 10, 0), (b"TEN", "C", 40, 0)],
                           [[f"L{i}".encode(), r] for i, r in enumerate(raw)])
    dataset = read_dataset(shp)
    assert dataset.encoding.encoding == "utf-8"
    assert list(dataset.frame["TEN"]) == [names[0], "Nhà máy Gạch Cẩm Gi", names[2]]
    assert [(v.row, v.field) for v in dataset.account.values] == [("L1", "TEN")]


def test_tcvn3_and_vni_are_python_codecs():
    assert "Hải Dương".encode("tcvn3").decode("tcvn3") == "Hải Dương"
    assert "Hải Dương".encode("vni") == encodings.encode("Hải Dương", "vni")
    assert encodings.normalise_name("88591") == "iso8859-1" and encodings.normalise_name("ANSI 1251") == "cp1251"


# -- DBF fields and values ---------------------------------------------------------------------
def test_impossible_values_are_listed_and_kept_as_text(tmp_path, capsys):
    shp = corpus.shapefile(tmp_path, "values",
                           [(b"MALO", "C", 10, 0), (b"FID", "N", 10, 0), (b"NGAY", "D", 8, 0), (b"DT", "N", 10, 2)],
                           [[b"L1", b"7", b"20240230", b"**********"], [b"L2", b"8", b"20240115", b"12.50"]])
    out, report_path = tmp_path / "p.gpkg", tmp_path / "r.json"
    code, text = run(capsys, "convert", shp, out, "--report", report_path, "--no-map-fields", "--layer-name", "lots")
    assert code == 0, text
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert {(v["row"], v["field"], v["raw"]) for v in report["values"]} == {("L1", "NGAY", "20240230"),
                                                                           ("L1", "DT", "**********")}
    frame = gpd.read_file(out, layer="lots")
    assert frame.loc[0, "NGAY_text"] == "20240230" and pd.isna(frame.loc[0, "NGAY"])
    assert frame.loc[0, "DT_text"] == "**********" and frame.loc[1, "DT"] == 12.5
    assert list(frame["FID_orig"]) == [7, 8]  # GeoPackage keeps FID for its row id
    assert any(f["source"] == "FID" and f["target"] == "FID_orig" for f in report["fields"])


def test_fid_field_survives_a_project_save(tmp_path):
    """The desktop saves imported layers into the project GeoPackage: a field named FID (any case)
    must not become GDAL's row id and vanish."""
    from gis_app.core.project import Project

    shp = corpus.shapefile(tmp_path, "values", [(b"MALO", "C", 10, 0), (b"FID", "N", 10, 0), (b"fid2", "N", 4, 0)],
                           [[b"L1", b"7", b"1"], [b"L2", b"8", b"2"]])
    project = Project.load(SAMPLE)
    frame = read_dataset(shp).frame
    project.add_layer("values", frame)
    project.add_layer("lower", frame.rename(columns={"FID": "fid"}))
    project.save(tmp_path / "p.gpkg")
    back = Project.load(tmp_path / "p.gpkg").layers
    assert back["values"]["FID"].tolist() == [7, 8] and back["values"]["fid2"].tolist() == [1, 2]
    assert back["lower"]["fid"].tolist() == [7, 8]
    again = Project.load(tmp_path / "p.gpkg")
    again.save(tmp_path / "q.gpkg")  # and on the next save
    assert Project.load(tmp_path / "q.gpkg").layers["values"]["FID"].tolist() == [7, 8]


# -- coordinates and CRS -----------------------------------------------------------------------
def _metre_geojson(path: Path) -> Path:
    x, y = corpus.X0, corpus.Y0
    ring = [[x, y], [x, y + 50], [x + 40, y + 50], [x + 40, y], [x, y]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"MaLo": "L1"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]}))
    return path


def test_geojson_in_metres_is_never_wgs84(tmp_path, capsys):
    source = _metre_geojson(tmp_path / "m.geojson")
    code, text = run(capsys, "convert", source, tmp_path / "o.gpkg")
    assert code == 2 and "±180/±90" in text and "EPSG:9209" in text
    assert not (tmp_path / "o.gpkg").exists()
    code, text = run(capsys, "convert", source, tmp_path / "o.gpkg", "--crs", "EPSG:9209")
    assert code == 0, text
    code, text = run(capsys, "subdivide", source, "--json", tmp_path / "s.json", "--out", tmp_path / "s.gpkg")
    assert code == 2 and "±180/±90" in text


@pytest.fixture(scope="module")
def geographic_project(tmp_path_factory) -> Path:
    set_language("en")
    project = tmp_path_factory.mktemp("geo") / "geo.gpkg"
    for layer in ("zones", "parcels"):
        assert cli_main(["convert", str(SAMPLE), str(project), "--layer", layer, "--layer-name", layer,
                         "--to-crs", "4326"]) == 0
    return project


DEMAND = Path(__file__).resolve().parents[1] / "resources" / "demand" / "hai_duong_2020_priority.csv"


@pytest.mark.parametrize("command", [
    ["check", "{p}", "--json", "{o}/c.json"], ["export-pdf", "{p}", "--out", "{o}/m.pdf"],
    ["report", "{p}", "--xlsx", "{o}/r.xlsx"], ["export-web", "{p}", "--out", "{o}/m.html"],
    ["export-qgis", "{p}", "--out", "{o}/m.qgz"], ["allocate", "{p}", "--demand", DEMAND, "--json", "{o}/a.json"],
    ["proximity", "{p}", "--plants", "{p}", "--json", "{o}/x.json"],
    ["subdivide", "{p}", "--zone", "KCN-DAIAN", "--out", "{o}/s.gpkg", "--json", "{o}/s.json"],
])
def test_geographic_project_gets_no_area_or_scale(geographic_project, tmp_path, capsys, command):
    args = [str(a).replace("{p}", str(geographic_project)).replace("{o}", str(tmp_path)) for a in command]
    code, text = run(capsys, *args)
    assert code == 2, text
    assert "geo.gpkg" in text and "EPSG:4326 is not projected in metres" in text
    assert "EPSG:9209 (VN-2000 / TM-3 105-30)" in text  # the province's TM-3 CRS (Hải Dương)
    assert list(tmp_path.iterdir()) == []  # nothing written


# -- unsupported inputs, named ------------------------------------------------------------------
def test_unsupported_inputs_are_named(tmp_path, capsys):
    cases = {}
    cases["MultiPatch"] = corpus.shapefile(tmp_path, "mp", [(b"MALO", "C", 10, 0)], [[b"L1"]], shape_type=31)
    cases["empty layer"] = corpus.shapefile(tmp_path, "empty", [(b"MALO", "C", 10, 0)], [])
    with zipfile.ZipFile(tmp_path / "none.zip", "w") as z:
        z.writestr("readme.txt", "-")
    cases["no dataset"] = tmp_path / "none.zip"
    with zipfile.ZipFile(tmp_path / "gdb.zip", "w") as z:
        z.writestr("lots.gdb/a00000001.gdbtable", b"\0" * 40)
    cases["File Geodatabase"] = tmp_path / "gdb.zip"
    for words, source in cases.items():
        code, text = run(capsys, "convert", source, tmp_path / "o.gpkg", "--crs", "9209")
        assert code == 2 and words in text and source.name in text, (words, text)


def test_curves_linearized_like_gdal_and_tin_named(tmp_path, capsys):
    x, y = corpus.X0, corpus.Y0
    curve = f"CURVEPOLYGON(CIRCULARSTRING({x} {y}, {x + 10} {y + 10}, {x + 20} {y}, {x + 10} {y - 10}, {x} {y}))"
    tin = f"TIN((({x} {y},{x} {y + 5},{x + 5} {y},{x} {y})))"
    source = tmp_path / "c.csv"
    source.write_text(f'WKT;MaLo\n"{curve}";L1\n"{tin}";L2\n', encoding="utf-8")
    code, text = run(capsys, "convert", source, tmp_path / "o.gpkg", "--crs", "9209", "--layer-name", "c",
                     "--no-map-fields")
    assert code == 0, text
    assert "L2: 3D surface (TIN) not supported" in text and "curves" in text
    ours = gpd.read_file(tmp_path / "o.gpkg", layer="c").area.iloc[0]
    only_curve = tmp_path / "curve.csv"
    only_curve.write_text(f'WKT;MaLo\n"{curve}";L1\n', encoding="utf-8")
    gdal = pyogrio.read_dataframe(only_curve).geometry.iloc[0].area  # GDAL linearizes the curve itself
    assert ours == pytest.approx(gdal) and ours == pytest.approx(314.159, rel=1e-2)


# -- writes that fail ----------------------------------------------------------------------------
@pytest.fixture
def read_only_dir(tmp_path):
    """A folder nobody can write into, even root (immutable attribute), else a path under a file."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK):  # root ignores modes
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    probe = folder / "probe"
    try:
        probe.write_text("x")
        probe.unlink()
        blocker = tmp_path / "a_file"
        blocker.write_text("")
        yield blocker  # a path under a file cannot be written either
    except OSError:
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)


@pytest.mark.parametrize("command", [
    ["convert", SAMPLE, "{out}/lots.shp", "--layer", "parcels"],
    ["convert", SAMPLE, "{out}/lots.geojson", "--layer", "parcels"],
    ["export-pdf", SAMPLE, "--out", "{out}/map.pdf"],
    ["export-pdf", SAMPLE, "--out", "{out}/map.png"],
    ["export-web", SAMPLE, "--out", "{out}/map.html"],
    ["export-qgis", SAMPLE, "--out", "{out}/p.qgz"],
    ["convert", SAMPLE, "{out}/lots.gpkg", "--layer", "parcels"],
    ["convert", SAMPLE, "{out}/lots.csv", "--layer", "parcels"],
    ["convert", SAMPLE, "{out}/lots.dxf", "--layer", "parcels"],
    ["convert", SAMPLE, "{out}/lots.kml", "--layer", "parcels"],
    ["report", SAMPLE, "--xlsx", "{out}/r.xlsx"],
    ["check", SAMPLE, "--json", "{out}/c.json"],
    ["allocate", SAMPLE, "--demand", DEMAND, "--json", "{out}/a.json"],
    ["subdivide", SAMPLE, "--zone", "KCN-DAIAN", "--out", "{out}/s.gpkg", "--json", "{out}/s.json"],
])
def test_write_into_read_only_folder_exits_2(read_only_dir, capsys, command):
    args = [str(a).replace("{out}", str(read_only_dir)) for a in command]
    code, text = run(capsys, *args)
    assert code == 2, text
    assert text.count("cannot write the output") == 1 and str(read_only_dir) in text  # one message, not nested
    if read_only_dir.is_dir():
        assert list(read_only_dir.iterdir()) == []  # no temporary file left


CASES = Path(__file__).parent / "data" / "exchange_cases"  # copy of ../shared/cases/exchange


def _kind_inputs(folder: Path) -> dict:
    """One input of each kind that imports (each with the arguments it needs)."""
    folder.mkdir(parents=True, exist_ok=True)
    x, y = corpus.X0, corpus.Y0
    corpus.dxf_all_lot_shapes(folder / "all.dxf")
    corpus.dxf_without_header(folder / "nohead.dxf")
    corpus.dxf_empty_handles(folder / "nohandle.dxf")
    values = corpus.shapefile(folder, "values", [(b"MALO", "C", 10, 0), (b"FID", "N", 10, 0), (b"NGAY", "D", 8, 0)],
                              [[b"L1", b"7", b"20240230"]])
    latin = _lots(folder, "latin", LATIN, "latin-1", cpg="ISO-8859-1")
    curve = folder / "curve.csv"
    curve.write_text(f'WKT;MaLo\n"CURVEPOLYGON(CIRCULARSTRING({x} {y}, {x + 10} {y + 10}, {x + 20} {y}, '
                     f'{x + 10} {y - 10}, {x} {y}))";L1\n', encoding="utf-8")
    return {
        "dxf shapes": [folder / "all.dxf", "--crs", "9209"], "dxf no header": [folder / "nohead.dxf", "--crs", "9209"],
        "dxf empty handles": [folder / "nohandle.dxf", "--crs", "9209"], "dbf values and FID": [values],
        "latin-1": [latin], "curves": [curve, "--crs", "9209"],
        "metres geojson": [_metre_geojson(folder / "m.geojson"), "--crs", "9209"],
        "hatch case": [CASES / "dxf-hatch" / "mixed_hatch_and_polyline.dxf", "--crs", "9209"],
        "duplicate fields case": [CASES / "dbf-duplicate-fields" / "kcn_dup.shp"],
        "cut utf-8 case": [CASES / "dbf-utf8-cut" / "b_value_cut" / "thua_utf8.shp"],
        "vietnamese numbers case": [CASES / "csv-vietnamese-numbers" / "ccn_excel_vn.csv", "--crs", "9209"],
    }


@pytest.mark.parametrize("suffix", ["gpkg", "shp", "csv"])
def test_every_kind_written_into_a_read_only_folder_exits_2(read_only_dir, tmp_path, capsys, suffix):
    """Issue 12 item 9: each kind of input through a write that fails: exit 2, one message naming
    the output, nothing left behind (and the same input converts with exit 0 elsewhere)."""
    for kind, (source, *extra) in _kind_inputs(tmp_path / "in").items():
        out = read_only_dir / f"out.{suffix}"
        code, text = run(capsys, "convert", source, out, *extra, "--no-map-fields")
        assert code == 2, (kind, text)
        assert text.count("cannot write the output") == 1 and str(out) in text, (kind, text)
        if read_only_dir.is_dir():
            assert list(read_only_dir.iterdir()) == [], kind
        code, text = run(capsys, "convert", source, tmp_path / f"ok_{len(kind)}_{suffix}.{suffix}", *extra,
                         "--no-map-fields")
        assert code == 0, (kind, text)


def test_output_that_is_a_folder_or_a_windows_name(tmp_path, capsys):
    (tmp_path / "out.geojson").mkdir()
    code, text = run(capsys, "convert", SAMPLE, tmp_path / "out.geojson", "--layer", "zones")
    assert code == 2 and "is a folder" in text
    code, text = run(capsys, "convert", SAMPLE, tmp_path / "CON.geojson", "--layer", "zones")
    assert code == 2 and "not allowed on Windows" in text


# -- degenerate geometry never breaks an output ----------------------------------------------------
def test_degenerate_lots_are_drawn_and_named(tmp_path, capsys):
    import pandas as pd_

    from gis_app.core.project import Project

    project = Project.load(SAMPLE)
    parcels = project.layers["parcels"]
    x, y = parcels.geometry.iloc[0].centroid.coords[0]
    extra = parcels.iloc[[0, 0]].copy()
    extra["parcel_id"] = ["DEG-ZERO", "DEG-HOLE"]
    extra.geometry = [shapely.Polygon([(x, y), (x + 10, y), (x + 20, y)]),
                      shapely.Polygon([(x, y), (x + 50, y), (x + 50, y + 50), (x, y + 50)],
                                      [[(x + 1, y + 1), (x + 2, y + 1), (x + 3, y + 1)]])]
    project.layers["parcels"] = pd_.concat([parcels, extra])
    path = project.save(tmp_path / "deg.gpkg")
    for command in (["export-pdf", path, "--out", tmp_path / "m.pdf"], ["export-web", path, "--out", tmp_path / "m.html"],
                    ["export-qgis", path, "--out", tmp_path / "m.qgz"]):
        code, text = run(capsys, *command)
        assert code == 0, text
        assert "DEG-ZERO" in text and "DEG-HOLE" in text and "zero area" in text, command


def test_csv_without_a_clean_encoding_asks_for_one(tmp_path, capsys):
    x, y = corpus.X0, corpus.Y0
    text = f'WKT;MaLo;Ten\n"POLYGON(({x} {y},{x} {y + 9},{x + 9} {y + 9},{x} {y}))";L1;Łódź Świętokrzyska\n'
    source = tmp_path / "cz.csv"
    source.write_bytes(text.encode("cp1250"))
    code, message = run(capsys, "convert", source, tmp_path / "o.geojson", "--crs", "9209")
    assert code == 2 and "--encoding" in message and "cz.csv" in message
    code, message = run(capsys, "convert", source, tmp_path / "o.csv", "--crs", "9209", "--encoding", "cp1250")
    assert code == 0, message
    assert "Łódź Świętokrzyska" in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")


def test_csv_numbers_in_two_styles_are_kept_as_text_naming_the_lines(tmp_path, capsys):
    """Issue 12 item 6: a column whose numbers are written both ways ("1.234,5" and "1,234.5") cannot
    be read right either way: it stays text, and the note names the column and the lines of each."""
    x, y = corpus.X0, corpus.Y0
    ring = f"POLYGON(({x} {y},{x} {y + 9},{x + 9} {y + 9},{x} {y}))"
    source = tmp_path / "mixed.csv"
    source.write_text(f'WKT;MaLo;DT;SL\n"{ring}";L1;1.234,5;12\n"{ring}";L2;1,234.5;abc\n"{ring}";L3;75.000;7\n',
                      encoding="utf-8")
    code, text = run(capsys, "convert", source, tmp_path / "o.csv", "--crs", "9209", "--no-map-fields")
    assert code == 0, text
    assert "column DT kept as text: numbers written in two styles (Vietnamese on lines 2; English on lines 3)" in text
    assert "column SL kept as text: values that are not numbers on lines 3" in text
    out = pd.read_csv(tmp_path / "o.csv", encoding="utf-8-sig", dtype=str)
    assert out["DT"].tolist() == ["1.234,5", "1,234.5", "75.000"]  # as written, never a guessed number


def test_declared_code_page_is_kept_but_doubted_when_the_text_is_utf8(tmp_path, capsys):
    """A .cpg saying 1258 over UTF-8 bytes: the declaration still wins (issue 12 item 3), but the
    import says the text reads as UTF-8, so the planner can choose it; --encoding utf-8 then reads it."""
    names = ["Công ty May Hải Dương", "Cẩm Giàng"]
    shp = _lots(tmp_path, "lots", names, "utf-8", cpg="1258")
    code, text = run(capsys, "convert", shp, tmp_path / "o.csv")
    assert code == 0 and "cp1258 is declared in lots.cpg but the text is also valid UTF-8" in text, text
    code, text = run(capsys, "convert", shp, tmp_path / "u.csv", "--encoding", "utf-8")
    assert code == 0 and list(pd.read_csv(tmp_path / "u.csv", encoding="utf-8-sig")["TEN"]) == names
    latin = _lots(tmp_path, "latin", LATIN, "latin-1", cpg="ISO-8859-1")  # a true declaration: no doubt
    code, text = run(capsys, "convert", latin, tmp_path / "l.csv")
    assert code == 0 and "also valid UTF-8" not in text


def test_tin_rows_in_a_geopackage_are_named_not_a_parse_error(tmp_path, capsys):
    """A GeoPackage with a TIN row (3D surface, WKB type 1016) beside a lot: the lot is imported and
    the TIN rejected by name (was "Unknown WKB type 16"); a layer of TINs only exits 2 saying so."""
    import sqlite3
    import struct

    x, y = corpus.X0, corpus.Y0
    lots = gpd.GeoDataFrame({"MaLo": ["T1", "P1"]}, geometry=[shapely.box(x, y, x + 5, y + 5),
                                                               shapely.box(x + 100, y, x + 140, y + 50)], crs=9209)
    ring = [(x, y, 0.0), (x, y + 5, 0.0), (x + 5, y, 0.0), (x, y, 0.0)]
    triangle = struct.pack("<BIII", 1, 1017, 1, len(ring)) + b"".join(struct.pack("<3d", *p) for p in ring)
    tin = b"GP" + bytes([0, 1]) + struct.pack("<i", 9209) + struct.pack("<BII", 1, 1016, 1) + triangle
    for stem, rows in (("mixed", lots), ("only", lots.iloc[:1])):
        path = tmp_path / f"{stem}.gpkg"
        pyogrio.write_dataframe(rows, path, layer="lots", driver="GPKG", layer_options={"SPATIAL_INDEX": "NO"})
        with sqlite3.connect(path) as db:
            db.execute("UPDATE lots SET geom = ? WHERE MaLo = 'T1'", (tin,))
    code, text = run(capsys, "convert", tmp_path / "mixed.gpkg", tmp_path / "o.csv")
    assert code == 0 and "rejected T1: 3D surface (TIN) not supported" in text, text
    assert pd.read_csv(tmp_path / "o.csv", encoding="utf-8-sig")["MaLo"].tolist() == ["P1"]
    code, text = run(capsys, "convert", tmp_path / "only.gpkg", tmp_path / "p.csv")
    assert code == 2 and "only.gpkg" in text and "TIN" in text and "WKB" not in text, text


def test_geodatabase_folder_and_dwg_are_named(tmp_path, capsys):
    (tmp_path / "lots.gdb").mkdir()
    (tmp_path / "lots.gdb" / "a00000001.gdbtable").write_bytes(b"\0" * 40)
    (tmp_path / "ban_ve.dwg").write_bytes(b"AC1032" + b"\0" * 40)
    for source, words in ((tmp_path / "lots.gdb", "File Geodatabase (.gdb) is not supported"),
                          (tmp_path / "ban_ve.dwg", "save the drawing as DXF")):
        code, text = run(capsys, "convert", source, tmp_path / "o.gpkg")
        assert code == 2 and words in text and source.name in text, text
