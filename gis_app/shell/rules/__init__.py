"""Rules and fill rates in the window: the "Zone" dock, the charts dock, the compliance map style,
the subzone hatches and the Rules menu (load a rule set, export the compliance report).

``install_rules(window)`` wires everything into the main window; the logic stays in ``gis_app.rules``
and ``gis_app.reports`` (Qt-free), the check runs in the window's task runner.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu


class RulesUi(QObject):
    def __init__(self, window):
        super().__init__(window)
        from .charts_dock import ChartsWidget
        from .controller import RulesController
        from .hatch import paint_compliance_outlines, paint_reservation_hatches
        from .zone_dock import ZoneDockWidget

        self.window = window
        self.controller = RulesController(window)
        self.zone_widget = ZoneDockWidget(self.controller)
        self.charts_widget = ChartsWidget(self.controller)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.zone_dock = self._dock(self.zone_widget, "rules_zone", right)
        # Charts beside the attribute table.
        self.charts_dock = self._dock(self.charts_widget, "rules_charts", Qt.DockWidgetArea.BottomDockWidgetArea)
        window.splitDockWidget(window.table_dock, self.charts_dock, Qt.Orientation.Horizontal)
        window.canvas.renderer.overlays += [paint_reservation_hatches, paint_compliance_outlines]
        self.menu = QMenu(window)
        window.menuBar().insertMenu(window.language_menu.menuAction(), self.menu)
        self.load_action = self._action(self.controller.load_ruleset_dialog)
        self.default_action = self._action(lambda: self.controller.load_ruleset_file(None))
        self.province_action = self._action(self.show_province_findings)
        self.menu.addSeparator()
        self.compliance_action = self._action(self.controller.set_compliance_mode, checkable=True)
        self.controller.map_mode_changed.connect(
            lambda: self.compliance_action.setChecked(self.controller.compliance_mode()))
        self.menu.addSeparator()
        self.compute_travel_action = self._action(self.controller.compute_travel_dialog)
        self.load_travel_action = self._action(self.controller.load_travel_dialog)
        self.menu.addSeparator()
        self.report_action = self._action(self.controller.export_report_dialog)
        window.installEventFilter(self)
        window.resizeDocks([self.zone_dock, self.charts_dock], [430, 520], Qt.Orientation.Horizontal)
        window.resizeDocks([window.table_dock], [300], Qt.Orientation.Vertical)

    def show_province_findings(self):
        """Findings about facilities and plan targets (not one zone), in the UI language."""
        from .province_dialog import ProvinceFindingsDialog

        self.province_dialog = ProvinceFindingsDialog(self.controller.result, self.window)
        self.controller.result_changed.connect(
            lambda: self.province_dialog.show_result(self.controller.result))
        self.province_dialog.show()
        return self.province_dialog

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self.finish_tasks()
            elif event.type() == QEvent.Type.DeferredDelete:  # the window goes: start nothing new
                self.controller.closed = self.charts_widget.closed = True
                self.finish_tasks()
        return False

    def _running(self) -> list:
        tasks = [self.controller.task] + list(self.charts_widget.runner.tasks)
        return [task for task in tasks if task is not None and not task.done]

    def finish_tasks(self) -> None:
        """Let the running check and chart renders end and deliver their results while the window
        still exists (a QThread must not be destroyed running; a late result needs its widgets).
        A delivered result may start a chart render: that one is waited for too."""
        for _ in range(5):
            running = self._running()
            if not running:
                return
            for task in running:
                task.wait(30000)
            QCoreApplication.sendPostedEvents()

    def wait_idle(self, timeout_s: float = 30.0) -> None:
        """Process events until the check and the charts are done (headless screenshots)."""
        import time

        deadline = time.monotonic() + timeout_s
        app = QCoreApplication.instance()
        while time.monotonic() < deadline:
            app.processEvents()
            busy = self.controller._pending.isActive() or (self.controller.task and not self.controller.task.done)
            if not busy and self.charts_widget.up_to_date():
                return
            self.finish_tasks()

    def _dock(self, widget, name, area) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def _action(self, slot, checkable=False) -> QAction:
        action = QAction(self.window)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Rules"))
        self.load_action.setText(self.tr("Rule sets…"))
        self.default_action.setText(self.tr("Use the default rule sets"))
        self.province_action.setText(self.tr("Province-wide findings (facilities, plan targets)…"))
        self.compliance_action.setText(self.tr("Colour zones by compliance"))
        self.compliance_action.setChecked(self.controller.compliance_mode())
        self.report_action.setText(self.tr("Export compliance report…"))
        self.compute_travel_action.setText(self.tr("Compute travel times to assembly plants (R5)…"))
        self.load_travel_action.setText(self.tr("Load travel times (R5)…"))
        self.zone_dock.setWindowTitle(self.tr("Zone"))
        self.charts_dock.setWindowTitle(self.tr("Charts"))
        self.zone_widget.retranslate()
        self.charts_widget.retranslate()


def install_rules(window) -> RulesUi:
    return RulesUi(window)
