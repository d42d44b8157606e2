"""Lot and zone labels, placed only where the scale leaves room for the text on paper."""
from __future__ import annotations

import numpy as np
import shapely

from ..core.numbers import fmt_m2
from .layout import MM
from .paper import FONT, FONT_BOLD, PaperTransform, clip_to_extent

ZONE_FONT = 8.0


def _drawable(frame):
    """Rows with a non-empty geometry (a missing geometry has nothing to label)."""
    geoms = frame.geometry.values
    return frame[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]


LOT_FONTS = (5.5, 4.6, 3.8)  # points: the normal size, then smaller where a lot is narrow on paper
LOT_PLAN_SCALE = 2500  # at 1:2,500 and larger every lot from MIN_LABELLED_M2 carries its label
MIN_LABELLED_M2 = 500.0  # the SME lot of the rules (R4, seed 003 Part I, II.2): every such lot is read on a plan
LEADER = 5 * MM  # how far a leader line takes a label that fits nowhere inside its lot


def short_numbers(parcels) -> list[str]:
    """The lot numbers a plan shows: ``KCN-DAIAN:CN-45`` → ``CN-45``, ``KCN-DAIAN-P012`` → ``P012``."""
    ids = parcels["parcel_id"].astype(str).to_numpy()
    zones = parcels["zone_id"].astype(str).to_numpy() if "zone_id" in parcels else [""] * len(ids)
    out = []
    for pid, zone in zip(ids, zones):
        if ":" in pid:
            out.append(pid.rsplit(":", 1)[1])
        elif zone and pid.startswith(zone + "-") and len(pid) > len(zone) + 1:
            out.append(pid[len(zone) + 1:])
        else:
            out.append(pid)
    return out


def lot_label_lines(parcels) -> list[tuple[str, str]]:
    """(short number, area in the UI language's format) per parcel."""
    areas = shapely.area(parcels.geometry.values)
    return [(number, fmt_m2(a)) for number, a in zip(short_numbers(parcels), areas)]


def _axes(geoms):
    """Per geometry: (long side m, short side m, angle of the long side in degrees, kept upright)."""
    rects = shapely.minimum_rotated_rectangle(geoms)
    coords, index = shapely.get_coordinates(rects, return_index=True)
    starts = np.searchsorted(index, np.arange(len(geoms)))
    ok = (starts + 2 < len(coords)) & (np.bincount(index, minlength=len(geoms)) >= 4)
    s = np.where(ok, starts, 0)
    e1 = coords[np.minimum(s + 1, len(coords) - 1)] - coords[s]
    e2 = coords[np.minimum(s + 2, len(coords) - 1)] - coords[np.minimum(s + 1, len(coords) - 1)]
    l1, l2 = np.hypot(*e1.T), np.hypot(*e2.T)
    long_vec = np.where((l1 >= l2)[:, None], e1, e2)
    angle = np.degrees(np.arctan2(long_vec[:, 1], long_vec[:, 0]))
    angle = np.where(angle > 90, angle - 180, np.where(angle <= -90, angle + 180, angle))
    return np.where(ok, np.maximum(l1, l2), 0.0), np.where(ok, np.minimum(l1, l2), 0.0), np.where(ok, angle, 0.0)


def _fit(number: str, area: str, long_pt: float, short_pt: float, width, plan: bool = True):
    """(font size, two lines?) of the largest label that fits the lot's rectangle on paper, else None.
    Smaller text and one-line labels only on lot plans (``plan``)."""
    for size in LOT_FONTS if plan else LOT_FONTS[:1]:
        if max(width(number, size), width(area, size)) + 0.8 * MM <= long_pt and 2.6 * size <= short_pt:
            return size, True
    if not plan:
        return None
    size = LOT_FONTS[-1]
    if width(f"{number} {area}", size) + 0.8 * MM <= long_pt and 1.3 * size <= short_pt:
        return size, False
    return None


def _backdrop(c, x, y, w, h) -> None:
    """A light box under a label: readable above the subzone hatching, the lot still visible."""
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    c.setFillAlpha(0.75)
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.restoreState()


def draw_lot_labels(c, tr: PaperTransform, parcels) -> int:
    """Label industrial lots with their short number and area inside the lot, along its long side.

    At lot-plan scales (1:2,500 and larger) every lot of 500 m² or more is labelled: in smaller text
    where it is narrow, else beside it with a leader line. At smaller scales only labels that fit."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lots = parcels[parcels["landuse"] == "industrial"] if "landuse" in parcels else parcels
    lots = _drawable(lots)
    if lots.empty:
        return 0
    clipped = clip_to_extent(lots.geometry.values, tr.extent)  # the part on this sheet
    keep = ~(shapely.is_empty(clipped) | shapely.is_missing(clipped))
    lots, clipped = lots[keep], clipped[keep]
    if lots.empty:
        return 0
    long_m, short_m, angle = _axes(clipped)
    anchor = shapely.get_coordinates(shapely.point_on_surface(clipped))
    px, py = tr.x(anchor[:, 0]), tr.y(anchor[:, 1])
    full_area = shapely.area(lots.geometry.values)
    plan = tr.scale <= LOT_PLAN_SCALE

    def width(text, size):
        return stringWidth(text, FONT, size)

    drawn = 0
    c.saveState()
    c.setFillColorRGB(0.1, 0.1, 0.1)
    for i, (number, area) in enumerate(lot_label_lines(lots)):
        # upright text where the lot lies square to the sheet, else along the lot's long side
        square = min(abs(angle[i]), 90 - abs(angle[i])) < 12
        wide = abs(angle[i]) < 45
        fit = None
        if square:
            across, up = (long_m[i], short_m[i]) if wide else (short_m[i], long_m[i])
            fit = _fit(number, area, across * tr.k, up * tr.k, width, plan)
            if fit is not None:
                angle[i] = 0.0
        if fit is None:
            fit = _fit(number, area, long_m[i] * tr.k, short_m[i] * tr.k, width, plan)
        if fit is None and not (plan and full_area[i] >= MIN_LABELLED_M2):
            continue
        c.saveState()
        if fit is None:  # a leader line from the lot to its label, set beside it
            x, y = px[i] + LEADER, py[i] + LEADER
            c.setLineWidth(0.25)
            c.setStrokeColorRGB(0.1, 0.1, 0.1)
            c.line(px[i], py[i], x - 0.3 * MM, y - 0.3 * MM)
            c.circle(px[i], py[i], 0.35, stroke=0, fill=1)
            size, two = LOT_FONTS[1], True
            c.translate(x, y)
            _backdrop(c, -0.5, -size - 1.2, max(width(number, size), width(area, size)) + 1, 2 * size + 2.4)
            c.setFont(FONT, size)
            c.drawString(0, 0.6, number)
            c.drawString(0, -size - 0.2, area)
        else:
            size, two = fit
            c.translate(px[i], py[i])
            if long_m[i] * tr.k > 0 and abs(angle[i]) > 1e-6:
                c.rotate(float(angle[i]))
            c.setFont(FONT, size)
            w = max(width(number, size), width(area, size)) if two else width(f"{number} {area}", size)
            h = 2 * size + 2.4 if two else size + 1.6
            _backdrop(c, -w / 2 - 0.5, -size - 1.2 if two else -size / 3 - 0.9, w + 1, h)
            if two:
                c.drawCentredString(0, 0.6, number)
                c.drawCentredString(0, -size - 0.2, area)
            else:
                c.drawCentredString(0, -size / 3, f"{number} {area}")
        c.restoreState()
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
