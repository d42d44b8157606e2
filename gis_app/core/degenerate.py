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


def degenerate_notes(project, layers=None) -> list[str]:
    """One note per layer holding zero-area or invalid polygons, naming up to ten of them."""
    notes = []
    for name in layers if layers is not None else list(project.layers):
        frame = project.layers.get(name)
        if frame is None or len(frame) == 0:
            continue
        zero, invalid = degenerate_mask(frame)
        if not (zero.any() or invalid.any()):
            continue
        column = next((c for c in ID_COLUMNS if c in frame.columns), None)
        ids = (frame[column].astype(str) if column else frame.index.to_series().map(lambda i: f"#{i}")).to_numpy()
        shown = ", ".join(list(ids[zero][:10]) + list(ids[invalid][:10]))
        notes.append(t("lớp {layer}: {z} đối tượng diện tích bằng 0 và {v} đối tượng có vòng không hợp lệ được vẽ "
                       "nguyên trạng ({ids}); hãy sửa chúng",
                       "layer {layer}: {z} features with zero area and {v} with an invalid ring are drawn as they "
                       "are ({ids}); fix them", layer=name, z=int(zero.sum()),
                       v=int(invalid.sum()), ids=shown))
    return notes
