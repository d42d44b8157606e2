"""Charts beside the tables: fill rate by zone (sorted) and high-tech/CNHT shares against the 20% line.

The images come from ``gis_app.reports.charts`` (matplotlib, Qt-free, as in the PDF report), rendered
as PNG in a task runner without a progress dialog, one render at a time; a render whose inputs changed
meanwhile is redone. They observe the project model: its CHECKED event (a new result published by
whoever ran the check) and RELOADED; they follow the kind chosen and the selected zone (outlined).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from gis_app.core.model import CHECKED, RELOADED

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
        # side by side in a wide dock (beside the attribute table), stacked in a tall one
        self.charts_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        for label in (self.fill_label, self.reservation_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.charts_box.addWidget(label, 1)
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
        self._resized = QTimer(self, singleShot=True, interval=250, timeout=self._refit)
        self.rendered_width = 0
        self.rendered_key = None  # (result id, kind, zone, language) of the images shown
        self.renders = 0
        self.closed = False  # the window is going away: no new render
        self._busy = False
        self._again = False
        self.project = None
        self._unsubscribe = None
        controller.zone_changed.connect(self._zone_changed)
        self.attach(controller.window.project)
        controller.window.project_shown.connect(lambda: self.attach(controller.window.project))
        self.retranslate()

    def attach(self, project) -> None:
        """Observe ``project`` (the window's model); a window opening another project re-attaches."""
        if project is self.project:
            return
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.project = project
        self._unsubscribe = project.subscribe(self._event)
        self.refresh()

    def _event(self, event) -> None:
        if not shiboken6.isValid(self):  # the window went away while the model lives on (a script)
            return
        if event.kind in (CHECKED, RELOADED):
            self.refresh()

    def result(self) -> dict | None:
        """The check result the model holds (None before the first check)."""
        return getattr(self.project, "check_result", None)

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

        return (id(self.result()), self.kind(), self.controller.zone_id, get_language())

    def refresh(self) -> None:
        if self.closed:
            return
        result = self.result()
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
        width_px = self.chart_width()
        width_in = max(3.5, width_px / 100)

        def render(feedback):
            from gis_app.reports.charts import fill_rate_chart, reservation_chart

            fill = fill_rate_chart(result, kind, selected, fmt="png", dpi=100, width_in=width_in)
            feedback.check_canceled()
            return fill, reservation_chart(result, kind, selected, fmt="png", dpi=100, width_in=width_in)

        task = self.runner.run(render, on_done=lambda images: self._show(images, key, width_px))
        task.finished.connect(lambda *_: self._finished())

    def side_by_side(self) -> bool:
        return self.width() > 1.3 * self.height()

    def chart_width(self) -> int:
        """Pixels per chart: the viewport less a scroll bar, halved when side by side."""
        margins = self.charts_box.contentsMargins()
        width = (self.scroll.viewport().width() - self.scroll.verticalScrollBar().sizeHint().width()
                 - margins.left() - margins.right() - 4)
        return max(200, (width - self.charts_box.spacing()) // 2 if self.side_by_side() else width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.charts_box.setDirection(QBoxLayout.Direction.LeftToRight if self.side_by_side()
                                     else QBoxLayout.Direction.TopToBottom)
        self._resized.start()

    def _refit(self) -> None:
        if abs(self.chart_width() - self.rendered_width) > 40:  # re-render at the new size
            self.rendered_key = None
            self.refresh()

    def _show(self, images, key, width_px: int = 0) -> None:
        if not shiboken6.isValid(self):  # the window was closed while the charts were rendering
            return
        for label, data in zip((self.fill_label, self.reservation_label), images):
            pixmap = QPixmap()
            pixmap.loadFromData(data, "PNG")
            label.setPixmap(pixmap)
        self.rendered_key, self.rendered_width = key, width_px
        self.renders += 1

    def _finished(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        if self._again or self.rendered_key != self._key():
            self.refresh()

    def up_to_date(self) -> bool:
        return not self._busy and self.rendered_key == self._key()
