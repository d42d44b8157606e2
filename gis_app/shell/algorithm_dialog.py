"""A parameter form built from any Algorithm's ``params``; values are remembered in QSettings.

Every registered operation gets a "Processing" menu entry that opens this dialog, so new
algorithms are usable from the GUI the moment they are registered. Each typed parameter of
``gis_app.core.processing`` gets its widget here: a destination file a Save dialog, an enumeration a
combo of labels in the UI language, a number a spin box with its range and unit in the UI number
format, a date a dd/MM/yyyy date edit, a CRS an editable list checked by pyproj, a zone id a combo of
the project's zones. OK checks every value with the parameter's own ``validate``.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QSettings
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QMessageBox, QPushButton,
                               QSpinBox, QScrollArea, QVBoxLayout, QWidget, QLabel)

from gis_app.core.aliases import choice_label
from gis_app.core.errors import InputError
from gis_app.core.i18n import get_language
from gis_app.core.processing import Algorithm, Param

# CRSs a Hai Duong planner meets: VN-2000 provincial TM-3 zones, VN-2000 geographic, WGS 84, UTM 48N
COMMON_CRS = ("EPSG:9209", "EPSG:9210", "EPSG:3405", "EPSG:4756", "EPSG:4326", "EPSG:32648")
from gis_app.shell.user_files import start_path

ORGANISATION, APPLICATION = "KCN Planner", "KCN Planner"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


_NO_DATE = QDate(1900, 1, 1)


def _optional(p: Param) -> bool:
    """Not required and without a default: leaving it empty lets the algorithm decide."""
    return not p.required and p.default is None


def _is_output(p: Param, algorithm: Algorithm | None = None) -> bool:
    """A destination (Save dialog): declared by the algorithm, else named like one."""
    if algorithm is not None and algorithm.is_destination(p):
        return True
    return p.name in ("out", "output") or p.name.startswith("out_") or p.name.endswith("_out")


class _PathEdit(QWidget):
    def __init__(self, param: Param, parent=None, algorithm: Algorithm | None = None):
        super().__init__(parent)
        self.param, self.algorithm = param, algorithm
        self.edit = QLineEdit(self)
        button = QPushButton("…", self)
        button.setFixedWidth(32)
        button.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(button)

    def _browse(self):
        pick = QFileDialog.getSaveFileName if _is_output(self.param, self.algorithm) else QFileDialog.getOpenFileName
        path, _ = pick(self, self.param.label(), start_path(self.edit.text() or None))
        if path:
            self.edit.setText(path)


def ui_locale() -> QLocale:
    """The locale of the UI language: spin boxes show 1.234,5 in Vietnamese, 1,234.5 in English."""
    language = QLocale.Language.Vietnamese if get_language() == "vi" else QLocale.Language.English
    return QLocale(language, QLocale.Country.Vietnam if get_language() == "vi" else QLocale.Country.UnitedKingdom)


def _choice_text(p: Param, value) -> str:
    own = getattr(p, "choice_label", None)  # an Enumeration labels its own choices
    return own(value) if own is not None else choice_label(value)


class AlgorithmDialog(QDialog):
    """The form of ``algorithm``; ``zones`` lists the open project's (zone_id, name) pairs for zone ids."""

    def __init__(self, algorithm: Algorithm, parent=None, initial: dict | None = None,
                 zones: list[tuple[str, str]] | None = None):
        super().__init__(parent)
        self.algorithm = algorithm
        self.zones = list(zones or [])
        self.setWindowTitle(algorithm.title)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        remembered = settings()
        for p in algorithm.params:
            editor = self._editor(p, algorithm, self.zones)
            value = (initial or {}).get(p.name)
            if value is None:
                value = remembered.value(self._key(p), p.default)
            self._set(p, editor, value)
            self.editors[p.name] = editor
            label = p.label() + (" *" if p.required else "")
            editor.setToolTip(f"{p.help_text()} ({'--' + p.name.replace('_', '-') if not p.positional else p.name})")
            form.addRow(label, editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # the form scrolls when it is taller than a laptop screen; OK/Cancel always stay in view
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(algorithm.title))
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = (screen.height() if screen is not None else 768) - 80
        hint = body.sizeHint()
        self.resize(min(max(hint.width() + 40, 420), 900), min(hint.height() + 110, limit))

    def _key(self, p: Param) -> str:
        return f"algorithms/{self.algorithm.name}/{p.name}"

    @staticmethod
    def _editor(p: Param, algorithm: Algorithm | None = None, zones: list | None = None) -> QWidget:
        if p.kind == "path":
            return _PathEdit(p, algorithm=algorithm)
        if p.kind in ("int", "float"):
            w = QSpinBox() if p.kind == "int" else QDoubleSpinBox()
            w.setLocale(ui_locale())
            if p.kind == "float":  # lengths and areas to the centimetre; ratios and shares finer
                w.setDecimals(2 if getattr(p, "unit", "") else 4)
            lo, hi = getattr(p, "minimum", None), getattr(p, "maximum", None)
            lo = -1_000_000_000 if lo is None else lo
            if _optional(p):  # one step below the range stands for "not given": the algorithm's default
                lo -= 1 if p.kind == "int" else 10 ** -w.decimals()
                w.setSpecialValueText(AlgorithmDialog.tr_auto())
            w.setRange(lo, 1_000_000_000 if hi is None else hi)
            if hi is not None and hi <= 1 and p.kind == "float":
                w.setSingleStep(0.05)
            if getattr(p, "unit", ""):
                w.setSuffix(" " + p.unit)
            w.setGroupSeparatorShown(True)
            return w
        if p.kind == "zone":
            w = QComboBox()
            w.setEditable(True)  # a zone of another project file may be typed
            w.addItem("", None)
            for zone_id, name in zones or []:
                w.addItem(f"{zone_id} — {name}" if name else zone_id, zone_id)
            return w
        if p.kind == "crs":
            w = QComboBox()
            w.setEditable(True)
            w.addItem("")
            w.addItems(COMMON_CRS)
            return w
        if p.kind == "bool":
            return QCheckBox()
        if p.kind == "choice":
            w = QComboBox()
            if not p.required:  # not chosen: the algorithm's default, said in words (not an empty box)
                w.addItem(AlgorithmDialog.tr_auto(), None)
            for c in p.choices:
                w.addItem(_choice_text(p, c), c)
            return w
        if p.kind == "date":
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy")
            if _optional(p):
                w.setMinimumDate(_NO_DATE)
                w.setSpecialValueText(AlgorithmDialog.tr_auto())
            return w
        return QLineEdit()

    @staticmethod
    def tr_auto() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("AlgorithmDialog", "(default)")

    @staticmethod
    def _set(p: Param, editor: QWidget, value) -> None:
        if value is None or value == "":
            if p.kind == "date":
                editor.setDate(_NO_DATE if _optional(p) else QDate.currentDate())
            elif p.kind in ("int", "float"):
                editor.setValue(editor.minimum() if _optional(p) else 0)
            return
        if p.kind == "path":
            editor.edit.setText(str(value))
        elif p.kind == "int":
            editor.setValue(int(value))
        elif p.kind == "float":
            editor.setValue(float(value))
        elif p.kind == "bool":
            editor.setChecked(str(value).lower() in ("true", "1"))
        elif p.kind == "choice":  # items show labels, hold values
            index = editor.findData(value)
            editor.setCurrentIndex(max(index if index >= 0 else editor.findText(str(value)), 0))
        elif p.kind == "date":
            editor.setDate(QDate.fromString(str(value)[:10], "yyyy-MM-dd"))
        elif p.kind == "zone":
            index = editor.findData(str(value))
            if index >= 0:
                editor.setCurrentIndex(index)
            else:
                editor.setEditText(str(value))
        elif p.kind == "crs":
            editor.setEditText(str(value))
        else:
            editor.setText(str(value))

    def values(self) -> dict:
        out = {}
        for p in self.algorithm.params:
            e = self.editors[p.name]
            if p.kind == "path":
                v = e.edit.text().strip() or None
            elif p.kind in ("int", "float"):
                v = None if _optional(p) and e.value() == e.minimum() else e.value()
            elif p.kind == "bool":
                v = e.isChecked()
            elif p.kind == "choice":
                v = e.currentData()
            elif p.kind == "date":
                v = None if _optional(p) and e.date() == _NO_DATE else \
                    dt.date.fromisoformat(e.date().toString("yyyy-MM-dd"))
            elif p.kind == "zone":
                index = e.findText(e.currentText())
                v = e.itemData(index) if index > 0 else (e.currentText().strip() or None)
            elif p.kind == "crs":
                v = e.currentText().strip() or None
            else:
                v = e.text().strip() or None
            out[p.name] = v
        return out

    def checked_values(self) -> dict:
        """The values, each through its parameter's ``validate``; InputError names the first bad one."""
        values = self.values()
        for p in self.algorithm.params:
            if values.get(p.name) not in (None, ""):
                values[p.name] = p.validate(values[p.name])
        return values

    def accept(self):
        try:
            self.checked_values()
        except InputError as exc:  # stay open on the form, the message names the field's option
            QMessageBox.warning(self, self.algorithm.title, str(exc))
            return
        remembered = settings()
        for name, value in self.values().items():
            p = next(p for p in self.algorithm.params if p.name == name)
            if value is None:
                remembered.remove(self._key(p))
            else:
                remembered.setValue(self._key(p), str(value))
        super().accept()
