"""The window's background rasters: the raster LayerList, kept in step with ``project.meta["rasters"]``.

Adding a GeoTIFF checks its header (``raster_info``: readable, has a CRS) before it joins the list;
opening a project restores its rasters and says which files are missing or unreadable, keeping
their entries (the user may put the file back) but not drawing them.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from gis_app.core.errors import InputError
from layers.layer_list import LayerList
from layers.raster.model import RasterLayer

from .raster_underlay import RasterUnderlay

_tr = QCoreApplication.translate


class RasterBackgrounds(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.layers = LayerList()
        self.underlay = RasterUnderlay(self.layers, lambda: self.window.project, self._images_ready, self)
        self.underlay.failed.connect(self._read_failed)
        self.warning: QMessageBox | None = None  # the last "raster missing" message (non-blocking)
        self._loading = False
        for event in ("inserted", "removed", "moved", "changed"):
            self.layers.events.connect(event, self._changed)
        self.layers.events.connect("removed", lambda layer, index: self.underlay.forget(layer.path))

    # -- project <-> list -------------------------------------------------------------------------
    def show_project(self, project) -> None:
        """Rebuild the list from ``project.meta["rasters"]``; warn (without blocking) about bad files."""
        from gis_app.cartography.raster import raster_info, resolve_raster_path

        self._loading = True
        try:
            self.underlay.forget()
            self.layers.clear()
            problems = []
            for entry in project.meta.get("rasters", []) or []:
                if not entry.get("path"):
                    continue
                layer = RasterLayer.from_entry(entry)
                try:
                    path = resolve_raster_path(project, entry)
                    if not Path(path).is_file():
                        raise InputError(_tr("RasterBackgrounds", "file not found"), path)
                    raster_info(path)
                except InputError as exc:
                    layer.error = str(exc)
                    problems.append(layer.error)
                self.layers.append(layer)
        finally:
            self._loading = False
        canvas = self.window.canvas
        canvas.underlays = [u for u in canvas.underlays if u is not self.underlay] + [self.underlay]
        if problems:
            self._warn(_tr("RasterBackgrounds", "Some background rasters cannot be shown; they stay in the "
                                                "project but are not drawn:") + "\n\n" + "\n".join(problems))

    def _changed(self, **_) -> None:
        if self._loading:
            return
        self.window.project.meta["rasters"] = [layer.entry() for layer in self.layers]
        self.window.set_modified(True)
        self.window.canvas.schedule_refresh()

    # -- adding -----------------------------------------------------------------------------------
    def add_file(self, path, opacity: float = 1.0) -> RasterLayer | None:
        """Add a GeoTIFF on top of the other rasters (still under every vector); None after a message."""
        from gis_app.cartography.raster import raster_info

        path = str(Path(path).resolve())
        try:
            info = raster_info(path)
            if info["crs"] is None:
                raise InputError(_tr("RasterBackgrounds", "the raster has no coordinate system "
                                                          "(no georeferencing)"), path)
        except InputError as exc:
            QMessageBox.warning(self.window, _tr("RasterBackgrounds", "Cannot add the raster"), str(exc))
            return None
        if path in self.layers:
            self.layers.remove(path)
        layer = RasterLayer(path, opacity=opacity)
        self.layers.append(layer)
        return layer

    # -- reads ------------------------------------------------------------------------------------
    def _images_ready(self) -> None:
        self.window.canvas.schedule_refresh()

    def _read_failed(self, path: str, message: str) -> None:
        if path in self.layers:
            self.layers[path].error = message
        self.window.statusBar().showMessage(message, 10000)

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("RasterBackgrounds", "Background rasters"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        if self.warning is not None:
            self.warning.close()
        box.open()  # window-modal but not blocking: opening a project (or a screenshot) goes on
        self.warning = box
