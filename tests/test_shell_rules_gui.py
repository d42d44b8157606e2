"""pytest-qt tests of the rules in the GUI, on the sample project: zone dock, citations, compliance
style, hatches, charts following the selection, rule-set loading and report export."""
import hashlib

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gis_app.core.project import Project
from gis_app.rules.check import run_check
from gis_app.rules.ruleset import DEFAULT_RULES, load_ruleset, resolve_rulesets
from gis_app.rules.view import STATUS_COLORS


@pytest.fixture(scope="module")
def expected(sample_project_path):
    """The headless check of the sample: what the dock must show."""
    return run_check(Project.load(sample_project_path), resolve_rulesets(None))


@pytest.fixture
def window(qtbot, sample_project_path, messages):
    from gis_app.shell.app import application, build_window

    application()
    win = build_window(sample_project_path)  # not qtbot.addWidget: it would delete the window
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.rules.controller.result is not None, timeout=15000)
    yield win
    charts = win.rules.charts_widget
    # let every check and chart render finish and deliver its result before the widgets go
    qtbot.waitUntil(lambda: not win.tasks.tasks and not charts.runner.tasks and not charts._busy
                    and not win.rules.controller._pending.isActive(), timeout=60000)
    win.modified = False
    win.close()
    win.deleteLater()


def _click_zone_in_list(qtbot, window, zone_id):
    table = window.zone_panel.table
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == zone_id)
    rect = table.visualItemRect(table.item(row, 0))
    table.scrollToItem(table.item(row, 0))
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _findings_table(window):
    """The card's findings as [rule, status, required, actual, deficit, message]."""
    rows = window.rules.zone_widget.rows
    return [[r[k] for k in ("rule", "status_label", "required", "actual", "deficit", "message")] for r in rows]


def test_zone_list_selection_shows_r1_violation_with_deficit(qtbot, window, expected):
    _click_zone_in_list(qtbot, window, "KCN-QUOCTUAN")
    dock = window.rules.zone_widget
    qtbot.waitUntil(lambda: "KCN-QUOCTUAN" in dock.title.text())
    zone = next(z for z in expected["zones"] if z["zone_id"] == "KCN-QUOCTUAN")
    r1 = next(f for f in zone["findings"] if f["code"] == "R1.hightech_share")
    rows = _findings_table(window)
    assert len(rows) == len(zone["findings"])
    r1_row = next(r for r in rows if r[0] == "R1 hightech share")
    assert r1_row[5] == r1["messages"]["vi"]
    assert r1_row[1] == "Vi phạm"
    # 14,625 m² in Vietnamese formatting (dot thousands separator), the same number run_check gives
    assert r1_row[4] == f"{r1['deficit_m2']:,.0f} m²".replace(",", ".")
    assert r1_row[2] == f"{r1['required_m2']:,.0f} m²".replace(",", ".")
    assert round(r1["deficit_m2"]) == 14625
    card = " ".join(dock.card.toPlainText().split())
    heading = "R1 — " + r1["title"]["vi"]
    assert "Vi phạm " + heading + " — thiếu hụt " + r1_row[4] in card  # status, rule and deficit on one line
    assert STATUS_COLORS["violation"] in dock.card.toHtml()
    assert "Tổng thể: Vi phạm" == dock.status.text()
    # the card wraps to the dock: nothing to scroll sideways, even in a narrow dock
    dock.card.resize(300, 400)
    # a long card (two rule sets) is laid out in chunks: wait for the layout, not a fixed moment
    qtbot.waitUntil(lambda: dock.card.horizontalScrollBar().maximum() == 0, timeout=5000)
    figures = dock.figure_values()
    assert figures["Tỷ lệ lấp đầy"] in card
    assert figures["Nguồn số liệu"] == "từ thửa đất"
    assert figures["Tỷ lệ lấp đầy"] == f"{zone['fill_rate'] * 100:.1f}%".replace(".", ",")
    assert "lô" in figures["Lô trong phân khu CNHT"]


