"""About dialog: sources, licences, and the warning that zone outlines are illustrative (one page per language)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gis_app import __version__
from gis_app.core.i18n import get_language

ATTRIBUTION = Path(__file__).resolve().parents[2] / "resources" / "about" / "attribution.html"


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About KCN Planner"))
        self.resize(720, 560)
        text = QTextBrowser(self)
        text.setOpenExternalLinks(True)
        version = self.tr("Version")
        page = ATTRIBUTION.with_name("attribution_vi.html") if get_language() == "vi" else ATTRIBUTION
        text.setHtml(page.read_text(encoding="utf-8") + f"<p>{version} {__version__}</p>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.text = text
