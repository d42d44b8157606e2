"""pytest-qt tests of the exchange dialogs: import (encoding, CRS, mapping, geometry), export, QGIS."""
import zipfile

import pytest
import shapely
from PySide6.QtWidgets import QDialogButtonBox

from gis_app.exchange.readers import read_dataset
from gis_app.exchange.writers import write_dataset
from layers.synthetic import synthetic_project
from tests.exchange_helpers import HD_X, HD_Y, hai_duong_names, names_ending_in_marks, parcels_frame


@pytest.fixture(scope="module")
def project_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("exchange_gui") / "fixture.gpkg"
    synthetic_project(100).save(path)
    return path


@pytest.fixture
def window(qtbot, project_path, messages, tmp_path, monkeypatch):
    from gis_app.core.project import Project
    from gis_app.shell.main_window import MainWindow

    monkeypatch.setenv("KCN_CONFIG_DIR", str(tmp_path / "config"))  # the mapping store of this test only
    win = MainWindow(Project.load(project_path), restore_layout=False)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    return win


@pytest.fixture(scope="module")
def names():
    return hai_duong_names()[:40]


def tcvn3_without_prj(folder, names, stem="thua_dat"):
    """A land department's parcel file: TCVN3 text, no .prj, no sidecar (as received)."""
    write_dataset(parcels_frame(names), folder / f"{stem}.shp", out_encoding="tcvn3")
    (folder / f"{stem}.prj").unlink()
    (folder / f"{stem}.fields.json").unlink()
    return folder / f"{stem}.shp"


def wait_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.pending is None, timeout=20000)


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_tcvn3_without_prj_detected_confirmed_and_imported(qtbot, window, tmp_path, names):
    from gis_app.shell.exchange.actions import open_import_dialog

    path = tcvn3_without_prj(tmp_path, names)
    dialog = open_import_dialog(window, path)
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    assert "tcvn3" in dialog.detected_label.text() and "%" in dialog.detected_label.text()
    shown = [dialog.names_list.item(i).text() for i in range(dialog.names_list.count())]
    assert shown and set(shown) <= set(names)
    marked = names_ending_in_marks(shown)
    assert marked, "the preview must include names whose last letter carries a mark"
    codes = [dialog.candidates.topLevelItem(i).data(0, 256) for i in range(dialog.candidates.topLevelItemCount())]
    assert 9209 in codes and codes[0] == 9209
    # never silently assumed: OK stays disabled until the planner confirms
    assert not ok_button(dialog).isEnabled()
    assert dialog.picker.epsg() == 9209
    dialog.confirm_crs.setChecked(True)
    assert ok_button(dialog).isEnabled()
    before = len(window.layers)
    qtbot.mouseClick(ok_button(dialog), __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported is not None and dialog.pending is None, timeout=20000)
    assert len(window.layers) == before + 1
    layer = window.project.layers["thua_dat"]
    assert window.project.crs.to_epsg() == 9209 and layer.crs.to_epsg() == 9209
    assert layer["TenXa"].tolist() == names
    assert shapely.box(HD_X, HD_Y, HD_X + 2000, HD_Y + 2000).contains(layer.geometry.union_all())


def test_encoding_override_redecodes_preview(qtbot, window, tmp_path, names):
    from gis_app.shell.exchange.actions import open_import_dialog

    dialog = open_import_dialog(window, tcvn3_without_prj(tmp_path, names))
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    before = [dialog.names_list.item(i).text() for i in range(dialog.names_list.count())]
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp1258"))
    dialog.encoding_combo.activated.emit(dialog.encoding_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.pending is None and "cp1258" in dialog.detected_label.text(), timeout=20000)
    after = [dialog.names_list.item(i).text() for i in range(dialog.names_list.count())]
    assert after and after != before and not set(after) <= set(names)
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("tcvn3"))
    dialog.encoding_combo.activated.emit(dialog.encoding_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.pending is None and "tcvn3" in dialog.detected_label.text(), timeout=20000)
    assert [dialog.names_list.item(i).text() for i in range(dialog.names_list.count())] == before


def import_with(qtbot, dialog):
    wait_preview(qtbot, dialog)
    dialog.confirm_crs.setChecked(True)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.pending is None, timeout=20000)


def parcels_with_landuse(folder, names, stem):
    frame = parcels_frame(names)
    frame["LoaiDat"] = "Đất công nghiệp"
    write_dataset(frame, folder / f"{stem}.shp")
    return folder / f"{stem}.shp"


