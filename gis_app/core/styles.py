"""Layer styles as plain data, shared by the map canvas, print layouts and the web map.

A style is a JSON-able dict stored per layer in the project (``Project.layer_state[i]["style"]``):

    {"fill": "#d9d9d9" | None, "stroke": "#555555", "stroke_width": 0.4,   # width in mm on paper
     "fill_opacity": 1.0,
     "categorized": {"field": "landuse", "colors": {"road": "#bdbdbd", ...}, "labels": {...}},
     "graduated": {"field": "fill_rate", "breaks": [0.25, 0.5, 0.75], "colors": [4 colours]},
     "hatch": None | "diagonal" | "cross",
     "label_field": None | "name"}

``feature_fill_colors`` resolves a style to one colour per feature (vectorised) so that every
renderer shows the same thing.
"""
from __future__ import annotations

import copy

import numpy as np
import pandas as pd

LANDUSE_COLORS = {
    "industrial": "#c9a0dc", "road": "#bdbdbd", "green": "#8fd19e", "infrastructure": "#f4c27a",
    "service": "#f7a1a1", "water": "#9ecae1", "other": "#e0e0e0",
}
FILL_RATE_BREAKS = [0.25, 0.5, 0.75]
FILL_RATE_COLORS = ["#fff5eb", "#fdbe85", "#fd8d3c", "#d94701"]  # light = empty, dark = full
NO_DATA_COLOR = "#f0f0f0"

DEFAULT_STYLES = {
    "province": {"fill": None, "stroke": "#333333", "stroke_width": 0.6},
    "districts": {"fill": None, "stroke": "#888888", "stroke_width": 0.25},
    "zones": {"fill": "#fdbe85", "stroke": "#7f2704", "stroke_width": 0.4, "fill_opacity": 0.85,
              "graduated": {"field": "fill_rate", "breaks": FILL_RATE_BREAKS, "colors": FILL_RATE_COLORS},
              "label_field": "name"},
    "subzones": {"fill": None, "stroke": "#08519c", "stroke_width": 0.35,
                 "categorized": {"field": "use", "colors": {"hightech": "#6baed6", "cnht": "#74c476",
                                                           "general": "#cccccc"}},
                 "hatch": "diagonal"},
    "parcels": {"fill": "#e0e0e0", "stroke": "#666666", "stroke_width": 0.1,
                "categorized": {"field": "landuse", "colors": LANDUSE_COLORS}},
    # second-round facilities: wastewater plants blue, polluting works red (by kind)
    "facilities": {"fill": "#969696", "stroke": "#000000", "stroke_width": 0.4,
                   "categorized": {"field": "kind", "colors": {"wwtp": "#2171b5", "polluting_works": "#cb181d",
                                                             "assembly_plant": "#6a51a3", "other": "#969696"}},
                   "label_field": "name"},
}
GENERIC_STYLE = {"fill": "#a6bddb", "stroke": "#2b8cbe", "stroke_width": 0.3, "fill_opacity": 0.6}


def default_style(layer_name: str) -> dict:
    return copy.deepcopy(DEFAULT_STYLES.get(layer_name, GENERIC_STYLE))


def feature_fill_colors(frame: pd.DataFrame, style: dict) -> np.ndarray:
    """One '#rrggbb' (or None for no fill) per row of ``frame`` under ``style``."""
    n = len(frame)
    base = style.get("fill")
    colors = np.full(n, base, dtype=object)
    cat = style.get("categorized")
    if cat and cat.get("field") in frame.columns:
        mapped = frame[cat["field"]].map(cat.get("colors", {}))
        colors = np.where(mapped.notna().to_numpy(), mapped.to_numpy(dtype=object), colors)
    grad = style.get("graduated")
    if grad and grad.get("field") in frame.columns:
        values = pd.to_numeric(frame[grad["field"]], errors="coerce").to_numpy(dtype=float)
        classes = np.digitize(values, grad["breaks"], right=False)
        palette = np.asarray(grad["colors"], dtype=object)
        colors = np.where(np.isnan(values), NO_DATA_COLOR, palette[np.clip(classes, 0, len(palette) - 1)])
    return colors


def legend_entries(style: dict) -> list[tuple[str, str | None]]:
    """(label, colour) pairs describing ``style`` for a legend; labels are raw values/ranges."""
    grad = style.get("graduated")
    if grad:
        edges = [None, *grad["breaks"], None]
        out = []
        for i, color in enumerate(grad["colors"]):
            lo, hi = edges[i], edges[i + 1]
            fmt = (lambda v: f"{v:.0%}") if grad.get("field") == "fill_rate" else (lambda v: f"{v:g}")
            label = f"< {fmt(hi)}" if lo is None else (f"≥ {fmt(lo)}" if hi is None else f"{fmt(lo)}–{fmt(hi)}")
            out.append((label, color))
        return out
    cat = style.get("categorized")
    if cat:
        return list(cat.get("colors", {}).items())
    return [("", style.get("fill"))]


POINT_MARK_M = 25.0  # radius (m) of the disc that shows a point feature (a facility) on maps


def points_as_discs(frame):
    """``frame`` with its point features drawn as discs of POINT_MARK_M on the projected plane (the
    canvas and the web map draw areas); other features and the project's own data are untouched."""
    import geopandas as gpd
    import shapely

    if not len(frame):
        return frame
    geoms = np.asarray(frame.geometry.values, dtype=object)
    points = np.asarray(shapely.get_type_id(geoms) == 0)
    if not points.any():
        return frame
    shown = geoms.copy()
    shown[points] = shapely.buffer(geoms[points], POINT_MARK_M)
    return frame.set_geometry(gpd.GeoSeries(shown, index=frame.index, crs=frame.crs))
