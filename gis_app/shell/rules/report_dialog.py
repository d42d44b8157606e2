"""Choose the compliance report's outputs: an XLSX and/or a PDF file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QWidget)


class ReportDialog(QDialog):
    def __init__(self, parent=None, project_path=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export compliance report"))
        base = Path(project_path).with_suffix("") if project_path else Path.home() / "kcn_planner"
        stem = str(base) + "_bao_cao"
        self.xlsx_edit, self.pdf_edit = QLineEdit(stem + ".xlsx"), QLineEdit(stem + ".pdf")
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Leave a field empty to skip that file.")))
        form.addRow(self.tr("XLSX (a sheet per kind, rule citations):"),
                    self._row(self.xlsx_edit, "XLSX (*.xlsx)", ".xlsx"))
        form.addRow(self.tr("PDF (in the interface language, charts and zone maps):"),
                    self._row(self.pdf_edit, "PDF (*.pdf)", ".pdf"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.xlsx_edit.textChanged.connect(self._validate)
        self.pdf_edit.textChanged.connect(self._validate)
        self.resize(620, 160)

    def _row(self, edit: QLineEdit, file_filter: str, suffix: str) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        browse = QPushButton("…", row)
        browse.setToolTip(self.tr("Choose the file"))
        browse.clicked.connect(lambda: self._browse(edit, file_filter, suffix))
        layout.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit, file_filter: str, suffix: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export compliance report"), edit.text(), file_filter)
        if path:
            edit.setText(path if path.lower().endswith(suffix) else path + suffix)

    def _validate(self) -> None:
        ok = bool(self.xlsx_path() or self.pdf_path())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def xlsx_path(self) -> str | None:
        return self.xlsx_edit.text().strip() or None

    def pdf_path(self) -> str | None:
        return self.pdf_edit.text().strip() or None
