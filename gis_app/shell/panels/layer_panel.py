"""Layer panel: visibility (check boxes), order (up/down), opacity and style of the current layer.

Shows the LayerList top layer first; edits go to the layer models, whose events repaint the map.
"""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QComboBox, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSlider, QVBoxLayout, QWidget)

from gis_app.core.aliases import field_label, layer_title
from gis_app.core.styles import FILL_RATE_BREAKS, FILL_RATE_COLORS, LANDUSE_COLORS
from layers.layer_list import LayerList

_PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]


class LayerPanel(QWidget):
    current_changed = Signal(str)

    def __init__(self, layers: LayerList, parent=None):
        super().__init__(parent)
        self.layers = layers
        self.list = QListWidget(self)
        self.up = QPushButton("▲", self)
        self.down = QPushButton("▼", self)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.fill_button = QPushButton(self)
        self.mode = QComboBox(self)
        self.field = QComboBox(self)
        self.form = QFormLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(self.form)
        self.form_labels = [QLabel(self) for _ in range(4)]
        for label, editor in zip(self.form_labels, (self.opacity, self.fill_button, self.mode, self.field)):
            self.form.addRow(label, editor)
        self.list.itemChanged.connect(self._item_checked)
        self.list.currentRowChanged.connect(self._current_row)
        self.up.clicked.connect(lambda: self._move(+1))
        self.down.clicked.connect(lambda: self._move(-1))
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.fill_button.clicked.connect(self._pick_fill)
        self.mode.activated.connect(self._style_mode_changed)
        self.field.activated.connect(self._style_mode_changed)
        for event in ("inserted", "removed", "moved"):
            layers.events.connect(event, lambda **_: self.rebuild())
        layers.events.connect("changed", self._layer_changed)
        self.retranslate()
        self.rebuild()

    def retranslate(self):
        self.up.setToolTip(self.tr("Move layer up"))
        self.down.setToolTip(self.tr("Move layer down"))
        labels = [self.tr("Opacity"), self.tr("Fill colour"), self.tr("Style"), self.tr("Field")]
        for label, text in zip(self.form_labels, labels):
            label.setText(text)
        self.fill_button.setText(self.tr("Choose…"))
        current = self.mode.currentIndex()
        self.mode.clear()
        self.mode.addItems([self.tr("Single colour"), self.tr("Categorized"), self.tr("Graduated")])
        self.mode.setCurrentIndex(max(current, 0))
        self.rebuild()

    # -- list <-> model ---------------------------------------------------------------------
    def rebuild(self):
        current = self.current_name()
        self.list.blockSignals(True)
        self.list.clear()
        for layer in reversed(list(self.layers)):
            item = QListWidgetItem(self.layer_title(layer))
            item.setToolTip(layer.name)
            item.setData(Qt.ItemDataRole.UserRole, layer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if names:
            self.list.setCurrentRow(names.index(current) if current in names else 0)

    def layer_title(self, layer) -> str:
        """Known layers by their planner's name (core/aliases.py); others keep their own."""
        return layer_title(layer.name, layer.title)

    def select_layer(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_layer(self):
        name = self.current_name()
        return self.layers[name] if name in self.layers else None

    def _item_checked(self, item):
        name = item.data(Qt.ItemDataRole.UserRole)
        if name in self.layers:
            self.layers[name].visible = item.checkState() == Qt.CheckState.Checked

    def _layer_changed(self, layer, what):
        if what in ("style", "data") and layer is self.current_layer():
            self._current_row(None)  # the form shows the style set elsewhere (e.g. the compliance style)
        if what == "visibility":
            for i in range(self.list.count()):
                item = self.list.item(i)
                if item.data(Qt.ItemDataRole.UserRole) == layer.name:
                    self.list.blockSignals(True)
                    item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
                    self.list.blockSignals(False)

    def _current_row(self, _row):
        layer = self.current_layer()
        if layer is None:
            return
        self.opacity.blockSignals(True)
        self.opacity.setValue(int(round(layer.opacity * 100)))
        self.opacity.blockSignals(False)
        style = layer.style
        self.mode.setCurrentIndex(2 if style.get("graduated") else 1 if style.get("categorized") else 0)
        self.field.clear()
        columns = [c for c in layer.frame.columns if c != layer.frame.geometry.name]
        for column in columns:  # the planner's name shown, the field name kept as data
            self.field.addItem(field_label(column), column)
        chosen = (style.get("graduated") or style.get("categorized") or {}).get("field")
        if chosen in columns:
            self.field.setCurrentIndex(self.field.findData(chosen))
        self._show_fill(style.get("fill"))
        self.current_changed.emit(layer.name)

    def _show_fill(self, color):
        self.fill_button.setStyleSheet(f"background: {color};" if color else "")

    def _move(self, step: int):
        name = self.current_name()
        if name is None:
            return
        index = self.layers.index(name)
        self.layers.move(index, index + step)
        self.rebuild()

    def _opacity_changed(self, value: int):
        layer = self.current_layer()
        if layer is not None:
            layer.opacity = value / 100

    def _pick_fill(self):
        layer = self.current_layer()
        if layer is None:
            return
        color = QColorDialog.getColor(QColor(layer.style.get("fill") or "#cccccc"), self)
        if color.isValid():
            self.set_fill(layer, color.name())

    @staticmethod
    def set_fill(layer, color: str):
        style = copy.deepcopy(layer.style)
        style["fill"] = color
        style.pop("categorized", None)
        style.pop("graduated", None)
        layer.style = style

    def _style_mode_changed(self, *_):
        layer = self.current_layer()
        if layer is None:
            return
        apply_style_mode(layer, self.mode.currentIndex(), self.field.currentData() or "")


def apply_style_mode(layer, mode: int, field: str) -> None:
    """0 single colour, 1 categorized by ``field``, 2 graduated (quartiles) on ``field``."""
    import numpy as np
    import pandas as pd

    style = copy.deepcopy(layer.style)
    style.pop("categorized", None)
    style.pop("graduated", None)
    if mode == 1 and field in layer.frame.columns:
        values = [v for v in pd.unique(layer.frame[field].dropna())][:64]
        known = LANDUSE_COLORS if field == "landuse" else {}
        colors = {str(v): known.get(str(v), _PALETTE[i % len(_PALETTE)]) for i, v in enumerate(values)}
        style["categorized"] = {"field": field, "colors": colors}
        style.setdefault("fill", "#e0e0e0")
    elif mode == 2 and field in layer.frame.columns:
        numbers = pd.to_numeric(layer.frame[field], errors="coerce").dropna()
        if field == "fill_rate" or not len(numbers):
            breaks = list(FILL_RATE_BREAKS)
        else:
            breaks = sorted(set(float(q) for q in np.quantile(numbers, [0.25, 0.5, 0.75])))
        style["graduated"] = {"field": field, "breaks": breaks, "colors": FILL_RATE_COLORS[:len(breaks) + 1]}
    if not style.get("fill") and mode == 0:
        style["fill"] = "#a6bddb"
    layer.style = style
