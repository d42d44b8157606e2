"""What each layer looks like on a map output: resolved style, per-feature colours, Vietnamese names.

Shared by the PDF and the web map so both show the same thing as the canvas (gis_app/core/styles.py).
"""
from __future__ import annotations

import geopandas as gpd
import pandas as pd

from ..core import aliases
from ..core.fill_rates import zone_fill_rates
from ..core.i18n import t
from ..core.styles import NO_DATA_COLOR, default_style, feature_fill_colors, legend_entries



def layer_title(name: str) -> str:
    """The layer's name on maps (core/aliases.py); the zones carry what their colours mean."""
    if name == "zones":
        return t("Khu, cụm công nghiệp (tỷ lệ lấp đầy)", "Industrial zones and clusters (fill rate)")
    return aliases.layer_title(name)


def value_label(value, field: str | None = None) -> str:
    return aliases.value_label(value, field)


def layer_style(state: dict) -> dict:
    """The layer's stored style, else the shared default for its name."""
    return state.get("style") or default_style(state["name"])


def zones_with_figures(project) -> gpd.GeoDataFrame:
    """The zones layer with fill-rate figures joined (fill_rate, industrial_m2, leased_m2, ...)."""
    zones = project.zones.copy()
    if zones.empty:
        for column in ("gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "fill_rate", "figures_from"):
            zones[column] = pd.Series(dtype=float)
        return zones
    rates = zone_fill_rates(project)
    keys = zones["zone_id"].astype(str)
    for column in rates.columns:
        zones[column] = rates[column].reindex(keys).to_numpy()
    return zones


def styled_frame(project, state: dict) -> tuple[gpd.GeoDataFrame, dict, object]:
    """(features, style, per-feature fill colours) for one layer_state entry."""
    frame = zones_with_figures(project) if state["name"] == "zones" else project.layer(state["name"])
    style = layer_style(state)
    return frame, style, feature_fill_colors(frame, style)


def legend_rows(frame: gpd.GeoDataFrame, style: dict) -> list[tuple[str, str | None]]:
    """(label, colour) pairs; categorised styles list only the values present in ``frame``."""
    cat = style.get("categorized")
    entries = legend_entries(style)
    if cat and not style.get("graduated") and cat.get("field") in frame.columns:
        present = set(frame[cat["field"]].dropna().astype(str))
        return [(value_label(v, cat['field']), c) for v, c in entries if v in present]
    grad = style.get("graduated")
    if grad:
        values = pd.to_numeric(frame[grad["field"]], errors="coerce") if grad.get("field") in frame else None
        if values is not None and values.isna().any():
            return entries + [(t("Chưa có số liệu", "No data"), NO_DATA_COLOR)]
        return entries
    return [("", style.get("fill"))]  # one swatch beside the layer's title
