"""Typed parameters (issue 9, must-show 6): each type converts/validates its command-line text
(bad value → InputError naming the argument, exit 2) and gets its own widget in the algorithm form."""
from __future__ import annotations

import datetime as dt

import pytest

from gis_app.cli import main
from gis_app.core.errors import InputError
from gis_app.core.i18n import set_language
from gis_app.core.processing import (Algorithm, Boolean, Crs, Date, DestinationFile, Enumeration, Number,
                                     SourceFile, Text, ZoneId, registry)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("vi")


def _bad(param, text):
    with pytest.raises(InputError) as err:
        param.from_text(text)
    assert err.value.path == param.flag
    return str(err.value)


def test_number_converts_and_checks_range():
    width = Number("road_width", ("bề rộng", "width"), minimum=0, unit="m")
    assert width.from_text("16") == 16.0 and width.from_text("7,5") == 7.5
    assert "out of the range" in _bad(width, "-3")
    assert "expected a number" in _bad(width, "wide")
    share = Number("hightech_share", minimum=0, maximum=1)
    assert "out of the range" in _bad(share, "1.5")
    scale = Number("scale", integer=True, minimum=1)
    assert scale.kind == "int" and scale.from_text("2000") == 2000
    assert "whole number" in _bad(scale, "2000.5")


def test_date_crs_zone_enum_bool_files():
    as_of = Date("as_of")
    assert as_of.from_text("2024-06-30") == dt.date(2024, 6, 30) == as_of.from_text("30/06/2024")
    assert "invalid date" in _bad(as_of, "2024-13-01")
    crs = Crs("crs")
    assert crs.from_text("9209") == "9209" and crs.from_text("EPSG:4326") == "EPSG:4326"
    assert "unknown CRS" in _bad(crs, "EPSG:999999")
    assert ZoneId("zone").from_text("KCN-DAIAN") == "KCN-DAIAN"
    with pytest.raises(InputError):
        ZoneId("zone").validate("  ")
    paper = Enumeration("paper", choices=("A4", "A3"), labels=(("khổ A4", "A4 sheet"), ("khổ A3", "A3 sheet")))
    assert paper.choice_label("A3") == "A3 sheet"
    set_language("vi")
    assert paper.choice_label("A3") == "khổ A3"
    with pytest.raises(InputError) as err:
        paper.validate("B5")
    assert err.value.path == "--paper"
    assert Boolean("png").validate("true") is True
    with pytest.raises(InputError):
        Boolean("png").validate("maybe")
    assert DestinationFile("out").destination and not SourceFile("site").destination
    assert Text("layer").from_text("lots") == "lots"


