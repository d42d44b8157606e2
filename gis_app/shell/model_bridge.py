"""The shell observes the project model: map layers, zone dock and Edit menu follow its events.

The map's ``VectorLayer`` objects show ``display_frame(project, name)`` and are refreshed from the model
after every change (zones carry the model's cached fill rate), so the map, the zone dock and ``check``
read the same numbers. The Qt-free undo stack (``gis_app/core/model.py``) is mirrored in the window's
``QUndoStack``: each model step becomes one ``ModelStep`` whose undo/redo call the model's.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QUndoCommand

from gis_app.core import model as ev
from layers.project_layers import display_frame, figure_rows
from layers.vector.model import VectorLayer


class ModelStep(QUndoCommand):
    """One model command as seen by Qt's undo framework (the first redo is the push itself)."""

    def __init__(self, bridge: "ModelBridge", text: str):
        super().__init__(text)
        self.bridge = bridge
        self.project = bridge.window.project
        self._pushed = False

    def redo(self):
        if not self._pushed:
            self._pushed = True
            return
        with self.bridge.replaying():
            self.project.redo()

    def undo(self):
        with self.bridge.replaying():
            self.project.undo()


class ModelBridge:
    def __init__(self, window):
        self.window = window
        self.project = None
        self._unsubscribe = None
        self._replaying = False
        self._seen = (0, 0)  # (index, len) of the model stack last time it changed
        self._echo = False  # True while the bridge itself writes display state into the model
        window.layers.events.connect("changed", self._display_changed)
        window.layers.events.connect("moved", self._display_moved)

    def _display_changed(self, layer, what) -> None:
        if what in ("visibility", "opacity", "style"):
            self._store_display(ev.LAYER_RESTYLED, layer.name)

    def _display_moved(self, layer, **_) -> None:
        self._store_display(ev.LAYERS_REORDERED, layer.name)

    def _store_display(self, kind: str, name: str) -> None:
        """The map's order and display go into the model (``layer_state``), which owns them."""
        if self.project is None or self._echo:
            return
        self._echo = True
        try:
            self.project.show_layers([layer.state() for layer in self.window.layers], kind, name)
        finally:
            self._echo = False

    def attach(self, project) -> None:
        """Observe ``project`` (detaching from the previous one); its undo history starts empty."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self.project.undo_stack.disconnect(self._stack_changed)
        self.project = project
        self._unsubscribe = project.subscribe(self._event)
        project.undo_stack.connect(self._stack_changed)
        self._seen = (project.undo_stack.index, len(project.undo_stack))
        self.window.undo_stack.clear()

    # -- Edit menu ----------------------------------------------------------------------------
    def replaying(self):
        bridge = self

        class _Replay:
            def __enter__(self):
                bridge._replaying = True

            def __exit__(self, *exc):
                bridge._replaying = False
                bridge._seen = (bridge.project.undo_stack.index, len(bridge.project.undo_stack))

        return _Replay()

    def _stack_changed(self) -> None:
        stack = self.project.undo_stack
        now = (stack.index, len(stack))
        if not self._replaying and now[0] == self._seen[0] + 1 and now[1] == now[0]:
            self.window.undo_stack.push(ModelStep(self, stack.undo_text))
        elif not self._replaying and now != self._seen and now[0] != self._seen[0] + 1:
            self.window.undo_stack.clear()  # changed behind our back (e.g. a script): start afresh
        self._seen = (stack.index, len(stack))
        self.window.set_modified(not stack.is_clean)

    # -- views ------------------------------------------------------------------------------
    def _event(self, event) -> None:
        window, project = self.window, self.project
        name = event.layer
        if event.kind == ev.LAYER_REMOVED:
            if name in window.layers:
                window.layers.remove(name)
        elif event.kind in (ev.LAYER_ADDED, ev.FEATURES_ADDED, ev.FEATURES_CHANGED, ev.FEATURES_DELETED):
            if name in project.layers:
                self.refresh_layer(name, geometry_changed=event.kind != ev.FEATURES_CHANGED
                                   or "geometry" in event.columns,
                                   rows=_rows(project, name, event.ids) if event.kind == ev.FEATURES_CHANGED
                                   and not {_key(name, project.layers[name]), "zone_id"} & set(event.columns)
                                   else None)
        elif event.kind in (ev.LAYER_RESTYLED, ev.LAYERS_REORDERED) and not self._echo:
            self._echo = True
            try:
                self._apply_layer_state()
            finally:
                self._echo = False
        if name in ("parcels", "subzones", "zones") or event.kind in (ev.RULES_CHANGED, ev.RELOADED):
            if name != "zones" and "zones" in project.layers and "zones" in window.layers:
                self.refresh_layer("zones", geometry_changed=False, figures_only=event.kind == ev.FEATURES_CHANGED)
            from .window_actions import refresh_zone_panel

            refresh_zone_panel(window)
            controller = getattr(getattr(window, "rules", None), "controller", None)
            if controller is not None and event.kind == ev.RULES_CHANGED:
                controller.sync_from_project()  # its rule sets and date follow the model (undo, redo)
            elif controller is not None:
                controller.request_check()

    def refresh_layer(self, name: str, geometry_changed: bool = True, rows=None, figures_only: bool = False) -> None:
        """Show the model's current ``name`` on the map, keeping the selection by feature id.

        ``rows``: only these rows changed, in place (an attribute or shape edit): the map patches
        them instead of rebuilding the layer. ``figures_only``: only the zones' figures may have
        changed (an edit of their parcels or subzones): the zones whose fill rate moved are patched."""
        window, project = self.window, self.project
        frame = display_frame(project, name)
        if name not in window.layers:
            state = next((s for s in project.layer_state if s["name"] == name), {})
            window.layers.append(VectorLayer(name, frame, visible=state.get("visible", True),
                                             opacity=state.get("opacity", 1.0), style=state.get("style") or None))
            return
        layer = window.layers[name]
        if figures_only:
            rows = figure_rows(layer.frame, frame)
        if rows is not None and len(layer.frame) == len(frame):  # same rows: the selection holds
            extra = [c for c in layer.frame.columns if c not in frame.columns and c != "fill_rate"]
            if extra:
                frame = frame.copy() if frame is project.layers.get(name) else frame
                for column in extra:  # display columns the shell joined on, row for row
                    frame[column] = layer.frame[column].to_numpy()
            layer.set_frame(frame, geometry_changed=geometry_changed, selected=layer.selected_rows(), rows=rows)
            return
        selected = _selected_ids(layer)
        extra = [c for c in layer.frame.columns if c not in frame.columns and c not in ("fill_rate",)]
        if extra and frame is project.layers.get(name):
            frame = frame.copy()  # never add display columns to the model's own table
        for column in extra:  # columns the shell joins on (compliance): keep them aligned by id
            key = _key(name, frame)
            if key is not None and key in layer.frame:
                mapping = dict(zip(layer.frame[key].astype(str), layer.frame[column]))
                frame[column] = frame[key].astype(str).map(mapping)
        rows = None
        if selected is not None and len(selected):
            rows = np.flatnonzero(frame[_key(name, frame)].astype(str).isin(selected).to_numpy())
        layer.set_frame(frame, geometry_changed=geometry_changed, selected=rows)

    def _apply_layer_state(self) -> None:
        window, project = self.window, self.project
        for state in project.layer_state:
            if state["name"] in window.layers:
                layer = window.layers[state["name"]]
                layer.visible = state.get("visible", True)
                layer.opacity = state.get("opacity", 1.0)
                if state.get("style"):
                    layer.style = state["style"]
        order = [s["name"] for s in project.layer_state if s["name"] in window.layers]
        for target, name in enumerate(order):
            current = window.layers.index(name)
            if current != target:
                window.layers.move(current, target)


def _key(name: str, frame):
    from gis_app.core.editing import layer_key

    key = layer_key(name)
    if key is None:
        for candidate in ("lot_id", "id", "fid"):
            if candidate in frame.columns:
                return candidate
    return key if key in frame.columns else None


def _rows(project, name: str, ids):
    """Row positions of feature ``ids`` in the model's layer ``name`` (None when they cannot be told)."""
    from gis_app.core.editing import rows_of
    from gis_app.core.errors import InputError

    try:
        return rows_of(project, name, list(ids))
    except (InputError, KeyError, TypeError, ValueError):
        return None


def _selected_ids(layer):
    rows = layer.selected_rows()
    key = _key(layer.name, layer.frame)
    if not rows.size or key is None:
        return None
    return set(layer.frame[key].astype(str).to_numpy()[rows])
