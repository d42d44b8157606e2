"""The land-use balance table on the print layout (issue 11): land-use class, ha, % of the zone,
from the zone's parcels (``subdivision.balance``), drawn at the top of the legend panel."""
from __future__ import annotations

from ..core.i18n import t
from .layout import MM
from .paper import FONT, FONT_BOLD

ROW = 4.2 * MM
TEXT_SIZE = 6.8


def zone_balance_rows(project, zone_id: str | None):
    """Table rows for the printed zone, or None when no zone is printed or it has no parcels."""
    from ..subdivision import balance

    if not zone_id:
        return None
    parcels = project.parcels
    if parcels is None or not len(parcels) or not (parcels["zone_id"] == zone_id).any():
        return None
    return balance.table_rows(balance.parcels_balance(parcels, zone_id))


def draw_balance_table(c, rect, rows) -> float:
    """Draw ``rows`` [(class, ha, %)] (the last one the total) from the top of ``rect`` =
    (x0, y0, x1, y1) in points; returns the y under the table."""
    x0, _, x1, y1 = rect
    y = y1 - 10
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT_BOLD, 8)
    c.drawString(x0, y, t("BẢNG CÂN BẰNG SỬ DỤNG ĐẤT", "LAND-USE BALANCE"))
    y -= ROW
    col_ha, col_pct = x1 - 20 * MM, x1 - 2 * MM
    c.setFont(FONT_BOLD, TEXT_SIZE)
    c.drawString(x0, y, t("Loại đất", "Land use"))
    c.drawRightString(col_ha, y, "ha")
    c.drawRightString(col_pct, y, "%")
    c.setLineWidth(0.4)
    c.line(x0, y - 1.5 * MM, x1, y - 1.5 * MM)
    for k, (label, ha, pct) in enumerate(rows):
        y -= ROW
        last = k == len(rows) - 1
        if last:
            c.line(x0, y + ROW - 1.5 * MM, x1, y + ROW - 1.5 * MM)
        c.setFont(FONT_BOLD if last else FONT, TEXT_SIZE)
        c.drawString(x0, y, label)
        c.drawRightString(col_ha, y, ha)
        c.drawRightString(col_pct, y, pct)
    return y - ROW
