"""Export dialog: one project layer to SHP/GPKG/GeoJSON/KML/DXF/CSV in a chosen CRS and encoding.

Writing runs in the task runner (``exchange.writers.write_dataset``: atomic, 254-byte check,
letters the legacy encoding lacks refused). Its notes (shortened field names, punctuation written
as ASCII look-alikes, CRS forced to WGS 84 for KML) are shown to the planner afterwards.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from gis_app.core.aliases import layer_title
from gis_app.exchange.encodings import OUTPUT_ENCODINGS

from ..tasks import TaskRunner
from .crs_picker import CrsPicker

FORMATS = (("shp", "ESRI Shapefile (*.shp)"), ("gpkg", "GeoPackage (*.gpkg)"), ("geojson", "GeoJSON (*.geojson)"),
           ("kml", "KML (*.kml)"), ("dxf", "DXF (*.dxf)"), ("csv", "CSV + WKT (*.csv)"))
ENCODED = ("shp", "csv")
WGS84_ONLY = ("kml",)


class ExportDialog(QDialog):
    def __init__(self, project, parent=None, layer: str | None = None, start_dir: str = ""):
        super().__init__(parent)
        self.project = project
        self.tasks = TaskRunner(self)
        self.written = None  # WriteResult after a successful export
        self.layer_combo = QComboBox(self)
        for name in project.layers:
            self.layer_combo.addItem(layer_title(name), name)  # the planner's name; data: the layer
        if layer in project.layers:
            self.layer_combo.setCurrentIndex(self.layer_combo.findData(layer))
        self.format_combo = QComboBox(self)
        for key, label in FORMATS:
            self.format_combo.addItem(label, key)
        self.path_edit = QLineEdit(self)
        browse = QPushButton("…", self)
        browse.setFixedWidth(32)
        browse.clicked.connect(self._browse)
        path_row = QWidget(self)
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        project_epsg = project.crs.to_epsg()
        self.picker = CrsPicker(self, extra=(project_epsg,) if project_epsg else ())
        if project_epsg:
            self.picker.set_epsg(project_epsg)
        self.encoding_combo = QComboBox(self)
        for name in OUTPUT_ENCODINGS:
            self.encoding_combo.addItem(name, name)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.labels = [QLabel(self) for _ in range(5)]
        form = QFormLayout()
        for label, widget in zip(self.labels, (self.layer_combo, self.format_combo, path_row, self.picker,
                                               self.encoding_combo)):
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.start_dir = start_dir
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.layer_combo.currentIndexChanged.connect(lambda _: self._suggest_path())
        self.retranslate()
        self._format_changed()
        self.setMinimumWidth(620)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export layer"))
        for label, text in zip(self.labels, (self.tr("Layer"), self.tr("Format"), self.tr("File"),
                                             self.tr("Target coordinate system"), self.tr("Text encoding"))):
            label.setText(text)

    def fmt(self) -> str:
        return self.format_combo.currentData()

    def _format_changed(self, _=None) -> None:
        fmt = self.fmt()
        self.encoding_combo.setEnabled(fmt in ENCODED)
        if fmt not in ENCODED:
            self.encoding_combo.setCurrentIndex(0)
        self.picker.setEnabled(fmt not in WGS84_ONLY)
        hints = {"shp": self.tr("UTF-8 writes a .cpg; TCVN3 and CP1258 are for older software. Field names "
                                "longer than 10 characters are shortened and kept in a .fields.json beside it."),
                 "kml": self.tr("KML is always in WGS 84 (EPSG:4326)."),
                 "gpkg": self.tr("Written as a KCN Planner project (added to it if the file exists).")}
        self.hint.setText(hints.get(fmt, ""))
        self._suggest_path()

    def _suggest_path(self) -> None:
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else Path(self.start_dir or Path.home())
        name = self.layer_combo.currentData() or "layer"
        self.path_edit.setText(str(folder / f"{name}.{self.fmt()}"))

    def _browse(self) -> None:
        label = dict(FORMATS)[self.fmt()]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export layer"), self.path_edit.text(), label)
        if path:
            if not path.lower().endswith("." + self.fmt()):
                path += "." + self.fmt()
            self.path_edit.setText(path)

    def values(self) -> dict:
        return {"layer": self.layer_combo.currentData(), "path": Path(self.path_edit.text().strip()),
                "to_crs": self.picker.epsg() if self.fmt() not in WGS84_ONLY else 4326,
                "encoding": self.encoding_combo.currentData() if self.fmt() in ENCODED else "utf-8"}

    def start_export(self) -> None:
        from gis_app.exchange.writers import write_dataset

        values = self.values()
        if not values["layer"] or not str(values["path"]).strip() or values["path"].name == "":
            return
        frame = self.project.layers[values["layer"]]
        id_column = next((c for c in ("parcel_id", "subzone_id", "zone_id") if c in frame.columns), None)

        def job(feedback):
            return write_dataset(frame, values["path"], values["layer"], values["encoding"], values["to_crs"],
                                 id_column=id_column)

        def done(result):
            self.written = result
            if result.notes:
                QMessageBox.information(self, self.tr("Exported with notes"), "\n".join(result.notes))
            self.accept()

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        task = self.tasks.run(job, title=self.tr("Exporting %1").replace("%1", values["path"].name), on_done=done)
        task.finished.connect(lambda *_: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True))
