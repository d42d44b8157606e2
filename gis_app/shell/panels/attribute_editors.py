"""Typed editors for the attribute table (QGIS's edit widgets): lists for enumerations with labels in
the UI language, a calendar for dates, Có/Không for booleans, numbers in the UI language's format.

The value chosen goes to the project model (``Project.set_attributes``), which checks it against the
data model; the table never writes into a frame itself.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyledItemDelegate

from gis_app.core.editing import enum_values
from gis_app.core.i18n import t
from gis_app.core.schema import CANONICAL

NULL = "—"


def column_kind(layer: str, column: str) -> str:
    """"enum", "date", "bool", "float" or "str" for a field of a canonical layer (else "str")."""
    if enum_values(layer, column):
        return "enum"
    schema = CANONICAL.get(layer)
    return schema.columns.get(column, "str") if schema is not None else "str"


def parse_number(text: str) -> float:
    """A number typed in the UI language's format (vi 1.234,5; en 1,234.5); ValueError otherwise."""
    from PySide6.QtCore import QLocale

    from gis_app.core.i18n import get_language

    language = QLocale.Language.Vietnamese if get_language() == "vi" else QLocale.Language.English
    value, ok = QLocale(language).toDouble(text)
    if not ok:
        value, ok = QLocale.c().toDouble(text)  # 1234.5 as a script or CSV writes it
    if not ok:
        raise ValueError(text)
    return value


class TypedDelegate(QStyledItemDelegate):
    """Editors chosen by the field's type in the data model of the table's current layer."""

    def __init__(self, table, parent=None):
        super().__init__(parent)
        self.table = table  # the AttributeTable: knows the layer shown

    def _kind(self, index) -> tuple[str, str]:
        layer = self.table.current_layer()
        column = self.table.model.columns[index.column()]
        return column_kind(layer.name if layer is not None else "", column), column

    def createEditor(self, parent, option, index):
        kind, column = self._kind(index)
        layer = self.table.current_layer().name
        if kind == "enum":
            from gis_app.cartography.styling import value_label

            box = QComboBox(parent)
            box.addItem(NULL, None)
            for value in enum_values(layer, column):
                box.addItem(value_label(value), value)
            return box
        if kind == "bool":
            box = QComboBox(parent)
            for text, value in ((NULL, None), (t("Có", "Yes"), True), (t("Không", "No"), False)):
                box.addItem(text, value)
            return box
        if kind == "date":
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("dd/MM/yyyy" if t("vi", "en") == "vi" else "yyyy-MM-dd")
            return editor
        return QLineEdit(parent)

    def setEditorData(self, editor, index):
        value = index.model().raw(index)
        if isinstance(editor, QComboBox):
            found = editor.findData(None if _missing(value) else value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QDateEdit):
            day = pd.Timestamp(value).date() if not _missing(value) else dt.date.today()
            editor.setDate(QDate(day.year, day.month, day.day))
        else:
            editor.setText(index.model().data(index) or "")

    def setModelData(self, editor, model, index):
        kind, _ = self._kind(index)
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QDateEdit):
            value = editor.date().toPython()
        elif kind == "float":
            text = editor.text().strip()
            try:
                value = parse_number(text) if text else None
            except ValueError:
                value = text  # the model refuses it with a message naming the field
        else:
            value = editor.text() if editor.text() != "" else None
        model.setData(index, value, Qt.ItemDataRole.EditRole)


def _missing(value) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and pd.isna(value))
