"""Lot and zone labels, placed only where the scale leaves room for the text on paper."""
from __future__ import annotations

import shapely

from .layout import MM
from .paper import FONT, FONT_BOLD, PaperTransform, group_digits

LOT_FONT, ZONE_FONT = 5.5, 8.0


def _drawable(frame):
    """Rows with a non-empty geometry (a missing geometry has nothing to label)."""
    geoms = frame.geometry.values
    return frame[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]


def lot_label_lines(parcels) -> list[tuple[str, str]]:
    areas = shapely.area(parcels.geometry.values)
    return [(str(pid), f"{group_digits(a)} m²") for pid, a in zip(parcels["parcel_id"], areas)]


def draw_lot_labels(c, tr: PaperTransform, parcels) -> int:
    """Label industrial lots with id and area when both lines fit inside the lot's box on paper."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lots = parcels[parcels["landuse"] == "industrial"] if "landuse" in parcels else parcels
    lots = _drawable(lots)
    if lots.empty:
        return 0
    geoms = lots.geometry.values
    bounds = shapely.bounds(geoms)
    box_w = (bounds[:, 2] - bounds[:, 0]) * tr.k
    box_h = (bounds[:, 3] - bounds[:, 1]) * tr.k
    anchor = shapely.get_coordinates(shapely.point_on_surface(geoms))
    px, py = tr.x(anchor[:, 0]), tr.y(anchor[:, 1])
    fx0, fy0, fx1, fy1 = tr.frame
    inside = (px > fx0) & (px < fx1) & (py > fy0) & (py < fy1)
    drawn = 0
    c.saveState()
    c.setFillColorRGB(0.1, 0.1, 0.1)
    c.setFont(FONT, LOT_FONT)
    for i, (pid, area) in enumerate(lot_label_lines(lots)):
        need_w = max(stringWidth(pid, FONT, LOT_FONT), stringWidth(area, FONT, LOT_FONT)) + 1 * MM
        if not inside[i] or box_w[i] < need_w or box_h[i] < 2.6 * LOT_FONT:
            continue
        c.drawCentredString(px[i], py[i] + 0.6, pid)
        c.drawCentredString(px[i], py[i] - LOT_FONT - 0.2, area)
        drawn += 1
    c.restoreState()
    return drawn


def draw_zone_labels(c, tr: PaperTransform, zones) -> int:
    """Zone names at a point inside each zone, when the name is narrower than the zone on paper."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    zones = _drawable(zones)
    if zones.empty:
        return 0
    geoms = zones.geometry.values
    bounds = shapely.bounds(geoms)
    box_w = (bounds[:, 2] - bounds[:, 0]) * tr.k
    # Above the zone's top edge, centred: never on top of the lot labels inside it.
    px, py = tr.x((bounds[:, 0] + bounds[:, 2]) / 2), tr.y(bounds[:, 3]) + 1.5 * MM
    fx0, fy0, fx1, fy1 = tr.frame
    drawn = 0
    c.saveState()
    c.setFont(FONT_BOLD, ZONE_FONT)
    c.setFillColorRGB(0.3, 0.1, 0.0)
    for i, name in enumerate(zones["name"].astype(str)):
        w = stringWidth(name, FONT_BOLD, ZONE_FONT)
        if box_w[i] < w or not (fx0 + w / 2 < px[i] < fx1 - w / 2 and fy0 < py[i] < fy1 - ZONE_FONT):
            continue
        c.drawCentredString(px[i], py[i], name)
        drawn += 1
    c.restoreState()
    return drawn
