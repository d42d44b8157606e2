"""The "Zone / Khu" dock: rule set, as-of date and map style; the selected zone's figures and findings.

Rows come from ``gis_app.rules.view.zone_dock`` (Qt-free, in the UI language); each finding has its
citation as a tooltip and a "Citation…" button opening ``CitationDialog``.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gis_app.rules.view import zone_dock

from .citation import CitationDialog
from .hatch import hatch_swatch

# The deficit comes right after the status (what a planner looks for first); the long message last.
FINDING_COLUMNS = ("rule", "status_label", "deficit", "required", "actual", "citation", "message")
CITATION_COLUMN = FINDING_COLUMNS.index("citation")


class ZoneDockWidget(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.citation_dialog: CitationDialog | None = None
        self.ruleset_caption, self.ruleset_label = QLabel(self), QLabel(self)
        self.ruleset_label.setWordWrap(True)
        self.load_button = QPushButton(self)
        self.load_button.clicked.connect(controller.load_ruleset_dialog)
        self.as_of_check = QCheckBox(self)
        self.as_of_edit = QDateEdit(QDate(2021, 12, 31), self)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setEnabled(False)
        self.as_of_check.toggled.connect(self._as_of_changed)
        self.as_of_edit.dateChanged.connect(self._as_of_changed)
        self.mode_caption, self.mode_combo = QLabel(self), QComboBox(self)
        self.mode_combo.addItems(["", ""])
        self.mode_combo.activated.connect(lambda index: controller.set_compliance_mode(index == 1))
        grid = QGridLayout()
        grid.addWidget(self.ruleset_caption, 0, 0)
        grid.addWidget(self.ruleset_label, 0, 1)
        grid.addWidget(self.load_button, 0, 2)
        grid.addWidget(self.as_of_check, 1, 0)
        grid.addWidget(self.as_of_edit, 1, 1)
        grid.addWidget(self.mode_caption, 2, 0)
        grid.addWidget(self.mode_combo, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.status = QLabel(self)
        self.figures = self._table(2)
        self.figures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.findings = self._table(len(FINDING_COLUMNS))
        self.findings.setWordWrap(False)  # the full message is in the tooltip
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.figures)
        split.addWidget(self.findings)
        self.hatch_labels = {use: QLabel(self) for use in ("hightech", "cnht")}
        legend = QHBoxLayout()
        for use, label in self.hatch_labels.items():
            swatch = QLabel(self)
            swatch.setPixmap(hatch_swatch(use))
            legend.addWidget(swatch)
            legend.addWidget(label)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(grid)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addLayout(legend)
        controller.result_changed.connect(self.show_zone)
        controller.zone_changed.connect(self.show_zone)
        controller.ruleset_changed.connect(self._show_ruleset)
        controller.as_of_restored.connect(self.set_as_of)
        controller.map_mode_changed.connect(self._show_mode)
        self.retranslate()

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def retranslate(self) -> None:
        self.ruleset_caption.setText(self.tr("Rule set:"))
        self.load_button.setText(self.tr("Rule sets…"))
        self.load_button.setToolTip(self.tr("Choose the province's rule sets, switch rules off, change thresholds"))
        self.as_of_check.setText(self.tr("As of"))
        self.as_of_check.setToolTip(self.tr("The state on this date: zones established and operating, leases "
                                            "started by then"))
        self.mode_caption.setText(self.tr("Map style:"))
        self.mode_combo.setItemText(0, self.tr("Fill rate"))
        self.mode_combo.setItemText(1, self.tr("Compliance"))
        self.figures.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Value")])
        headers = {"rule": self.tr("Rule"), "status_label": self.tr("Status"), "deficit": self.tr("Deficit"),
                   "required": self.tr("Required"), "actual": self.tr("Actual"), "citation": self.tr("Citation"),
                   "message": self.tr("Message")}
        self.findings.setHorizontalHeaderLabels([headers[key] for key in FINDING_COLUMNS])
        self.hatch_labels["hightech"].setText(self.tr("High-tech subzone"))
        self.hatch_labels["cnht"].setText(self.tr("CNHT subzone"))
        self._show_ruleset()
        self._show_mode()
        self.show_zone()  # figures and findings are formatted in the UI language

    def _show_ruleset(self) -> None:
        sets = self.controller.rulesets
        self.ruleset_label.setText(", ".join(f"{s.id} ({s.version})" + ("*" if s.overrides else "") for s in sets))
        self.ruleset_label.setToolTip("\n".join(f"{s.name}: {s.source}" for s in sets))
        self.ruleset_caption.setToolTip(self.tr("* thresholds or severities changed for this project"))

    def _show_mode(self) -> None:
        self.mode_combo.setCurrentIndex(1 if self.controller.compliance_mode() else 0)

    def _as_of_changed(self, *_) -> None:
        on = self.as_of_check.isChecked()
        self.as_of_edit.setEnabled(on)
        self.controller.set_as_of(self.as_of_edit.date().toPython() if on else None)

    def set_as_of(self, date: dt.date | None) -> None:
        if date is not None:
            self.as_of_edit.setDate(QDate(date.year, date.month, date.day))
        self.as_of_check.setChecked(date is not None)

    # -- the selected zone ----------------------------------------------------------------
    def show_zone(self) -> None:
        zone = self.controller.zone()
        self.figures.setRowCount(0)
        self.findings.setRowCount(0)
        self.rows: list[dict] = []
        if zone is None:
            zone_id, result = self.controller.zone_id, self.controller.result
            if zone_id is None:
                text = self.tr("Select a zone on the map, in the zone list or in the table.")
            elif result is None:
                text = self.tr("Checking…")
            else:
                text = self.tr("Zone %1 is not checked: established after the as-of date.").replace("%1", zone_id)
            self.title.setText(text)
            self.status.clear()
            self.status.setStyleSheet("")
            return
        view = zone_dock(zone)
        self.title.setText(f"<b>{view['title']}</b>")
        self.status.setText(self.tr("Overall: %1").replace("%1", view["status_label"]))
        self.status.setStyleSheet(f"background: {view['status_color']}; padding: 2px 6px; border-radius: 3px;")
        self.figures.setRowCount(len(view["figures"]))
        for row, (label, value) in enumerate(view["figures"]):
            self.figures.setItem(row, 0, QTableWidgetItem(label))
            self.figures.setItem(row, 1, QTableWidgetItem(str(value)))
        self.findings.setRowCount(len(view["findings"]))
        for row, (finding, shown) in enumerate(zip(zone["findings"], view["findings"])):
            entry = dict(shown, rule_id=finding["rule"], rule_label=shown["rule"])
            self.rows.append(entry)
            for col, key in enumerate(FINDING_COLUMNS):
                if key == "citation":
                    continue
                item = QTableWidgetItem(shown[key])
                item.setToolTip(shown["message"] + "\n" + self.tr("Citation: %1").replace("%1", shown["citation"]))
                if key in ("deficit", "required", "actual"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "status_label":
                    item.setBackground(QColor(shown["color"]))
                self.findings.setItem(row, col, item)
            button = QPushButton(self.tr("Citation…"), self.findings)
            button.setToolTip(shown["citation"])
            button.clicked.connect(lambda _=False, r=row: self.show_citation(r))
            self.findings.setCellWidget(row, CITATION_COLUMN, button)

    def show_citation(self, row: int) -> CitationDialog:
        entry = self.rows[row]
        finding = {"rule": entry["rule_id"], "rule_label": entry["rule_label"], "status_label": entry["status_label"],
                   "message": entry["message"], "citation": entry["citation"], "code": entry.get("code", "")}
        if self.citation_dialog is not None:
            self.citation_dialog.close()
        self.citation_dialog = CitationDialog(finding, self.controller.rulesets, self)
        self.citation_dialog.show()
        return self.citation_dialog
