"""Desktop editing as QGIS users expect it, every step one undoable model command: add a polygon,
the vertex tool (move, add, delete vertices), merge, split by a drawn line, a new subzone from the
selected parcels or lots; snapping to visible layers (toggle) and live length/area while drawing.

The geometry work is Qt-free (``layers/editing.py``); changes go through ``Project`` so the data
model checks them (a refused edit shows the reason and changes nothing).
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPen
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox

from gis_app.core.aliases import field_label
from gis_app.core.editing import enum_values, feature_ids, layer_key
from gis_app.core.errors import InputError
from gis_app.core.model import FEATURES_ADDED, FEATURES_CHANGED, FEATURES_DELETED, ProjectEvent
from gis_app.core.numbers import fmt_number
from gis_app.core.schema import CANONICAL
from layers import editing as geo

from .subdivision.map_tools import SketchTool

SNAP_PIXELS = 8.0
EDITABLE = ("zones", "subzones", "parcels", "facilities")


class DrawTool(SketchTool):
    """A sketch whose points snap to visible layers and that shows its length and area as it grows."""

    def __init__(self, tools: "EditingTools", kind: str, on_finish, on_cancel=None):
        super().__init__(tools.window.canvas, kind, on_finish, on_cancel)
        self.tools = tools
        self.snap = None

    def _snapped(self, x, y):
        self.snap = self.tools.snap(x, y)
        return self.snap.x, self.snap.y

    def clicked(self, x, y):
        super().clicked(*self._snapped(x, y))

    def moved(self, x, y):
        super().moved(*self._snapped(x, y))
        self.canvas.update()

    def double_clicked(self, x, y):
        super().double_clicked(*self._snapped(x, y))

    def measurement(self) -> tuple[float, float]:
        points = self.points + ([self.hover] if self.hover is not None and self.points else [])
        return geo.measure(points, self.kind == "polygon")

    def paint(self, painter, view):
        super().paint(painter, view)
        if self.snap is not None and self.snap.kind != "none":
            sx, sy = view.to_screen(np.array([[self.snap.x, self.snap.y]]))[0]
            painter.setPen(QPen(QColor("#e6007e"), 2))
            painter.drawRect(int(sx) - 5, int(sy) - 5, 10, 10)
        if self.points and self.hover is not None:
            length, area = self.measurement()
            text = f"{fmt_number(length, 1)} m" + (f" · {fmt_number(area, 0)} m²" if area else "")
            sx, sy = view.to_screen(np.array([self.hover]))[0]
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(int(sx) + 12, int(sy) - 8, text)


class VertexTool:
    """Click a vertex to pick it up, click again to drop it (snapped); click a segment to add a
    vertex there; Delete removes the picked vertex; Esc lets go. Works on the active layer."""

    def __init__(self, tools: "EditingTools"):
        self.tools, self.canvas = tools, tools.window.canvas
        self.picked = None  # (feature id, ring, vertex, geometry)
        self.hover = None

    def start(self):
        self.canvas.tool = self
        self.canvas.overlays.append(self.paint)
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self.canvas.setFocus()

    def stop(self):
        if self.canvas.tool is self:
            self.canvas.tool = None
        if self.paint in self.canvas.overlays:
            self.canvas.overlays.remove(self.paint)
        self.canvas.unsetCursor()
        self.canvas.update()

    def _features_near(self, x, y, tolerance):
        layer = self.tools.active_layer()
        if layer is None:
            return None, []
        rows = layer.rows_at(x, y, tolerance)
        b = layer.bounds
        near = np.flatnonzero((b[:, 0] - tolerance <= x) & (b[:, 2] + tolerance >= x)
                              & (b[:, 1] - tolerance <= y) & (b[:, 3] + tolerance >= y))
        return layer, list(dict.fromkeys([*rows[::-1].tolist(), *near.tolist()]))

    def clicked(self, x, y):
        tolerance = self.canvas.pixel_tolerance(SNAP_PIXELS)
        if self.picked is not None:
            feature_id, ring, vertex, geometry = self.picked
            snap = self.tools.snap(x, y, exclude=(feature_id, ring, vertex))
            self.picked = None
            self.tools.set_geometry(feature_id, geo.move_vertex(geometry, ring, vertex, snap.x, snap.y),
                                    self.tools.tr("Move vertex"))
            self.canvas.update()
            return
        layer, rows = self._features_near(x, y, tolerance)
        ids = feature_ids(layer.frame, layer.name) if layer is not None else []
        for row in rows:
            geometry = layer.frame.geometry.iloc[row]
            if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon"):
                continue
            hit = geo.nearest_vertex(geometry, x, y, tolerance)
            if hit is not None:
                self.picked = (ids[row], hit[0], hit[1], geometry)
                self.canvas.update()
                return
        for row in rows:
            geometry = layer.frame.geometry.iloc[row]
            if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon"):
                continue
            seg = geo.nearest_segment(geometry, x, y, tolerance)
            if seg is not None:
                ring, position, sx, sy = seg
                self.tools.set_geometry(ids[row], geo.insert_vertex(geometry, ring, position, sx, sy),
                                        self.tools.tr("Add vertex"))
                return

    def moved(self, x, y):
        self.hover = (x, y)
        if self.picked is not None:
            self.canvas.update()

    def double_clicked(self, x, y):
        pass

    def key_pressed(self, key) -> bool:
        if key == Qt.Key.Key_Escape:
            if self.picked is not None:
                self.picked = None
                self.canvas.update()
            else:
                self.stop()
                self.tools.vertex_action.setChecked(False)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.picked is not None:
            feature_id, ring, vertex, geometry = self.picked
            self.picked = None
            try:
                changed = geo.delete_vertex(geometry, ring, vertex)
            except ValueError:
                self.tools.warn(self.tools.tr("A ring needs at least three vertices."))
                return True
            self.tools.set_geometry(feature_id, changed, self.tools.tr("Delete vertex"))
            return True
        return False

    def paint(self, painter, view):
        if self.picked is None or self.hover is None:
            return
        _, ring, vertex, geometry = self.picked
        coords = geo.rings(geometry)[ring]
        before, after = coords[vertex - 1], coords[(vertex + 1) % len(coords)]
        snap = self.tools.snap(*self.hover)
        screen = view.to_screen(np.array([before, [snap.x, snap.y], after]))
        painter.setPen(QPen(QColor("#d7301f"), 2, Qt.PenStyle.DashLine))
        for a, b in ((screen[0], screen[1]), (screen[1], screen[2])):
            painter.drawLine(int(a[0]), int(a[1]), int(b[0]), int(b[1]))
        painter.drawRect(int(screen[1][0]) - 4, int(screen[1][1]) - 4, 8, 8)
        first, second, area = self.measurement()
        painter.setPen(QPen(QColor("#222222")))
        painter.drawText(int(screen[1][0]) + 12, int(screen[1][1]) - 8,
                         f"{fmt_number(first, 1)} m · {fmt_number(second, 1)} m · {fmt_number(area, 0)} m²")

    def measurement(self) -> tuple[float, float, float]:
        """While a picked vertex moves: the lengths (m) of its two edges and the feature's area (m²)."""
        feature_id, ring, vertex, geometry = self.picked
        snap = self.tools.snap(*self.hover, exclude=(feature_id, ring, vertex))
        coords = geo.rings(geometry)[ring]
        before, after = coords[vertex - 1], coords[(vertex + 1) % len(coords)]
        moved = geo.move_vertex(geometry, ring, vertex, snap.x, snap.y)
        return (float(np.hypot(snap.x - before[0], snap.y - before[1])),
                float(np.hypot(after[0] - snap.x, after[1] - snap.y)), float(moved.area))


