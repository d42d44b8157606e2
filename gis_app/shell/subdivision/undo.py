"""One undoable change of project layers: the frames before and after, swapped in whole.

Keeping the very frame objects (not diffs) makes undo restore the project exactly; a command holds
only the layers it changes, so memory stays proportional to the edit.
"""
from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from layers.project_layers import display_frame
from layers.vector.model import VectorLayer


class LayersChange(QUndoCommand):
    """Set ``after`` (layer name → frame, None = no such layer) as one step; undo puts ``before`` back."""

    def __init__(self, window, after: dict, text: str, styles: dict | None = None):
        super().__init__(text)
        project = window.project
        self.window = window
        self.before = {name: project.layers.get(name) for name in after}
        self.after = dict(after)
        self.state_before = copy.deepcopy(project.layer_state)
        self.state_after = copy.deepcopy(project.layer_state)
        for name, frame in after.items():  # new layers get a layer_state entry with their style
            if frame is not None and name not in project.layers:
                self.state_after.append({"name": name, "visible": True, "opacity": 1.0,
                                         "style": copy.deepcopy((styles or {}).get(name, {}))})

    def redo(self):
        apply_layers(self.window, self.after, self.state_after)

    def undo(self):
        apply_layers(self.window, self.before, self.state_before)


def apply_layers(window, frames: dict, layer_state: list) -> None:
    """Put ``frames`` into the window's project and refresh the map layers showing them."""
    project = window.project
    for name, frame in frames.items():
        if frame is None:
            project.layers.pop(name, None)
        else:
            project.layers[name] = frame
    project.layer_state = copy.deepcopy(layer_state)
    styles = {s["name"]: s.get("style") for s in layer_state}
    for name, frame in frames.items():
        if frame is None:
            if name in window.layers:
                window.layers.remove(name)
        elif name in window.layers:
            window.layers[name].frame = display_frame(project, name)
        else:
            window.layers.append(VectorLayer(name, display_frame(project, name), style=styles.get(name) or None))
    if "parcels" in frames and "zones" in window.layers:  # fill rates come from the parcels
        from ..window_actions import refresh_zone_panel

        zones = window.layers["zones"]
        selected = zones.selected_rows()
        zones.frame = display_frame(project, "zones")
        zones.select(selected)
        refresh_zone_panel(window)
    window.set_modified(True)
