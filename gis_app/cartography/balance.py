"""The land-use balance table of a print: area and share of each land use of the printed zone.

A planner's appraisal sheet carries it beside the legend ("bảng cân bằng sử dụng đất"); the shares
are those QCVN 01:2021/BXD section 2.5 sets limits on (roads, green space, technical infrastructure).
"""
from __future__ import annotations


import pandas as pd
import shapely

from ..core.aliases import value_label
from ..core.i18n import t
from ..core.numbers import fmt_ha, fmt_share
from .layout import MM
from .paper import FONT, FONT_BOLD

ORDER = ("industrial", "service", "infrastructure", "green", "water", "road", "other")


def landuse_balance(parcels, zone_id: str | None = None) -> list[tuple[str, float, float]]:
    """(land use label, m², share of the total) for the parcels of ``zone_id`` (all parcels without one),
    largest classes in the planners' order, the total last. Empty when there are no parcels."""
    if parcels is None or parcels.empty or "landuse" not in parcels:
        return []
    if zone_id and "zone_id" in parcels:
        parcels = parcels[parcels["zone_id"].astype(str) == str(zone_id)]
    if parcels.empty:
        return []
    areas = pd.Series(shapely.area(parcels.geometry.values), index=parcels.index)
    by_use = areas.groupby(parcels["landuse"].fillna("other").astype(str)).sum()
    total = float(by_use.sum())
    if total <= 0:
        return []
    keys = [k for k in ORDER if k in by_use.index] + sorted(k for k in by_use.index if k not in ORDER)
    rows = [(value_label(k, "landuse"), float(by_use[k]), float(by_use[k]) / total) for k in keys]
    return rows + [(t("Tổng cộng", "Total"), total, 1.0)]


def balance_height(rows) -> float:
    return 0.0 if not rows else (len(rows) + 2) * 3.6 * MM + 2 * MM


def draw_balance_table(c, rect, rows) -> int:
    """The table inside ``rect`` (x0, y0, x1, y1, points): title, then label | area (ha) | share."""
    if not rows:
        return 0
    x0, y0, x1, y1 = rect
    row_h, size = 3.6 * MM, 6.8
    y = y1 - 10
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT_BOLD, 9)
    c.drawString(x0, y, t("BẢNG CÂN BẰNG SỬ DỤNG ĐẤT", "LAND-USE BALANCE"))
    y -= row_h
    c.setFont(FONT_BOLD, size)
    c.drawString(x0, y, t("Loại đất", "Land use"))
    c.drawRightString(x1 - 16 * MM, y, t("Diện tích", "Area"))
    c.drawRightString(x1, y, t("Tỷ lệ", "Share"))
    c.setLineWidth(0.3)
    c.line(x0, y - 1.2 * MM, x1, y - 1.2 * MM)
    for i, (label, m2, share) in enumerate(rows):
        y -= row_h
        last = i == len(rows) - 1
        if last:
            c.line(x0, y + row_h - 1.2 * MM, x1, y + row_h - 1.2 * MM)
        c.setFont(FONT_BOLD if last else FONT, size)
        c.drawString(x0, y, label)
        c.drawRightString(x1 - 16 * MM, y, fmt_ha(m2))
        c.drawRightString(x1, y, fmt_share(share))
    c.restoreState()
    return len(rows)



