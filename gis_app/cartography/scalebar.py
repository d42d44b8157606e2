"""Scale bar and north arrow for the print layout's panel."""
from __future__ import annotations

from .layout import MM
from ..core.i18n import t
from .paper import FONT, FONT_BOLD, group_digits

NICE_LENGTHS = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000)
SEGMENTS = 4


def bar_length(scale: int, max_width_pt: float) -> int:
    """The longest round ground length (m) whose bar fits ``max_width_pt`` at 1:scale."""
    k = 1000.0 * MM / scale
    fitting = [n for n in NICE_LENGTHS if n * k <= max_width_pt]
    return fitting[-1] if fitting else NICE_LENGTHS[0]


def _distance_text(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def draw_scale_bar(c, x: float, y: float, max_width: float, scale: int) -> tuple[int, float]:
    """Alternating black/white segments starting at (x, y); returns (ground metres, width in points)."""
    length = bar_length(scale, max_width)
    width = length * 1000.0 * MM / scale
    seg, h = width / SEGMENTS, 2.2 * MM
    c.saveState()
    c.setLineWidth(0.4)
    c.setStrokeColorRGB(0, 0, 0)
    for i in range(SEGMENTS):
        c.setFillColorRGB(*((0, 0, 0) if i % 2 == 0 else (1, 1, 1)))
        c.rect(x + i * seg, y, seg, h, stroke=1, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT, 6.5)
    for i, frac in ((0, 0), (SEGMENTS // 2, 0.5), (SEGMENTS, 1.0)):
        c.drawCentredString(x + i * seg, y + h + 1.5, _distance_text(length * frac) if frac else "0")
    c.setFont(FONT, 8)
    c.drawString(x, y - 10, t("Tỷ lệ 1:{s}", "Scale 1:{s}", s=group_digits(scale)))
    c.restoreState()
    return length, width


def draw_north_arrow(c, cx: float, y: float, size: float = 14 * MM) -> None:
    """A split arrow pointing to grid north, with the letter B (Bắc) above it."""
    half = size * 0.28
    c.saveState()
    c.setLineWidth(0.6)
    c.setStrokeColorRGB(0, 0, 0)
    p = c.beginPath()
    p.moveTo(cx, y + size)
    p.lineTo(cx - half, y)
    p.lineTo(cx, y + size * 0.3)
    p.close()
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(p, stroke=1, fill=1)
    p = c.beginPath()
    p.moveTo(cx, y + size)
    p.lineTo(cx + half, y)
    p.lineTo(cx, y + size * 0.3)
    p.close()
    c.setFillColorRGB(1, 1, 1)
    c.drawPath(p, stroke=1, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT_BOLD, 11)
    c.drawCentredString(cx, y + size + 3, "B")
    c.restoreState()
