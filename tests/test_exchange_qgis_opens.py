"""The exported .qgz opens in real QGIS (Debian's python3-qgis, installed by .ci/run) with the layers
valid, in EPSG:9209, and with the renderers our styles ask for."""
import json
import os
import subprocess

import pytest

from gis_app.core.processing import registry

QGIS_PYTHON = "/usr/bin/python3"
PROBE = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import QgsApplication, QgsProject
app = QgsApplication([], False); app.initQgis()
project = QgsProject.instance()
ok = project.read(sys.argv[1])
layers = {l.name(): {"valid": l.isValid(), "crs": l.crs().authid(), "count": l.featureCount(),
                     "renderer": type(l.renderer()).__name__} for l in project.mapLayers().values()}
print(json.dumps({"ok": ok, "crs": project.crs().authid(), "layers": layers}))
app.exitQgis()
"""


def _qgis_available() -> bool:
    if not os.path.exists(QGIS_PYTHON):
        return False
    return subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True).returncode == 0


def test_exported_project_opens_in_qgis(sample_project_path, tmp_path):
    if not _qgis_available():
        if os.environ.get("CI"):
            pytest.fail("QGIS (python3-qgis) is not installed: .ci/run must install it")
        pytest.skip("QGIS not installed here (apt-get install python3-qgis qgis-providers); CI runs this")
    out = tmp_path / "hd.qgz"
    registry().get("export-qgis").run({"project": str(sample_project_path), "out": str(out)})
    done = subprocess.run([QGIS_PYTHON, "-c", PROBE, str(out)], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ok"] and result["crs"] == "EPSG:9209"
    layers = result["layers"]
    assert set(layers) >= {"zones", "subzones", "parcels", "province", "districts"}
    assert all(layer["valid"] and layer["crs"] == "EPSG:9209" for layer in layers.values())
    assert layers["zones"]["count"] == 67 and layers["parcels"]["count"] > 200
    assert layers["zones"]["renderer"] == "QgsGraduatedSymbolRenderer"  # fill-rate choropleth
    assert layers["parcels"]["renderer"] == "QgsCategorizedSymbolRenderer"  # by land use
