"""On a 1366×768 laptop screen, in Vietnamese: the main window and every dialog fit with their buttons
on screen, and no widget text shows an internal name or an English word (outside the allowed terms)."""
import re

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QComboBox, QDialog, QDialogButtonBox,
                               QDockWidget, QGroupBox, QLabel, QLineEdit, QTabBar, QTableView, QTextBrowser)

SCREEN = QRect(0, 0, 1366, 768 - 40)  # less a task bar

# Terms a Vietnamese planner reads as they are: formats, standards, codes, product names.
ALLOWED = {"epsg", "geopackage", "gpkg", "geojson", "kml", "kmz", "dxf", "shp", "shapefile", "csv", "wkt", "pdf", "png",
           "xlsx", "html", "toml", "qgis", "qgz", "utf", "tcvn", "vni", "wgs", "vn", "kcn", "ccn", "cnht", "cnc",
           "cncnc", "kcnc", "kkt", "dnnvv", "qcvn", "bxd", "planner", "dejavu", "sans", "gdal", "proj", "osm",
           "openstreetmap", "leaflet", "dpi", "nd", "cp", "ubnd", "kh", "tm", "km", "ha", "m²", "m³", "utm",
           "python", "pyside", "qt", "gis", "id", "postgis", "lgpl", "gpl", "bsd", "mit", "mapbox", "web", "odbl",
           "bitstream", "vera", "github", "chinhphu", "open", "development", "vietnam", "shape", "map",
           "vietnamadminunits", "shift", "ctrl", "logo", "cpg", "dbf", "iso", "geotiff", "tiff", "tif", "prj", "shx", "esc", "alt", "qml", "english", "daohoangson", "dvhcvn", "taliacao", "legocity", "sematx", "ctu", "cc", "sa"}
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
VI_SYLLABLE = re.compile(_INITIAL + r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnptiouy])?")
INTERNAL = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")  # zone_id, lot_roads, industrial_m2 …


