"""What the main window's menus and mouse do: open/save projects, add layers, select, identify.

Plain functions taking the window, so the window class stays about layout and labels.
"""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from gis_app.core.aliases import display_value, field_label, layer_title
from gis_app.core.errors import InputError
from gis_app.core.project import Project
from gis_app.exchange.readers import read_dataset
from gis_app.store import is_database_address
from layers.project_layers import display_frame, is_illustrative, layers_from_project, store_state
from layers.vector.model import VectorLayer

from .user_files import is_program_file, start_path

log = logging.getLogger(__name__)
PROJECT_FILTER = "GeoPackage (*.gpkg)"


_tr = QCoreApplication.translate  # lupdate finds the _tr("MainWindow", ...) calls via -tr-function-alias


def show_error(window, error: BaseException) -> None:
    QMessageBox.warning(window, _tr("MainWindow", "Cannot continue"), str(error))


# -- project ----------------------------------------------------------------------------------
def show_project(window, project: Project) -> None:
    """Put ``project`` on screen: layers, zone list, illustrative marks, saved view."""
    if getattr(window, "subdivision", None) is not None:  # a preview or undo step of the old project is void
        window.subdivision.discard()
        window.undo_stack.clear()
    window.project = project
    window.model_bridge.attach(project)
    window.zone_panel.attach(project)  # the legend observes the model
    layers_from_project(project, window.layers)
    window.illustrative = is_illustrative(project)
    window.printing.show_project(project)  # background rasters (gis_app/shell/printing)
    refresh_zone_panel(window)
    if "zones" in window.layers:
        set_active_layer(window, "zones")
    extent = project.view.get("extent")
    window.canvas.zoom_to(tuple(extent) if extent and len(extent) == 4 else window.canvas.full_extent())
    window.set_modified(False)
    window.retranslate()
    window.project_shown.emit()


def remove_current_layer(window) -> None:
    """Remove the layer chosen in the layer panel from the project (undoable)."""
    layer = window.layer_panel.current_layer()
    if layer is None:
        return
    try:
        window.project.remove_layer(layer.name)
    except InputError as exc:
        show_error(window, exc)


def delete_selected_features(window) -> None:
    """Delete the selected features of the attribute table's layer (one undo step)."""
    from gis_app.core.editing import feature_ids

    tool = getattr(getattr(window, "editing", None), "tool", None)
    if getattr(tool, "picked", None) is not None:  # the vertex tool holds a vertex: Delete removes it
        tool.key_pressed(Qt.Key.Key_Delete)
        return
    layer = window.attribute_table.current_layer()
    if layer is None or layer.name not in window.project.layers or not layer.selected.any():
        return
    ids = list(feature_ids(layer.frame, layer.name)[layer.selected_rows()])
    try:
        window.project.delete_features(layer.name, ids)
    except InputError as exc:
        show_error(window, exc)


def edit_attribute(window, layer_name: str, row: int, column: str, value) -> bool:
    """An edit typed in the attribute table, as one model step; a refused value shows why."""
    from gis_app.core.editing import feature_ids

    if layer_name not in window.layers or layer_name not in window.project.layers:
        return False
    feature_id = feature_ids(window.layers[layer_name].frame, layer_name)[row]
    try:
        window.project.set_attributes(layer_name, [feature_id], {column: value})
    except InputError as exc:
        QMessageBox.warning(window, _tr("MainWindow", "Cannot edit"), str(exc))
        return False
    return True


def refresh_map(window) -> None:
    """F5: redraw every layer from the model."""
    for name in list(window.layers.names()):
        if name in window.project.layers:
            window.model_bridge.refresh_layer(name)
    refresh_zone_panel(window)
    window.canvas.update()


def refresh_zone_panel(window) -> None:
    project = window.project
    zones = project.zones
    rates = project.fill_rates() if len(zones) else None
    style = window.layers["zones"].style if "zones" in window.layers else {}
    window.zone_panel.set_zones(zones, rates if rates is not None else zones.iloc[0:0], style,
                                window.illustrative)


def is_project_file(path) -> bool:
    """A GeoPackage carrying KCN Planner's project table (not just any GeoPackage of layers)."""
    import sqlite3

    from gis_app.core.project import META_TABLE

    if not str(path).lower().endswith(".gpkg") or not Path(path).is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (META_TABLE,)).fetchone() is not None
    except sqlite3.Error:
        return False


