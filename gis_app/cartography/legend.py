"""Legend of the visible layers for the print layout: a title per layer, a swatch per class."""
from __future__ import annotations

from .layout import MM
from .paper import FONT, FONT_BOLD, hex_rgb
from ..core.i18n import t

SWATCH_W, SWATCH_H, ROW = 6 * MM, 3.5 * MM, 5 * MM


def _swatch(c, x, y, fill, style) -> None:
    c.saveState()
    c.setStrokeColor(hex_rgb(style.get("stroke") or "#000000"))
    c.setLineWidth(max(0.3, float(style.get("stroke_width", 0.3)) * MM))
    if fill:
        c.setFillColor(hex_rgb(fill))
    c.rect(x, y, SWATCH_W, SWATCH_H, stroke=1, fill=1 if fill else 0)
    if style.get("hatch"):
        clip = c.beginPath()
        clip.rect(x, y, SWATCH_W, SWATCH_H)
        c.clipPath(clip, stroke=0, fill=0)
        c.setLineWidth(0.3)
        for off in range(0, int(SWATCH_W + SWATCH_H) + 1, 4):
            c.line(x + off, y, x + off - SWATCH_H, y + SWATCH_H)
    c.restoreState()


def draw_legend(c, rect, layers: list[tuple[str, dict, list]]) -> int:
    """Draw ``layers`` = [(title, style, rows)] top-down inside ``rect``; returns rows drawn."""
    x0, y0, x1, y1 = rect
    y = y1 - 10
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT_BOLD, 9)
    c.drawString(x0, y, t("CHÚ GIẢI", "LEGEND"))
    y -= ROW + 1
    drawn = 0
    for title, style, rows in layers:
        single = len(rows) == 1 and not rows[0][0]
        if y - ROW < y0:
            c.setFont(FONT, 7)
            c.drawString(x0, y, "…")
            break
        if single:
            _swatch(c, x0, y - 1, rows[0][1], style)
            c.setFont(FONT, 7)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(x0 + SWATCH_W + 2 * MM, y, title)
            y -= ROW
            drawn += 1
            continue
        c.setFont(FONT_BOLD, 7)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(x0, y, title)
        y -= ROW
        for label, color in rows:
            if y - 2 < y0:
                break
            _swatch(c, x0 + 2 * MM, y - 1, color, style)
            c.setFont(FONT, 7)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(x0 + 2 * MM + SWATCH_W + 2 * MM, y, label)
            y -= ROW
            drawn += 1
    return drawn
