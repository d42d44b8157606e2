"""The subdivision parameter form; values are remembered in QSettings (``subdivision/<name>``)."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QLineEdit, QVBoxLayout)

from gis_app.core.errors import InputError
from gis_app.core.i18n import t
from gis_app.subdivision.params import SubdivisionParams, parse_lot_mix

PRESETS = ("cnht", "kcn", "ccn")

from ..algorithm_dialog import settings

# name, minimum, maximum, step, decimals (defaults come from SubdivisionParams)
NUMBERS = (("min_lot", 100.0, 100000.0, 100.0, 0), ("frontage", 1.0, 200.0, 1.0, 1),
           ("frontage_large", 1.0, 200.0, 1.0, 1), ("max_depth_ratio", 0.5, 20.0, 0.5, 2),
           ("road_width", 4.0, 100.0, 1.0, 1), ("hightech_share", 0.0, 0.9, 0.05, 2),
           ("green_buffer", 0.0, 200.0, 5.0, 1))
KEY = "subdivision/{}"


class SubdivisionParamsDialog(QDialog):
    def __init__(self, parent=None, title: str = ""):
        super().__init__(parent)
        self.setObjectName("subdivision_params")
        self.setWindowTitle(title or self.tr("Subdivision parameters"))
        defaults = SubdivisionParams()
        form = QFormLayout()
        self.spins: dict[str, QDoubleSpinBox] = {}
        labels = self._labels()
        stored = settings()
        for name, low, high, step, decimals in NUMBERS:
            spin = QDoubleSpinBox(self)
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(decimals)
            try:
                spin.setValue(float(stored.value(KEY.format(name), getattr(defaults, name))))
            except (TypeError, ValueError):  # a damaged setting: fall back to the default
                spin.setValue(getattr(defaults, name))
            self.spins[name] = spin
            form.addRow(labels[name], spin)
        # the layout preset: SME lots (cnht) or a whole park to QCVN 01:2021 (kcn, ccn)
        self.preset = QComboBox(self)
        self.preset.setObjectName("preset")
        for key, label in zip(PRESETS, (self.tr("CNHT: SME lots on roads"),
                                        self.tr("KCN: a whole industrial park (QCVN 01:2021)"),
                                        self.tr("CCN: a whole industrial cluster (QCVN 01:2021)"))):
            self.preset.addItem(label, key)
        stored_preset = str(stored.value(KEY.format("preset"), "cnht") or "cnht")
        self.preset.setCurrentIndex(PRESETS.index(stored_preset) if stored_preset in PRESETS else 0)
        self.entrance = QLineEdit(self)
        self.entrance.setObjectName("entrance")
        self.entrance.setPlaceholderText(self.tr("X,Y (empty: nearest existing road)"))
        self.pick_entrance = QCheckBox(self.tr("Pick the entrance on the map after Run"), self)
        self.pick_entrance.setObjectName("pick_entrance")
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()
        self.lot_mix = QLineEdit(str(stored.value(KEY.format("lot_mix"), "") or ""), self)
        self.lot_mix.setObjectName("lot_mix")
        self.lot_mix.setPlaceholderText("500-1000:0.3,1000-5000:0.5,5000-10000:0.2")
        form.insertRow(0, self.tr("Layout preset"), self.preset)
        form.insertRow(1, self.tr("Entrance"), self.entrance)
        form.insertRow(2, "", self.pick_entrance)
        form.insertRow(4, self.tr("Lot mix (LOW-HIGH:SHARE, …)"), self.lot_mix)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Run"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _labels(self) -> dict:
        return {"min_lot": self.tr("Minimum lot (m²)"), "frontage": self.tr("Frontage, lots under 1,000 m² (m)"),
                "frontage_large": self.tr("Frontage, lots from 1,000 m² (m)"),
                "max_depth_ratio": self.tr("Maximum depth / frontage"), "road_width": self.tr("Road width (m)"),
                "hightech_share": self.tr("High-tech reserve share (0–0.9)"),
                "green_buffer": self.tr("Green buffer along the boundary (m)")}

    def _preset_changed(self) -> None:
        park = self.preset_key() != "cnht"
        self.entrance.setEnabled(park)
        self.pick_entrance.setEnabled(park)

    def preset_key(self) -> str:
        return str(self.preset.currentData() or "cnht")

    def entrance_point(self):
        """The typed entrance as a Point, None when empty; InputError naming --entrance otherwise."""
        import shapely

        text = self.entrance.text().strip()
        if not text or self.preset_key() == "cnht":
            return None
        try:
            x, y = (float(v) for v in text.replace(";", ",").split(","))
        except ValueError:
            raise InputError(t("cần X,Y (vd. 579500,2315400)", "expected X,Y (e.g. 579500,2315400)"), "--entrance")
        return shapely.Point(x, y)

    def params(self):
        """The parameters entered: ``SubdivisionParams`` (cnht) or ``ParkParams`` (kcn, ccn, with the
        minimum lot, road width, high-tech share and green strip taken over when set); InputError
        (naming --lot-mix) for a bad lot mix."""
        values = {name: spin.value() for name, spin in self.spins.items()}
        if self.preset_key() == "cnht":
            return SubdivisionParams(lot_mix=parse_lot_mix(self.lot_mix.text(), values["min_lot"]), **values)
        from gis_app.subdivision import park

        # a spin left at 0 keeps the preset's default (10 m strip; kcn: 20 % high-tech reserve)
        pp = park.preset_params(self.preset_key(), green_strip=values["green_buffer"] or None,
                                hightech_share=values["hightech_share"] or None)
        if self.lot_mix.text().strip():
            pp = park.replace(pp, lot_mix=parse_lot_mix(self.lot_mix.text(), pp.min_lot))
        return pp

    def remember(self) -> None:
        stored = settings()
        for name, spin in self.spins.items():
            stored.setValue(KEY.format(name), spin.value())
        stored.setValue(KEY.format("lot_mix"), self.lot_mix.text().strip())
        stored.setValue(KEY.format("preset"), self.preset_key())
