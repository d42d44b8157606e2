"""VN-2000 CRS picker: province (pre-2025 or 2025 name) → central meridian → EPSG code.

Shared by the import and export dialogs. The province list only narrows the choice: a merged
2025 province offers each of its meridians and the planner picks one (nothing is assumed from a
name). WGS 84, VN-2000 geographic and UTM are always offered; ``extra`` codes (e.g. the project
CRS) come first.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from gis_app.core.crs import VN2000_TM3_EPSG
from gis_app.exchange import vn2000

OTHER_CODES = (4326, 4756, 3405, 3406, 32648, 32649)


@lru_cache(maxsize=None)
def crs_label(epsg: int) -> str:
    """'EPSG:9209 — VN-2000 / TM-3 105-30 (105°30′)'."""
    from pyproj import CRS

    name = CRS.from_epsg(epsg).name
    if epsg in VN2000_TM3_EPSG:
        meridian = next((p.label for p in vn2000.provinces() if p.epsg == epsg), None)
        if meridian is None:
            deg = vn2000.tm3_meridian(epsg)
            meridian = f"{int(deg)}°{round((deg - int(deg)) * 60):02d}′"
        return f"EPSG:{epsg} — {name} ({meridian})"
    return f"EPSG:{epsg} — {name}"


class CrsPicker(QWidget):
    """``epsg()`` is the chosen code; ``changed(int)`` fires on every change."""

    changed = Signal(int)

    def __init__(self, parent=None, extra: tuple[int, ...] = ()):
        super().__init__(parent)
        self.extra = tuple(extra)
        self.province_combo = QComboBox(self)
        self.province_combo.setEditable(True)  # type a name to jump to it
        self.province_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.crs_combo = QComboBox(self)
        for combo in (self.province_combo, self.crs_combo):  # long CRS names must not squeeze the labels
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.meridian_label = QLabel(self)
        self.meridian_label.setWordWrap(True)
        self.province_label, self.crs_label_widget = QLabel(self), QLabel(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.province_label, self.province_combo)
        form.addRow("", self.meridian_label)
        form.addRow(self.crs_label_widget, self.crs_combo)
        self._fill_provinces()
        self._fill_codes(self.all_codes())
        self.meridian_label.setVisible(False)
        self.province_combo.activated.connect(self._province_chosen)
        self.crs_combo.currentIndexChanged.connect(lambda _: self._emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.province_label.setText(self.tr("Province"))
        self.crs_label_widget.setText(self.tr("Coordinate system"))
        self.province_combo.setItemText(0, self.tr("(any province)"))

    # -- contents ---------------------------------------------------------------------------
    def all_codes(self) -> list[int]:
        codes = list(self.extra)
        for code in (*sorted(VN2000_TM3_EPSG, key=vn2000.tm3_meridian), *OTHER_CODES):
            if code not in codes:
                codes.append(code)
        return codes

    def _fill_provinces(self) -> None:
        self.province_combo.addItem("", None)
        for p in sorted(vn2000.provinces(), key=lambda p: p.province):
            self.province_combo.addItem(p.province, ("pre", p.province))
        for name in sorted(vn2000.provinces_2025()):
            self.province_combo.addItem(f"{name} (2025)", ("2025", name))

    def _fill_codes(self, codes) -> None:
        current = self.epsg()
        self.crs_combo.blockSignals(True)
        self.crs_combo.clear()
        for code in codes:
            self.crs_combo.addItem(crs_label(code), code)
        index = self.crs_combo.findData(current)
        self.crs_combo.setCurrentIndex(index if index >= 0 else 0)
        self.crs_combo.blockSignals(False)
        if self.epsg() != current:
            self._emit()

    def _set_meridian_text(self, text: str) -> None:
        self.meridian_label.setText(text)
        self.meridian_label.setVisible(bool(text))

    def _province_chosen(self, index: int) -> None:
        data = self.province_combo.itemData(index)
        if not data:
            self._set_meridian_text("")
            self._fill_codes(self.all_codes())
            return
        kind, name = data
        if kind == "pre":
            options = [p for p in vn2000.provinces() if p.province == name]
        else:
            options = vn2000.provinces_2025()[name]
        by_code = {}
        for p in options:
            by_code.setdefault(p.epsg, p)
        codes = list(by_code)
        text = ", ".join(f"{p.label} → EPSG:{code}" for code, p in by_code.items())
        if len(codes) > 1:
            text += "  " + self.tr("(merged province: choose the meridian of the data)")
        self._set_meridian_text(text)
        self._fill_codes(codes)

    # -- value ------------------------------------------------------------------------------
    def epsg(self) -> int | None:
        data = self.crs_combo.currentData()
        return int(data) if data is not None else None

    def set_epsg(self, epsg: int) -> None:
        """Select ``epsg``, widening the list to every code when the province filter hides it."""
        index = self.crs_combo.findData(epsg)
        if index < 0:
            self.province_combo.setCurrentIndex(0)
            self._set_meridian_text("")
            codes = self.all_codes()
            if epsg not in codes:
                codes.insert(0, epsg)
            self._fill_codes(codes)
            index = self.crs_combo.findData(epsg)
        self.crs_combo.setCurrentIndex(index)

    def set_province(self, name: str) -> None:
        """Programmatic province choice (pre-2025 name, or '<name> (2025)')."""
        index = self.province_combo.findText(name)
        if index >= 0:
            self.province_combo.setCurrentIndex(index)
            self._province_chosen(index)

    def _emit(self) -> None:
        code = self.epsg()
        if code is not None:
            self.changed.emit(code)
