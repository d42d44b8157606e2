"""The "Background rasters" box under the layer panel: visibility, order, opacity, add, remove.

Lists the raster LayerList top first (all of them sit under every vector layer); edits go to the
RasterLayer models, whose events repaint the map and update ``project.meta["rasters"]``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QSlider, QVBoxLayout)


class RasterPanel(QGroupBox):
    add_requested = Signal()

    def __init__(self, rasters, parent=None):
        super().__init__(parent)
        self.rasters = rasters
        self.list = QListWidget(self)
        self.list.setMinimumHeight(24)
        self.list.setMaximumHeight(64)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.up, self.down = QPushButton("▲", self), QPushButton("▼", self)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.opacity_label = QLabel(self)
        buttons = QHBoxLayout()  # compact: the dock is shared with the layers and zones
        for button in (self.add_button, self.remove_button, self.up, self.down):
            buttons.addWidget(button)
        for button in (self.up, self.down):
            button.setFixedWidth(32)
        row = QHBoxLayout()
        row.addWidget(self.opacity_label)
        row.addWidget(self.opacity, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._move(+1))
        self.down.clicked.connect(lambda: self._move(-1))
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.list.itemChanged.connect(self._item_checked)
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        for event in ("inserted", "removed", "moved"):
            rasters.events.connect(event, lambda **_: self.rebuild())
        rasters.events.connect("changed", lambda layer, what: self.rebuild() if what == "visibility" else None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Background rasters (under all layers)"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add raster background (GeoTIFF)…"))
        self.remove_button.setText(self.tr("Remove"))
        self.up.setToolTip(self.tr("Move raster up"))
        self.down.setToolTip(self.tr("Move raster down"))
        self.opacity_label.setText(self.tr("Opacity"))
        self.rebuild()

    def rebuild(self) -> None:
        current = self.current_name()
        self.list.blockSignals(True)
        self.list.clear()
        unreadable = self.tr("cannot be read")
        for layer in reversed(list(self.rasters)):
            text = layer.title if not layer.error else f"⚠ {layer.title} ({unreadable})"
            item = QListWidgetItem(text)
            item.setToolTip(layer.error or layer.path)
            item.setData(Qt.ItemDataRole.UserRole, layer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if names:
            self.list.setCurrentRow(names.index(current) if current in names else 0)
        self._show_current()

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_layer(self):
        name = self.current_name()
        return self.rasters[name] if name is not None and name in self.rasters else None

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)

    def _show_current(self) -> None:
        layer = self.current_layer()
        for widget in (self.remove_button, self.up, self.down, self.opacity):
            widget.setEnabled(layer is not None)
        self.opacity.blockSignals(True)
        self.opacity.setValue(int(round(layer.opacity * 100)) if layer is not None else 100)
        self.opacity.blockSignals(False)

    def _item_checked(self, item) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if name in self.rasters:
            self.rasters[name].visible = item.checkState() == Qt.CheckState.Checked

    def _opacity_changed(self, value: int) -> None:
        layer = self.current_layer()
        if layer is not None:
            layer.opacity = value / 100

    def _move(self, step: int) -> None:
        name = self.current_name()
        if name is not None:
            index = self.rasters.index(name)
            self.rasters.move(index, index + step)
            self.select(name)

    def _remove(self) -> None:
        name = self.current_name()
        if name is not None:
            self.rasters.remove(name)