def test_citation_button_shows_seed_citation_and_rule_text(qtbot, window):
    window.rules.controller.window.layers["zones"]  # noqa: B018 (the layer exists)
    _click_zone_in_list(qtbot, window, "KCN-QUOCTUAN")
    dock = window.rules.zone_widget
    qtbot.waitUntil(lambda: len(dock.rows) > 0)
    row = next(r for r, entry in enumerate(dock.rows) if entry["rule"] == "R1 hightech share")
    title = "Đề án phát triển CNCNC, CNHT tỉnh Hải Dương 2021–2025, Phần II, mục II.3"
    assert title in dock.card.toPlainText()  # the document and section, not the seed's file name
    assert "003_fef7a90db12cc85e" not in dock.card.toPlainText()
    from PySide6.QtCore import QUrl

    dock.card.anchorClicked.emit(QUrl(f"cite:{row}"))  # what a click on the link does
    dialog = dock.citation_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert title in text
    rule = load_ruleset("hai-duong-2021").rule("R1.hightech_share")
    assert rule.title["vi"] in text and rule.reading_vi[:40] in text  # the rule's own text and reading
    assert "Tỷ lệ quỹ đất công nghiệp nằm trong phân khu có công năng Công nghệ cao ≥ 20%" in text  # in words
    dialog.close()


def _zone_pixel_color(window, zone_id):
    layer = window.layers["zones"]
    row = int(np.flatnonzero(layer.frame["zone_id"].astype(str).to_numpy() == zone_id)[0])
    window.canvas.zoom_to(layer.bounds[row])
    # a point inside the zone but outside its parcels/subzones: hide those layers for the colour probe
    for name in ("parcels", "subzones"):
        window.layers[name].visible = False
    window.canvas.refresh()
    x, y = layer.label_points[row]
    sx, sy = window.canvas.view.to_screen(np.array([[x, y]]))[0]
    return window.canvas.image.pixelColor(int(sx) + 25, int(sy) + 25).name()


def test_compliance_style_changes_zone_colours_and_legend(qtbot, window):
    dock = window.rules.zone_widget
    window.layers["zones"].clear_selection()
    before = _zone_pixel_color(window, "KCN-QUOCTUAN")
    assert dock.mode_combo.currentIndex() == 0
    dock.mode_combo.setCurrentIndex(1)
    dock.mode_combo.activated.emit(1)
    assert window.layers["zones"].style["categorized"]["field"] == "compliance"
    after = _zone_pixel_color(window, "KCN-QUOCTUAN")
    assert before != after
    fill_opacity = window.layers["zones"].style.get("fill_opacity", 1.0)
    red = np.array([0xd7, 0x30, 0x1f]) * fill_opacity + 255 * (1 - fill_opacity)
    got = np.array([int(after[i:i + 2], 16) for i in (1, 3, 5)])
    assert np.abs(got - red).max() <= 3, (after, red)
    # with parcels shown, the zone's outline carries its status above them
    for name in ("parcels", "subzones"):
        window.layers[name].visible = True
    zones = window.layers["zones"]
    row = int(np.flatnonzero(zones.frame["zone_id"].astype(str).to_numpy() == "KCN-QUOCTUAN")[0])
    window.canvas.zoom_to(zones.bounds[row])
    window.canvas.refresh()
    vertex = np.asarray(zones.frame.geometry.iloc[row].geoms[0].exterior.coords[0]
                        if hasattr(zones.frame.geometry.iloc[row], "geoms")
                        else zones.frame.geometry.iloc[row].exterior.coords[0])
    sx, sy = window.canvas.view.to_screen(vertex[None, :2])[0]
    assert window.canvas.image.pixelColor(int(round(sx)), int(round(sy))).name() == STATUS_COLORS["violation"]
    labels = [label for label, _ in window.zone_panel.legend_entries]
    assert labels[:1] == ["Vi phạm"] and "chưa kiểm tra" in labels
    assert "Tuân thủ" in window.zone_panel.legend_title.text()
    assert window.rules.compliance_action.isChecked()
    assert window.layer_panel.current_name() == "zones"
    assert window.layer_panel.field.currentData() == "compliance"  # the layer panel's form follows
    assert window.layer_panel.mode.currentIndex() == 1  # categorized
    window.rules.compliance_action.trigger()  # back to the fill-rate choropleth
    assert "graduated" in window.layers["zones"].style
    assert dock.mode_combo.currentIndex() == 0


def test_hatches_are_drawn_above_parcels(window):
    layer = window.layers["subzones"]
    row = int(np.flatnonzero(layer.frame["use"].astype(str).to_numpy() == "hightech")[0])
    window.canvas.zoom_to(layer.bounds[row])
    window.canvas.refresh()
    with_hatch = hashlib.sha1(bytes(window.canvas.image.constBits())).hexdigest()
    window.canvas.renderer.overlays.clear()
    window.canvas.refresh()
    without = hashlib.sha1(bytes(window.canvas.image.constBits())).hexdigest()
    assert with_hatch != without


