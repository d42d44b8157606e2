"""The print layout dialog and the web map export, driven through the real main window."""
import numpy as np
import pytest
from PySide6.QtWidgets import QDialog

from cartography_helpers import build_project


@pytest.fixture(scope="module")
def project_path(tmp_path_factory):
    return build_project(tmp_path_factory.mktemp("print_gui") / "print.gpkg")


@pytest.fixture
def window(qtbot, project_path, messages):
    from gis_app.shell.app import application, build_window

    application()
    win = build_window(project_path)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.modified = False


def open_dialog(qtbot, window):
    dialog = window.printing.print_dialog()  # what File → Print layout… does
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    return dialog


def wait_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.preview_task is None and not dialog._timer.isActive(), timeout=20000)


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_dialog_remembers_title_and_agency_after_reopening(qtbot, window):
    from gis_app.cartography.layout import config_dir, load_layout

    dialog = open_dialog(qtbot, window)
    dialog.title_edit.setText("Bản đồ quy hoạch KCN Thử nghiệm")
    dialog.agency_edit.setText("Ban Quản lý các KCN tỉnh Hải Dương")
    choose(dialog.paper, "A2")
    dialog.close_button.click()
    assert (config_dir() / "print_layout.json").is_file()
    assert load_layout().agency == "Ban Quản lý các KCN tỉnh Hải Dương"
    again = open_dialog(qtbot, window)
    assert again.title_edit.text() == "Bản đồ quy hoạch KCN Thử nghiệm"
    assert again.agency_edit.text() == "Ban Quản lý các KCN tỉnh Hải Dương"
    assert again.paper.currentData() == "A2"
    wait_preview(qtbot, again)
    again.reject()


def test_preview_is_the_rendered_page_and_not_blank(qtbot, window):
    dialog = open_dialog(qtbot, window)
    choose(dialog.paper, "A4")
    choose(dialog.orientation, "landscape")
    wait_preview(qtbot, dialog)
    image = dialog.preview_image
    assert image is not None and not image.isNull()
    # 40 dpi A4 landscape: 297 × 210 mm → about 468 × 331 px
    assert abs(image.width() - 468) <= 2 and abs(image.height() - 331) <= 2
    rgb = image.convertToFormat(image.Format.Format_RGB888)
    pixels = np.frombuffer(rgb.constBits(), np.uint8)[: rgb.height() * rgb.bytesPerLine()]
    pixels = pixels.reshape(rgb.height(), rgb.bytesPerLine())[:, : rgb.width() * 3]
    assert (pixels < 200).mean() > 0.02  # lines, text and filled zones, not an empty page
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    assert "1:" in dialog.message.text() and dialog.problem() == ""
    dialog.reject()


def test_zone_defaults_to_the_selection_and_a_misfit_says_why(qtbot, window):
    from gis_app.shell.window_actions import select_zone

    select_zone(window, "KCN-TEST")
    dialog = open_dialog(qtbot, window)
    assert dialog.zone.currentData() == "KCN-TEST"
    choose(dialog.paper, "A4")
    choose(dialog.sheets, "single")
    choose(dialog.scale, 500)  # 440 × 280 m cannot fit an A4 map frame at 1:500
    wait_preview(qtbot, dialog)
    text = dialog.problem()
    assert "không vừa khổ A4" in text and "1:500" in text and "--scale" not in text
    assert dialog.preview_image is None and dialog.preview.isVisible()
    assert dialog.message.text()
    dialog.export_button.click()  # refused in the dialog as well, nothing written
    assert "không vừa khổ A4" in dialog.problem()
    dialog.reject()


def test_export_writes_a_pdf_with_the_chosen_paper_size(qtbot, window, tmp_path):
    from pypdf import PdfReader

    dialog = open_dialog(qtbot, window)
    choose(dialog.paper, "A4")
    choose(dialog.orientation, "portrait")
    choose(dialog.scale, None)
    choose(dialog.format, "pdf")
    out = tmp_path / "map.pdf"
    dialog.out_edit.setText(str(out))
    wait_preview(qtbot, dialog)
    task = dialog.export()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    assert task.error is None
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait, points
    assert window.findChild(QDialog, "print_layout_dialog") is None or not dialog.isVisible()  # closed
    assert str(out) in window.statusBar().currentMessage()


def test_export_png_at_300_dpi(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    choose(dialog.paper, "A4")
    choose(dialog.orientation, "landscape")
    choose(dialog.format, "png")
    assert dialog.out_edit.text().endswith(".png")
    out = tmp_path / "map.png"
    dialog.out_edit.setText(str(out))
    wait_preview(qtbot, dialog)
    task = dialog.export()
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    from PIL import Image

    with Image.open(out) as png:
        assert abs(png.size[0] - 3508) <= 2 and abs(png.size[1] - 2480) <= 2  # A4 at 300 dpi


def test_export_web_map_writes_the_html_and_says_where(qtbot, window, tmp_path, monkeypatch, messages):
    out = tmp_path / "web" / "map"
    out.parent.mkdir()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    window.printing.web_action.trigger()
    html = out.with_suffix(".html")
    qtbot.waitUntil(lambda: bool(messages["infos"]), timeout=30000)
    assert html.is_file()
    text = html.read_text(encoding="utf-8")
    assert "KCN-TEST" in text and "L.map" in text and "unpkg.com" not in text  # data and Leaflet inside
    assert str(html) in messages["infos"][0]


def test_logo_picker_and_a_missing_logo(qtbot, window, tmp_path, monkeypatch):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 40), (200, 0, 0)).save(logo)
    dialog = open_dialog(qtbot, window)
    choose(dialog.paper, "A4")
    dialog.logo_edit.setText(str(tmp_path / "gone.png"))
    wait_preview(qtbot, dialog)
    assert "gone.png" in dialog.problem()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(logo), ""))
    dialog.logo_button.click()
    assert dialog.logo_edit.text() == str(logo)
    wait_preview(qtbot, dialog)
    assert dialog.problem() == "" and dialog.preview_image is not None
    dialog.reject()
    from gis_app.cartography.layout import load_layout

    assert load_layout().logo_path == str(logo)


def test_a_zone_too_big_for_one_sheet_prints_as_a_series(qtbot, window, tmp_path):
    from pypdf import PdfReader

    from gis_app.shell.window_actions import select_zone

    select_zone(window, "KCN-TEST")
    dialog = open_dialog(qtbot, window)
    choose(dialog.paper, "A4")
    choose(dialog.orientation, "landscape")
    choose(dialog.sheets, "auto")
    choose(dialog.scale, 1000)  # 440 × 280 m on an A4 frame of 201 × 190 m: a series
    choose(dialog.format, "pdf")
    wait_preview(qtbot, dialog)
    assert dialog.problem() == ""
    assert "tờ" in dialog.message.text() and "1:1.000" in dialog.message.text()
    out = tmp_path / "series.pdf"
    dialog.out_edit.setText(str(out))
    task = dialog.export()
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    assert task.error is None and task.result["info"]["sheets"] > 1
    assert len(PdfReader(str(out)).pages) == task.result["info"]["sheets"]
    assert f"{task.result['info']['sheets']} tờ" in window.statusBar().currentMessage()
