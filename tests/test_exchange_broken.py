"""A corpus of broken inputs: each gives a clear message naming the file and the problem (exit 2)."""
import json
import ezdxf
import geopandas as gpd
import pytest
import shapely

from gis_app.core.errors import InputError
from gis_app.core.i18n import set_language
from gis_app.exchange.readers import CrsRequired, read_dataset
from gis_app.exchange.writers import write_dataset
from tests.exchange_helpers import HD_X, HD_Y, parcels_frame

@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("vi")


@pytest.fixture
def good_shp(tmp_path):
    write_dataset(parcels_frame(["Xã Ái Quốc", "Phường Trần Phú", "Xã Thanh Hải"]), tmp_path / "good.shp")
    return tmp_path / "good.shp"


def problem_of(path, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        read_dataset(path, **kwargs)
    assert caught.value.path is not None and caught.value.path.endswith(path.name.split(".")[0] + path.suffix) \
        or path.stem in str(caught.value)
    return str(caught.value)


def test_truncated_shp(good_shp, english):
    data = good_shp.read_bytes()
    good_shp.write_bytes(data[: len(data) // 2])
    assert "truncated" in problem_of(good_shp)


def test_garbage_shp(good_shp, english):
    good_shp.write_bytes(b"this is not a shapefile" * 10)
    assert "not a valid shapefile" in problem_of(good_shp)


@pytest.mark.parametrize("ext,word", [(".shx", "shape index"), (".dbf", "attribute table")])
def test_missing_sidecar(good_shp, english, ext, word):
    good_shp.with_suffix(ext).unlink()
    message = problem_of(good_shp)
    assert ext in message and word in message


def test_truncated_dbf(good_shp, english):
    dbf = good_shp.with_suffix(".dbf")
    dbf.write_bytes(dbf.read_bytes()[:-60])
    assert ".dbf" in problem_of(good_shp) and "truncated" in problem_of(good_shp)


def test_missing_prj_lists_candidates(good_shp, english):
    good_shp.with_suffix(".prj").unlink()
    with pytest.raises(CrsRequired) as caught:
        read_dataset(good_shp)
    assert "no coordinate system" in str(caught.value) and "EPSG:9209" in str(caught.value)
    assert read_dataset(good_shp, crs="EPSG:9209").frame.crs.to_epsg() == 9209


def test_zero_features(tmp_path, english):
    empty = gpd.GeoDataFrame({"MaLo": []}, geometry=gpd.GeoSeries([], crs=9209))
    empty.to_file(tmp_path / "empty.shp", engine="pyogrio")
    assert "no features" in problem_of(tmp_path / "empty.shp")


def test_mixed_geometry_types_are_listed(tmp_path, english):
    frame = gpd.GeoDataFrame({"MaLo": ["A", "B", "C", "D"]}, geometry=[
        shapely.box(HD_X, HD_Y, HD_X + 50, HD_Y + 50), shapely.Point(HD_X, HD_Y),
        shapely.LineString([(HD_X, HD_Y), (HD_X + 9, HD_Y + 9)]),
        shapely.Polygon([(HD_X, HD_Y), (HD_X + 10, HD_Y + 10), (HD_X + 10, HD_Y), (HD_X, HD_Y + 10)])], crs=9209)
    frame.to_file(tmp_path / "mixed.gpkg", engine="pyogrio")
    dataset = read_dataset(tmp_path / "mixed.gpkg")
    report = dataset.report
    assert (report.read, report.imported, report.rejected_count) == (4, 1, 3)
    reasons = {i.feature_id: i.reason for i in report.rejected}
    assert "Point" in reasons["B"] and "LineString" in reasons["C"]
    assert "self-intersection" in reasons["D"] and "--repair" in reasons["D"]
    repaired = read_dataset(tmp_path / "mixed.gpkg", repair=True)
    assert repaired.report.imported == 2 and [i.feature_id for i in repaired.report.repaired] == ["D"]
    assert repaired.frame.is_valid.all()


def test_wrong_geometry_type_only(tmp_path, english):
    lines = gpd.GeoDataFrame({"id": [1, 2]}, geometry=[shapely.LineString([(HD_X, HD_Y), (HD_X + 5, HD_Y)])] * 2,
                             crs=9209)
    lines.to_file(tmp_path / "roads.shp", engine="pyogrio")
    message = problem_of(tmp_path / "roads.shp")
    assert "no feature can be imported" in message and "LineString" in message
    assert read_dataset(tmp_path / "roads.shp", polygons_only=False).report.imported == 2


def test_dxf_with_open_polylines(tmp_path, english):
    doc = ezdxf.new("R2010")
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (100, 0), (100, 50)], dxfattribs={"layer": "RANH_GIOI"})
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 5), (0, 5)], dxfattribs={"layer": "RANH_GIOI"})
    doc.saveas(tmp_path / "open.dxf")
    message = problem_of(tmp_path / "open.dxf", crs=9209)
    assert "open (not closed) LWPOLYLINE on layer RANH_GIOI" in message


