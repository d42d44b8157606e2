"""The print layout model: paper, orientation, scale, title block texts, logo, zone; JSON-persisted.

A dialog edits a :class:`PrintLayout`; :func:`page_geometry` turns it into the page's regions (map
frame and side panel, in points) and :func:`map_extent` picks the ground extent for the scale,
refusing (InputError) when the zone does not fit rather than silently changing the scale. With
``sheets="auto"`` the caller splits such a zone into map sheets instead (``sheets.py``).
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..core.atomic import write_text_atomic
from ..core.errors import InputError
from ..core.i18n import t
from ..core.paths import config_dir

MM = 72.0 / 25.4  # points per millimetre
PAPER_SIZES_MM = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594), "A1": (594, 841), "A0": (841, 1189)}
ORIENTATIONS = ("landscape", "portrait")
SCALES = (500, 1000, 2000, 5000, 10000, 25000, 50000)
SHEET_MODES = ("auto", "single")  # auto: split what does not fit into map sheets; single: refuse
MARGIN_MM = 10.0
PANEL_MM = 72.0  # side (landscape) or bottom (portrait) panel holding title block, legend, scale bar
GAP_MM = 4.0
FIT_MARGIN = 1.04  # keep a little ground around the zone when fitting
LAYOUT_FILE = "print_layout.json"


@dataclass
class PrintLayout:
    paper: str = "A3"
    orientation: str = "landscape"
    scale: int | None = None  # None: fit to page
    title: str = ""
    agency: str = ""
    logo_path: str = ""
    zone_id: str = ""
    sheets: str = "auto"

    def validate(self) -> "PrintLayout":
        if self.paper not in PAPER_SIZES_MM:
            raise InputError(t("khổ giấy không hỗ trợ {p!r}; chọn: {c}", "unsupported paper {p!r}; choose: {c}",
                               p=self.paper, c=", ".join(PAPER_SIZES_MM)), "--paper")
        if self.orientation not in ORIENTATIONS:
            raise InputError(t("hướng giấy không hợp lệ {o!r}", "invalid orientation {o!r}", o=self.orientation),
                             "--orientation")
        if self.scale is not None and int(self.scale) not in SCALES:
            raise InputError(t("tỷ lệ 1:{s} không hỗ trợ; chọn: {c} hoặc bỏ trống (vừa trang)",
                               "scale 1:{s} is not supported; choose: {c} or leave empty (fit to page)",
                               s=self.scale, c=", ".join(map(str, SCALES))), "--scale")
        if self.sheets not in SHEET_MODES:
            raise InputError(t("chế độ tờ không hợp lệ {m!r}; chọn: {c}", "invalid sheet mode {m!r}; choose: {c}",
                               m=self.sheets, c=", ".join(SHEET_MODES)), "--sheets")
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PrintLayout":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


def load_layout() -> PrintLayout:
    """The remembered layout; a missing or unreadable file gives the defaults (it is only a preference)."""
    path = config_dir() / LAYOUT_FILE
    try:
        return PrintLayout.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return PrintLayout()


def save_layout(layout: PrintLayout) -> Path:
    path = config_dir() / LAYOUT_FILE
    write_text_atomic(path, json.dumps(layout.to_dict(), ensure_ascii=False, indent=2))
    return path


@dataclass(frozen=True)
class PageGeometry:
    width: float  # points
    height: float
    frame: tuple[float, float, float, float]  # map frame x0, y0, x1, y1 in points
    panel: tuple[float, float, float, float]  # title block / legend panel


def page_geometry(layout: PrintLayout) -> PageGeometry:
    short, long_ = PAPER_SIZES_MM[layout.paper]
    w_mm, h_mm = (long_, short) if layout.orientation == "landscape" else (short, long_)
    m, p, g = MARGIN_MM, PANEL_MM, GAP_MM
    if layout.orientation == "landscape":
        frame = (m, m, w_mm - m - p - g, h_mm - m)
        panel = (w_mm - m - p, m, w_mm - m, h_mm - m)
    else:
        frame = (m, m + p + g, w_mm - m, h_mm - m)
        panel = (m, m, w_mm - m, m + p)
    return PageGeometry(w_mm * MM, h_mm * MM, tuple(v * MM for v in frame), tuple(v * MM for v in panel))


def fit_scale(bounds, frame_pt) -> int:
    """Smallest 'round' scale (2 significant digits) at which ``bounds`` fit the frame."""
    gw, gh = bounds[2] - bounds[0], bounds[3] - bounds[1]
    fw_m, fh_m = (frame_pt[2] - frame_pt[0]) / MM / 1000, (frame_pt[3] - frame_pt[1]) / MM / 1000
    raw = max(gw / fw_m, gh / fh_m, 1.0) * FIT_MARGIN
    step = 10 ** max(0, int(math.floor(math.log10(raw))) - 1)
    return int(math.ceil(raw / step) * step)


def frame_ground_size(layout: PrintLayout, scale: int) -> tuple[float, float]:
    """Ground metres (width, height) the map frame covers at 1:scale."""
    f = page_geometry(layout).frame
    return (f[2] - f[0]) / MM / 1000 * scale, (f[3] - f[1]) / MM / 1000 * scale


def _paper_that_fits(bounds, scale: int) -> str | None:
    """The smallest paper (and orientation) holding ``bounds`` at 1:scale, e.g. 'A1 portrait'."""
    gw, gh = bounds[2] - bounds[0], bounds[3] - bounds[1]
    for paper in PAPER_SIZES_MM:
        for orientation in ORIENTATIONS:
            fw, fh = frame_ground_size(PrintLayout(paper=paper, orientation=orientation), scale)
            if gw <= fw and gh <= fh:
                return f"{paper} {orientation}"
    return None


def fits_one_sheet(layout: PrintLayout, bounds, scale: int) -> bool:
    fw, fh = frame_ground_size(layout, scale)
    return bounds[2] - bounds[0] <= fw and bounds[3] - bounds[1] <= fh


def refuse_too_big(layout: PrintLayout, bounds, scale: int) -> InputError:
    """The error for a zone too big for one sheet: names the scale and the paper that would fit."""
    fw, fh = frame_ground_size(layout, scale)
    gw, gh = bounds[2] - bounds[0], bounds[3] - bounds[1]
    bigger = _paper_that_fits(bounds, scale)
    return InputError(t(
        "vùng in ({gw:.0f} × {gh:.0f} m) không vừa khổ {paper} {o} ở tỷ lệ 1:{s} (khung bản đồ {fw:.0f} × "
        "{fh:.0f} m); hãy chọn tỷ lệ nhỏ hơn (1:{sugg} vừa khổ {paper}) hoặc khổ giấy lớn hơn ({bigger})",
        "the area to print ({gw:.0f} × {gh:.0f} m) does not fit {paper} {o} at 1:{s} (map frame {fw:.0f} × "
        "{fh:.0f} m); choose a smaller scale (1:{sugg} fits {paper}) or a bigger paper ({bigger})",
        gw=gw, gh=gh, paper=layout.paper, o=layout.orientation, s=scale, fw=fw, fh=fh,
        sugg=next((s for s in SCALES if s > scale and gw <= fw / scale * s and gh <= fh / scale * s),
                  fit_scale(bounds, page_geometry(layout).frame)),
        bigger=bigger or t("không khổ nào đến A0", "none up to A0")), "--scale")


def map_extent(layout: PrintLayout, bounds) -> tuple[int, tuple[float, float, float, float]]:
    """(scale, ground extent of the map frame) centred on ``bounds`` (project CRS metres)."""
    scale = int(layout.scale) if layout.scale else fit_scale(bounds, page_geometry(layout).frame)
    if not fits_one_sheet(layout, bounds, scale):
        raise refuse_too_big(layout, bounds, scale)
    fw, fh = frame_ground_size(layout, scale)
    cx, cy = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    return scale, (cx - fw / 2, cy - fh / 2, cx + fw / 2, cy + fh / 2)
