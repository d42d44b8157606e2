"""Main-window hooks of the exchange dialogs: import a file, export a layer, export for QGIS."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from gis_app.core.errors import InputError
from gis_app.shell.user_files import start_path

log = logging.getLogger(__name__)
_tr = QCoreApplication.translate
IMPORT_FILTER = "GIS (*.shp *.gpkg *.geojson *.json *.kml *.dxf *.csv *.zip)"


def open_import_dialog(window, path):
    """The import dialog for ``path``, wired to add its result to the window's project."""
    from .import_dialog import ImportDialog

    zones = window.project.layers.get("zones")
    zone_ids = sorted(zones["zone_id"].astype(str)) if zones is not None and len(zones) else []
    return ImportDialog(path, window, project_crs=window.project.crs.to_epsg(), zone_ids=zone_ids,
                        on_imported=lambda result: add_import_result(window, result),
                        on_geometry=lambda path, name, shapes: _preview(window, path, name, shapes))


def _preview(window, path, name, shapes) -> None:
    from .preview_layer import drop_preview, show_preview

    if shapes is None:
        drop_preview(window, path)
    else:
        show_preview(window, path, name, shapes)


def import_layer(window, path):
    """Open the import dialog for ``path`` without blocking (several dropped files: several dialogs)."""
    dialog = open_import_dialog(window, path)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def import_layers_dialog(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, _tr("ExchangeActions", "Add layer"), start_path(), IMPORT_FILTER)
    for path in paths:
        import_layer(window, path)


def add_import_result(window, result) -> bool:
    """Put an imported frame into the project: a new layer, or appended to a canonical one."""
    from ..window_actions import _free_name, show_error

    project = window.project
    target = result.target_layer
    try:
        if target:
            frame = result.frame
            existing = project.layers.get(target)
            if existing is not None and len(existing):
                from gis_app.core.crs import reproject, to_crs

                if not to_crs(frame.crs).equals(project.crs):
                    frame = reproject(frame, project.crs)  # through EPSG:6960 for VN-2000 <-> WGS 84
                frame = pd.concat([existing, frame], ignore_index=True)
            project.add_layer(target, frame)
            name = target
        else:
            name = _free_name(window, result.layer_name)
            project.add_layer(name, result.frame)
    except InputError as exc:
        show_error(window, exc if exc.path else InputError(exc.problem, result.path))
        return False
    except Exception as exc:  # our bug, but the app must survive it
        log.exception("adding imported layer %s failed", result.path)
        show_error(window, InputError(f"{type(exc).__name__}: {exc}"[:300], result.path))
        return False
    # one undo step; the model bridge refreshed the map, the zone dock and the check
    from .preview_layer import settle_preview

    settle_preview(window, result.path, window.layers[name] if name in window.layers else None)
    window.canvas.zoom_to(window.layers[name].extent)
    window.statusBar().showMessage(_tr("ExchangeActions", "Imported %1 into layer %2: %3")
                                   .replace("%1", Path(result.path).name).replace("%2", name)
                                   .replace("%3", result.summary), 10000)
    return True


def export_layer_dialog(window):
    from .export_dialog import ExportDialog

    current = window.layer_panel.current_layer()
    start = str(Path(window.project.path).parent) if window.project.path else ""
    dialog = ExportDialog(window.project, window, layer=current.name if current is not None else None,
                          start_dir=start)
    if dialog.exec() == 1 and dialog.written is not None:
        window.statusBar().showMessage(_tr("ExchangeActions", "Exported %1").replace("%1", str(dialog.written.path)),
                                       10000)
    return dialog


def export_qgis_dialog(window, path=None):
    """Ask for a .qgz name and write the project for QGIS in the task runner."""
    from layers.project_layers import store_state

    if path is None:
        start = start_path(Path(window.project.path).with_suffix(".qgz") if window.project.path else None,
                           f"{window.project.name or 'du_an'}.qgz")
        path, _ = QFileDialog.getSaveFileName(window, _tr("ExchangeActions", "Export project for QGIS"), start,
                                              "QGIS (*.qgz)")
        if not path:
            return None
        if not path.lower().endswith(".qgz"):
            path += ".qgz"
    store_state(window.project, window.layers, window.canvas.view.extent)  # QGIS gets the styles on screen
    from gis_app.core.processing import registry

    def done(result):
        window.statusBar().showMessage(_tr("ExchangeActions", "Exported for QGIS: %1").replace("%1", str(path)),
                                       10000)

    # the export-qgis algorithm the CLI runs, on the model in memory (unsaved edits count)
    return window.tasks.run(registry().get("export-qgis"), {"project": window.project.snapshot(), "out": str(path)},
                            title=_tr("ExchangeActions", "Export project for QGIS"), on_done=done)
