"""Degenerate geometry in a project: zero-area polygons and invalid rings, named before an output.

Outputs (print, web map, QGIS export) draw such features as they are, never fail the whole page on
them, and say which ones they are so the planner can fix them (issue 12). Vectorised with shapely 2.
"""
from __future__ import annotations

import numpy as np
import shapely

from .i18n import t

ID_COLUMNS = ("parcel_id", "lot_id", "facility_id", "subzone_id", "zone_id", "MaLo", "handle")  # most specific first


def collapsed_rings(geoms) -> np.ndarray:
    """Boolean mask of the (multi)polygons, an array of shapely geometries, with a part or a hole whose
    ring encloses no area (a ring too short or folded onto itself). Only rows with holes or several
    parts are taken apart, so the cost follows them, not the layer."""
    out = np.zeros(len(geoms), dtype=bool)
    types = shapely.get_type_id(geoms)
    rows = np.flatnonzero((types == 6) | ((types == 3) & (shapely.get_num_interior_rings(geoms) > 0)))
    if rows.size:
        parts, part_row = shapely.get_parts(geoms[rows], return_index=True)
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        flat = ~(shapely.area(shapely.polygons(rings)) > 0)
        out[rows[np.unique(part_row[ring_part[flat]])]] = True
    return out


def degenerate_mask(frame, validity: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(zero-area polygons, other faulty polygons) as boolean masks over the rows of ``frame``.

    ``validity``: the second mask holds every invalid polygon (GEOS validity, ~3 s per million
    features: for outputs); without it only the polygons with a collapsed ring (``collapsed_rings``,
    cheap enough for the desktop canvas on every edit)."""
    geoms = frame.geometry.values
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    polygonal = present & np.isin(shapely.get_type_id(geoms), (3, 6))
    zero = polygonal & ~(shapely.area(geoms) > 0)
    faulty = ~shapely.is_valid(geoms) if validity else collapsed_rings(np.asarray(geoms))
    return zero, polygonal & ~zero & faulty


def feature_ids(frame) -> np.ndarray:
    """A text id per row of ``frame``: its most specific id column, else "#index"."""
    column = next((c for c in ID_COLUMNS if c in frame.columns), None)
    return (frame[column].astype(str) if column else frame.index.to_series().map(lambda i: f"#{i}")).to_numpy()


def degenerate_note(frame, layer: str, validity: bool = True, masks=None) -> str | None:
    """One note for a layer holding zero-area or invalid polygons, naming up to ten, or None
    (``validity`` as in ``degenerate_mask``; ``masks``: that pair, already computed)."""
    if frame is None or len(frame) == 0:
        return None
    zero, invalid = masks if masks is not None else degenerate_mask(frame, validity)
    if not (zero.any() or invalid.any()):
        return None
    shown = ", ".join(feature_ids(frame.iloc[np.concatenate([np.flatnonzero(zero)[:10],
                                                             np.flatnonzero(invalid)[:10]])]))
    return t("lớp {layer}: {z} đối tượng diện tích bằng 0 và {v} đối tượng có vòng không hợp lệ được vẽ nguyên "
             "trạng ({ids}); hãy sửa chúng",
             "layer {layer}: {z} features with zero area and {v} with an invalid ring are drawn as they are ({ids}); "
             "fix them", layer=layer, z=int(zero.sum()), v=int(invalid.sum()), ids=shown)


def degenerate_notes(project, layers=None) -> list[str]:
    """``degenerate_note`` of each of the project's layers (or the named ones) that has one."""
    notes = [degenerate_note(project.layers.get(name), name)
             for name in (layers if layers is not None else list(project.layers))]
    return [n for n in notes if n]
