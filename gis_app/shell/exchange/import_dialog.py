"""Import dialog: encoding (detected, overridable live), CRS (confirmed by the planner when the file
has none), field mapping onto the canonical schema, geometry check with opt-in repair.

Every read runs in the task runner: the preview (``exchange.preview.preview_import``) when the
dialog opens or the encoding/layer changes, the final read (``readers.read_dataset``) on OK.
The result (``ImportResult``) is handed to ``on_imported``; the dialog never touches the project.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from gis_app.exchange.encodings import ENCODINGS

# Code pages offered besides the Vietnamese ones (any Python codec name works from the CLI).
OTHER_ENCODINGS = ("cp1252", "iso8859-1", "cp1250", "cp1251", "cp874", "cp932", "cp936", "cp949", "cp950")
from gis_app.exchange.field_mapping import FieldMapping, MappingStore

from ..tasks import TaskRunner
from .crs_picker import CrsPicker
from .mapping_table import MappingTable

LAYERED_FORMATS = (".gpkg",)
ENCODED_FORMATS = (".shp", ".dxf", ".csv", ".zip")


@dataclass
class ImportResult:
    path: Path
    layer_name: str  # project layer to create (or canonical layer to extend)
    frame: object  # GeoDataFrame, mapped, in the file's CRS
    target_layer: str  # "", "zones", "subzones", "parcels"
    summary: str
    notes: list


def without_cli_hint(reason: str) -> str:
    """The core's reasons mention the CLI's --repair; here the checkbox does that."""
    return reason.replace(" (dùng --repair để sửa)", "").replace(" (use --repair to fix)", "")


def list_feature_layers(path: Path) -> list[str]:
    import pyogrio

    try:
        return [name for name, gtype in pyogrio.list_layers(path) if gtype is not None]
    except Exception:  # the preview's own read will report the problem with its message
        return []


class ImportDialog(QDialog):
    shapes_read = Signal(object, str, object)  # path, layer name, GeoSeries (None: drop the preview)

    def __init__(self, path, parent=None, project_crs: int | None = None, zone_ids=(), on_imported=None,
                 store: MappingStore | None = None, on_geometry=None):
        super().__init__(parent)
        self.path = Path(path)
        self.store = store or MappingStore()
        self.on_imported = on_imported
        self.on_geometry = on_geometry  # (path, name, shapes or None): the shapes before the attributes
        if on_geometry is not None:
            self.shapes_read.connect(on_geometry)  # queued: emitted from the import thread
        self.preview = None
        self.imported: ImportResult | None = None
        self.tasks = TaskRunner(self)
        self.pending = None  # the running task, if any
        self.setMinimumWidth(760)
        self._build(project_crs, zone_ids)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:  # room for the field mapping and the accounting, even at 1366x768
            self.resize(min(940, screen.width() - 40), min(720, screen.height() - 60))
        self.retranslate()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self, project_crs, zone_ids) -> None:
        self.file_label = QLabel(str(self.path), self)
        self.layer_combo = QComboBox(self)
        self.layered = self.path.suffix.lower() in LAYERED_FORMATS
        self.layer_combo.setVisible(self.layered)
        self.layer_combo.activated.connect(lambda _: self.refresh())
        # encoding
        self.encoding_box = QGroupBox(self)
        self.detected_label = QLabel(self)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.addItem("", "auto")
        for name in ENCODINGS:
            self.encoding_combo.addItem(name, name)
        for name in OTHER_ENCODINGS:  # code page names as printed on Windows ("CP1250", "ISO8859-1")
            self.encoding_combo.addItem(name.upper(), name)
        self.encoding_combo.setEnabled(self.path.suffix.lower() in ENCODED_FORMATS)
        self.encoding_combo.activated.connect(lambda _: self.refresh())
        self.names_list = QListWidget(self)  # takes the spare height: the names show the decoding
        self.encoding_override_label = QLabel(self)
        enc = QFormLayout(self.encoding_box)
        enc.addRow(self.detected_label)
        enc.addRow(self.encoding_override_label, self.encoding_combo)
        enc.addRow(self.names_list)
        # CRS
        self.crs_box = QGroupBox(self)
        self.crs_status = QLabel(self)
        self.crs_status.setWordWrap(True)
        self.candidates = QTreeWidget(self)
        self.candidates.setColumnCount(2)
        self.candidates.setRootIsDecorated(False)
        self.candidates.setMaximumHeight(130)
        self.candidates.currentItemChanged.connect(self._candidate_chosen)
        self.candidate_reason = QLabel(self)  # the whole reason of the chosen candidate (the column is cut)
        self.candidate_reason.setWordWrap(True)
        self.picker = CrsPicker(self, extra=(project_crs,) if project_crs else ())
        self.picker.changed.connect(lambda _: self._update_ok())
        self.confirm_crs = QCheckBox(self)
        self.confirm_crs.toggled.connect(lambda _: self._update_ok())
        crs = QVBoxLayout(self.crs_box)
        for widget in (self.crs_status, self.candidates, self.candidate_reason, self.picker, self.confirm_crs):
            crs.addWidget(widget)
        # mapping
        self.mapping_box = QGroupBox(self)
        self.mapping_table = MappingTable(self)
        self.mapping_table.changed.connect(self._mapping_changed)
        self.name_edit = QLineEdit(self.path.stem, self)
        self.zone_combo = QComboBox(self)
        self.zone_combo.addItem("", None)
        for zone_id in zone_ids:
            self.zone_combo.addItem(str(zone_id), str(zone_id))
        self.name_label, self.zone_label = QLabel(self), QLabel(self)
        extra = QFormLayout()
        extra.addRow(self.name_label, self.name_edit)
        extra.addRow(self.zone_label, self.zone_combo)
        mapping = QVBoxLayout(self.mapping_box)
        mapping.addWidget(self.mapping_table)
        mapping.addLayout(extra)
        # geometry
        self.geometry_box = QGroupBox(self)
        self.counts_label = QLabel(self)
        self.issues_list = QListWidget(self)
        self.repair_check = QCheckBox(self)
        geometry = QVBoxLayout(self.geometry_box)
        for widget in (self.counts_label, self.issues_list, self.repair_check):
            geometry.addWidget(widget)
        # accounting: what becomes of fields, unreadable values and entities that are not areas
        self.account_box = QGroupBox(self)
        self.account_list = QListWidget(self)
        self.account_list.setWordWrap(True)
        self.account_list.setMaximumHeight(90)
        self.issues_list.setMaximumHeight(90)
        QVBoxLayout(self.account_box).addWidget(self.account_list)
        self.notes_label = QLabel(self)
        self.notes_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.encoding_box)
        left.addWidget(self.crs_box)
        right.addWidget(self.mapping_box, 3)  # the mapping needs the height; the lists scroll
        right.addWidget(self.geometry_box, 1)
        right.addWidget(self.account_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        top = QFormLayout()
        top.addRow(self.file_label)
        top.addRow(self.layer_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import layer: %1").replace("%1", self.path.name))
        self.encoding_box.setTitle(self.tr("Text encoding"))
        self.encoding_override_label.setText(self.tr("Decode as"))
        self.encoding_combo.setItemText(0, self.tr("automatic (detected)"))
        self.crs_box.setTitle(self.tr("Coordinate system"))
        self.candidates.setHeaderLabels([self.tr("Candidate"), self.tr("Why")])
        self.confirm_crs.setText(self.tr("I confirm this coordinate system for the file"))
        self.mapping_box.setTitle(self.tr("Fields"))
        self.name_label.setText(self.tr("Layer name"))
        self.zone_label.setText(self.tr("Zone of these parcels"))
        self.geometry_box.setTitle(self.tr("Geometry check"))
        self.repair_check.setText(self.tr("Repair invalid geometries"))
        self.account_box.setTitle(self.tr("Kept, renamed and not read"))

    # -- preview --------------------------------------------------------------------------------
    def encoding(self) -> str:
        return self.encoding_combo.currentData() or "auto"

    def refresh(self) -> None:
        """Re-read the file for the preview with the current layer and encoding choice."""
        from gis_app.exchange.preview import preview_import

        path, layer, encoding, store = self.path, self.layer_combo.currentData(), self.encoding(), self.store
        want_layers = self.layered and layer is None

        def job(feedback):
            from gis_app.exchange.readers import EncodingRequired

            layers = list_feature_layers(path) if want_layers else None
            chosen = layer or (layers[0] if layers else None)
            try:
                return layers, preview_import(path, chosen, None, encoding, store=store)
            except EncodingRequired as exc:  # not an error box (it names --encoding): the choice is here
                return layers, exc

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.pending = self.tasks.run(job, title=self.tr("Reading %1").replace("%1", path.name),
                                      on_done=self._show_preview)
        self.pending.finished.connect(self._preview_finished)

    def _preview_finished(self, result, error) -> None:
        self.pending = None
        if error is not None and self.preview is None:
            self.reject()  # the file cannot be read at all: the message box said why
        self._update_ok()

    def _show_preview(self, result) -> None:
        from gis_app.exchange.readers import EncodingRequired

        layers, preview = result
        if isinstance(preview, EncodingRequired):  # stay open: the planner picks the encoding here
            self.preview = None
            self.names_list.clear()
            self.detected_label.setText(self.tr("Choose the encoding: none decodes the text cleanly."))
            self.encoding_combo.setEnabled(True)
            self.encoding_combo.setFocus()
            self._update_ok()
            return
        if layers:
            self.layer_combo.clear()
            for name in layers:
                self.layer_combo.addItem(name, name)
            self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findData(preview.layer)))
        new_source = self.preview is None or preview.layer != self.preview.layer  # not just a re-decode
        self.preview = preview
        self._show_encoding(preview)
        if new_source:
            self._show_crs(preview)
            self.mapping_table.set_mapping(preview.mapping, preview.columns, preview.sample)
            if self.layered:
                self.name_edit.setText(preview.layer)
        self._show_geometry(preview)
        self._show_account(preview)
        self._mapping_changed()
        self.notes_label.setText("\n".join(preview.notes))
        self._update_ok()

    def _show_encoding(self, preview) -> None:
        detection = preview.encoding
        self.names_list.clear()
        if detection is None:
            self.detected_label.setText(self.tr("No text to decode."))
            return
        if self.encoding() == "auto" and detection.declared and detection.encoding == detection.declared:
            self.detected_label.setText(self.tr("%1, as declared in %2").replace("%1", detection.encoding)
                                        .replace("%2", detection.declared_by))
        elif self.encoding() == "auto":
            self.detected_label.setText(self.tr("Detected: %1 (confidence %2%)").replace("%1", detection.encoding)
                                        .replace("%2", f"{detection.confidence * 100:.0f}"))
        else:
            self.detected_label.setText(self.tr("Decoded as %1 (your choice)").replace("%1", detection.encoding))
        names = self._sample_texts(preview) or [str(v) for v in detection.preview if str(v).strip()]
        self.names_list.addItems(names[:10])

    @staticmethod
    def _sample_texts(preview) -> list[str]:
        """Decoded text values of the first rows, those with Vietnamese letters first (they show
        whether the decoding is right; ids and codes do not)."""
        if preview.sample is None:
            return []
        values = [v for column in preview.sample.columns for v in preview.sample[column]
                  if isinstance(v, str) and v.strip()]
        values = list(dict.fromkeys(values))
        return [v for v in values if not v.isascii()] + [v for v in values if v.isascii()]

    def _show_crs(self, preview) -> None:
        self.candidates.clear()
        if preview.crs_epsg is not None:
            self.crs_status.setText(self.tr("The file says: EPSG:%1 (%2)").replace("%1", str(preview.crs_epsg))
                                    .replace("%2", preview.crs_reason))
            self.picker.set_epsg(preview.crs_epsg)
            self.candidates.setVisible(False)
            self.candidate_reason.setVisible(False)
            self.confirm_crs.setVisible(False)
            self.confirm_crs.setChecked(True)
            return
        self.crs_status.setText(self.tr("The file has no usable coordinate system. Choose one (candidates "
                                        "ranked by where they put the data) and confirm it."))
        self.candidates.setVisible(True)
        self.candidate_reason.setVisible(True)
        self.confirm_crs.setVisible(True)
        self.confirm_crs.setChecked(False)
        for candidate in preview.candidates:
            item = QTreeWidgetItem([f"EPSG:{candidate.epsg} {candidate.name}", candidate.reason])
            item.setData(0, 256, candidate.epsg)
            item.setToolTip(1, candidate.reason)
            self.candidates.addTopLevelItem(item)
        if preview.candidates:
            self.candidates.setCurrentItem(self.candidates.topLevelItem(0))
            self.candidates.resizeColumnToContents(0)
        self.confirm_crs.setChecked(False)  # choosing the top candidate is not a confirmation

    def _candidate_chosen(self, item, _previous=None) -> None:
        if item is not None:
            self.picker.set_epsg(int(item.data(0, 256)))
            self.candidate_reason.setText(f"{item.text(0)}: {item.text(1)}")

    def _show_geometry(self, preview) -> None:
        report = preview.report
        self.issues_list.clear()
        if report is None:
            return
        self.counts_label.setText(self.tr("Read %1, importable %2, rejected %3").replace("%1", str(report.read))
                                  .replace("%2", str(report.imported)).replace("%3", str(report.rejected_count)))
        for issue in report.rejected:
            self.issues_list.addItem(f"{issue.feature_id}: {without_cli_hint(issue.reason)}")

    def _show_account(self, preview) -> None:
        """Every field renamed or dropped, every value that could not be read, every entity not read."""
        self.account_list.clear()
        lines = preview.account.details(200)
        if not lines:
            lines = [self.tr("All fields and values are kept as they are.")]
        self.account_list.addItems(lines)

    def _mapping_changed(self) -> None:
        target = self.mapping_table.target()
        self.name_edit.setEnabled(not target)
        needs_zone = target == "parcels" and "zone_id" not in self.mapping_table.mapping().fields.values()
        self.zone_combo.setEnabled(needs_zone)
        self._update_ok()

    def _update_ok(self) -> None:
        ready = self.preview is not None and self.pending is None and self.picker.epsg() is not None and \
            (self.preview.crs_epsg is not None or self.confirm_crs.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ready))

    # -- import ---------------------------------------------------------------------------------
    def chosen_crs(self) -> int | None:
        if self.preview is None:
            return None
        if self.preview.crs_epsg is not None and self.picker.epsg() == self.preview.crs_epsg:
            return None  # the file's own CRS: let the reader keep its reason
        return self.picker.epsg()

    def start_import(self) -> None:
        from gis_app.exchange.field_mapping import apply_mapping
        from gis_app.exchange.geometry_first import read_dataset_geometry_first

        if self.preview is None:
            return
        path, layer, crs, encoding = self.path, self.preview.layer, self.chosen_crs(), self.encoding()
        repair = self.repair_check.isChecked()
        mapping: FieldMapping = self.mapping_table.mapping()
        columns = list(self.preview.columns)
        zone_id = self.zone_combo.currentData() if self.zone_combo.isEnabled() else None
        name = self.name_edit.text().strip() or path.stem
        layer_arg = layer if path.suffix.lower() in LAYERED_FORMATS else None

        # The shapes are drawn as soon as they are read (a temporary layer, replaced by the result).
        early = None if self.on_geometry is None else (
            lambda shapes: self.shapes_read.emit(path, mapping.target_layer or name, shapes))

        def job(feedback):
            # facilities may be points (CONTRACTS.md, second round); every other target is polygons
            dataset = read_dataset_geometry_first(path, layer_arg, crs, encoding, repair=repair, on_geometry=early,
                                                  polygons_only=mapping.target_layer != "facilities")
            feedback.check_canceled()
            frame = apply_mapping(dataset.frame, mapping, {"zone_id": zone_id}) if mapping.target_layer \
                else dataset.frame
            notes = list(dataset.notes)
            return ImportResult(path, mapping.target_layer or name, frame, mapping.target_layer,
                                dataset.report.summary(), notes + dataset.report.details(20)
                                + dataset.account.entity_details())

        def done(result: ImportResult):
            self.store.put(columns, mapping)  # remembered for the next file of the same shape
            self.imported = result
            if self.on_imported is not None and self.on_imported(result) is False:
                if self.on_geometry is not None:
                    self.on_geometry(path, name, None)
                return  # the project refused it (message shown); let the planner change the choices
            self.accept()

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.pending = self.tasks.run(job, title=self.tr("Importing %1").replace("%1", path.name), on_done=done)
        self.pending.finished.connect(self._import_finished)

    def _import_finished(self, result, error) -> None:
        self.pending = None
        if error is not None and self.on_geometry is not None:
            self.on_geometry(self.path, "", None)  # failed or cancelled: no half-read layer stays
        self._update_ok()
