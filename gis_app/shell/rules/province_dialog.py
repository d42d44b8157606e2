"""Findings that are not about one zone (facilities outside every zone, plan targets): a table in the
UI language, each row with its citation. Rows come from the check result's top-level ``findings``."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from gis_app.rules.view import STATUS_COLORS, citation_text, finding_body, finding_title, rule_label, status_label

COLUMNS = ("rule", "subject", "status", "message", "citation")


class ProvinceFindingsDialog(QDialog):
    def __init__(self, result: dict | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Province-wide findings"))
        self.resize(1000, 360)
        self.note = QLabel(self.tr("Facilities outside every zone and plan targets of the rule sets in use."), self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Subject"), self.tr("Status"),
                                              self.tr("Message"), self.tr("Citation")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.show_result(result)

    def show_result(self, result: dict | None) -> None:
        findings = (result or {}).get("findings", [])
        self.table.setRowCount(len(findings))
        for row, f in enumerate(findings):
            subject = f.get("subject", "")
            subject = self.tr("province") if subject == "province" else subject.split(":", 1)[-1]
            cells = (rule_label(f), subject, status_label(f["status"]),
                     f"{finding_title(f)}\n{finding_body(f)}", citation_text(f))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if COLUMNS[col] == "status":
                    item.setBackground(QColor(STATUS_COLORS.get(f["status"], "#ffffff")))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, 420)
        self.table.resizeRowsToContents()

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
