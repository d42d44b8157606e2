"""Small walls a planner met on the desktop: Qt's file dialog half in English, processing-form labels cut
at a parenthesis or showing a list of values, empty combos, the background opacity row cut off, a guide
page missing from Help."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QLabel, QToolButton, QTreeView

from test_shell_laptop_vi import assert_vietnamese, foreign_words


def test_qt_file_dialog_speaks_vietnamese(open_window, sample_project_path, qtbot, tmp_path):
    win = open_window(sample_project_path)
    (tmp_path / "khu.gpkg").write_bytes(b"")
    dialog = QFileDialog(win, "Mở dự án", str(tmp_path), "GeoPackage (*.gpkg)")
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        labels = {w.text() for w in dialog.findChildren(QLabel) if w.isVisible()}
        assert "&Tìm trong:" in labels and "&Loại tệp:" in labels, labels
        tree = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
        headers = [tree.model().headerData(c, Qt.Orientation.Horizontal) for c in range(tree.model().columnCount())]
        assert headers[:4] == ["Tên", "Cỡ", "Loại", "Ngày sửa"], headers
        tooltips = " ".join(b.toolTip() for b in dialog.findChildren(QToolButton))
        assert "Thư mục cha" in tooltips and not foreign_words(tooltips), tooltips
        assert_vietnamese(dialog)
    finally:
        dialog.close()


def test_file_dialogs_are_qt_s_own_in_vietnamese_only():
    from PySide6.QtCore import QCoreApplication, QLocale

    from gis_app.shell.app import application
    from gis_app.shell.language import apply_language

    application()
    apply_language("vi", remember=False)
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    assert QLocale().language() == QLocale.Language.Vietnamese
    apply_language("en", remember=False)
    try:
        assert not QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        assert QLocale().language() == QLocale.Language.English
    finally:
        apply_language("vi", remember=False)


def _form_rows(dialog):
    form = dialog.findChild(QFormLayout)
    out = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        out[label.text()] = field
    return out


def test_processing_forms_label_every_field_whole_and_no_combo_is_blank(open_window, sample_project_path):
    from gis_app.core.processing import registry
    from gis_app.shell.algorithm_dialog import AlgorithmDialog

    win = open_window(sample_project_path)
    for name, algorithm in registry().algorithms.items():
        dialog = AlgorithmDialog(algorithm, win)
        rows = _form_rows(dialog)
        for label, field in rows.items():
            assert label.count("(") == label.count(")"), (name, label)  # never cut inside a parenthesis
            assert not label[0].isdigit(), (name, label)  # a label, not a list of values
            if isinstance(field, QComboBox) and not field.isEditable():
                assert all(field.itemText(i).strip() for i in range(field.count())), (name, label)
        dialog.close()
    rows = _form_rows(AlgorithmDialog(registry().algorithms["export-pdf"], win))
    assert "Tỷ lệ bản đồ" in rows and rows["Khổ giấy"].itemText(0) == "(mặc định)"
    assert [rows["Hướng giấy"].itemText(i) for i in range(3)] == ["(mặc định)", "khổ ngang", "khổ dọc"]
    rows = _form_rows(AlgorithmDialog(registry().algorithms["build-sample"], win))
    assert "Tệp GeoPackage kết quả" in rows  # was "… (mặc định" cut at the colon inside the parenthesis


def test_background_opacity_row_is_whole_when_the_layer_dock_is_short(open_window, sample_project_path, qtbot):
    win = open_window(sample_project_path, size=(1366, 728))
    win.layer_dock.setFloating(True)
    win.layer_dock.resize(300, 420)
    qtbot.wait(50)
    panel, area = win.printing.panel, win.printing.panel_area
    assert area.height() >= panel.minimumSizeHint().height()
    slider = panel.opacity
    top_left = slider.mapTo(area.viewport(), slider.rect().topLeft())
    assert top_left.y() + slider.height() <= area.viewport().height(), "opacity row cut off"
    assert win.layer_panel.list.height() >= 4 * win.layer_panel.list.fontMetrics().height()


def test_help_lists_the_saving_and_shared_database_page(open_window, sample_project_path):
    from gis_app.shell.help import HelpDialog

    win = open_window(sample_project_path)
    dialog = HelpDialog(win)
    titles = [dialog.pages.item(i).text() for i in range(dialog.pages.count())]
    assert any(title.startswith("Lưu dự án, cơ sở dữ liệu dùng chung") for title in titles), titles
    dialog.show_page("store")
    assert "Lưu dự án" in dialog.text()
