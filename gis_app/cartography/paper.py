"""Ground-to-paper transform, geometry-to-path helpers and the bundled fonts shared by every print element."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from .layout import MM

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


def register_fonts() -> None:
    """Register DejaVu Sans (covers Vietnamese) with reportlab once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))


@dataclass(frozen=True)
class PaperTransform:
    """Maps project-CRS metres in ``extent`` onto the map frame (points) at 1:``scale``."""
    extent: tuple[float, float, float, float]
    frame: tuple[float, float, float, float]
    scale: int

    @property
    def k(self) -> float:  # points per ground metre
        return 1000.0 * MM / self.scale

    def xy(self, coords: np.ndarray) -> np.ndarray:
        return (coords - np.array(self.extent[:2])) * self.k + np.array(self.frame[:2])

    def x(self, gx):
        return (np.asarray(gx) - self.extent[0]) * self.k + self.frame[0]

    def y(self, gy):
        return (np.asarray(gy) - self.extent[1]) * self.k + self.frame[1]


def clip_to_extent(geoms, extent):
    """``shapely.clip_by_rect`` over all geometries at once; where GEOS's fast clip fails on a valid but
    near-degenerate polygon (a 3-point ring after clipping), that geometry is cut with an exact
    intersection instead, so one sliver never stops a print."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    try:
        return shapely.clip_by_rect(geoms, *extent)
    except shapely.errors.GEOSException:
        frame = shapely.box(*extent)
        out = np.empty(len(geoms), dtype=object)
        for i, g in enumerate(geoms):  # only on the rare failure: find the offending geometry
            try:
                out[i] = shapely.clip_by_rect(g, *extent)
            except shapely.errors.GEOSException:
                out[i] = shapely.intersection(shapely.make_valid(g), frame)
        return out


def group_digits(value: float, sep: str | None = None) -> str:
    """1234567 -> '1.234.567' in Vietnamese, '1,234,567' in English (core/numbers); ``sep`` forces one."""
    if sep is None:
        from ..core.numbers import fmt_number

        return fmt_number(value)
    return f"{value:,.0f}".replace(",", sep)


def hex_rgb(color: str, default: str = "#808080"):
    """reportlab colour of '#rrggbb'; a malformed colour in a stored style prints grey, not a crash."""
    from reportlab.lib.colors import HexColor

    try:
        return HexColor(color)
    except (ValueError, TypeError):
        return HexColor(default)


def line_path(c, lines, closed: bool = False):
    """One reportlab path of paper-coordinate vertex arrays (rings when ``closed``)."""
    path = c.beginPath()
    for coords in lines:
        path.moveTo(*coords[0])
        for x, y in coords[1:]:
            path.lineTo(x, y)
        if closed:
            path.close()
    return path


def ring_path(c, rings):
    return line_path(c, rings, closed=True)


def split_parts(geom) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(polygon rings, open lines) of one geometry; points are ignored on prints."""
    rings, lines = [], []
    for part in shapely.get_parts(geom):
        kind = shapely.get_type_id(part)
        if kind == 3:
            rings.append(shapely.get_coordinates(part.exterior))
            rings.extend(shapely.get_coordinates(r) for r in part.interiors)
        elif kind in (1, 2):
            lines.append(shapely.get_coordinates(part))
    return rings, lines
