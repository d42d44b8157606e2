"""Legacy encodings keep the punctuation they have (CP1258 has the en dash, 0x96) and, where they truly
lack it (TCVN3), every value written with an ASCII look-alike is named in the message and the report."""
from __future__ import annotations

import json

import pytest

from gis_app.cli import main
from gis_app.core.i18n import set_language
from gis_app.exchange import encodings


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


def test_fallback_only_replaces_what_the_encoding_lacks():
    assert encodings.encode("A – B “c”", "cp1258", fallback=True) == b"A \x96 B \x93c\x94"
    assert encodings.decode(encodings.encode("Hòa – Kenmark", "tcvn3", fallback=True), "tcvn3") == "Hòa - Kenmark"


def test_cp1258_shapefile_keeps_en_dash(sample_project_path, tmp_path, capsys):
    out = tmp_path / "z.shp"
    assert main(["convert", str(sample_project_path), str(out), "--layer", "zones", "--out-encoding", "cp1258",
                 "--report", str(tmp_path / "r.json")]) == 0
    assert "look-alike" not in capsys.readouterr().err
    dbf = out.with_suffix(".dbf").read_bytes()
    assert encodings.encode("KCN Việt Hòa – Kenmark", "cp1258") in dbf and b" \x96 " in dbf


def test_tcvn3_names_each_changed_value(sample_project_path, tmp_path, capsys):
    report = tmp_path / "r.json"
    assert main(["convert", str(sample_project_path), str(tmp_path / "z.shp"), "--layer", "zones",
                 "--out-encoding", "tcvn3", "--report", str(report)]) == 0
    err = capsys.readouterr().err
    for name in ("KCN Việt Hòa – Kenmark", "KCN Cẩm Điền – Lương Điền", "KCN Quốc Tuấn – An Bình"):
        assert repr(name) in err
        assert name in report.read_text(encoding="utf-8") or json.dumps(name) in report.read_text(encoding="utf-8")
