"""Subdivision in the main window: start a run, preview it, accept it as one undoable step, edit lots.

Runs go through the shell's task runner (worker thread, progress, Cancel); the preview is a canvas
overlay, never a project layer, so Discard leaves the project untouched. Accept and every lot edit
make one step of the project model (``change_layers``).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDockWidget, QMessageBox, QScrollArea

from gis_app.core.errors import InputError
from gis_app.core.styles import LANDUSE_COLORS
from gis_app.subdivision import project_layout as layout_store

from .map_tools import PreviewOverlay, SketchTool
from .panel import SubdivisionPanel
from .params_dialog import SubdivisionParamsDialog
from .undo import change_layers

LAYER_STYLES = {
    layout_store.LOTS: {"fill": "#f6c95b", "stroke": "#7a4a00", "stroke_width": 0.15, "label_field": "lot_id"},
    layout_store.ROADS: {"fill": "#bdbdbd", "stroke": "#616161", "stroke_width": 0.1},
    layout_store.ACCESS: {"fill": None, "stroke": "#d7301f", "stroke_width": 0.5},
    # a drawn park's other land in the land-use colours of the map and the print (core/styles.py)
    layout_store.GREEN: {"fill": LANDUSE_COLORS["green"], "stroke": "#2e7d32", "stroke_width": 0.1},
    layout_store.WATER: {"fill": LANDUSE_COLORS["water"], "stroke": "#2b6c99", "stroke_width": 0.1},
    layout_store.TECHNICAL: {"fill": LANDUSE_COLORS["infrastructure"], "stroke": "#8a5a12", "stroke_width": 0.1},
    layout_store.SERVICES: {"fill": LANDUSE_COLORS["service"], "stroke": "#b71c1c", "stroke_width": 0.1},
    layout_store.RESERVE: {"fill": LANDUSE_COLORS["industrial"], "stroke": "#5e3c7a", "stroke_width": 0.1},
}


class SubdivisionTools(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.preview = None  # (layout_id, SubdivisionResult) while a result waits for Accept/Discard
        self.last_entrance = (None, False)  # the dialog's entrance: (Point or None, pick on the map)
        self.overlay: PreviewOverlay | None = None
        self.task = None
        self.sketch: SketchTool | None = None
        self.panel = SubdivisionPanel()
        self.dock = QDockWidget(window)
        self.dock.setObjectName("dock_subdivision")
        scroll = QScrollArea(self.dock)  # a short window scrolls the panel instead of squeezing it
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        self.dock.setWidget(scroll)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.menu = window.menuBar().addMenu("")
        window.menuBar().insertMenu(window.language_menu.menuAction(), self.menu)
        self.zone_action, self.draw_action = QAction(window), QAction(window)
        self.merge_action, self.split_action, self.renumber_action = QAction(window), QAction(window), QAction(window)
        for action, slot in ((self.zone_action, self.subdivide_zone), (self.draw_action, self.subdivide_drawn),
                             (self.merge_action, self.merge_selected), (self.split_action, self.split_selected),
                             (self.renumber_action, self.renumber_selected)):
            action.triggered.connect(lambda _=False, s=slot: s())
            self.menu.addAction(action)
        self.menu.insertSeparator(self.merge_action)
        p = self.panel
        p.zone_button.clicked.connect(lambda: self.subdivide_zone())
        p.draw_button.clicked.connect(lambda: self.subdivide_drawn())
        p.accept_button.clicked.connect(self.accept)
        p.discard_button.clicked.connect(self.discard)
        p.merge_button.clicked.connect(lambda: self.merge_selected())
        p.split_button.clicked.connect(lambda: self.split_selected())
        p.renumber_button.clicked.connect(lambda: self.renumber_selected())
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Subdivision"))
        self.zone_action.setText(self.tr("Subdivide vacant land…"))
        self.draw_action.setText(self.tr("Subdivide a drawn polygon…"))
        self.merge_action.setText(self.tr("Merge lots"))
        self.split_action.setText(self.tr("Split lot by line"))
        self.renumber_action.setText(self.tr("Renumber lots"))
        self.dock.setWindowTitle(self.tr("Subdivision"))
        self.panel.retranslate()

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Subdivision"), text)

    # -- start ----------------------------------------------------------------------------
    def selected_zone(self) -> str | None:
        layers = self.window.layers
        if "zones" not in layers or not len(layers["zones"].selected_rows()):
            return None
        return str(layers["zones"].frame["zone_id"].iloc[int(layers["zones"].selected_rows()[0])])

    def ask_params(self, title: str):
        """The dialog's parameters (None on Cancel); the entrance typed or to be picked is kept in
        ``last_entrance`` = (Point or None, pick on the map)."""
        dialog = SubdivisionParamsDialog(self.window, title)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                params = dialog.params()
                self.last_entrance = (dialog.entrance_point(), dialog.pick_entrance.isChecked())
            except InputError as exc:  # a bad lot mix or entrance: say why and let the user fix it
                self._warn(str(exc))
                continue
            dialog.remember()
            return params
        return None

    def _pick_entrance(self, then) -> None:
        """Start the point tool; ``then(point)`` runs the layout from the picked entrance."""
        self._stop_sketch()
        self.sketch = SketchTool(self.window.canvas, "point", then, self._sketch_canceled)
        self.sketch.start()
        self.window.statusBar().showMessage(self.tr("Click the entrance on the site's edge (Esc cancels)."))

    @staticmethod
    def _park_job(polygon, crs, params, entrance, roads, feedback, rulesets=None):
        """A whole-park layout (presets kcn/ccn) from ``entrance`` or the edge nearest ``roads``; its
        balance checked against ``rulesets`` (the project's, with the planner's thresholds)."""
        import shapely
        from gis_app.subdivision import api, park

        feedback.check_canceled()
        if entrance is not None:
            edge = shapely.boundary(polygon)
            entrances = [shapely.shortest_line(edge, entrance).interpolate(0.0)]
        else:
            entrances = [park.default_entrance(polygon, roads)]
        return api.run_park(polygon, crs, params, entrances, feedback, rulesets)

    def subdivide_zone(self, zone_id: str | None = None, params=None, entrance=None):
        """Lay out a zone's vacant land: SME lots (``SubdivisionParams``) or a whole park
        (``ParkParams``, from ``entrance`` or, when asked in the dialog, a point picked on the map)."""
        from gis_app.subdivision.park import ParkParams

        zone_id = zone_id or self.selected_zone()
        if zone_id is None:
            self._warn(self.tr("Select a zone first (click it on the map or in the zone list)."))
            return None
        if params is None:
            params = self.ask_params(self.tr("Subdivide the vacant land of %1").replace("%1", zone_id))
            if params is None:
                return None
            entrance, pick = self.last_entrance
            if isinstance(params, ParkParams) and pick and entrance is None:
                self._pick_entrance(lambda point: self.subdivide_zone(zone_id, params, point))
                return None
        project = self.window.project
        rulesets = self._project_rulesets() if isinstance(params, ParkParams) else None
        if isinstance(params, ParkParams) and rulesets is None:
            return None

        def job(feedback):
            from gis_app.subdivision import api

            feedback.check_canceled()
            polygon, ids, parts = layout_store.zone_site(project, zone_id, params.tolerance)
            if isinstance(params, ParkParams):
                parcels = project.parcels
                roads = parcels[(parcels["zone_id"] == zone_id) & (parcels["landuse"] == "road")].geometry.values
                return self._park_job(polygon, project.crs, params, entrance, roads, feedback, rulesets)
            return api.run(polygon, project.crs, params, ids, parts, feedback)

        return self._run(job, zone_id, self.tr("Vacant land of %1").replace("%1", zone_id))

    def subdivide_drawn(self, polygon=None, params=None, entrance=None):
        """Without ``polygon``: start the drawing tool; the run follows the double-click."""
        from gis_app.subdivision.park import ParkParams

        if polygon is None:
            self._stop_sketch()
            self.sketch = SketchTool(self.window.canvas, "polygon", lambda g: self.subdivide_drawn(g, params),
                                     self._sketch_canceled)
            self.sketch.start()
            self.window.statusBar().showMessage(
                self.tr("Click the corners of the site; double-click to finish, Esc to cancel."))
            return None
        self.sketch = None
        if params is None:
            params = self.ask_params(self.tr("Subdivide a drawn polygon"))
            if params is None:
                return None
            entrance, pick = self.last_entrance
            if isinstance(params, ParkParams) and pick and entrance is None:
                self._pick_entrance(lambda point: self.subdivide_drawn(polygon, params, point))
                return None
        crs = self.window.project.crs
        rulesets = self._project_rulesets() if isinstance(params, ParkParams) else None
        if isinstance(params, ParkParams) and rulesets is None:
            return None

        def job(feedback):
            import shapely
            from gis_app.subdivision import api

            feedback.check_canceled()
            if isinstance(params, ParkParams):
                return self._park_job(shapely.make_valid(polygon), crs, params, entrance, None, feedback,
                                      rulesets)
            return api.run(shapely.make_valid(polygon), crs, params, feedback=feedback)

        return self._run(job, layout_store.DRAWN, self.tr("Drawn polygon"))

    def _project_rulesets(self):
        """The project's rule sets (stored, with the planner's thresholds; else the defaults) that a
        park layout's land-use balance is checked against; None after telling why they cannot be read."""
        from gis_app.core.errors import InputError
        from gis_app.rules.ruleset import resolve_rulesets

        try:
            return resolve_rulesets(None, self.window.project.meta)
        except InputError as exc:
            self._warn(str(exc))
            return None

    def _run(self, job, layout_id: str, site: str):
        self.discard()
        self.task = self.window.tasks.run(job, title=self.tr("Subdividing…"),
                                          on_done=lambda result: self.show_preview(layout_id, result, site))
        return self.task

    # -- preview --------------------------------------------------------------------------
    def show_preview(self, layout_id: str, result, site: str) -> None:
        self.discard()
        self.preview = (layout_id, result)
        self.overlay = PreviewOverlay(result.frames)
        self.window.canvas.overlays.append(self.overlay)
        self.panel.show_metrics(result.metrics, site)
        self.dock.show()
        self.dock.raise_()
        if self.overlay.extent is not None:
            self.window.canvas.zoom_to(self.overlay.extent)
        self.window.canvas.update()

    def discard(self) -> None:
        if self.overlay is not None and self.overlay in self.window.canvas.overlays:
            self.window.canvas.overlays.remove(self.overlay)
        self.preview, self.overlay = None, None
        self.panel.show_metrics(None)
        self.window.canvas.update()

    def accept(self) -> None:
        if self.preview is None:
            return
        layout_id, result = self.preview
        after = layout_store.accepted_layers(self.window.project, result.frames, layout_id)
        self.discard()
        text = self.tr("Subdivide %1 (%2 lots)").replace("%1", layout_id).replace("%2", str(len(result.frames["lots"])))
        change_layers(self.window, after, text, LAYER_STYLES)
        # the new lots become the active layer (as QGIS does with a new layer): a click then picks a lot
        from ..window_actions import set_active_layer

        set_active_layer(self.window, layout_store.LOTS)

    # -- lot edits ------------------------------------------------------------------------
    def selected_lots(self) -> list[tuple[str, str]]:
        """(layout_id, lot_id) of the lots selected on the map, in selection order of rows."""
        if layout_store.LOTS not in self.window.layers:
            return []
        layer = self.window.layers[layout_store.LOTS]
        frame = layer.frame.iloc[layer.selected_rows()]
        return list(zip(frame["layout_id"].astype(str), frame["lot_id"].astype(str)))

    def _edit(self, layout_id: str, change, text: str) -> bool:
        """Apply ``change(frames) -> frames`` (an ``edit`` function); show the engine's refusal."""
        project = self.window.project
        try:
            frames = change(layout_store.layout_frames(project, layout_id))
        except InputError as exc:
            self._warn(exc.problem)
            return False
        after = layout_store.edited_layers(project, layout_id, frames)
        change_layers(self.window, after, text)
        return True

    def merge_selected(self) -> bool:
        from gis_app.subdivision.edit import merge_lots

        lots = self.selected_lots()
        if len(lots) != 2 or lots[0][0] != lots[1][0]:
            self._warn(self.tr("Select exactly two lots of the same layout on the lots layer."))
            return False
        (layout_id, a), (_, b) = lots
        return self._edit(layout_id, lambda f: merge_lots(f, a, b),
                          self.tr("Merge lots %1 and %2").replace("%1", a).replace("%2", b))

    def split_selected(self, line=None) -> bool:
        """Without ``line``: start the line tool on the one selected lot."""
        from gis_app.subdivision.edit import split_lot

        lots = self.selected_lots()
        if len(lots) != 1:
            self._warn(self.tr("Select one lot on the lots layer to split."))
            return False
        layout_id, lot_id = lots[0]
        if line is None:
            self._stop_sketch()
            from ..editing_tools import DrawTool  # snaps to vertices and edges, shows the length as it grows

            self.sketch = DrawTool(self.window.editing, "line", lambda g: self.split_selected(g), self._sketch_canceled)
            self.sketch.start()
            self.window.statusBar().showMessage(
                self.tr("Draw the cutting line across the lot; double-click to finish, Esc to cancel."))
            return False
        self.sketch = None
        return self._edit(layout_id, lambda f: split_lot(f, lot_id, line),
                          self.tr("Split lot %1").replace("%1", lot_id))

    def renumber_selected(self) -> bool:
        """Two or more lots selected: renumber only those, among their own numbers, in road order.
        Otherwise: renumber the whole layout in road order after showing which numbers change."""
        from gis_app.subdivision.edit import renumber, renumber_plan

        lots = self.selected_lots()
        layouts = sorted({layout for layout, _ in lots})
        if not layouts and layout_store.LOTS in self.window.project.layers:
            layouts = sorted(set(self.window.project.layers[layout_store.LOTS]["layout_id"].astype(str)))
        if len(layouts) != 1:
            self._warn(self.tr("Select a lot of the layout to renumber."))
            return False
        layout_id = layouts[0]
        if len(lots) >= 2:
            chosen = [lot for _, lot in lots]
            return self._edit(layout_id, lambda f: renumber(f, only=chosen),
                              self.tr("Renumber %1 lots of %2").replace("%1", str(len(chosen))).replace("%2", layout_id))
        plan = renumber_plan(layout_store.layout_frames(self.window.project, layout_id))
        if not plan:
            self.window.statusBar().showMessage(self.tr("The lots are already numbered in road order."), 5000)
            return False
        changes = ", ".join(f"{old} → {new}" for old, new in list(plan.items())[:40])
        more = len(plan) - 40
        text = self.tr("Renumber the whole layout %1 in road order? %2 numbers change:").replace(
            "%1", layout_id).replace("%2", str(len(plan))) + "\n\n" + changes + (f", … (+{more})" if more > 0 else "")
        answer = QMessageBox.question(self.window, self.tr("Renumber lots"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._edit(layout_id, renumber, self.tr("Renumber lots of %1").replace("%1", layout_id))

    def _stop_sketch(self) -> None:
        if self.sketch is not None:
            self.sketch.stop()
            self.sketch = None

    def _sketch_canceled(self) -> None:
        self.sketch = None
        self.window.statusBar().clearMessage()