def load_project(window, path) -> bool:
    try:
        project = Project.open(path)  # a geographic project is refused with the TM-3 CRS to use
    except InputError as exc:
        show_error(window, exc)
        return False
    show_project(window, project)
    return True


def open_project_dialog(window) -> None:
    if not confirm_discard(window):
        return
    path, _ = QFileDialog.getOpenFileName(window, _tr("MainWindow", "Open project"), start_path(), PROJECT_FILTER)
    if path:
        # Read in the task runner (a big project must not freeze the window), show in the UI thread.
        window.tasks.run(lambda feedback: Project.open(path), title=_tr("MainWindow", "Open project"),
                         on_done=lambda project: show_project(window, project))


def save_project(window, path=None) -> bool:
    path = path or window.project.path or getattr(window.project, "address", None)
    if path is None or (not is_database_address(str(path)) and is_program_file(path)):
        return save_project_as(window)  # never write into the program folder (the bundled sample)
    store_state(window.project, window.layers, window.canvas.view.extent)
    from .store import save_in_background

    # Off the UI thread with progress; problems (disk full, read-only folder, a file QGIS holds open)
    # come as a message from the task runner and the project stays open.
    return save_in_background(window, path)


def save_project_as(window) -> bool:
    start = start_path(window.project.path, f"{window.project.name or 'du_an'}.gpkg")
    path, _ = QFileDialog.getSaveFileName(window, _tr("MainWindow", "Save project as"), start, PROJECT_FILTER)
    if not path:
        return False
    if not path.lower().endswith(".gpkg"):
        path += ".gpkg"
    return save_project(window, path)