def test_mapping_is_remembered_for_a_file_of_the_same_shape(qtbot, window, tmp_path, names):
    from gis_app.shell.exchange.actions import open_import_dialog

    dialog = open_import_dialog(window, parcels_with_landuse(tmp_path, names[:10], "lo_a"))
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    assert dialog.mapping_table.target() == "parcels" and not dialog.mapping_table.from_store
    assert dialog.mapping_table.mapping().fields == {"MaLo": "parcel_id", "TenXa": None, "DienTich": "declared_area_m2",
                                                     "LoaiDat": "landuse"}
    # the planner corrects the proposal: TenXa holds the tenant here, DienTich stays as it is
    dialog.mapping_table.set_field("TenXa", "tenant")
    dialog.mapping_table.set_field("DienTich", None)
    assert dialog.zone_combo.isEnabled()  # the file has no zone id: the planner names the zone
    dialog.zone_combo.setCurrentIndex(dialog.zone_combo.findData("KCN-A"))
    before = len(window.project.parcels)
    import_with(qtbot, dialog)
    parcels = window.project.parcels
    assert len(parcels) == before + 10
    added = parcels[parcels["parcel_id"].isin([f"L{i:03d}" for i in range(1, 11)])]
    assert added["tenant"].tolist() == names[:10] and set(added["zone_id"]) == {"KCN-A"}
    assert set(added["landuse"]) == {"industrial"}
    assert len(window.layers["parcels"]) == before + 10  # the map shows them

    other = tmp_path / "other"
    other.mkdir()
    again = open_import_dialog(window, parcels_with_landuse(other, names[10:20], "lo_b"))
    qtbot.addWidget(again)
    wait_preview(qtbot, again)
    assert again.mapping_table.from_store
    assert again.mapping_table.target() == "parcels"
    assert again.mapping_table.mapping().fields == {"MaLo": "parcel_id", "TenXa": "tenant", "DienTich": None,
                                                    "LoaiDat": "landuse"}


def test_invalid_geometry_listed_and_repaired_only_when_ticked(qtbot, window, tmp_path, names, messages):
    from gis_app.shell.exchange.actions import open_import_dialog

    frame = parcels_frame(names[:5])
    frame.loc[2, "geometry"] = shapely.Polygon([(HD_X, HD_Y), (HD_X + 10, HD_Y + 10), (HD_X + 10, HD_Y),
                                                (HD_X, HD_Y + 10)])  # a bow-tie
    write_dataset(frame, tmp_path / "no.shp")
    dialog = open_import_dialog(window, tmp_path / "no.shp")
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    assert "5" in dialog.counts_label.text() and "4" in dialog.counts_label.text()
    issues = [dialog.issues_list.item(i).text() for i in range(dialog.issues_list.count())]
    assert len(issues) == 1 and issues[0].startswith("L003")
    assert ok_button(dialog).isEnabled()  # the .prj says EPSG:9209: nothing to confirm
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.pending is None and dialog.imported is not None, timeout=20000)
    assert len(window.project.layers["no"]) == 4

    repaired = open_import_dialog(window, tmp_path / "no.shp")
    qtbot.addWidget(repaired)
    wait_preview(qtbot, repaired)
    repaired.repair_check.setChecked(True)
    repaired.start_import()
    qtbot.waitUntil(lambda: repaired.pending is None and repaired.imported is not None, timeout=20000)
    layer = window.project.layers["no_2"]
    assert len(layer) == 5 and shapely.is_valid(layer.geometry.values).all()