@pytest.mark.parametrize("argv, flag", [
    (["subdivide", "s.gpkg", "--out", "o.gpkg", "--json", "o.json", "--road-width", "-4"], "--road-width"),
    (["subdivide", "s.gpkg", "--out", "o.gpkg", "--json", "o.json", "--crs", "nowhere"], "--crs"),
    (["subdivide", "s.gpkg", "--out", "o.gpkg", "--json", "o.json", "--hightech-share", "2"], "--hightech-share"),
    (["check", "p.gpkg", "--json", "o.json", "--as-of", "yesterday"], "--as-of"),
    (["export-pdf", "p.gpkg", "--out", "o.pdf", "--scale", "big"], "--scale"),
])
def test_cli_bad_value_exits_2_naming_the_argument(argv, flag, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert flag in capsys.readouterr().err


def test_algorithms_are_migrated_to_typed_parameters():
    """Every registered algorithm declares typed parameters only; the CLI options did not change."""
    typed = (Boolean, Crs, Date, DestinationFile, Enumeration, Number, SourceFile, Text, ZoneId)
    for algorithm in registry().algorithms.values():
        for p in algorithm.params:
            assert isinstance(p, typed), (algorithm.name, p.name)
    sub = registry().get("subdivide")
    assert [p.flag for p in sub.params][:4] == ["site", "--out", "--json", "--zone"]
    assert isinstance(next(p for p in sub.params if p.name == "zone"), ZoneId)
    assert isinstance(next(p for p in sub.params if p.name == "crs"), Crs)


# -- form widgets -------------------------------------------------------------------------------
class _Everything(Algorithm):
    name = "typed-demo"
    title_vi = title_en = "typed demo"
    params = (SourceFile("site", ("tệp vùng đất", "site file")), DestinationFile("out", ("tệp ra", "output file")),
              Enumeration("paper", ("khổ giấy", "paper"), default="A3", choices=("A4", "A3"),
                          labels=(("khổ A4", "A4 sheet"), ("khổ A3", "A3 sheet"))),
              Number("road_width", ("bề rộng đường", "road width"), default=16.0, minimum=0, maximum=60, unit="m"),
              Crs("crs", ("hệ tọa độ", "CRS")), Date("as_of", ("ngày", "date"), default="2024-06-30"),
              Boolean("png", ("thêm PNG", "also PNG"), default=False), ZoneId("zone", ("mã khu", "zone id")))


def test_form_widget_per_type(qtbot, monkeypatch):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QFileDialog

    from gis_app.shell import algorithm_dialog as ad

    monkeypatch.setattr(ad, "settings", lambda: ad.QSettings("kcn-test", "typed-params"))
    ad.settings().clear()
    set_language("vi")
    dialog = ad.AlgorithmDialog(_Everything(), zones=[("KCN-DAIAN", "KCN Đại An"), ("CCN-NAMSACH", "CCN Nam Sách")])
    qtbot.addWidget(dialog)
    e = dialog.editors
    # destination → Save dialog, source → Open dialog
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append("save") or ("/tmp/x.gpkg", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append("open") or ("/tmp/s.gpkg", "")))
    e["out"]._browse()
    e["site"]._browse()
    assert asked == ["save", "open"]
    # enumeration: labels in the current language, values underneath
    assert isinstance(e["paper"], QComboBox) and e["paper"].currentText() == "khổ A3"
    # number: range, unit suffix, Vietnamese decimal comma
    spin = e["road_width"]
    assert isinstance(spin, QDoubleSpinBox) and spin.maximum() == 60 and spin.suffix() == " m"
    spin.setValue(7.5)
    assert "7,5" in spin.text()
    # date: dd/MM/yyyy
    assert isinstance(e["as_of"], QDateEdit) and e["as_of"].displayFormat() == "dd/MM/yyyy"
    assert e["as_of"].text() == "30/06/2024"
    assert isinstance(e["png"], QCheckBox)
    # zone id: the project's zones
    zone = e["zone"]
    assert [zone.itemData(i) for i in range(zone.count())] == [None, "KCN-DAIAN", "CCN-NAMSACH"]
    zone.setCurrentIndex(2)
    # CRS: a list that pyproj checks on OK
    e["crs"].setEditText("EPSG:9209")
    values = dialog.checked_values()
    assert values["zone"] == "CCN-NAMSACH" and values["crs"] == "EPSG:9209" and values["paper"] == "A3"
    assert values["road_width"] == 7.5 and values["as_of"] == dt.date(2024, 6, 30) and values["out"] == "/tmp/x.gpkg"
    e["crs"].setEditText("not a crs")
    with pytest.raises(InputError) as err:
        dialog.checked_values()
    assert err.value.path == "--crs"
    warned = []
    monkeypatch.setattr(ad.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dialog.accept()
    assert warned and dialog.result() != ad.QDialog.DialogCode.Accepted
    # English: labels and number format follow the language when the form is shown
    set_language("en")
    again = ad.AlgorithmDialog(_Everything())
    qtbot.addWidget(again)
    assert again.editors["paper"].currentText() == "A3 sheet"
    again.editors["road_width"].setValue(7.5)
    assert "7.5" in again.editors["road_width"].text()
    ad.settings().clear()
