"""File → New: a project name and its province; the province gives the VN-2000 TM-3 CRS.

The 34 provinces since 1 July 2025 and the 63 before are listed (``gis_app.exchange.vn2000``,
Circular 973/2001/TT-TCĐC meridians); a merged 2025 province that spans several meridians lets
the planner choose among them, nothing is guessed.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QRadioButton, QVBoxLayout, QWidget, QHBoxLayout)

from gis_app.core.crs import to_crs


class NewProjectDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        from gis_app.exchange.vn2000 import provinces, provinces_2025

        self._by_2025 = provinces_2025()
        self._pre = {p.province: p for p in provinces()}
        self.name = QLineEdit(self)
        self.after_2025 = QRadioButton(self)
        self.before_2025 = QRadioButton(self)
        self.after_2025.setChecked(True)
        era = QWidget(self)
        row = QHBoxLayout(era)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.after_2025)
        row.addWidget(self.before_2025)
        self.province = QComboBox(self)
        self.meridian = QComboBox(self)
        self.crs_label = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        for label, widget in zip(self.labels, (self.name, era, self.province, self.meridian)):
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.crs_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.after_2025.toggled.connect(self._fill_provinces)
        self.province.currentIndexChanged.connect(self._fill_meridians)
        self.meridian.currentIndexChanged.connect(self._show_crs)
        self.retranslate()
        self._fill_provinces()

    def retranslate(self):
        self.setWindowTitle(self.tr("New project"))
        for label, text in zip(self.labels, (self.tr("Name"), self.tr("Provinces"), self.tr("Province"),
                                             self.tr("Central meridian"))):
            label.setText(text)
        self.after_2025.setText(self.tr("34 provinces (from 1 July 2025)"))
        self.before_2025.setText(self.tr("63 provinces (before 2025)"))

    def _fill_provinces(self, *_):
        self.province.blockSignals(True)
        self.province.clear()
        names = sorted(self._by_2025) if self.after_2025.isChecked() else sorted(self._pre)
        self.province.addItems(names)
        self.province.blockSignals(False)
        if "Hải Dương" in names:
            self.province.setCurrentText("Hải Dương")
        elif "Hải Phòng" in names:
            self.province.setCurrentText("Hải Phòng")
        self._fill_meridians()

    def _fill_meridians(self, *_):
        name = self.province.currentText()
        options = self._by_2025.get(name, []) if self.after_2025.isChecked() else \
            ([self._pre[name]] if name in self._pre else [])
        self.meridian.blockSignals(True)
        self.meridian.clear()
        for p in options:
            self.meridian.addItem(f"{p.label} — EPSG:{p.epsg}", p.epsg)
        self.meridian.blockSignals(False)
        self.meridian.setEnabled(len(options) > 1)
        self._show_crs()

    def _show_crs(self, *_):
        epsg = self.epsg()
        self.crs_label.setText(f"EPSG:{epsg} {to_crs(epsg).name}" if epsg else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(epsg is not None)

    def epsg(self) -> int | None:
        return self.meridian.currentData()

    def project(self):
        """The new, empty project (call after the dialog was accepted)."""
        from gis_app.core.project import Project

        return Project.new(crs=self.epsg(), name=self.name.text().strip() or self.tr("Untitled"),
                           province=self.province.currentText())


def new_project_dialog(window) -> None:
    from . import window_actions as actions

    if not actions.confirm_discard(window):
        return
    dialog = NewProjectDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        actions.show_project(window, dialog.project())
