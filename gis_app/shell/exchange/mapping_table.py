"""Editable field mapping: target layer (zones/subzones/parcels or keep as is) and, per source
field, the canonical field it becomes (or "keep"). Reads and produces ``FieldMapping``."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gis_app.core.aliases import field_label
from gis_app.core.schema import CANONICAL
from gis_app.exchange.field_mapping import FieldMapping

TARGETS = ("", "zones", "subzones", "parcels", "facilities")
EXTRA_TARGET_FIELDS = {"zones": ("declared_area_m2",), "parcels": ("declared_area_m2", "sheet")}


def target_fields(target: str) -> list[str]:
    if target not in CANONICAL:
        return []
    return list(CANONICAL[target].columns) + list(EXTRA_TARGET_FIELDS.get(target, ()))


class MappingTable(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: list[str] = []
        self.target_combo = QComboBox(self)
        self.table = QTableWidget(0, 3, self)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.target_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.target_label, self.target_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        for target in TARGETS:
            self.target_combo.addItem("", target)
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.from_store = False
        self._proposed: dict = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.target_label.setText(self.tr("Import as"))
        self.target_combo.setItemText(0, self.tr("a new layer (keep fields as they are)"))
        self.target_combo.setItemText(1, self.tr("zones (KCN/CCN)"))
        self.target_combo.setItemText(2, self.tr("subzones"))
        self.target_combo.setItemText(3, self.tr("parcels"))
        self.target_combo.setItemText(4, self.tr("facilities (wastewater plants, production sites)"))
        self.table.setHorizontalHeaderLabels([self.tr("Field in the file"), self.tr("Example"),
                                              self.tr("Becomes")])

    def set_mapping(self, mapping: FieldMapping | None, columns: list[str], sample=None) -> None:
        self.columns = list(columns)
        self.from_store = bool(mapping and mapping.from_store)
        target = mapping.target_layer if mapping else ""
        fields = dict(mapping.fields) if mapping else {}
        self._proposed = fields
        self.table.setRowCount(len(self.columns))
        for row, column in enumerate(self.columns):
            self.table.setItem(row, 0, QTableWidgetItem(column))
            example = ""
            if sample is not None and column in sample and len(sample):
                value = sample[column].dropna()
                example = str(value.iloc[0]) if len(value) else ""
            self.table.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox(self.table)
            combo.currentIndexChanged.connect(lambda _=0: self.changed.emit())
            self.table.setCellWidget(row, 2, combo)
        self.target_combo.blockSignals(True)
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(target)))
        self.target_combo.blockSignals(False)
        self._fill_field_combos(fields)
        self.note.setText(self.tr("Mapping remembered from an earlier file with the same fields.")
                          if self.from_store else "")

    def _target_changed(self, _index: int) -> None:
        chosen = {k: v for k, v in self.mapping().fields.items() if v}
        self._fill_field_combos({**self._proposed, **chosen})
        self.changed.emit()

    def _fill_field_combos(self, fields: dict) -> None:
        options = target_fields(self.target())
        for row, column in enumerate(self.columns):
            combo: QComboBox = self.table.cellWidget(row, 2)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(keep)"), None)
            for name in options:  # the planner's field name; the data-model name as a tooltip
                combo.addItem(field_label(name), name)
                combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
            wanted = fields.get(column)
            index = combo.findData(wanted) if wanted else 0
            combo.setCurrentIndex(max(0, index))
            combo.setEnabled(bool(options))
            combo.blockSignals(False)

    def target(self) -> str:
        return self.target_combo.currentData() or ""

    def set_target(self, target: str) -> None:
        self.target_combo.setCurrentIndex(self.target_combo.findData(target))

    def set_field(self, source: str, canonical: str | None) -> None:
        combo: QComboBox = self.table.cellWidget(self.columns.index(source), 2)
        combo.setCurrentIndex(max(0, combo.findData(canonical)) if canonical else 0)

    def mapping(self) -> FieldMapping:
        fields = {}
        for row, column in enumerate(self.columns):
            combo = self.table.cellWidget(row, 2)
            fields[column] = combo.currentData() if combo is not None and self.target() else None
        return FieldMapping(self.target(), fields)