def test_charts_follow_the_selection(qtbot, window):
    charts = window.rules.charts_widget
    qtbot.waitUntil(charts.up_to_date, timeout=15000)
    first = charts.fill_label.pixmap().toImage()
    renders = charts.renders
    _click_zone_in_list(qtbot, window, "KCN-DAIAN")
    qtbot.waitUntil(lambda: charts.up_to_date() and charts.renders > renders, timeout=15000)
    assert charts.rendered_key[2] == "KCN-DAIAN"
    assert charts.fill_label.pixmap().toImage() != first  # the selected bar is outlined
    # selecting a CCN switches the charts to the CCN kind
    _click_zone_in_list(qtbot, window, window.project.zones.query("kind == 'CCN'")["zone_id"].iloc[0])
    qtbot.waitUntil(lambda: charts.kind() == "CCN" and charts.up_to_date(), timeout=15000)
    assert charts.reservation_label.pixmap() is not None and not charts.reservation_label.pixmap().isNull()


def test_malformed_rule_set_shows_line_and_problem(qtbot, window, messages, tmp_path):
    from gis_app.shell.rules.ruleset_dialog import RuleSetDialog

    bad = tmp_path / "bad.toml"
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    bad.write_text(text.replace("threshold = 0.20", "threshold = \"20%\"", 1), encoding="utf-8")
    before = window.rules.controller.rulesets
    dialog = RuleSetDialog(before, window)
    assert not dialog.add_file(str(bad))
    assert len(messages["warnings"]) == 1
    message = messages["warnings"][0]
    line = 1 + text.splitlines().index("threshold = 0.20")
    assert "bad.toml" in message and f"dòng {line}" in message and "threshold" in message
    assert not window.rules.controller.load_ruleset_file(str(bad))
    assert window.rules.controller.rulesets is before
    dialog.close()


def test_rule_set_dialog_switches_off_and_validates_thresholds(qtbot, window):
    from PySide6.QtWidgets import QDialogButtonBox

    from gis_app.shell.rules.ruleset_dialog import COLUMNS, RuleSetDialog

    dialog = RuleSetDialog(window.rules.controller.rulesets, window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ids = [dialog.sets.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.sets.count())]
    assert ids[:2] == ["hai-duong-2021", "vn-national"] and "hung-yen-2021" in ids
    dialog.sets.setCurrentRow(0)
    codes = [dialog.rules.item(r, 0).text() for r in range(dialog.rules.rowCount())]
    r5 = codes.index("R5.travel_minutes")
    severity = dialog.rules.cellWidget(r5, COLUMNS.index("severity"))
    assert severity.currentText() == "Cảnh báo" and severity.itemText(severity.findData("off")) == "Tắt"
    severity.setCurrentIndex(severity.findData("off"))
    r1 = codes.index("R1.hightech_share")
    cell = dialog.rules.item(r1, COLUMNS.index("threshold"))
    cell.setText("hai mươi")  # not a number: refused, said, OK disabled
    assert not ok.isEnabled() and "R1.hightech_share" in dialog.problem.text()
    assert cell.background().color().name() == "#f4a6a6"
    cell.setText("1,5")  # a number, but not a share of 0–1: the rule file's own check
    assert not ok.isEnabled() and "0.2 = 20%" in dialog.problem.text()
    cell.setText("0,25")
    assert ok.isEnabled() and dialog.problem.text() == ""
    hung_yen = dialog.sets.item(ids.index("hung-yen-2021"))
    hung_yen.setCheckState(Qt.CheckState.Checked)
    chosen = dialog.chosen()
    assert [s.id for s in chosen] == ["hai-duong-2021", "vn-national", "hung-yen-2021"]
    assert chosen[0].rule("R1.hightech_share").threshold == 0.25 and chosen[0].off == ("R5.travel_minutes",)
    old = window.rules.controller.result
    window.rules.controller.set_rulesets(chosen)
    qtbot.waitUntil(lambda: window.rules.controller.result is not old, timeout=15000)
    result = window.rules.controller.result
    assert [s["id"] for s in result["rules"]["sets"]] == ["hai-duong-2021", "vn-national", "hung-yen-2021"]
    assert not any(f["code"] == "R5.travel_minutes" for z in result["zones"] for f in z["findings"])
    assert window.project.meta["rule_overrides"]["hai-duong-2021"] == {
        "R5.travel_minutes": {"severity": "off"}, "R1.hightech_share": {"threshold": 0.25}}
    assert window.modified
    dialog.close()