def confirm_discard(window) -> bool:
    """True when it is fine to drop the current project (saved, or the user said so)."""
    if not window.modified:
        return True
    answer = QMessageBox.question(
        window, _tr("MainWindow", "Unsaved changes"), _tr("MainWindow", "The project has unsaved changes. Save them first?"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return save_project(window)
    return answer == QMessageBox.StandardButton.Discard


# -- layers -----------------------------------------------------------------------------------
def add_layer_dialog(window) -> None:
    from .exchange.actions import import_layers_dialog

    import_layers_dialog(window)  # file picker, then the exchange import dialog per file


def add_layer_file(window, path) -> bool:
    """Import a file without questions (the exchange reader; a file without CRS is refused, invalid
    geometries are rejected and counted); errors as a message box. The GUI uses the import dialog."""
    path = Path(path)
    try:
        dataset = read_dataset(path)
        frame = dataset.frame
        name = _free_name(window, path.stem)
        window.project.add_layer(name, frame)  # one undo step; the model bridge puts it on the map
    except InputError as exc:
        show_error(window, exc if exc.path else InputError(exc.problem, path))
        return False
    except Exception as exc:  # our bug, but the app must survive it
        log.exception("adding layer %s failed", path)
        show_error(window, InputError(f"{type(exc).__name__}: {exc}", path))
        return False
    layer = window.layers[name]
    window.canvas.zoom_to(layer.extent)
    window.statusBar().showMessage(_tr("MainWindow", "Added layer %1 (%2 features)").replace("%1", name)
                                   .replace("%2", str(len(layer))), 5000)
    return True


def _free_name(window, stem: str) -> str:
    """A layer name not yet used; never a canonical name (zones/subzones/parcels have a contract)."""
    from gis_app.core.schema import CANONICAL

    name, i = stem, 2
    while name in window.project.layers or name in CANONICAL:
        name, i = f"{stem}_{i}", i + 1
    return name


def zoom_to_layer(window) -> None:
    layer = window.layer_panel.current_layer()
    if layer is not None:
        window.canvas.zoom_to(layer.extent)


def zoom_to_selection(window) -> None:
    extents = [layer.selection_extent() for layer in window.layers if layer.selected.any()]
    extents = [e for e in extents if e is not None]
    if extents:
        window.canvas.zoom_to((min(e[0] for e in extents), min(e[1] for e in extents),
                               max(e[2] for e in extents), max(e[3] for e in extents)))


def set_active_layer(window, name: str) -> None:
    """Make ``name`` the active layer (as in QGIS): the layer list's current row; the attribute table
    and map clicks follow it."""
    window.layer_panel.select_layer(name)
    window.attribute_table.show_layer(name)


def select_zone(window, zone_id: str) -> None:
    """Select a zone picked in the zone list (the active layer stays what the user made it)."""
    if "zones" not in window.layers:
        return
    layer = window.layers["zones"]
    rows = np.flatnonzero(layer.frame["zone_id"].astype(str).to_numpy() == zone_id)
    layer.select(rows)
    window.canvas.zoom_to(layer.selection_extent())


# -- canvas clicks ----------------------------------------------------------------------------
def canvas_clicked(window, x: float, y: float, modifiers) -> None:
    tolerance = window.canvas.pixel_tolerance()
    if window.identify_action.isChecked():
        identify(window, x, y, tolerance)
        return
    add = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
    layer = window.layer_panel.current_layer()  # a click selects on the active layer only (as in QGIS)
    if layer is None:
        return
    rows = layer.rows_at(x, y, tolerance if not _polygonal(layer) else 0.0) if layer.visible else np.empty(0, int)
    if rows.size:
        layer.select(rows[-1:], add=add)  # Shift adds to the selection
        return
    if not add:
        layer.clear_selection()
        if not layer.visible:
            window.statusBar().showMessage(
                _tr("MainWindow", "The active layer %1 is hidden: nothing to select").replace("%1", layer_title(
                    layer.name, layer.title)), 5000)



def _polygonal(layer: VectorLayer) -> bool:
    return bool(layer.frame.geom_type.isin(["Polygon", "MultiPolygon"]).any())


def identify(window, x: float, y: float, tolerance: float) -> QDialog:
    """A window listing every visible feature under the point with its attributes, top layer first."""
    dialog = getattr(window, "identify_dialog", None)
    if dialog is None:
        dialog = window.identify_dialog = QDialog(window)
        dialog.tree = QTreeWidget(dialog)
        QVBoxLayout(dialog).addWidget(dialog.tree)
        dialog.resize(420, 480)
    dialog.setWindowTitle(_tr("MainWindow", "Identify results"))
    tree = dialog.tree
    tree.clear()
    tree.setHeaderLabels([_tr("MainWindow", "Field"), _tr("MainWindow", "Value")])
    for layer in reversed(list(window.layers)):
        if not layer.visible:
            continue
        for row in layer.rows_at(x, y, tolerance)[::-1][:20]:
            record = layer.frame.iloc[int(row)]
            top = QTreeWidgetItem([layer_title(layer.name, layer.title), display_value(record.iloc[0], record.index[0])])
            for column, value in record.items():
                if column != layer.frame.geometry.name:
                    top.addChild(QTreeWidgetItem([field_label(column), display_value(value, column)]))
            tree.addTopLevelItem(top)
    tree.expandToDepth(0)
    dialog.show()
    return dialog


# -- dialogs ----------------------------------------------------------------------------------
def show_about(window) -> None:
    from .about import AboutDialog

    AboutDialog(window).exec()


def project_zones(project) -> list[tuple[str, str]]:
    """(zone_id, name) of the project's zones, for the zone-id fields of algorithm forms."""
    zones = project.zones
    if "zone_id" not in zones.columns:
        return []
    names = zones["name"] if "name" in zones.columns else [""] * len(zones)
    return [(str(z), "" if n is None or n != n else str(n)) for z, n in zip(zones["zone_id"], names)]


def run_algorithm_dialog(window, algorithm) -> None:
    from .algorithm_dialog import AlgorithmDialog

    initial = {p.name: str(window.project.path) for p in algorithm.params
               if p.kind == "path" and p.name == "project" and window.project.path}
    dialog = AlgorithmDialog(algorithm, window, initial=initial, zones=project_zones(window.project))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return

    def done(result):
        summary = result.get("summary") if isinstance(result, dict) else None
        if summary:
            window.statusBar().showMessage(str(summary), 10000)

    values = dialog.values()
    if "project" in values and values.get("project") in (None, "", str(window.project.path)):
        # the open project: the algorithm runs on the model in memory, so unsaved edits count
        values["project"] = window.project.snapshot()
    window.tasks.run(algorithm, values, on_done=done)
