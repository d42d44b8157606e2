"""Geometry first in the desktop: a big file's shapes on the map before its attributes are read.

The import job (``exchange.geometry_first``) hands the shapes over as soon as they are read; they
are drawn as a temporary layer ("name …", not in the project). When the checked layer arrives,
the temporary one is removed and, when both hold the very same shapes (no rejected, repaired or
reprojected feature), the map's cached bounds, spatial index and vertex arrays move over to the
final layer, so nothing is computed twice. A failed or cancelled import removes it.
"""
from __future__ import annotations

import numpy as np

PREVIEWS = "_geometry_first_previews"  # window attribute: {import path: preview layer}


def show_preview(window, path, name: str, shapes) -> None:
    """Draw ``shapes`` (GeoSeries) as a temporary layer when they are in the project's CRS (else
    the checked, reprojected layer will be the first thing drawn)."""
    import geopandas as gpd

    from gis_app.core.crs import to_crs
    from layers.vector.model import VectorLayer

    if shapes is None or shapes.crs is None or not len(shapes):
        return
    try:
        if not to_crs(shapes.crs).equals(window.project.crs):
            return
    except Exception:  # an unusual CRS: the full read decides
        return
    drop_preview(window, path)
    label = f"{name} …"
    layer = VectorLayer(label, gpd.GeoDataFrame(geometry=shapes.values, crs=shapes.crs), title=label)
    getattr_previews(window)[str(path)] = layer
    window.layers.append(layer)
    window.canvas.zoom_to(layer.extent)


def getattr_previews(window) -> dict:
    if not hasattr(window, PREVIEWS):
        setattr(window, PREVIEWS, {})
    return getattr(window, PREVIEWS)


def drop_preview(window, path):
    """Remove the temporary layer of ``path``; returns it (or None)."""
    layer = getattr_previews(window).pop(str(path), None)
    if layer is not None and any(other is layer for other in window.layers):
        window.layers.remove(layer.name)
    return layer


def settle_preview(window, path, final) -> None:
    """The checked layer ``final`` replaces the temporary one of ``path``."""
    preview = getattr_previews(window).get(str(path))
    if preview is not None and final is not None and same_shapes(preview, final):
        for key in ("bounds", "extent", "polygonal"):  # geometry-derived cached properties
            if key in preview.__dict__ and key not in final.__dict__:
                final.__dict__[key] = preview.__dict__[key]
        window.canvas.renderer.adopt(preview, final)  # before the removal makes it forget them
    drop_preview(window, path)


def same_shapes(a, b, sample: int = 1000) -> bool:
    """True when layers ``a`` and ``b`` hold the same shapely objects row for row (checked on
    every row up to ``sample`` rows, else on ``sample`` spread rows and the last)."""
    ga, gb = a.frame.geometry.values, b.frame.geometry.values
    if len(ga) != len(gb):
        return False
    rows = np.unique(np.linspace(0, len(ga) - 1, min(sample, len(ga))).astype(int)) if len(ga) else []
    return all(ga[i] is gb[i] for i in rows)
