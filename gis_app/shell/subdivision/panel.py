"""The Subdivision dock: start buttons, the preview's metrics with Accept/Discard, lot edits."""
from __future__ import annotations

from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)


from gis_app.core.numbers import fmt_m2, fmt_number, fmt_share


class SubdivisionPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.metrics: dict | None = None
        self.zone_button, self.draw_button = QPushButton(self), QPushButton(self)
        self.zone_button.setObjectName("subdivide_zone")
        self.draw_button.setObjectName("subdivide_drawn")
        self.preview_box = QGroupBox(self)
        self.site_label = QLabel(self.preview_box)
        self.site_label.setWordWrap(True)
        self.table = QTableWidget(0, 2, self.preview_box)
        self.table.horizontalHeader().setVisible(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.accept_button, self.discard_button = QPushButton(self), QPushButton(self)
        self.accept_button.setObjectName("accept_layout")
        self.discard_button.setObjectName("discard_layout")
        box = QVBoxLayout(self.preview_box)
        box.addWidget(self.site_label)
        box.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.discard_button)
        box.addLayout(row)
        self.edit_box = QGroupBox(self)
        self.merge_button, self.split_button, self.renumber_button = QPushButton(self), QPushButton(self), \
            QPushButton(self)
        self.hint = QLabel(self.edit_box)
        self.hint.setWordWrap(True)
        edits = QVBoxLayout(self.edit_box)
        for widget in (self.hint, self.merge_button, self.split_button, self.renumber_button):
            edits.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.zone_button)
        layout.addWidget(self.draw_button)
        layout.addWidget(self.preview_box)
        layout.addWidget(self.edit_box)
        layout.addStretch(1)
        self.show_metrics(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.zone_button.setText(self.tr("Subdivide vacant land of the selected zone…"))
        self.draw_button.setText(self.tr("Subdivide a drawn polygon…"))
        self.preview_box.setTitle(self.tr("Preview"))
        self.accept_button.setText(self.tr("Accept"))
        self.discard_button.setText(self.tr("Discard"))
        self.edit_box.setTitle(self.tr("Edit lots"))
        self.hint.setText(self.tr("Select lots on the map (Shift+click adds a lot)."))
        self.merge_button.setText(self.tr("Merge lots"))
        self.split_button.setText(self.tr("Split lot by line"))
        self.renumber_button.setText(self.tr("Renumber lots"))
        self.show_metrics(self.metrics, self.site_label.property("site"))

    def rows(self) -> list[tuple[str, str]]:
        m = self.metrics
        ok = self.tr("yes") if m["guarantees_ok"] else self.tr("NO")
        return [
            (self.tr("Lots"), fmt_number(m["lots"])),
            (self.tr("Lot share of the site"), fmt_share(m.get("lot_share"))),
            (self.tr("Geometric bound"), fmt_share(m.get("lot_share_bound"))),
            (self.tr("Lot share / bound"), fmt_share(m.get("lot_share_of_bound"))),
            (self.tr("Smallest lot"), fmt_m2(m.get("min_lot_m2"))),
            (self.tr("Mean lot"), fmt_m2(m.get("mean_lot_m2"))),
            (self.tr("Largest lot"), fmt_m2(m.get("max_lot_m2"))),
            (self.tr("Valid lots"), f"{fmt_number(m['valid_lots'])} / {fmt_number(m['lots'])}"),
            (self.tr("Mean rectangularity"), fmt_number(m.get("mean_rectangularity", 0), 3)),
            (self.tr("95th percentile depth / frontage"), fmt_number(m.get("p95_depth_ratio", 0), 2)),
            (self.tr("Guarantees met"), ok),
        ] + self.balance_rows()

    def balance_rows(self) -> list[tuple[str, str]]:
        """The land-use balance of a layout (class: ha, %) and, for a whole park, its QCVN check."""
        m = self.metrics
        if not m or "balance" not in m:
            return []
        from gis_app.subdivision.balance import table_rows

        rows = [(self.tr("Land-use balance"), self.tr("ha · %"))]
        rows += [(label, f"{ha} · {pct}%") for label, ha, pct in table_rows(m["balance"])]
        if "qcvn_ok" in m:  # a whole park's check; SME lots in a subzone are not a park
            rows.append((self.tr("QCVN 01:2021 land use"), self.tr("met") if m["qcvn_ok"] else self.tr("NOT met")))
        return rows

    def show_metrics(self, metrics: dict | None, site: str | None = None) -> None:
        self.metrics = metrics
        self.site_label.setProperty("site", site)
        self.preview_box.setEnabled(metrics is not None)
        self.site_label.setText(site or self.tr("No preview: start a subdivision above."))
        rows = self.rows() if metrics is not None else []
        self.table.setRowCount(len(rows))
        for i, (label, value) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(label))
            self.table.setItem(i, 1, QTableWidgetItem(value))
        # tall enough to show every metric without scrolling
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * max(len(rows), 4) + 6)

    def value_of(self, label: str) -> str | None:
        """The shown value of the metric labelled ``label`` (for tests and screen readers)."""
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).text() == label:
                return self.table.item(i, 1).text()
        return None
