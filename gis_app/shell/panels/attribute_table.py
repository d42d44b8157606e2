"""Attribute table: a QAbstractTableModel over a layer's GeoDataFrame; selection syncs both ways."""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableView, QVBoxLayout, QWidget

from gis_app.core.aliases import display_value, field_label, layer_title
from gis_app.core.schema import CANONICAL
from layers.layer_list import LayerList


class FrameModel(QAbstractTableModel):
    """A DataFrame's attribute columns (geometry left out); editable when ``commit`` is set.

    ``commit(row, column, value) -> bool`` hands an edit to the project model (the table keeps no copy).
    """

    def __init__(self, frame: pd.DataFrame | None = None, parent=None):
        super().__init__(parent)
        self.frame = None
        self.columns: list[str] = []
        self.commit = None
        self.set_frame(frame)

    def flags(self, index):
        flags = super().flags(index)
        if self.commit is not None and index.isValid():
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def raw(self, index):
        column = self.columns[index.column()]
        return self.frame[column].iat[index.row()] if column in self.frame.columns else None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or self.commit is None or not index.isValid():
            return False
        return bool(self.commit(index.row(), self.columns[index.column()], value))

    def set_frame(self, frame, layer_name: str | None = None):
        """``layer_name`` of a canonical layer: its data-model fields the file lacks are shown empty too
        (an older project has no zone status, district…), so a planner can enter them; the first value
        entered adds the field through the model's edit command."""
        self.beginResetModel()
        self.frame = frame
        geometry = getattr(frame, "geometry", None)
        name = geometry.name if geometry is not None else None
        self.columns = [c for c in frame.columns if c != name] if frame is not None else []
        schema = CANONICAL.get(layer_name) if frame is not None and layer_name else None
        if schema is not None:
            self.columns += [c for c in schema.columns if c not in frame.columns]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or self.frame is None else len(self.frame)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.columns[index.column()]
        return display_value(self.raw(index), column)  # labels, dd/mm/yyyy, 1.234,5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section] if section < len(self.columns) else None  # the stored field name
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return field_label(self.columns[section]) if section < len(self.columns) else None
        return str(section + 1)


class AttributeTable(QWidget):
    layer_picked = Signal(str)  # the user chose a layer in the table's picker (it becomes the active layer)

    def __init__(self, layers: LayerList, parent=None):
        super().__init__(parent)
        self.layers = layers
        self.layer_combo = QComboBox(self)
        self.view = QTableView(self)
        self.model = FrameModel(parent=self)
        self.view.setModel(self.model)
        from .attribute_editors import TypedDelegate

        self.view.setItemDelegate(TypedDelegate(self, self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.edit_handler = None  # (layer name, row, column, value) -> bool; set by the window
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.layer_combo)
        layout.addWidget(self.view)
        self._syncing = False
        self.layer_combo.currentIndexChanged.connect(self._picked)
        self.view.selectionModel().selectionChanged.connect(self._table_selection_changed)
        for event in ("inserted", "removed", "moved"):
            layers.events.connect(event, lambda **_: self._refill_combo())
        layers.events.connect("changed", self._layer_changed)
        self._refill_combo()

    def _picked(self, _index) -> None:
        name = self.layer_combo.currentData()
        self.show_layer(name)
        self.layer_picked.emit(name or "")

    def current_layer(self):
        name = self.layer_combo.currentData()
        return self.layers[name] if name in self.layers else None

    def current_name(self) -> str | None:
        return self.layer_combo.currentData()

    def retranslate(self) -> None:
        self._refill_combo()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.model.columnCount() - 1, 0))
        self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(self.model.rowCount() - 1,
                                                                              self.model.columnCount() - 1))

    def _refill_combo(self):
        """The layers by their planner's names (core/aliases.py), top layer first; data = layer name."""
        current = self.layer_combo.currentData()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for name in reversed(self.layers.names()):
            self.layer_combo.addItem(layer_title(name, self.layers[name].title), name)
        self.layer_combo.blockSignals(False)
        names = self.layers.names()
        self.show_layer(current if current in names else ("zones" if "zones" in names else
                                                          (names[-1] if names else "")))

    def show_layer(self, name: str):
        """Show layer ``name`` (the layer list's active layer); without emitting ``layer_picked``."""
        if self.layer_combo.currentData() != name:
            self.layer_combo.blockSignals(True)
            self.layer_combo.setCurrentIndex(self.layer_combo.findData(name))
            self.layer_combo.blockSignals(False)
        layer = self.layers[name] if name in self.layers else None
        self.model.set_frame(layer.frame if layer is not None else None, name)
        self.model.commit = (lambda row, column, value, n=name: self.edit_handler(n, row, column, value)) \
            if layer is not None and self.edit_handler is not None else None
        if layer is not None:
            fresh = getattr(self, "_sized_for", None) is not layer
            if fresh and len(layer.frame) <= 2000:  # readable headers and values; big tables keep the quick default
                self.view.resizeColumnsToContents()  # once per layer: an edit must not wait for a re-measure
                self._sized_for = layer
            self._show_selection(layer)

    def _layer_changed(self, layer, what):
        current = self.current_layer()
        if current is None or layer is not current:
            return
        if what == "data":
            self.model.set_frame(layer.frame, layer.name)
        if what in ("selection", "data"):
            self._show_selection(layer)

    def _show_selection(self, layer):
        """Model selection → table rows (without echoing back)."""
        self._syncing = True
        try:
            selection = QItemSelection()
            last = self.model.columnCount() - 1
            for row in layer.selected_rows()[:5000]:
                selection.select(self.model.index(int(row), 0), self.model.index(int(row), max(last, 0)))
            self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            rows = layer.selected_rows()
            if rows.size:
                self.view.scrollTo(self.model.index(int(rows[0]), 0))
        finally:
            self._syncing = False

    def _table_selection_changed(self, *_):
        if self._syncing:
            return
        layer = self.current_layer()
        if layer is None:
            return
        rows = np.unique([i.row() for i in self.view.selectionModel().selectedRows()]).astype(int)
        self._syncing = True
        try:
            layer.select(rows)
        finally:
            self._syncing = False

    def select_rows(self, rows):
        """Select table rows as a user would (used by the zone list and tests)."""
        selection = QItemSelection()
        last = max(self.model.columnCount() - 1, 0)
        for row in rows:
            selection.select(self.model.index(int(row), 0), self.model.index(int(row), last))
        self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
