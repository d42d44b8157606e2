"""Degenerate geometry in a project: zero-area polygons and invalid rings, named before an output.

Outputs (print, web map, QGIS export) draw such features as they are, never fail the whole page on
them, and say which ones they are so the planner can fix them (issue 12). Vectorised with shapely 2.
"""
from __future__ import annotations

import numpy as np
import shapely

from .i18n import t

ID_COLUMNS = ("parcel_id", "lot_id", "facility_id", "subzone_id", "zone_id", "MaLo", "handle")  # most specific first


def degenerate_mask(frame) -> tuple[np.ndarray, np.ndarray]:
    """(zero-area polygons, other invalid polygons) as boolean masks over the rows of ``frame``."""
    geoms = frame.geometry.values
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    polygonal = present & np.isin(shapely.get_type_id(geoms), (3, 6))
    zero = polygonal & ~(shapely.area(geoms) > 0)
    invalid = polygonal & ~zero & ~shapely.is_valid(geoms)
    return zero, invalid


def degenerate_note(frame, layer: str) -> str | None:
    """One note for a layer holding zero-area or invalid polygons, naming up to ten, or None."""
    if frame is None or len(frame) == 0:
        return None
    zero, invalid = degenerate_mask(frame)
    if not (zero.any() or invalid.any()):
        return None
    column = next((c for c in ID_COLUMNS if c in frame.columns), None)
    ids = (frame[column].astype(str) if column else frame.index.to_series().map(lambda i: f"#{i}")).to_numpy()
    shown = ", ".join(list(ids[zero][:10]) + list(ids[invalid][:10]))
    return t("lớp {layer}: {z} đối tượng diện tích bằng 0 và {v} đối tượng có vòng không hợp lệ được vẽ nguyên "
             "trạng ({ids}); hãy sửa chúng",
             "layer {layer}: {z} features with zero area and {v} with an invalid ring are drawn as they are ({ids}); "
             "fix them", layer=layer, z=int(zero.sum()), v=int(invalid.sum()), ids=shown)


def degenerate_notes(project, layers=None) -> list[str]:
    """``degenerate_note`` of each of the project's layers (or the named ones) that has one."""
    notes = [degenerate_note(project.layers.get(name), name)
             for name in (layers if layers is not None else list(project.layers))]
    return [n for n in notes if n]
