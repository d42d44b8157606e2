"""An accepted layout or a lot edit as one step of the project model (``Project.replace_layers``).

The model keeps the very frame objects before and after, so undo restores the project exactly; the
window's Edit menu shows the step through ``gis_app/shell/model_bridge.py``.
"""
from __future__ import annotations

import copy

from gis_app.core.model import FEATURES_CHANGED, LAYER_ADDED, LAYER_REMOVED, ProjectEvent


def change_layers(window, after: dict, text: str, styles: dict | None = None) -> None:
    """Set ``after`` (layer name → frame, None = no such layer) as one undoable model step."""
    project = window.project
    state = copy.deepcopy(project.layer_state)
    state = [s for s in state if after.get(s["name"], True) is not None]
    for name, frame in after.items():  # new layers get a layer_state entry with their style
        if frame is not None and not any(s["name"] == name for s in state):
            state.append({"name": name, "visible": True, "opacity": 1.0,
                          "style": copy.deepcopy((styles or {}).get(name, {}))})
    events = []
    for name, frame in after.items():
        if frame is None:
            events.append(ProjectEvent(LAYER_REMOVED, name))
        elif name in project.layers:
            events.append(ProjectEvent(FEATURES_CHANGED, name))
        else:
            events.append(ProjectEvent(LAYER_ADDED, name))
    project.replace_layers(after, events, (text, text), layer_state=state)
