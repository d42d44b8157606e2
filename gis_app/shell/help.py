"""Help → Hướng dẫn: the user guide inside the application, from the same Markdown as ``docs/guide/``.

Vietnamese pages live in ``docs/guide/vi/``, English ones in ``docs/guide/``; both are rendered by
``QTextBrowser.setMarkdown``, so the files a reader opens on disk and the pages in the application
are one source. F1 opens the page of the dock (or dialog) that has the focus.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, \
    QVBoxLayout

from gis_app.core.i18n import get_language

GUIDE_DIR = Path(__file__).resolve().parents[2] / "docs" / "guide"
# page id → file name (the same name in docs/guide/ and docs/guide/vi/)
PAGES = ("index", "shell", "rules", "subdivision", "cartography", "exchange", "sample", "store")
# the object name of a dock (main_window._dock) → the page explaining it
DOCK_PAGES = {"dock_layers": "shell", "dock_attributes": "shell", "dock_zones": "shell",
              "dock_rules_zone": "rules", "dock_rules_charts": "rules", "dock_subdivision": "subdivision",
              "dock_rasters": "cartography"}
# dialogs (by class name) with a page of their own
DIALOG_PAGES = {"ConnectDialog": "store", "ConflictDialog": "store", "EditLogDialog": "store",
                "PrintDialog": "cartography", "ImportDialog": "exchange", "ExportDialog": "exchange",
                "SubdivisionParamsDialog": "subdivision", "RuleSetDialog": "rules", "CitationDialog": "rules"}


def page_path(page: str, lang: str | None = None) -> Path:
    """The Markdown file of ``page`` in ``lang`` (the UI language by default); English if no translation."""
    lang = lang or get_language()
    folder = GUIDE_DIR / "vi" if lang == "vi" else GUIDE_DIR
    path = folder / f"{page}.md"
    if not path.exists():
        path = GUIDE_DIR / f"{page}.md"
    if not path.exists():
        path = folder / "index.md"
    return path


def page_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


class HelpDialog(QDialog):
    """Page list on the left, the page on the right; links between pages stay inside the dialog."""

    def __init__(self, parent=None, page: str = "index"):
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.pages = QListWidget(self)
        self.pages.setMaximumWidth(240)
        self.pages.setWordWrap(True)  # long page titles wrap instead of being cut
        self.pages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.pages.currentItemChanged.connect(lambda item, _prev: item and self.show_page(item.data(256)))
        self.resize(980, 640)  # fits a 1366×768 screen with its task bar
        self.retranslate()
        self.show_page(page)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))
        self.pages.blockSignals(True)
        self.pages.clear()
        for page in PAGES:
            path = page_path(page)
            if path.exists():
                item = QListWidgetItem(page_title(path))
                item.setData(256, page)
                self.pages.addItem(item)
        self.pages.blockSignals(False)

    def show_page(self, page: str) -> None:
        path = page_path(page)
        self.current_page = page
        self.browser.setSearchPaths([str(path.parent), str(GUIDE_DIR), str(GUIDE_DIR.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        for i in range(self.pages.count()):
            if self.pages.item(i).data(256) == page:
                self.pages.blockSignals(True)
                self.pages.setCurrentRow(i)
                self.pages.blockSignals(False)

    def _link(self, url: QUrl) -> None:
        name = Path(url.path()).stem
        if url.scheme() in ("", "file") and name in PAGES:
            self.show_page(name)
        elif url.scheme() in ("http", "https"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)

    def text(self) -> str:
        return self.browser.toPlainText()


def page_for_focus(window) -> str:
    """The guide page of the dock holding the keyboard focus (or under the mouse), else the index."""
    from PySide6.QtWidgets import QApplication, QDockWidget

    widget = QApplication.focusWidget()
    while widget is not None:
        if isinstance(widget, QDockWidget):
            return DOCK_PAGES.get(widget.objectName(), "shell")
        if widget.objectName() in ("print_dialog",):
            return "cartography"
        if type(widget).__name__ in DIALOG_PAGES:
            return DIALOG_PAGES[type(widget).__name__]
        widget = widget.parentWidget()
    return "index"


def show_help(window, page: str | None = None) -> HelpDialog:
    dialog = getattr(window, "help_dialog", None)
    if dialog is None:
        dialog = window.help_dialog = HelpDialog(window)
    dialog.retranslate()
    dialog.show_page(page or page_for_focus(window))
    dialog.show()
    dialog.raise_()
    return dialog