def test_export_shp_tcvn3_reimports_same_names(qtbot, window, tmp_path, names, messages):
    from gis_app.shell.exchange.export_dialog import ExportDialog

    frame = parcels_frame(names)
    window.project.add_layer("lo_dat", frame)
    dialog = ExportDialog(window.project, window, layer="lo_dat")
    qtbot.addWidget(dialog)
    assert dialog.picker.epsg() == 9209  # the project CRS by default
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("shp"))
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("tcvn3"))
    dialog.path_edit.setText(str(tmp_path / "ra.shp"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    back = read_dataset(tmp_path / "ra.shp")
    assert back.encoding.encoding == "tcvn3"
    assert back.frame["TenXa"].tolist() == names and back.frame.crs.to_epsg() == 9209


def test_export_refuses_text_the_encoding_lacks(qtbot, window, tmp_path, messages):
    import geopandas as gpd

    from gis_app.shell.exchange.export_dialog import ExportDialog

    window.project.add_layer("trung", gpd.GeoDataFrame({"ten": ["北京"]}, geometry=[shapely.box(HD_X, HD_Y, HD_X + 9,
                                                                                              HD_Y + 9)], crs=9209))
    dialog = ExportDialog(window.project, window, layer="trung")
    qtbot.addWidget(dialog)
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("tcvn3"))
    dialog.path_edit.setText(str(tmp_path / "trung.shp"))
    dialog.start_export()
    qtbot.waitUntil(lambda: bool(messages["warnings"]), timeout=20000)
    assert "tcvn3" in messages["warnings"][0].lower() and not (tmp_path / "trung.shp").exists()
    assert dialog.written is None and dialog.result() != 1

    window.project.add_layer("dai", gpd.GeoDataFrame({"ghi_chu": ["Khu công nghiệp Đại An – " * 12]},
                                                     geometry=[shapely.box(HD_X, HD_Y, HD_X + 9, HD_Y + 9)], crs=9209))
    long_text = ExportDialog(window.project, window, layer="dai")
    qtbot.addWidget(long_text)
    long_text.encoding_combo.setCurrentIndex(long_text.encoding_combo.findData("tcvn3"))
    long_text.path_edit.setText(str(tmp_path / "dai.shp"))
    long_text.start_export()
    qtbot.waitUntil(lambda: len(messages["warnings"]) == 2, timeout=20000)
    assert "254" in messages["warnings"][1] and not (tmp_path / "dai.shp").exists()

    short = window.project.layers["dai"].assign(ghi_chu="Khu công nghiệp Đại An – giai đoạn 2")
    window.project.add_layer("dai", short)
    lossy = ExportDialog(window.project, window, layer="dai")
    qtbot.addWidget(lossy)
    lossy.encoding_combo.setCurrentIndex(lossy.encoding_combo.findData("tcvn3"))
    lossy.path_edit.setText(str(tmp_path / "dai.shp"))
    lossy.start_export()
    qtbot.waitUntil(lambda: lossy.written is not None, timeout=20000)
    assert messages["infos"] and "1" in messages["infos"][0]  # the en dash written as "-" is reported
    assert read_dataset(tmp_path / "dai.shp").frame["ghi_chu"].tolist() == ["Khu công nghiệp Đại An - giai đoạn 2"]


def test_export_to_another_vn2000_zone_chosen_by_province(qtbot, window, tmp_path, messages):
    from gis_app.shell.exchange.export_dialog import ExportDialog

    dialog = ExportDialog(window.project, window, layer="zones")
    qtbot.addWidget(dialog)
    dialog.picker.set_province("Quảng Ninh")
    assert dialog.picker.epsg() == 5899  # 107°45′ (EPSG:5899)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("gpkg"))
    dialog.path_edit.setText(str(tmp_path / "qn.gpkg"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    assert dialog.written.crs.to_epsg() == 5899


def test_crs_picker_merged_province_offers_each_meridian(qtbot):
    from gis_app.shell.exchange.crs_picker import CrsPicker

    picker = CrsPicker()
    qtbot.addWidget(picker)
    picker.set_province("Hải Dương")
    assert [picker.crs_combo.itemData(i) for i in range(picker.crs_combo.count())] == [9209]
    picker.set_province("Bắc Ninh (2025)")  # Bắc Ninh + Bắc Giang since 1 July 2025
    assert sorted(picker.crs_combo.itemData(i) for i in range(picker.crs_combo.count())) == [9209, 9214]
    picker.set_epsg(4326)  # outside the filter: the list widens
    assert picker.epsg() == 4326


def test_export_for_qgis_writes_a_qgz(qtbot, window, tmp_path, messages):
    from gis_app.shell.exchange.actions import export_qgis_dialog

    task = export_qgis_dialog(window, str(tmp_path / "du_an.qgz"))
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    assert task.error is None
    with zipfile.ZipFile(tmp_path / "du_an.qgz") as archive:
        qgs = archive.read("du_an.qgs").decode("utf-8")
    assert "du_an_data.gpkg" in qgs and "<maplayer" in qgs
    assert (tmp_path / "du_an_styles" / "zones.qml").exists()


def test_geopackage_layer_choice_refreshes_fields_and_name(qtbot, window, project_path):
    from gis_app.shell.exchange.actions import open_import_dialog

    dialog = open_import_dialog(window, project_path)
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    layers = [dialog.layer_combo.itemData(i) for i in range(dialog.layer_combo.count())]
    assert {"zones", "parcels"} <= set(layers)
    dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findData("zones"))
    dialog.layer_combo.activated.emit(dialog.layer_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.pending is None and dialog.preview.layer == "zones", timeout=20000)
    assert dialog.mapping_table.target() == "zones" and "zone_id" in dialog.mapping_table.columns
    assert dialog.name_edit.text() == "zones"
    dialog.mapping_table.set_target("")
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.pending is None and dialog.imported is not None, timeout=20000)
    assert "zones_2" in window.layers.names()  # never takes a canonical name


def test_unreadable_file_gives_a_message_naming_it_and_closes(qtbot, window, tmp_path, names, messages):
    from gis_app.shell.exchange.actions import open_import_dialog

    write_dataset(parcels_frame(names[:3]), tmp_path / "thieu.shp")
    (tmp_path / "thieu.dbf").unlink()
    before = window.layers.names()
    dialog = open_import_dialog(window, tmp_path / "thieu.shp")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(messages["warnings"]), timeout=20000)
    assert "thieu.shp" in messages["warnings"][0] and ".dbf" in messages["warnings"][0]
    qtbot.waitUntil(lambda: dialog.result() == 0 and dialog.pending is None, timeout=5000)
    assert dialog.preview is None and window.layers.names() == before


