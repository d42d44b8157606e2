"""A site outline with far more vertices than a layout can use, thinned before subdividing.

Surveyed or digitised outlines (a stream bank, a densified boundary) can carry a million vertices;
every outer edge is a candidate road access and enters every block cut, so the engine's cost grows
with them (387 s and 2.4 GB for a 1,000,000-vertex outline, where a plain 1,000 ha box takes
0.7 s). The outline is simplified (Douglas-Peucker, topology kept) to half the engine's own
geometric tolerance (``SubdivisionParams.tolerance``, 5 cm: closer than that, a lot edge already
counts as lying on a road), so no lot, road or frontage decision can change; the run says so.
"""
from __future__ import annotations

import shapely

from ..core.i18n import t

MAX_VERTICES = 20_000  # outlines up to this size are used as they are


def thin_outline(polygon, tolerance_m: float) -> tuple[object, dict | None]:
    """(polygon, note): ``polygon`` simplified to ``tolerance_m / 2`` when it has more than
    ``MAX_VERTICES`` vertices, else unchanged. ``note`` (None when unchanged) holds
    ``vertices_in``, ``vertices_used``, ``tolerance_m`` and a ``message`` in the UI language."""
    count = int(shapely.get_num_coordinates(polygon))
    if count <= MAX_VERTICES:
        return polygon, None
    tolerance = tolerance_m / 2
    thinned = shapely.simplify(polygon, tolerance, preserve_topology=True)
    if thinned.is_empty or not thinned.is_valid:
        thinned = shapely.make_valid(thinned)
    used = int(shapely.get_num_coordinates(thinned))
    message = t("đường bao vùng đất có {n:,} đỉnh: đã giản lược còn {m:,} đỉnh với sai số {d:g} m (nhỏ hơn dung sai "
                "{tol:g} m của thuật toán, nên không lô nào thay đổi)",
                "the site outline has {n:,} vertices: simplified to {m:,} within {d:g} m (below the engine's "
                "{tol:g} m tolerance, so no lot changes)", n=count, m=used, d=tolerance, tol=tolerance_m)
    return thinned, {"vertices_in": count, "vertices_used": used, "tolerance_m": tolerance, "message": message}
