"""QGIS export: .qgz (zip of .qgs XML), data GeoPackage, .qml styles from the shared style model."""
import subprocess
import zipfile
import xml.etree.ElementTree as ET

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

from gis_app.core.processing import registry
from gis_app.core.project import Project
from gis_app.core.styles import LANDUSE_COLORS
from tests.exchange_helpers import HD_X, HD_Y


@pytest.fixture
def project_path(tmp_path):
    zones = gpd.GeoDataFrame({
        "zone_id": ["KCN-A", "CCN-B"], "name": ["KCN Đại An", "CCN Lai Cách"], "kind": ["KCN", "CCN"],
        "established": pd.to_datetime(["2003-01-01", "2010-05-05"]), "general": [True, True],
        "operating": [True, False], "province": ["Hải Dương"] * 2, "industrial_m2": [None, 4000.0],
        "leased_m2": [None, 1000.0]},
        geometry=[shapely.box(HD_X, HD_Y, HD_X + 300, HD_Y + 200), shapely.box(HD_X + 500, HD_Y, HD_X + 600, HD_Y + 80)],
        crs=9209)
    parcels = gpd.GeoDataFrame({
        "parcel_id": ["P1", "P2", "P3"], "zone_id": ["KCN-A"] * 3, "landuse": ["industrial", "industrial", "road"],
        "status": ["leased", "vacant", None], "tenant": ["Công ty Ứng Hoè", None, None], "sector": [None] * 3},
        geometry=[shapely.box(HD_X, HD_Y, HD_X + 100, HD_Y + 100), shapely.box(HD_X + 100, HD_Y, HD_X + 200, HD_Y + 100),
                  shapely.box(HD_X, HD_Y + 100, HD_X + 300, HD_Y + 120)], crs=9209)
    project = Project(meta={"name": "Thử Hải Dương"})
    project.add_layer("zones", zones)
    project.add_layer("parcels", parcels)
    project.layer_state[1]["opacity"] = 0.7
    return project.save(tmp_path / "p.gpkg")


def test_qgz_structure_and_styles(project_path, tmp_path):
    out = tmp_path / "export" / "hd.qgz"
    out.parent.mkdir()
    registry().get("export-qgis").run({"project": str(project_path), "out": str(out)})
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["hd.qgs"]
        root = ET.fromstring(archive.read("hd.qgs"))
    assert root.tag == "qgis" and root.get("projectname") == "Thử Hải Dương"
    assert root.find("projectCrs/spatialrefsys/authid").text == "EPSG:9209"
    layers = root.findall("projectlayers/maplayer")
    assert [layer.find("layername").text for layer in layers] == ["parcels", "zones"]  # top first
    tree = [node.get("name") for node in root.findall("layer-tree-group/layer-tree-layer")]
    assert tree == ["parcels", "zones"]
    order = [node.get("id") for node in root.findall("layerorder/layer")]
    assert order == [layer.find("id").text for layer in layers]
    for layer in layers:
        source = layer.find("datasource").text
        path, name = source.split("|layername=")
        data = (out.parent / path).resolve()
        assert data.exists() and name in [n for n, _ in pyogrio.list_layers(data)]
        assert layer.find("srs/spatialrefsys/srid").text == "9209"
        renderer = layer.find("renderer-v2")
        attr = renderer.get("attr")
        if attr:  # the styled field exists in the data
            assert attr in pyogrio.read_info(data, layer=name)["fields"]
        info = subprocess.run(["ogrinfo", "-so", str(data), name], capture_output=True, text=True, check=True).stdout
        assert 'ID["EPSG",9209]' in info
    parcels = layers[0]
    assert parcels.find("renderer-v2").get("type") == "categorizedSymbol"
    categories = {c.get("value"): c.get("symbol") for c in parcels.findall("renderer-v2/categories/category")}
    symbols = {s.get("name"): s for s in parcels.findall("renderer-v2/symbols/symbol")}
    industrial = symbols[categories["industrial"]].find("layer/Option/Option[@name='color']").get("value")
    hexcolor = LANDUSE_COLORS["industrial"].lstrip("#")
    assert industrial.startswith(",".join(str(int(hexcolor[i:i + 2], 16)) for i in (0, 2, 4)))
    assert parcels.find("layerOpacity").text == "0.7"
    zones = layers[1]
    assert zones.find("renderer-v2").get("type") == "graduatedSymbol"
    assert zones.find("renderer-v2").get("attr") == "fill_rate"
    assert len(zones.findall("renderer-v2/ranges/range")) == 4
    assert zones.find("labeling/settings/text-style").get("fieldName") == "name"
    rates = pyogrio.read_dataframe(out.parent / "hd_data.gpkg", layer="zones").set_index("zone_id")["fill_rate"]
    assert rates["KCN-A"] == pytest.approx(0.5) and rates["CCN-B"] == pytest.approx(0.25)
    for name in ("zones", "parcels"):
        qml = ET.parse(out.parent / "hd_styles" / f"{name}.qml").getroot()
        assert qml.tag == "qgis" and qml.find("renderer-v2") is not None


def test_export_qgis_rejects_other_extensions(project_path, tmp_path):
    from gis_app.core.errors import InputError

    with pytest.raises(InputError):
        registry().get("export-qgis").run({"project": str(project_path), "out": str(tmp_path / "x.qgs")})