def test_corrupt_dxf_and_unsupported_and_missing(tmp_path, english):
    (tmp_path / "bad.dxf").write_text("0\nSECTION\n2\nENTITIES\nnonsense", encoding="ascii")
    assert "DXF" in problem_of(tmp_path / "bad.dxf", crs=9209)
    (tmp_path / "x.tab").write_text("x")
    assert "unsupported format" in problem_of(tmp_path / "x.tab")
    assert "not found" in problem_of(tmp_path / "nothing.shp")


def test_csv_with_bad_wkt(tmp_path, english):
    wkt = shapely.box(HD_X, HD_Y, HD_X + 40, HD_Y + 30).wkt
    (tmp_path / "lots.csv").write_text(f'MaLo;WKT\nA;"{wkt}"\nB;"POLYGON ((1 2, oops"\n', encoding="utf-8")
    dataset = read_dataset(tmp_path / "lots.csv", crs=9209)
    assert dataset.report.imported == 1 and dataset.report.rejected[0].feature_id == "B"
    assert any("3" in n for n in dataset.notes)  # the line number of the bad WKT
    (tmp_path / "nogeom.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert "WKT" in problem_of(tmp_path / "nogeom.csv", crs=9209)


@pytest.mark.parametrize("case", ["truncated", "missing_dbf", "no_prj", "bad_output"])
def test_cli_exits_2_naming_the_file(good_shp, case, capsys):
    from gis_app.cli import main

    out = good_shp.with_name("out.gpkg")
    if case == "truncated":
        good_shp.write_bytes(good_shp.read_bytes()[:150])
    elif case == "missing_dbf":
        good_shp.with_suffix(".dbf").unlink()
    elif case == "no_prj":
        good_shp.with_suffix(".prj").unlink()
    else:
        out = good_shp.with_name("out.xyz")
    code = main(["--lang", "en", "convert", str(good_shp), str(out)])  # the CLI in-process (fast)
    stderr = capsys.readouterr().err
    assert code == 2, stderr
    named = out.name if case == "bad_output" else "good.shp"
    assert named in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_report_lists_rejections(tmp_path):
    from gis_app.core.processing import registry

    frame = parcels_frame(["Xã Ái Quốc", "Phường Trần Phú"])
    frame.loc[1, "geometry"] = shapely.Polygon([(HD_X, HD_Y), (HD_X + 10, HD_Y + 10), (HD_X + 10, HD_Y),
                                                (HD_X, HD_Y + 10)])
    frame.to_file(tmp_path / "in.gpkg", engine="pyogrio")
    result = registry().get("convert").run({"input": str(tmp_path / "in.gpkg"), "output": str(tmp_path / "o.shp"),
                                            "report": str(tmp_path / "r.json")})
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["geometry"]["read"] == 2 and report["geometry"]["rejected"] == 1
    assert report["geometry"]["issues"][0]["id"] == "L002"
    assert "loại 1" in result["summary"]


def test_wrong_user_crs_is_flagged(good_shp, english):
    with pytest.raises(InputError, match=r"beyond ±180/±90.*EPSG:9209"):  # metres read as degrees: refused
        read_dataset(good_shp, crs="4326")
    dataset = read_dataset(good_shp, crs="EPSG:32649")  # possible numbers, but east of Vietnam
    assert any("outside Vietnam" in n for n in dataset.notes)
    assert not any("outside Vietnam" in n for n in read_dataset(good_shp).notes)
