"""Between a Project and the map's LayerList: build layers from it, write their state back.

Zones are shown with the model's fill rate (``Project.fill_rates``, cached until the next change)
joined on so the choropleth style can use it; the project's own zones table is left untouched. The
shell keeps the layers current through ``gis_app/shell/model_bridge.py``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from gis_app.core.project import Project
from gis_app.core.styles import default_style, points_as_discs

from .layer_list import LayerList
from .vector.model import VectorLayer

DRAW_ORDER = ("province", "districts", "national_roads", "zones", "subzones", "parcels", "facilities")


def display_frame(project: Project, name: str):
    frame = project.layers[name]
    if name == "zones" and len(frame):
        rates = project.fill_rates()  # the model's cached figures: map and zone dock read the same
        frame = frame.copy()
        frame["fill_rate"] = pd.Series(rates["fill_rate"].to_numpy(), index=frame.index)
    if name == "facilities":
        frame = points_as_discs(frame)  # facilities may be points (CONTRACTS.md); the canvas draws areas
    return frame


def figure_rows(shown, frame) -> np.ndarray | None:
    """Rows of the zones layer whose fill rate differs between the ``shown`` frame and the new
    ``frame`` (same zones in the same order), else None: after an edit of parcels or subzones only
    the zones whose figures moved need drawing again."""
    if shown is None or len(shown) != len(frame) or "fill_rate" not in shown or "fill_rate" not in frame:
        return None
    if not np.array_equal(shown["zone_id"].to_numpy(dtype=object), frame["zone_id"].to_numpy(dtype=object)):
        return None
    old = shown["fill_rate"].to_numpy(dtype=float)
    new = frame["fill_rate"].to_numpy(dtype=float)
    return np.flatnonzero(~((old == new) | (np.isnan(old) & np.isnan(new))))


def layers_from_project(project: Project, layer_list: LayerList | None = None) -> LayerList:
    """Layers in the project's saved order (bottom first), else a sensible default order.

    Fills ``layer_list`` (cleared first) when given, so observers stay connected.
    """
    layer_list = LayerList() if layer_list is None else layer_list
    layer_list.clear()
    states = {s["name"]: s for s in project.layer_state}
    saved = [s["name"] for s in project.layer_state if s["name"] in project.layers]
    rest = sorted((n for n in project.layers if n not in saved),
                  key=lambda n: (DRAW_ORDER.index(n) if n in DRAW_ORDER else len(DRAW_ORDER), n))
    for name in saved + rest:
        state = states.get(name, {})
        layer_list.append(VectorLayer(name, display_frame(project, name), visible=state.get("visible", True),
                                      opacity=state.get("opacity", 1.0),
                                      style=state.get("style") or default_style(name)))
    return layer_list


def store_state(project: Project, layer_list: LayerList, extent=None) -> None:
    """Copy layer order, visibility, opacity, style and the map extent into the project."""
    project.layer_state = [layer.state() for layer in layer_list]
    if extent is not None:
        project.view = dict(project.view, extent=[float(v) for v in extent])


def is_illustrative(project: Project) -> bool:
    if project.meta.get("illustrative"):
        return True
    zones = project.layers.get("zones")
    if zones is not None and "illustrative" in zones.columns and len(zones):
        values = zones["illustrative"].astype(str).str.lower()
        return bool(values.isin(["true", "1", "yes"]).any())
    return False