def test_own_thresholds_change_findings(qtbot, window):
    _click_zone_in_list(qtbot, window, "KCN-QUOCTUAN")
    old = window.rules.controller.result
    lenient = load_ruleset("hai-duong-2021").with_overrides({"R1.hightech_share": {"threshold": 0.10}})
    window.rules.controller.set_rulesets([lenient])
    qtbot.waitUntil(lambda: window.rules.controller.result is not old, timeout=15000)
    rows = _findings_table(window)
    r1 = next(r for r in rows if r[0] == "R1 hightech share")
    assert r1[1] == "Đạt"
    # no violation left for the zone (R1 CNHT priority warning remains): the map colour follows
    assert not any(r[1] == "Vi phạm" for r in rows)
    assert window.layers["zones"].frame.set_index("zone_id").loc["KCN-QUOCTUAN", "compliance"] == "warning"
    assert window.rules.zone_widget.ruleset_label.text() == "Hải Dương (2021.2)*"


def test_as_of_date_leaves_out_later_zones(qtbot, window):
    old = window.rules.controller.result
    import datetime as dt

    window.rules.zone_widget.set_as_of(dt.date(2020, 12, 31))
    qtbot.waitUntil(lambda: window.rules.controller.result is not old, timeout=15000)
    ids = {z["zone_id"] for z in window.rules.controller.result["zones"]}
    assert "KCN-QUOCTUAN" not in ids and "KCN-DAIAN" in ids
    assert window.layers["zones"].frame.set_index("zone_id")["compliance"].isna()["KCN-QUOCTUAN"]
    _click_zone_in_list(qtbot, window, "KCN-QUOCTUAN")
    assert "không được kiểm tra" in window.rules.zone_widget.title.text()
    # the date is a setting of the project (saved with it), so the project is now unsaved
    assert window.project.meta["rules"]["as_of"] == "2020-12-31" and window.modified


def test_rule_set_and_date_changes_are_undone_and_redone_like_any_edit(qtbot, window):
    """Issue 9: the rule state lives in the model; Edit → Undo takes back a date and a rule-set choice,
    Redo puts them back, and the desktop's check follows (no copy of its own left behind)."""
    import datetime as dt

    controller = window.rules.controller
    before = [s.id for s in controller.rulesets]
    hung_yen = ["hung-yen-2021", "vn-national"]
    controller.set_rulesets([load_ruleset(i) for i in hung_yen])
    window.rules.zone_widget.set_as_of(dt.date(2020, 12, 31))
    assert window.project.meta["rules"]["as_of"] == "2020-12-31"
    window.undo_action.trigger()  # the date
    assert controller.as_of is None and "as_of" not in (window.project.meta.get("rules") or {})
    window.undo_action.trigger()  # the rule sets
    assert [s.id for s in controller.rulesets] == before
    assert [s["id"] for s in window.project.check()["rules"]["sets"]] == before
    qtbot.waitUntil(lambda: controller.result is not None
                    and [s["id"] for s in controller.result["rules"]["sets"]] == before, timeout=15000)
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert [s.id for s in controller.rulesets] == hung_yen and controller.as_of == dt.date(2020, 12, 31)
    assert [s["id"] for s in window.project.check()["rules"]["sets"]] == hung_yen


def test_a_check_alone_does_not_mark_the_project_unsaved(qtbot, window):
    old = window.rules.controller.result
    window.rules.controller.request_check()
    qtbot.waitUntil(lambda: window.rules.controller.result is not old, timeout=15000)
    assert not window.modified