class EditingTools(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.tool = None
        menu = window.edit_menu
        self.add_action = self._action(menu, self.start_add_polygon)
        self.vertex_action = self._action(menu, self.toggle_vertex_tool, checkable=True)
        self.merge_action = self._action(menu, self.merge_selected)
        self.split_action = self._action(menu, self.start_split)
        self.subzone_action = self._action(menu, self.subzone_from_selection)
        menu.addSeparator()
        self.snap_action = self._action(menu, lambda: None, checkable=True)
        self.snap_action.setChecked(True)
        self.retranslate()

    def _action(self, menu, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(self.window)
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def retranslate(self):
        self.add_action.setText(self.tr("Add polygon to the active layer"))
        self.vertex_action.setText(self.tr("Vertex tool (move, add, delete vertices)"))
        self.merge_action.setText(self.tr("Merge selected features"))
        self.split_action.setText(self.tr("Split selected feature by a line"))
        self.subzone_action.setText(self.tr("New subzone from selection…"))
        self.snap_action.setText(self.tr("Snap to vertices and segments"))

    # -- helpers --------------------------------------------------------------------------
    def active_layer(self):
        return self.window.attribute_table.current_layer()

    def snap(self, x, y, exclude=None):
        tolerance = self.window.canvas.pixel_tolerance(SNAP_PIXELS)
        if not self.snap_action.isChecked():
            return geo.Snap(float(x), float(y), "none")
        snapped = geo.snap_point(self.window.layers, x, y, tolerance)
        if exclude is not None and snapped.kind == "vertex" and self.tool is not None \
                and getattr(self.tool, "picked", None) is not None:
            _, ring, vertex, geometry = self.tool.picked
            own = geo.rings(geometry)[ring][vertex]
            if np.hypot(own[0] - snapped.x, own[1] - snapped.y) < 1e-9:  # not onto the vertex being moved
                return geo.Snap(float(x), float(y), "none")
        return snapped

    def warn(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Cannot edit"), text)

    def _editable(self):
        layer = self.active_layer()
        if layer is None or layer.name not in EDITABLE:
            self.warn(self.tr("Choose zones, subzones, parcels or facilities in the attribute table first."))
            return None
        return layer

    def _stop(self):
        if self.tool is not None:
            self.tool.stop()
            self.tool = None
        self.vertex_action.setChecked(False)

    def set_geometry(self, feature_id, geometry, text: str) -> bool:
        layer = self.active_layer()
        try:
            self.window.project.set_geometry(layer.name, feature_id, geometry)
        except InputError as exc:
            self.warn(str(exc))
            return False
        return True

    # -- add polygon ----------------------------------------------------------------------
    def start_add_polygon(self):
        layer = self._editable()
        if layer is None:
            return
        self._stop()
        self.tool = DrawTool(self, "polygon", lambda g: self.add_polygon(layer.name, g), self._canceled)
        self.tool.start()
        self.window.statusBar().showMessage(self.tr("Click the vertices; double-click to finish, Esc to cancel."))

    def _canceled(self):
        self.tool = None
        self.window.statusBar().clearMessage()

    def add_polygon(self, layer_name: str, geometry, values: dict | None = None) -> list:
        """Add ``geometry`` to ``layer_name``; without ``values`` a form asks for the required fields."""
        self.tool = None
        self.window.statusBar().clearMessage()
        values = dict(values) if values is not None else self.ask_values(layer_name, geometry)
        if values is None:
            return []
        frame = gpd.GeoDataFrame({k: [v] for k, v in values.items()}, geometry=[geometry],
                                 crs=self.window.project.crs)
        try:
            return self.window.project.add_features(layer_name, frame)
        except InputError as exc:
            self.warn(str(exc))
            return []

    def zone_at(self, geometry) -> str | None:
        zones = self.window.project.layers.get("zones")
        if zones is None or not len(zones):
            return None
        inside = shapely.intersects(zones.geometry.values, geometry.representative_point())
        return str(zones["zone_id"].iloc[int(np.flatnonzero(inside)[0])]) if inside.any() else None

    def ask_values(self, layer_name: str, geometry) -> dict | None:
        """A form with the layer's required fields (enumerations as lists), zone prefilled."""
        from gis_app.cartography.styling import value_label

        schema = CANONICAL[layer_name]
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("New feature"))
        form = QFormLayout(dialog)
        editors = {}
        fields = [c for c in schema.required if c != schema.key] + \
            [c for c in ("status",) if layer_name == "parcels"]
        for column in fields:
            options = enum_values(layer_name, column)
            if options:
                editor = QComboBox(dialog)
                if column not in schema.required:
                    editor.addItem("—", None)
                for value in options:
                    editor.addItem(value_label(value), value)
            else:
                editor = QLineEdit(dialog)
                if column == "zone_id":
                    editor.setText(self.zone_at(geometry) or "")
            form.addRow(field_label(column), editor)  # the planner's name of the field
            editors[column] = editor
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return {c: (e.currentData() if isinstance(e, QComboBox) else (e.text().strip() or None))
                for c, e in editors.items()}

    # -- vertex tool ----------------------------------------------------------------------
    def toggle_vertex_tool(self, checked=True):
        if not checked:
            self._stop()
            return
        if self._editable() is None:
            self.vertex_action.setChecked(False)
            return
        self._stop()
        self.tool = VertexTool(self)
        self.tool.start()
        self.vertex_action.setChecked(True)
        self.window.statusBar().showMessage(self.tr(
            "Click a vertex to pick it up and click again to drop it; click an edge to add a vertex; "
            "Delete removes the picked vertex; Esc stops."))

    # -- merge, split, subzone from selection ---------------------------------------------------
    def _selected(self, layer):
        rows = layer.selected_rows()
        return rows, list(feature_ids(layer.frame, layer.name)[rows])

    def merge_selected(self) -> bool:
        """The selected features become one (the first keeps its attributes), one undo step."""
        layer = self._editable()
        if layer is None:
            return False
        rows, ids = self._selected(layer)
        if len(ids) < 2:
            self.warn(self.tr("Select at least two features to merge."))
            return False
        project = self.window.project
        frame = project.layers[layer.name]
        key = layer_key(layer.name)
        positions = np.flatnonzero(frame[key].astype(str).isin([str(i) for i in ids]).to_numpy())
        merged = shapely.union_all(frame.geometry.values[positions])
        if merged.geom_type not in ("Polygon", "MultiPolygon"):
            self.warn(self.tr("The merged shape is not a polygon."))
            return False
        after = frame.drop(index=frame.index[positions[1:]]).reset_index(drop=True)
        after = after.copy()
        after.loc[after[key].astype(str) == str(ids[0]), after.geometry.name] = merged
        events = [ProjectEvent(FEATURES_CHANGED, layer.name, (str(ids[0]),), ("geometry",)),
                  ProjectEvent(FEATURES_DELETED, layer.name, tuple(map(str, ids[1:])))]
        try:
            from gis_app.core.editing import check_geometries

            check_geometries(layer.name, [merged])
            project.replace_layers({layer.name: after}, events, ("Gộp {n} đối tượng", "Merge {n} features"),
                                   n=len(ids))
        except InputError as exc:
            self.warn(str(exc))
            return False
        return True

    def start_split(self):
        layer = self._editable()
        if layer is None:
            return
        rows, ids = self._selected(layer)
        if len(ids) != 1:
            self.warn(self.tr("Select one feature to split."))
            return
        self._stop()
        self.tool = DrawTool(self, "line", lambda line: self.split(layer.name, ids[0], line), self._canceled)
        self.tool.start()
        self.window.statusBar().showMessage(self.tr("Draw the cutting line; double-click to finish, Esc to cancel."))

    def split(self, layer_name: str, feature_id, line) -> bool:
        """Cut one feature by ``line``: the first piece keeps the id, the others get new ids."""
        self.tool = None
        project = self.window.project
        frame = project.layers[layer_name]
        key = layer_key(layer_name)
        position = int(np.flatnonzero(frame[key].astype(str).to_numpy() == str(feature_id))[0])
        pieces = geo.split_polygon(frame.geometry.iloc[position], line)
        if len(pieces) < 2:
            self.warn(self.tr("The line does not cut the feature in two."))
            return False
        after = frame.copy()
        after.iloc[position, after.columns.get_loc(after.geometry.name)] = pieces[0]
        others = gpd.GeoDataFrame(pd.DataFrame([frame.drop(columns=frame.geometry.name).iloc[position]] *
                                               (len(pieces) - 1)).reset_index(drop=True),
                                  geometry=pieces[1:], crs=frame.crs)
        others[key] = None
        try:
            from gis_app.core.editing import concat_features, prepare_new_features

            new = prepare_new_features(project, layer_name, others)
            merged = concat_features(after, new)
            project.replace_layers({layer_name: merged}, [
                ProjectEvent(FEATURES_CHANGED, layer_name, (str(feature_id),), ("geometry",)),
                ProjectEvent(FEATURES_ADDED, layer_name, tuple(new[key]))],
                ("Tách {id}", "Split {id}"), id=feature_id)
        except InputError as exc:
            self.warn(str(exc))
            return False
        self.window.statusBar().clearMessage()
        return True

    def subzone_from_selection(self, use: str | None = None) -> list:
        """The selected parcels or lots become one ``hightech`` or ``cnht`` subzone of their zone."""
        layer = self.active_layer()
        if layer is None or layer.name not in ("parcels", "lots") or not layer.selected.any():
            self.warn(self.tr("Select parcels or lots first."))
            return []
        frame = layer.frame.iloc[layer.selected_rows()]
        zone_ids = set(frame["zone_id" if "zone_id" in frame else "layout_id"].astype(str))
        if len(zone_ids) != 1:
            self.warn(self.tr("The selection must lie in one zone."))
            return []
        if use is None:
            from PySide6.QtWidgets import QInputDialog

            from gis_app.cartography.styling import value_label

            labels = {value_label(u): u for u in ("cnht", "hightech")}
            choice, ok = QInputDialog.getItem(self.window, self.tr("New subzone from selection"),
                                              self.tr("Use"), list(labels), 0, False)
            if not ok:
                return []
            use = labels[choice]
        area = shapely.union_all(frame.geometry.values).buffer(0)
        return self.add_polygon("subzones", area, {"zone_id": zone_ids.pop(), "use": use})
