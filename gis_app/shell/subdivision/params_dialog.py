"""The subdivision parameter form; values are remembered in QSettings (``subdivision/<name>``)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLineEdit, QVBoxLayout

from gis_app.subdivision.params import SubdivisionParams, parse_lot_mix

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
        self.lot_mix = QLineEdit(str(stored.value(KEY.format("lot_mix"), "") or ""), self)
        self.lot_mix.setObjectName("lot_mix")
        self.lot_mix.setPlaceholderText("500-1000:0.3,1000-5000:0.5,5000-10000:0.2")
        form.insertRow(1, self.tr("Lot mix (LOW-HIGH:SHARE, …)"), self.lot_mix)
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

    def params(self) -> SubdivisionParams:
        """The parameters entered; InputError (naming --lot-mix) for a bad lot mix."""
        values = {name: spin.value() for name, spin in self.spins.items()}
        return SubdivisionParams(lot_mix=parse_lot_mix(self.lot_mix.text(), values["min_lot"]), **values)

    def remember(self) -> None:
        stored = settings()
        for name, spin in self.spins.items():
            stored.setValue(KEY.format(name), spin.value())
        stored.setValue(KEY.format("lot_mix"), self.lot_mix.text().strip())
