"""A NUL character inside a text value is never a silent cut: the readers keep the whole value and say
so, writers that cannot store NUL replace it visibly (and say so), and a project save keeps it."""
from __future__ import annotations

import json
import shutil

import pyogrio
import pytest

from gis_app.cli import main
from gis_app.core.i18n import set_language
from gis_app.core.project import Project
from gis_app.exchange.readers import read_dataset


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


@pytest.fixture
def nul_geojson(tmp_path):
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"zone_id": "Z1", "name": "a\u0000b"},
         "geometry": {"type": "Polygon", "coordinates": [[[105.3, 20.9], [105.31, 20.9], [105.31, 20.91],
                                                          [105.3, 20.9]]]}},
        {"type": "Feature", "properties": {"zone_id": "Z2", "name": "plain"},
         "geometry": {"type": "Polygon", "coordinates": [[[105.4, 20.9], [105.41, 20.9], [105.41, 20.91],
                                                          [105.4, 20.9]]]}}]}
    path = tmp_path / "nul.geojson"
    path.write_text(json.dumps(fc), encoding="utf-8")
    return path


def test_reader_keeps_the_whole_value_and_reports_it(nul_geojson):
    ds = read_dataset(nul_geojson)
    assert list(ds.frame["name"]) == ["a\x00b", "plain"]
    assert any("NUL" in note for note in ds.notes)


@pytest.mark.parametrize("ext", ["gpkg", "shp", "csv", "geojson", "kml"])
def test_convert_never_cuts_at_nul_silently(nul_geojson, tmp_path, capsys, ext):
    out = tmp_path / f"o.{ext}"
    assert main(["convert", str(nul_geojson), str(out)]) == 0
    err = capsys.readouterr().err
    assert "NUL" in err
    if ext == "csv":
        assert "a\x00b" in out.read_text(encoding="utf-8-sig")
        return
    if ext == "shp":
        assert b"a\x00b" in out.with_suffix(".dbf").read_bytes()
        return
    back = pyogrio.read_dataframe(out)
    names = [v for c in back.columns if c != "geometry" for v in back[c] if isinstance(v, str)]
    assert "a\ufffdb" in names and "a" not in names


def test_project_save_keeps_nul(sample_project_path, tmp_path):
    src = tmp_path / "p.gpkg"
    shutil.copy(sample_project_path, src)
    project = Project.load(src)
    zones = project.layers["zones"]
    zones.loc[zones.index[2], "name"] = "a\x00b"
    project.save(tmp_path / "p2.gpkg")
    again = Project.load(tmp_path / "p2.gpkg")
    assert again.layers["zones"]["name"].iloc[2] == "a\x00b"
    assert len(again.layers["zones"]) == len(zones)
