"""Charts beside the tables: fill rate by zone (sorted) and high-tech/CNHT shares against the 20% line.

The images come from ``gis_app.reports.charts`` (matplotlib, Qt-free, as in the PDF report), rendered
as PNG in a task runner without a progress dialog, one render at a time; a render whose inputs changed
meanwhile is redone. They follow the check result, the kind chosen and the selected zone (outlined).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..tasks import TaskRunner

KINDS = ("KCN", "CCN")


class ChartsWidget(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.runner = TaskRunner(self, show_dialogs=False)
        self.kind_caption = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems(list(KINDS))
        self.kind_combo.activated.connect(lambda _: self.refresh())
        self.fill_label, self.reservation_label = QLabel(), QLabel()
        body = QWidget()
        column = QVBoxLayout(body)
        for label in (self.fill_label, self.reservation_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            column.addWidget(label)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.kind_caption)
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        self.rendered_key = None  # (result id, kind, zone, language) of the images shown
        self.renders = 0
        self._busy = False
        self._again = False
        controller.result_changed.connect(self.refresh)
        controller.zone_changed.connect(self._zone_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.kind_caption.setText(self.tr("Zones of kind:"))
        self.refresh()  # chart titles and axes are in the UI language

    def kind(self) -> str:
        return self.kind_combo.currentText()

    def _zone_changed(self) -> None:
        zone = self.controller.zone()
        if zone is not None and zone["kind"] in KINDS and zone["kind"] != self.kind():
            self.kind_combo.setCurrentText(zone["kind"])  # show the chart the selected zone is in
        self.refresh()

    def _key(self):
        from gis_app.core.i18n import get_language

        return (id(self.controller.result), self.kind(), self.controller.zone_id, get_language())

    def refresh(self) -> None:
        result = self.controller.result
        if result is None:
            self.fill_label.setText(self.tr("No check result yet."))
            self.reservation_label.clear()
            self.rendered_key = self._key()
            return
        if self._busy:
            self._again = True
            return
        self._busy, self._again = True, False
        key, kind, selected = self._key(), self.kind(), self.controller.zone_id
        width_in = max(4.0, (self.scroll.viewport().width() - 8) / 100)

        def render(feedback):
            from gis_app.reports.charts import fill_rate_chart, reservation_chart

            fill = fill_rate_chart(result, kind, selected, fmt="png", dpi=100, width_in=width_in)
            feedback.check_canceled()
            return fill, reservation_chart(result, kind, selected, fmt="png", dpi=100, width_in=width_in)

        task = self.runner.run(render, on_done=lambda images: self._show(images, key))
        task.finished.connect(lambda *_: self._finished())

    def _show(self, images, key) -> None:
        if not shiboken6.isValid(self):  # the window was closed while the charts were rendering
            return
        for label, data in zip((self.fill_label, self.reservation_label), images):
            pixmap = QPixmap()
            pixmap.loadFromData(data, "PNG")
            label.setPixmap(pixmap)
        self.rendered_key = key
        self.renders += 1

    def _finished(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        if self._again or self.rendered_key != self._key():
            self.refresh()

    def up_to_date(self) -> bool:
        return not self._busy and self.rendered_key == self._key()
