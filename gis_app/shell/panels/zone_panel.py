"""Zone list with fill rates, the fill-rate legend and the illustrative-data note."""
from __future__ import annotations

import pandas as pd
import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gis_app.core.model import LAYER_ADDED, LAYER_RESTYLED, RELOADED
from gis_app.core.styles import NO_DATA_COLOR, legend_entries


class ZonePanel(QWidget):
    zone_activated = Signal(str)  # zone_id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.legend_title = QLabel(self)
        self.legend = QLabel(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #a33;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table)
        layout.addWidget(self.legend_title)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)
        self.table.cellDoubleClicked.connect(self._activated)
        self.table.cellClicked.connect(self._activated)
        self._style = {}
        self._illustrative = False
        self.project = None
        self._unsubscribe = None
        self.retranslate()

    def attach(self, project) -> None:
        """Observe ``project``: the legend follows the zones' style in the model (``layer_state``)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.project = project
        self._unsubscribe = project.subscribe(self._event)
        self._style_from_model()

    def _event(self, event) -> None:
        if not shiboken6.isValid(self):  # the window went away while the model lives on (a script)
            return
        if event.kind in (LAYER_RESTYLED, RELOADED) or (event.kind == LAYER_ADDED and event.layer == "zones"):
            self._style_from_model()

    def _style_from_model(self) -> None:
        state = next((s for s in self.project.layer_state if s.get("name") == "zones"), None)
        if state is not None and state.get("style") and state["style"] != self._style:
            self.set_style(state["style"])

    def retranslate(self):
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Fill rate")])
        title = (self.tr("Compliance (the zone's worst finding)") if self._compliance()
                 else self.tr("Fill rate (leased / industrial land)"))
        self.legend_title.setText("<b>" + title + "</b>")
        self.note.setText(self.tr("Illustrative data: zone outlines are invented, not official boundaries.")
                          if self._illustrative else "")
        self._paint_legend()

    def set_zones(self, zones: pd.DataFrame, rates: pd.DataFrame, style: dict, illustrative: bool):
        self._style, self._illustrative = style, illustrative
        rate_by_id = rates["fill_rate"] if "fill_rate" in rates else pd.Series(dtype=float)
        rows = list(zip(zones["zone_id"].astype(str), zones["name"].astype(str), zones["kind"].astype(str)))
        if self._same_zones([zone_id for zone_id, _, _ in rows]):  # after an edit: only changed texts
            for row, (zone_id, name, kind) in enumerate(rows):
                for col, text in enumerate((name, kind, _rate_text(rate_by_id.get(zone_id)))):
                    if self.table.item(row, col).text() != text:
                        self.table.item(row, col).setText(text)
            self.retranslate()
            return
        self.table.setRowCount(len(zones))
        for row, (zone_id, name, kind) in enumerate(rows):
            text = _rate_text(rate_by_id.get(zone_id))
            rate_item = QTableWidgetItem(text)
            rate_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name_item = QTableWidgetItem(name)
            name_item.setData(Qt.ItemDataRole.UserRole, zone_id)
            name_item.setToolTip(zone_id)
            for col, item in enumerate((name_item, QTableWidgetItem(kind), rate_item)):
                self.table.setItem(row, col, item)
        self.retranslate()

    def _same_zones(self, zone_ids: list) -> bool:
        """True when the table lists exactly ``zone_ids``, in that order."""
        if self.table.rowCount() != len(zone_ids):
            return False
        for row, zone_id in enumerate(zone_ids):
            item = self.table.item(row, 0)
            if item is None or item.data(Qt.ItemDataRole.UserRole) != zone_id or self.table.item(row, 2) is None:
                return False
        return True

    def highlight(self, zone_ids) -> None:
        """Select the rows of ``zone_ids`` (the map's selection), without re-emitting it."""
        wanted = set(map(str, zone_ids))
        self.table.blockSignals(True)
        self.table.clearSelection()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) in wanted:
                for col in range(self.table.columnCount()):
                    self.table.item(row, col).setSelected(True)
        self.table.blockSignals(False)

    def selected_zone_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def set_style(self, style: dict) -> None:
        """Follow the zones layer's style (the legend describes what the map shows)."""
        self._style = style
        self.retranslate()

    def _compliance(self) -> bool:
        """The zones are coloured by compliance status (gis_app/shell/rules), not by fill rate."""
        return (self._style.get("categorized") or {}).get("field") == "compliance"

    def _paint_legend(self):
        """Swatches and class labels of the zones' fill-rate style, drawn into a pixmap."""
        if not self._style:
            self.legend.clear()
            return
        no_data = self.tr("no data")
        entries = legend_entries(self._style) + [(no_data, NO_DATA_COLOR)]
        if self._compliance():
            names = {"violation": self.tr("Violation"), "warning": self.tr("Warning"), "ok": self.tr("OK"),
                     "n/a": self.tr("Not applicable")}
            entries = [(names.get(v, v), c) for v, c in legend_entries(self._style)] + \
                [(self.tr("not checked"), NO_DATA_COLOR)]
        row_h = 18
        pixmap = QPixmap(220, row_h * len(entries) + 2)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        for i, (label, color) in enumerate(entries):
            painter.setPen(QColor("#555555"))
            painter.setBrush(QColor(color or "#ffffff"))
            painter.drawRect(1, i * row_h + 2, 28, row_h - 4)
            painter.setPen(QColor("#222222"))
            painter.drawText(38, i * row_h + row_h - 4, label)
        painter.end()
        self.legend.setPixmap(pixmap)
        self.legend_entries = entries

    def _activated(self, row, _col):
        item = self.table.item(row, 0)
        if item is not None:
            self.zone_activated.emit(item.data(Qt.ItemDataRole.UserRole))


def _rate_text(rate) -> str:
    return "—" if rate is None or pd.isna(rate) else f"{rate:.0%}"
