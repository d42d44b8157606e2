"""Print layouts, background rasters and the web map in the desktop shell (issue 5, Qt side).

``install(window)`` adds the File menu entries (Print layout…, Add raster background…, Export web
map…), the "Background rasters" box under the layer panel and the canvas underlay; the window calls
``window.printing.show_project(project)`` when a project is shown and ``retranslate()`` on a
language switch. The work itself is in ``gis_app.cartography`` (Qt-free).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QFrame, QMessageBox, QScrollArea

from gis_app.shell.user_files import start_path

RASTER_FILTER = "GeoTIFF (*.tif *.tiff);;*"
WEB_FILTER = "HTML (*.html)"


class PrintingTools(QObject):
    def __init__(self, window):
        super().__init__(window)
        from .raster_panel import RasterPanel
        from .rasters import RasterBackgrounds

        self.window = window
        self.backgrounds = window.rasters = RasterBackgrounds(window)
        self.panel = RasterPanel(self.backgrounds.layers)
        # Shown whole (its opacity row was cut off when the dock was short): the layer list above gives
        # way instead, down to a few rows; the scroll area only serves a dock made shorter still.
        self.panel_area = QScrollArea(window.layer_panel)
        self.panel_area.setWidget(self.panel)
        self.panel_area.setWidgetResizable(True)
        self.panel_area.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_area.setMinimumHeight(self.panel.minimumSizeHint().height() + 4)
        self.panel_area.setMaximumHeight(self.panel.sizeHint().height() + 4)
        window.layer_panel.list.setMinimumHeight(4 * window.layer_panel.list.fontMetrics().height() + 8)
        window.layer_panel.layout().addWidget(self.panel_area)
        self.panel.add_requested.connect(self.add_raster_dialog)
        menu = window.file_menu
        before = window.quit_action  # keep Quit last
        self.print_action = QAction(window)
        self.print_action.setShortcut("Ctrl+P")
        self.raster_action, self.web_action = QAction(window), QAction(window)
        self.print_action.triggered.connect(self.print_dialog)
        self.raster_action.triggered.connect(self.add_raster_dialog)
        self.web_action.triggered.connect(self.export_web_dialog)
        menu.insertAction(before, self.raster_action)
        menu.insertSeparator(before)
        menu.insertAction(before, self.print_action)
        menu.insertAction(before, self.web_action)
        menu.insertSeparator(before)

    def retranslate(self) -> None:
        self.print_action.setText(self.tr("Print layout…"))
        self.raster_action.setText(self.tr("Add raster background…"))
        self.web_action.setText(self.tr("Export web map…"))
        self.panel.retranslate()

    def show_project(self, project) -> None:
        self.backgrounds.show_project(project)

    # -- actions ----------------------------------------------------------------------------------
    def print_dialog(self):
        from .print_dialog import PrintDialog

        dialog = PrintDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # not exec(): the preview and export tasks run while it is up
        return dialog

    def add_raster_dialog(self) -> None:
        start = start_path(Path(self.window.project.path).parent if self.window.project.path else None)
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Add raster background"), start, RASTER_FILTER)
        for path in paths:
            layer = self.backgrounds.add_file(path)
            if layer is not None:
                self.panel.select(layer.name)

    def export_web_dialog(self):
        start = start_path(Path(self.window.project.path).with_suffix(".html") if self.window.project.path else None,
                           f"{self.window.project.name or 'ban_do'}.html")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export web map"), start, WEB_FILTER)
        if not path:
            return None
        if not path.lower().endswith((".html", ".htm")):
            path += ".html"
        return self.export_web(path)

    def export_web(self, path):
        """Write the offline web map in the task runner; then say where it is and offer its folder."""
        from .print_dialog import printable_project

        from gis_app.core.processing import registry

        project, out = printable_project(self.window), Path(path)

        def done(result):
            written = result["out"]
            text = self.tr("Web map written to %1").replace("%1", str(written))
            self.window.statusBar().showMessage(text, 15000)
            answer = QMessageBox.information(self.window, self.tr("Export web map"), text,
                                             QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Ok,
                                             QMessageBox.StandardButton.Ok)
            if answer == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(written).parent)))

        # the export-web algorithm the CLI runs, on what the map shows (unsaved edits count)
        return self.window.tasks.run(registry().get("export-web"), {"project": project, "out": str(out)},
                                     title=self.tr("Export web map"), on_done=done)


def install(window) -> PrintingTools:
    window.printing = PrintingTools(window)
    return window.printing