def test_rule_set_and_date_are_saved_with_the_project(qtbot, window, tmp_path, messages):
    import datetime as dt

    from gis_app.shell.app import build_window

    chosen = [load_ruleset("hung-yen-2021").with_overrides({"PLAN.kcn_2025": {"threshold": 5}}),
              load_ruleset("vn-national")]
    window.rules.controller.set_rulesets(chosen)
    window.rules.zone_widget.set_as_of(dt.date(2021, 6, 30))
    saved = window.project.save(tmp_path / "with_rules.gpkg")
    window.set_modified(False)

    def reopen():
        other = build_window(saved)
        qtbot.waitUntil(lambda: other.rules.controller.result is not None, timeout=15000)
        return other

    def close(other):
        qtbot.waitUntil(lambda: not other.tasks.tasks and not other.rules.controller._pending.isActive()
                        and not other.rules.charts_widget._busy, timeout=60000)
        other.modified = False
        other.close()
        other.deleteLater()

    again = reopen()
    try:
        sets = again.rules.controller.rulesets
        assert [s.id for s in sets] == ["hung-yen-2021", "vn-national"]
        assert sets[0].rule("PLAN.kcn_2025").threshold == 5 and sets[0].version == "2021.1"
        assert again.rules.controller.as_of == dt.date(2021, 6, 30)
        assert again.rules.zone_widget.as_of_check.isChecked()
        assert again.rules.zone_widget.as_of_edit.date().toPython() == dt.date(2021, 6, 30)
        assert not again.modified
        assert [s["id"] for s in again.rules.controller.result["rules"]["sets"]] == ["hung-yen-2021", "vn-national"]
    finally:
        close(again)
    # the command line uses the same stored rule sets by default
    import json

    from gis_app.cli import main

    out = tmp_path / "c.json"
    assert main(["check", str(saved), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["rules"]["ids"] == ["hung-yen-2021", "vn-national"]


def test_report_export_writes_both_files(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gis_app.shell.rules import report_dialog

    xlsx, pdf = tmp_path / "bao_cao.xlsx", tmp_path / "bao_cao.pdf"

    def fake_exec(dialog):
        dialog.xlsx_edit.setText(str(xlsx))
        dialog.pdf_edit.setText(str(pdf))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(report_dialog.ReportDialog, "exec", fake_exec)
    window.rules.report_action.trigger()
    qtbot.waitUntil(lambda: xlsx.exists() and pdf.exists() and not window.tasks.tasks, timeout=60000)
    import openpyxl

    book = openpyxl.load_workbook(xlsx, read_only=True)
    assert {"KCN", "CCN"} <= set(book.sheetnames)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert "bao_cao.pdf" in window.statusBar().currentMessage()


def test_map_selection_of_a_parcel_shows_its_zone_and_english_labels(qtbot, window):
    parcels = window.layers["parcels"]
    row = int(np.flatnonzero(parcels.frame["zone_id"].astype(str).to_numpy() == "KCN-DAIAN")[0])
    for layer in window.layers:
        layer.clear_selection()
    parcels.select([row])  # what a click on the map does
    dock = window.rules.zone_widget
    assert "KCN-DAIAN" in dock.title.text()
    window.switch_language("en")
    try:
        assert window.rules.zone_dock.windowTitle() == "Zone"
        assert "Industrial land fund" in dock.card.toPlainText()
        assert "Hải Dương scheme for high-tech and supporting industry 2021–2025, Part II, section II.3" \
            in dock.card.toPlainText()
        assert window.rules.menu.title() == "&Rules"
    finally:
        window.switch_language("vi")
    assert window.rules.menu.title() == "&Quy tắc"


def test_travel_times_turn_r5_into_findings(qtbot, window, tmp_path):
    import json

    import geopandas as gpd
    from shapely.geometry import Point

    from gis_app.core.project import Project
    from gis_app.proximity.analysis import run_proximity

    plants = tmp_path / "plants.geojson"
    gpd.GeoDataFrame({"name": ["Nhà máy A"]}, geometry=[Point(106.25, 20.93)], crs=4326).to_file(plants)
    result_path = tmp_path / "r5.json"
    result_path.write_text(json.dumps(run_proximity(Project.load(window.project.path), plants)), encoding="utf-8")

    def r5(zone_id):
        zone = next(z for z in window.rules.controller.result["zones"] if z["zone_id"] == zone_id)
        return next(f for f in zone["findings"] if f["rule"] == "R5")

    assert r5("KCN-DAIAN")["status"] == "unknown"  # missing data, not a pass
    old = window.rules.controller.result
    assert window.rules.controller.load_travel_file(str(result_path))
    qtbot.waitUntil(lambda: window.rules.controller.result is not old, timeout=15000)
    assert r5("KCN-DAIAN")["status"] in ("ok", "warning")
    assert window.project.meta["rules"]["proximity"] == str(result_path.resolve())
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not window.rules.controller.load_travel_file(str(bad))


def test_compute_travel_times_runs_proximity_then_uses_it(qtbot, window, tmp_path, monkeypatch):
    import geopandas as gpd
    from PySide6.QtWidgets import QDialog
    from shapely.geometry import Point

    from gis_app.shell import algorithm_dialog

    plants = tmp_path / "plants.geojson"
    gpd.GeoDataFrame({"name": ["Nhà máy A"]}, geometry=[Point(106.25, 20.93)], crs=4326).to_file(plants)
    out = tmp_path / "r5.json"
    original_values = algorithm_dialog.AlgorithmDialog.values

    def values(self):
        chosen = original_values(self)
        assert chosen["project"] == str(window.project.path)  # prefilled with the open project
        return dict(chosen, plants=str(plants), json=str(out))

    monkeypatch.setattr(algorithm_dialog.AlgorithmDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(algorithm_dialog.AlgorithmDialog, "values", values)
    window.rules.compute_travel_action.trigger()
    qtbot.waitUntil(lambda: window.rules.controller.travel is not None, timeout=30000)
    assert out.exists()
    assert window.project.meta["rules"]["proximity"] == str(out.resolve())


def test_province_wide_findings_dialog(qtbot, window):
    dialog = window.rules.show_province_findings()
    rows = dialog.rows()
    assert [r[0] for r in rows] == ["KH-2025 kcn 2025", "KH-2025 ccn 2025"]
    assert all(r[1] == "toàn tỉnh" and r[2] == "Thiếu dữ liệu" for r in rows)  # the sample has no zone status
    assert "trạng thái của các khu" in rows[0][3] and "Thiếu dữ liệu" not in rows[0][3]  # said once, in the status
    assert rows[0][4].startswith("Đề án phát triển CNCNC, CNHT tỉnh Hải Dương") and ".txt" not in rows[0][4]
    dialog.close()


def test_an_edit_updates_charts_and_legend_through_the_model(qtbot, window):
    """Issue 9, must-show 1: the charts and the legend observe the project model (its events), so a
    change made on the model (a script, the API, an undo) reaches them without the rules controller."""
    from gis_app.core.editing import feature_ids
    from gis_app.shell.rules.controller import compliance_style

    project, charts = window.project, window.rules.charts_widget
    qtbot.waitUntil(charts.up_to_date, timeout=15000)
    assert charts.project is project and charts.rendered_key[0] == id(project.check_result)
    # an edit of the model: a vacant industrial parcel of KCN-DAIAN is leased
    parcels = project.parcels
    vacant = parcels[(parcels["zone_id"] == "KCN-DAIAN") & (parcels["landuse"] == "industrial")
                     & (parcels["status"] == "vacant")]
    fid = feature_ids(parcels, "parcels")[parcels.index.get_loc(vacant.index[0])]
    before = next(z for z in project.check_result["zones"] if z["zone_id"] == "KCN-DAIAN")
    old_key, renders = charts.rendered_key, charts.renders
    project.set_attributes("parcels", [fid], {"status": "leased"})
    qtbot.waitUntil(lambda: charts.up_to_date() and charts.renders > renders, timeout=30000)
    assert charts.rendered_key[0] == id(project.check_result) != old_key[0]
    after = next(z for z in project.check_result["zones"] if z["zone_id"] == "KCN-DAIAN")
    assert after != before
    # a result published on the model alone (no controller) is what the charts draw
    renders = charts.renders
    published = dict(project.check_result)
    project.publish_check(published)
    qtbot.waitUntil(lambda: charts.up_to_date() and charts.renders > renders, timeout=30000)
    assert charts.rendered_key[0] == id(published)
    # the legend follows the zones' style held by the model
    assert "Tuân thủ" not in window.zone_panel.legend_title.text()
    state = [dict(s) for s in project.layer_state]
    zones = next(s for s in state if s["name"] == "zones")
    zones["style"] = compliance_style(zones.get("style") or window.layers["zones"].style)
    project.set_layer_state(state, layer="zones")
    assert "Tuân thủ" in window.zone_panel.legend_title.text()
    assert [label for label, _ in window.zone_panel.legend_entries][:1] == ["Vi phạm"]
    project.undo()  # the undo of the restyle is a model event too
    assert "Tuân thủ" not in window.zone_panel.legend_title.text()


def test_subzone_hatch_goes_round_the_lots(qtbot, window):
    """Lots are read one by one: the high-tech/CNHT hatch is drawn round them (as on the print), never
    over a lot, its number or its selection; the rest of the subzone stays hatched."""
    import geopandas as gpd
    from shapely import box

    subzones = window.layers["subzones"]
    row = int(np.flatnonzero(subzones.frame["use"].astype(str).to_numpy() == "hightech")[0])
    inner = subzones.frame.geometry.iloc[row].buffer(-40)
    cx, cy = inner.representative_point().coords[0]
    lot = box(cx - 15, cy - 15, cx + 15, cy + 15)
    lots = gpd.GeoDataFrame({"lot_id": ["CN-01"], "layout_id": ["T"], "area_m2": [lot.area], "use": ["hightech"]},
                            geometry=[lot], crs=window.project.crs)
    window.project.add_layer("lots", lots)
    qtbot.waitUntil(lambda: "lots" in window.layers.names(), timeout=10000)
    window.canvas.zoom_to((cx - 60, cy - 60, cx + 60, cy + 60))

    def images():
        window.canvas.refresh()
        return window.canvas.image.copy()

    hatched = images()
    overlays = list(window.canvas.renderer.overlays)
    window.canvas.renderer.overlays.clear()
    try:
        plain = images()
    finally:
        window.canvas.renderer.overlays[:] = overlays
    view = window.canvas.view
    (lx, ly), (sx, sy) = view.to_screen(np.array([[cx - 12, cy - 12], [cx - 40, cy - 40]]))
    inside = [(int(lx) + dx, int(ly) - dy) for dx in range(0, 20, 3) for dy in range(0, 20, 3)]
    assert all(hatched.pixel(x, y) == plain.pixel(x, y) for x, y in inside)  # the lot is untouched
    outside = [(int(sx) + dx, int(sy) - dy) for dx in range(0, 20) for dy in range(0, 20)]
    assert any(hatched.pixel(x, y) != plain.pixel(x, y) for x, y in outside)  # the subzone still hatched


def test_rule_inputs_edited_in_the_attribute_table_change_the_findings(qtbot, window):
    """Issue 10: a planner enters a zone's status, its date and its district with the attribute table's
    typed editors (list, calendar, text); the check re-runs and the plan target and zone figures follow."""
    import datetime as dt

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyleOptionViewItem

    from gis_app.shell.window_actions import set_active_layer

    controller = window.rules.controller
    table = window.attribute_table

    def plan_target():
        return next(f for f in controller.result["findings"] if f["code"] == "PLAN.kcn_2025")

    assert plan_target()["status"] == "unknown"  # the sample has no zone status
    assert "status" not in window.project.zones.columns  # an older project: the table still offers the field
    district = controller.zone("KCN-DAIAN")["district"]
    set_active_layer(window, "zones")
    delegate = table.view.itemDelegate()

    def edit(zone_id, column, fill, kind):
        row = list(table.model.frame["zone_id"].astype(str)).index(zone_id)
        index = table.model.index(row, table.model.columns.index(column))
        editor = delegate.createEditor(table.view.viewport(), QStyleOptionViewItem(), index)
        assert isinstance(editor, kind)
        delegate.setEditorData(editor, index)
        fill(editor)
        result = controller.result
        delegate.setModelData(editor, table.model, index)
        editor.deleteLater()
        qtbot.waitUntil(lambda: controller.result is not result and not controller._pending.isActive(),
                        timeout=30000)

    edit("KCN-DAIAN", "status", lambda box: box.setCurrentIndex(box.findData("operating")), QComboBox)
    edit("KCN-DAIAN", "status_date", lambda e: e.setDate(QDate(2022, 3, 1)), QDateEdit)
    edit("KCN-DAIAN", "district", lambda e: e.setText("Cẩm Giàng"), QLineEdit)
    target = plan_target()
    assert target["status"] == "warning" and target["figures"]["count"] == 1 and target["figures"]["ids"] == "KCN-DAIAN"
    zone = controller.zone("KCN-DAIAN")
    assert (zone["status"], zone["status_date"], zone["district"]) == ("operating", "2022-03-01", "Cẩm Giàng")
    assert window.project.zones.set_index("zone_id").loc["KCN-DAIAN", "status_date"] == dt.datetime(2022, 3, 1)
    window.project.undo()  # each edit is one undo step
    qtbot.waitUntil(lambda: controller.zone("KCN-DAIAN")["district"] == district, timeout=30000)