def foreign_words(text: str) -> list[str]:
    """English words or internal names in ``text`` (HTML tags and file names left out)."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\S+\.(?:gpkg|shp|toml|txt|pdf|png|html|qgz|json|geojson|dxf|kml|csv|xlsx)\b", " ", text)
    text = re.sub(r"`[^`]*`|\S*[a-z]/[a-z]\S*|\S+://\S*", " ", text)  # paths (docs/guide/vi), URL forms
    bad = INTERNAL.findall(text)
    for word in re.findall(r"[A-Za-zÀ-ỹ]+", text):
        if len(word) < 3 or not word.isascii() or word.lower() in ALLOWED or word.isupper():
            continue
        if not VI_SYLLABLE.fullmatch(word.lower()):
            bad.append(word)
    return bad


def widget_texts(root) -> list[tuple[str, str]]:
    """(where, text) of every text a person reads in ``root``: titles, labels, buttons, menus, headers, tabs."""
    out = [("title", root.windowTitle())]
    for w in root.findChildren(QLabel):
        out.append((f"label {w.objectName()}", w.text()))
    for w in root.findChildren(QAbstractButton):
        out.append((f"button {w.objectName()}", w.text()))
    for w in root.findChildren(QGroupBox):
        out.append(("group", w.title()))
    for w in root.findChildren(QDockWidget):
        out.append(("dock", w.windowTitle()))
    for w in root.findChildren(QLineEdit):
        out.append(("placeholder", w.placeholderText()))
    for w in root.findChildren(QTabBar):
        out += [("tab", w.tabText(i)) for i in range(w.count())]
    for w in root.findChildren(QComboBox):
        if w.objectName() not in ("data",):
            out += [(f"combo {w.objectName()}", w.itemText(i)) for i in range(min(w.count(), 40))
                    # "ID — name" of a zone, "EPSG:n — official CRS name": data and registry names, not UI
                    if not re.match(r"^(?:[A-Z]+-[A-Z0-9-]+|EPSG:\d+) — ", w.itemText(i))]
    for w in root.findChildren(QTableView):
        model = w.model()
        if model is not None:
            from PySide6.QtCore import Qt

            out += [("header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                    for c in range(model.columnCount())]
    for w in root.findChildren(QTextBrowser):
        out.append(("text", w.toPlainText()))
    if hasattr(root, "menuBar"):
        for menu_action in root.menuBar().actions():
            out.append(("menu", menu_action.text()))
            menu = menu_action.menu()
            if menu is not None:
                out += [("action", a.text()) for a in menu.actions()]
    return out


def assert_vietnamese(root):
    problems = [(where, text[:80], foreign_words(text)) for where, text in widget_texts(root) if foreign_words(text)]
    assert not problems, problems


def assert_fits(dialog):
    """The dialog fits the screen and each of its buttons lies inside it (or inside a scroll area)."""
    dialog.move(0, 0)
    frame = dialog.geometry()
    assert frame.width() <= SCREEN.width() and frame.height() <= SCREEN.height(), (dialog, frame)
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog):
            continue
        parent, scrolled = button.parentWidget(), False
        while parent is not None and parent is not dialog:
            scrolled = scrolled or isinstance(parent, QAbstractScrollArea)
            parent = parent.parentWidget()
        if scrolled and not isinstance(button.parentWidget(), QDialogButtonBox):
            continue
        rect = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert dialog.rect().contains(rect), (dialog, button.text(), rect, dialog.rect())


def _dialogs(win, tmp_path):
    """Every dialog of the application, built as the menus build them."""
    from gis_app.core.processing import registry
    from gis_app.shell.about import AboutDialog
    from gis_app.shell.algorithm_dialog import AlgorithmDialog
    from gis_app.shell.exchange.export_dialog import ExportDialog
    from gis_app.shell.exchange.import_dialog import ImportDialog
    from gis_app.shell.help import HelpDialog
    from gis_app.shell.printing.print_dialog import PrintDialog
    from gis_app.shell.rules.report_dialog import ReportDialog
    from gis_app.shell.subdivision.params_dialog import SubdivisionParamsDialog

    source = tmp_path / "khu_moi.geojson"
    win.project.layers["zones"].iloc[:3].to_crs(4326).to_file(source)
    yield AboutDialog(win)
    yield HelpDialog(win)
    yield PrintDialog(win)
    yield ReportDialog(win, win.project.path)
    yield SubdivisionParamsDialog(win)
    yield ExportDialog(win.project, win, "zones")
    yield ImportDialog(source, win, project_crs=9209)
    for algorithm in registry().algorithms.values():
        yield AlgorithmDialog(algorithm, win)
    yield win.rules.zone_widget.show_citation(0)


@pytest.fixture
def laptop(open_window, sample_project_path):
    win = open_window(sample_project_path, size=(1366, 768 - 40))
    from gis_app.shell.window_actions import select_zone

    select_zone(win, "KCN-DAIAN")
    return win


def test_main_window_fits_and_speaks_vietnamese(laptop, qtbot):
    win = laptop
    qtbot.waitUntil(lambda: bool(win.rules.zone_widget.rows), timeout=20000)
    assert win.geometry().width() <= 1366 and win.geometry().height() <= 768
    assert win.minimumSizeHint().width() <= 1366 and win.minimumSizeHint().height() <= 768
    # the dock buttons a planner needs are on screen (the subdivision panel scrolls when short)
    for dock in win.findChildren(QDockWidget):
        assert dock.widget().minimumSizeHint().height() < SCREEN.height(), dock.objectName()
    assert_vietnamese(win)


def test_every_dialog_fits_1366x768_and_speaks_vietnamese(laptop, qtbot, tmp_path):
    seen = []
    qtbot.waitUntil(lambda: bool(laptop.rules.zone_widget.rows), timeout=20000)
    for dialog in _dialogs(laptop, tmp_path):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_fits(dialog)
        assert_vietnamese(dialog)
        seen.append(type(dialog).__name__)
        dialog.close()
    assert {"PrintDialog", "ImportDialog", "ExportDialog", "HelpDialog", "CitationDialog",
            "AlgorithmDialog", "SubdivisionParamsDialog"} <= set(seen)


def test_the_word_check_catches_english_and_internal_names():
    assert foreign_words("Lưu dự án") == []
    assert foreign_words("Save project") == ["Save", "project"]
    assert "zone_id" in foreign_words("Trường zone_id")
    assert foreign_words("Xuất GeoPackage (EPSG:9209)") == []
