"""File → Print layout…: edit a PrintLayout, see the page, export a true-scale PDF or 300 dpi PNG.

The preview is the real page (``render_preview``: ``render_pdf`` rasterised at 40 dpi, background
rasters read at that resolution) in a worker thread (the dialog's own task runner, without a progress
window), redone shortly after each change. When the
zone does not fit the paper at the chosen scale it is printed as a series of map sheets (the preview
shows sheet 1 and says how many), or, with "one sheet only", the core's message (which scale or paper
would fit) is shown in place of the preview. Export goes through the window's task runner (progress, Cancel).
Title, agency, logo, paper, orientation, scale, sheet mode and zone are remembered in the PrintLayout JSON.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import shiboken6

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from gis_app.cartography.layout import ORIENTATIONS, PAPER_SIZES_MM, SCALES, PrintLayout, load_layout, save_layout
from gis_app.core.errors import InputError

from ..tasks import TaskRunner

PREVIEW_DPI = 40
PREVIEW_DELAY_MS = 350
LOGO_FILTER = "Images (*.png *.jpg *.jpeg)"


def printable_project(window):
    """A shallow copy of the window's project with the canvas' layer state and only readable rasters,
    so a print shows what the map shows and a moved raster file does not stop it."""
    from layers.project_layers import store_state

    project = window.project.snapshot()  # the task reads it on another thread while editing goes on
    store_state(project, window.layers)
    backgrounds = getattr(window, "rasters", None)
    if backgrounds is not None:
        project.meta["rasters"] = [layer.entry() for layer in backgrounds.layers if not layer.error]
    return project


class PrintDialog(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.setObjectName("print_layout_dialog")
        self.runner = TaskRunner(self, show_dialogs=False)
        self.preview_task = None
        self._preview_again = False
        self._tmp = tempfile.TemporaryDirectory(prefix="kcn-preview-")
        self.paper, self.orientation, self.scale = QComboBox(self), QComboBox(self), QComboBox(self)
        self.zone, self.format, self.sheets = QComboBox(self), QComboBox(self), QComboBox(self)
        self.title_edit, self.agency_edit = QLineEdit(self), QLineEdit(self)
        self.logo_edit, self.out_edit = QLineEdit(self), QLineEdit(self)
        self.logo_button, self.out_button = QPushButton("…", self), QPushButton("…", self)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(420, 300)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #d9d9d9;")
        self.preview.setWordWrap(True)
        self.preview.setMargin(24)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a30000;")
        self.preview_image: QImage | None = None
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self._build()
        self._fill(load_layout())
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self.update_preview)
        for combo in (self.paper, self.orientation, self.scale, self.sheets, self.zone):
            combo.currentIndexChanged.connect(lambda *_: self._timer.start())
        for edit in (self.title_edit, self.agency_edit, self.logo_edit):
            edit.textChanged.connect(lambda *_: self._timer.start())
        self.format.currentIndexChanged.connect(self._format_changed)
        self.logo_button.clicked.connect(self._pick_logo)
        self.out_button.clicked.connect(self._pick_out)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.resize(980, 620)
        self._timer.start()

    # -- widgets ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Print layout"))
        for paper in PAPER_SIZES_MM:
            self.paper.addItem(paper, paper)
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.scale.addItem(self.tr("Fit to page"), None)
        for scale in SCALES:
            self.scale.addItem(f"1:{scale:,}".replace(",", "."), scale)
        self.sheets.addItem(self.tr("Series of map sheets if it does not fit"), "auto")
        self.sheets.addItem(self.tr("One sheet only"), "single")
        self.zone.addItem(self.tr("Whole project"), "")
        zones = self.window.project.zones
        for zone_id, name in zip(zones["zone_id"].astype(str), zones.get("name", zones["zone_id"]).astype(str)):
            self.zone.addItem(f"{zone_id} — {name}", zone_id)
        self.format.addItem(self.tr("Vector PDF"), "pdf")
        self.format.addItem(self.tr("PNG image, 300 dpi"), "png")
        self.title_edit.setPlaceholderText(self.tr("Map title"))
        self.agency_edit.setPlaceholderText(self.tr("Agency preparing the map"))
        self.export_button.setText(self.tr("Export"))
        self.close_button.setText(self.tr("Close"))
        self.logo_button.setToolTip(self.tr("Choose logo image"))
        self.out_button.setToolTip(self.tr("Choose output file"))
        form = QFormLayout()
        rows = [(self.tr("Paper"), self.paper), (self.tr("Orientation"), self.orientation),
                (self.tr("Scale"), self.scale), (self.tr("Sheets"), self.sheets), (self.tr("Zone"), self.zone), (self.tr("Title"), self.title_edit),
                (self.tr("Agency"), self.agency_edit), (self.tr("Logo"), _with_button(self.logo_edit, self.logo_button)),
                (self.tr("Format"), self.format), (self.tr("Output file"), _with_button(self.out_edit, self.out_button))]
        for label, widget in rows:
            form.addRow(label, widget)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.message)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)

    def _fill(self, layout: PrintLayout) -> None:
        self.paper.setCurrentIndex(max(0, self.paper.findData(layout.paper)))
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(layout.orientation)))
        self.scale.setCurrentIndex(max(0, self.scale.findData(layout.scale) if layout.scale else 0))
        self.sheets.setCurrentIndex(max(0, self.sheets.findData(layout.sheets)))
        # The zone selected on the map first, else the one printed last time.
        selected = self._selected_zone()
        self.zone.setCurrentIndex(max(0, self.zone.findData(selected or layout.zone_id or "")))
        self.title_edit.setText(layout.title)
        self.agency_edit.setText(layout.agency)
        self.logo_edit.setText(layout.logo_path)
        from ..algorithm_dialog import settings

        out = str(settings().value("print/out", "") or "")
        if not out:
            # The user's Documents folder, not the project's: the bundled sample lives in the program.
            from PySide6.QtCore import QStandardPaths

            base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            out = str(Path(base or Path.home()) / "ban_do.pdf")
        self.out_edit.setText(out)
        self.format.setCurrentIndex(1 if out.lower().endswith(".png") else 0)

    def _selected_zone(self) -> str:
        layers = self.window.layers
        if "zones" not in layers:
            return ""
        layer = layers["zones"]
        rows = layer.selected_rows()
        return str(layer.frame["zone_id"].iloc[int(rows[0])]) if len(rows) else ""

    def print_layout(self) -> PrintLayout:
        return PrintLayout(paper=self.paper.currentData(), orientation=self.orientation.currentData(),
                           scale=self.scale.currentData(), title=self.title_edit.text().strip(),
                           agency=self.agency_edit.text().strip(), logo_path=self.logo_edit.text().strip(),
                           zone_id=self.zone.currentData() or "", sheets=self.sheets.currentData())

    def _format_changed(self, *_):
        out = Path(self.out_edit.text() or "ban_do.pdf")
        self.out_edit.setText(str(out.with_suffix("." + self.format.currentData())))

    def _pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose logo image"), self.logo_edit.text(), LOGO_FILTER)
        if path:
            self.logo_edit.setText(path)

    def _pick_out(self) -> None:
        kind = self.format.currentData()
        pattern = "PDF (*.pdf)" if kind == "pdf" else "PNG (*.png)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Choose output file"), self.out_edit.text(), pattern)
        if path:
            if not path.lower().endswith("." + kind):
                path += "." + kind
            self.out_edit.setText(path)

    # -- preview ----------------------------------------------------------------------------------
    def _checked_layout(self) -> PrintLayout:
        layout = self.print_layout().validate()
        if layout.logo_path and not Path(layout.logo_path).is_file():
            raise InputError(self.tr("logo image not found"), layout.logo_path)
        return layout

    def update_preview(self) -> None:
        if self.preview_task is not None:  # one render at a time; redo once it is back
            self._preview_again = True
            return
        try:
            layout = self._checked_layout()
        except InputError as exc:
            self._show_problem(_problem_text(exc))
            return
        project = printable_project(self.window)
        png = Path(self._tmp.name) / "preview.png"

        def job(feedback):
            from gis_app.cartography.preview import render_preview

            try:
                info = render_preview(project, layout, png, dpi=PREVIEW_DPI, feedback=feedback)
            except InputError as exc:  # shown in the dialog, not as a message box
                return {"error": _problem_text(exc)}
            return {"png": str(png), "scale": info["scale"], "sheets": info.get("sheets", 1)}

        self.message.setText(self.tr("Rendering preview…"))
        self.preview_task = self.runner.run(job, on_done=self._preview_done)
        self.preview_task.finished.connect(self._preview_finished)

    def _preview_done(self, result: dict) -> None:
        if "error" in result:
            self._show_problem(result["error"])
            return
        self.preview_image = QImage(result["png"])
        self.preview.setStyleSheet("background: #d9d9d9;")
        self._show_image()
        self.message.setStyleSheet("color: #333;")
        scale = f"{result['scale']:,}".replace(",", ".")
        if result["sheets"] > 1:
            text = self.tr("Scale 1:%1, %2 map sheets (preview of sheet 1)").replace("%2", str(result["sheets"]))
        else:
            text = self.tr("Scale of the page: 1:%1")
        self.message.setText(text.replace("%1", scale))

    def _preview_finished(self, *_):
        self.preview_task = None
        if self._preview_again:
            self._preview_again = False
            self._timer.start()

    def _show_problem(self, text: str) -> None:
        """The reason the page cannot be printed, in place of the preview (it names what would fit)."""
        self.preview_image = None
        self.preview.clear()
        self.preview.setStyleSheet("background: #f3e4e4; color: #a30000; font-size: 13px;")
        self.preview.setText(text)
        self.message.setStyleSheet("color: #a30000;")
        self.message.setText(self.tr("This page cannot be printed:"))

    def problem(self) -> str:
        """The text shown instead of the preview, or '' when the page renders."""
        return self.preview.text() if self.preview_image is None else ""

    def _show_image(self) -> None:
        if self.preview_image is not None and not self.preview_image.isNull():
            pixmap = QPixmap.fromImage(self.preview_image)
            self.preview.setPixmap(pixmap.scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._show_image()

    # -- export -----------------------------------------------------------------------------------
    def export(self):
        """Render the page to the output file through the window's task runner; close when written."""
        try:
            layout = self._checked_layout()
            out = Path(self.out_edit.text().strip())
            if out.suffix.lower() not in (".pdf", ".png") or not out.name:
                raise InputError(self.tr("the output must be a .pdf or .png file"), out)
        except InputError as exc:
            self._show_problem(_problem_text(exc))
            return None
        self.remember()
        project = printable_project(self.window)
        # the export-pdf algorithm the CLI runs, on what the map shows (unsaved edits count)
        from gis_app.core.processing import registry

        values = {"project": project, "out": str(out), "paper": layout.paper, "orientation": layout.orientation,
                  "scale": layout.scale, "zone": layout.zone_id, "sheets": layout.sheets, "title": layout.title,
                  "agency": layout.agency, "logo": layout.logo_path}

        def done(result):
            info = dict(result["info"], written=result["files"])
            files = info["written"][0] if len(info["written"]) == 1 else \
                f"{info['written'][0]} … {Path(info['written'][-1]).name}"
            sheets = int(info.get("sheets", 1))
            text = self.tr("Wrote %1 (scale 1:%2, %3 sheets)") if sheets > 1 else self.tr("Wrote %1 (scale 1:%2)")
            text = text.replace("%1", files).replace("%2", str(info["scale"])).replace("%3", str(sheets))
            self.window.statusBar().showMessage(text, 15000)
            if shiboken6.isValid(self) and self.isVisible():  # the user may have closed it meanwhile
                self.accept()

        return self.window.tasks.run(registry().get("export-pdf"), values, title=self.tr("Export print layout"),
                                     on_done=done)

    def remember(self) -> None:
        from ..algorithm_dialog import settings

        try:
            save_layout(self.print_layout())
        except OSError:  # only a preference: never block printing over it
            pass
        settings().setValue("print/out", self.out_edit.text().strip())

    def done(self, result: int) -> None:
        self.remember()
        if self.preview_task is not None:
            self.preview_task.cancel()
            self.preview_task.wait()
        super().done(result)


def _problem_text(error: InputError) -> str:
    """The message without the CLI flag it names (``--scale: ...``); file paths stay."""
    path = str(error.path or "")
    return error.problem if path.startswith("--") else str(error)


def _with_button(edit: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit)
    row.addWidget(button)
    return box
