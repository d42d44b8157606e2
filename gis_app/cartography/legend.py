"""Legend of the visible layers for the print layout: a title per layer, a swatch per class.

Flows top-down and into further columns when the panel is short (portrait pages).
"""
from __future__ import annotations

from .layout import MM
from .paper import FONT, FONT_BOLD, hex_rgb
from ..core.i18n import t

SWATCH_W, SWATCH_H, ROW = 6 * MM, 3.5 * MM, 4.6 * MM
COLUMN_MIN = 40 * MM
TEXT_SIZE = 6.8


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


def _rows(layers, text_width):
    """Flatten layers into drawable rows: ("title", text) or ("item", text, colour, style, indent)."""
    from reportlab.lib.utils import simpleSplit

    out = []
    for title, style, rows in layers:
        if len(rows) == 1 and not rows[0][0]:  # single symbol: swatch beside the layer title
            lines = simpleSplit(title, FONT, TEXT_SIZE, text_width - SWATCH_W - 2 * MM)
            out.append(("item", lines, rows[0][1], style, 0))
            continue
        out.extend(("title", [line]) for line in simpleSplit(title, FONT_BOLD, TEXT_SIZE, text_width))
        for label, color in rows:
            lines = simpleSplit(label, FONT, TEXT_SIZE, text_width - SWATCH_W - 4 * MM)
            out.append(("item", lines, color, style, 2 * MM))
    return out


def draw_legend(c, rect, layers: list[tuple[str, dict, list]]) -> int:
    """Draw ``layers`` = [(title, style, rows)] inside ``rect``; returns the number of swatches drawn."""
    x0, y0, x1, y1 = rect
    columns = max(1, int((x1 - x0) // COLUMN_MIN))
    col_w = (x1 - x0) / columns
    top = y1 - 10
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT_BOLD, 9)
    c.drawString(x0, top, t("CHÚ GIẢI", "LEGEND"))
    top -= ROW + 1
    col, y, drawn = 0, top, 0
    for row in _rows(layers, col_w - 2 * MM):
        height = ROW if row[0] == "title" else max(ROW, len(row[1]) * (TEXT_SIZE + 1.5) + 1.5)
        if y - height < y0 + 2:
            col, y = col + 1, top
            if col >= columns:
                c.setFont(FONT, TEXT_SIZE)
                c.drawString(x0 + (columns - 1) * col_w, y0 + 2, "…")
                break
        x = x0 + col * col_w
        c.setFillColorRGB(0, 0, 0)
        if row[0] == "title":
            c.setFont(FONT_BOLD, TEXT_SIZE)
            c.drawString(x, y, row[1][0])
        else:
            _, lines, color, style, indent = row
            _swatch(c, x + indent, y - 1, color, style)
            c.setFont(FONT, TEXT_SIZE)
            c.setFillColorRGB(0, 0, 0)
            for i, line in enumerate(lines):
                c.drawString(x + indent + SWATCH_W + 2 * MM, y - i * (TEXT_SIZE + 1.5), line)
            drawn += 1
        y -= height
    return drawn