def test_dialog_shows_the_accounting_of_fields_and_entities(qtbot, window):
    from pathlib import Path

    from gis_app.shell.exchange.actions import open_import_dialog

    cases = Path(__file__).parent / "data" / "exchange_cases"
    dialog = open_import_dialog(window, cases / "dbf-duplicate-fields" / "kcn_dup.shp")
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    lines = [dialog.account_list.item(i).text() for i in range(dialog.account_list.count())]
    assert any("TENKHUCONG2" in line for line in lines), lines
    assert "kcn_dup.cpg" in dialog.detected_label.text()  # declared, not guessed
    assert "TENKHUCONG2" in dialog.preview.columns


def test_dialog_stays_open_to_choose_an_encoding(qtbot, window, tmp_path, messages):
    from gis_app.shell.exchange.actions import open_import_dialog
    from tests.exchange_corpus import shapefile

    names = ["Łódź Świętokrzyska", "Brno Žižkov"]
    path = shapefile(tmp_path, "cz", [(b"MALO", "C", 10, 0), (b"TEN", "C", 40, 0)],
                     [[f"L{i}".encode(), n.encode("cp1250")] for i, n in enumerate(names)])
    dialog = open_import_dialog(window, path)
    qtbot.addWidget(dialog)
    dialog.show()
    asked = dialog.tr("Choose the encoding: none decodes the text cleanly.")
    qtbot.waitUntil(lambda: dialog.pending is None and dialog.detected_label.text() == asked, timeout=20000)
    assert dialog.isVisible() and dialog.preview is None
    assert messages["warnings"] == []  # no box naming the CLI's --encoding: the choice is in the dialog
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp1250"))
    dialog.encoding_combo.activated.emit(dialog.encoding_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.pending is None, timeout=20000)
    shown = [dialog.names_list.item(i).text() for i in range(dialog.names_list.count())]
    assert set(names) <= set(shown)


def test_mapping_offers_the_planners_field_names(qtbot, window, tmp_path, names):
    """Issue 13: the field each source column becomes reads as the planner's name (the data-model name
    stays in the tooltip), in the UI language."""
    from gis_app.core.aliases import field_label
    from gis_app.shell.exchange.actions import open_import_dialog

    dialog = open_import_dialog(window, parcels_with_landuse(tmp_path, names[:5], "lo_names"))
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    table = dialog.mapping_table
    combo = table.table.cellWidget(table.columns.index("MaLo"), 2)
    assert combo.currentData() == "parcel_id"
    assert combo.currentText() == field_label("parcel_id") == "Mã thửa"
    shown = [combo.itemText(i) for i in range(1, combo.count())]
    assert not {"parcel_id", "zone_id", "landuse", "status", "declared_area_m2"} & set(shown)
    assert combo.itemData(combo.currentIndex(), __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.ItemDataRole.ToolTipRole) \
        == "parcel_id"
    dialog.reject()
