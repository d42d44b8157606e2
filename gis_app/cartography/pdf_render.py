"""Vector PDF of a print layout (reportlab) and its 300 dpi PNG (pypdfium2).

Order on the page: raster backgrounds, visible vector layers bottom-up, labels, grid, frame, then the
panel (title block, north arrow, scale bar, legend). One ground metre is ``1000 * MM / scale`` points.
"""
from __future__ import annotations

import datetime as dt
import glob
from pathlib import Path

import numpy as np
import shapely

from ..core.atomic import atomic_path
from ..core.crs import epsg_code
from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Feedback
from ..core.styles import LANDUSE_COLORS
from .grid import draw_grid
from .balance import balance_height, draw_balance_table, landuse_balance
from .labels import draw_lot_labels, draw_zone_labels
from .keymap import draw_key_map
from .layout import MM, PrintLayout, page_geometry
from .legend import draw_legend
from .paper import (FONT, FONT_BOLD, PaperTransform, clip_to_extent, group_digits, hex_rgb, line_path,
                    register_fonts, ring_path, split_parts)
from .scalebar import draw_north_arrow, draw_scale_bar
from .sheets import MapSheet, plan_sheets
from .styling import layer_title, legend_rows, styled_frame

VACANT_STYLE = {"fill": None, "stroke": "#6a51a3", "stroke_width": 0.12, "hatch": "diagonal"}
CRS_LABELS = {9209: "VN-2000 / TM-3 105°30′ (EPSG:9209)"}
HATCH_SPACING = 3.5 * MM
KEY_MAP_SHARE = 0.3  # of the panel between title block and scale bar on landscape pages; the legend gets the rest


def crs_label(crs) -> str:
    code = epsg_code(crs)
    return CRS_LABELS.get(code) or (f"{crs.name} (EPSG:{code})" if code else crs.name)


def vacant_industrial(parcels):
    if not {"landuse", "status"} <= set(parcels.columns):
        return parcels.iloc[0:0]
    return parcels[(parcels["landuse"] == "industrial") & (parcels["status"] == "vacant")]


def warn_missing_geometry(frame, layer: str, feedback: Feedback) -> int:
    """Say (not silently skip) how many features have no geometry to draw, and which degenerate ones
    (zero area, invalid ring) are drawn as they are (``core.degenerate``), in one line per layer."""
    from ..core.degenerate import degenerate_note

    missing = int(shapely.is_missing(frame.geometry.values).sum()) if len(frame) else 0
    parts = []
    if missing:
        parts.append(t("cảnh báo: lớp {l} có {n} đối tượng không có hình học, không vẽ được",
                       "warning: layer {l} has {n} features without geometry; they cannot be drawn", l=layer, n=missing))
    degenerate = degenerate_note(frame, layer)
    if degenerate:
        parts.append(degenerate if not parts else degenerate.split(": ", 1)[1])
    if parts:
        feedback.log("; ".join(parts))
    return missing


def print_subject(project, zone_id: str | None) -> np.ndarray:
    """Geometries to print: the zone's, else everything visible (province outline included)."""
    zones = project.zones
    if zone_id:
        hit = zones[zones["zone_id"].astype(str) == zone_id]
        if hit.empty:
            raise InputError(t("không có khu {z} trong dự án (có: {ids})", "no zone {z} in the project (have: {ids})",
                               z=zone_id, ids=", ".join(zones["zone_id"].astype(str)[:20])), "--zone")
        return hit.geometry.values
    visible = {st["name"] for st in project.layer_state if st.get("visible", True)}
    frames = [f for n, f in project.layers.items() if n in visible and not f.empty] or \
        [f for f in project.layers.values() if not f.empty]
    geoms = np.concatenate([np.asarray(f.geometry.values, dtype=object) for f in frames]) if frames else np.array([])
    if not len(geoms) or np.isnan(shapely.total_bounds(geoms)).any():
        raise InputError(t("dự án không có đối tượng nào để in", "the project has nothing to print"), project.path)
    return geoms


def draw_vector_layer(c, tr: PaperTransform, frame, style: dict, fills, opacity: float) -> int:
    """Clip to the map extent, move to paper in one vectorised call, draw one path per feature."""
    if frame.empty:
        return 0
    geoms = clip_to_extent(frame.geometry.values, tr.extent)
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    geoms, fills = shapely.transform(geoms[keep], tr.xy), np.asarray(fills, dtype=object)[keep]
    stroke = style.get("stroke")
    fill_alpha = float(style.get("fill_opacity", 1.0)) * opacity
    c.saveState()
    c.setLineWidth(float(style.get("stroke_width", 0.3)) * MM)
    c.setLineJoin(1)
    if stroke:
        c.setStrokeColor(hex_rgb(stroke))
        c.setStrokeAlpha(opacity)
    for geom, fill in zip(geoms, fills):
        rings, lines = split_parts(geom)
        if lines:
            c.setStrokeColor(hex_rgb(stroke or fill or "#000000"))
            c.drawPath(line_path(c, lines), stroke=1, fill=0)
        if not rings:
            continue
        path = ring_path(c, rings)
        if fill:
            c.setFillColor(hex_rgb(fill))
            c.setFillAlpha(fill_alpha)
        c.drawPath(path, stroke=1 if stroke else 0, fill=1 if fill else 0, fillMode=0)  # even-odd: holes
        if style.get("hatch"):
            _hatch(c, ring_path(c, rings), rings, stroke or "#000000", style["hatch"])
    c.restoreState()
    return int(keep.sum())


# High-tech and CNHT subzones drawn again above the parcels, as on the screen: outline and hatch only.
SUBZONE_OVERLAY = {"hightech": {"fill": None, "stroke": "#2171b5", "stroke_width": 0.5, "hatch": "diagonal"},
                   "cnht": {"fill": None, "stroke": "#238b45", "stroke_width": 0.5, "hatch": "cross"}}


def draw_subzone_overlay(c, tr: PaperTransform, subzones) -> None:
    for use, style in SUBZONE_OVERLAY.items():
        part = subzones[subzones["use"] == use]
        draw_vector_layer(c, tr, part, style, [None] * len(part), 1.0)


def _hatch(c, clip, rings, color, kind) -> None:
    allc = np.vstack(rings)
    x0, y0 = allc.min(axis=0)
    x1, y1 = allc.max(axis=0)
    span = (x1 - x0) + (y1 - y0)
    c.saveState()
    c.clipPath(clip, stroke=0, fill=0, fillMode=0)
    c.setStrokeColor(hex_rgb(color))
    c.setLineWidth(0.3)
    for off in np.arange(0, span, HATCH_SPACING):
        c.line(x0 + off, y0, x0 + off - (y1 - y0), y1)
        if kind == "cross":
            c.line(x0 + off - (y1 - y0), y0, x0 + off, y1)
    c.restoreState()


def draw_title_block(c, rect, layout: PrintLayout, scale: int, crs_text: str, date: dt.date,
                     sheet: MapSheet | None = None) -> float:
    """Logo, title, agency and the map's facts from the top of ``rect``; returns the y reached."""
    from reportlab.lib.utils import simpleSplit

    x0, y0, x1, y1 = rect
    width = x1 - x0
    y = y1
    c.setFillColorRGB(0, 0, 0)
    if layout.logo_path:
        from reportlab.lib.utils import ImageReader

        try:
            img = ImageReader(layout.logo_path)
            iw, ih = img.getSize()
        except Exception as exc:
            raise InputError(t("không đọc được ảnh logo ({e})", "cannot read the logo image ({e})", e=exc),
                             layout.logo_path) from exc
        h = 14 * MM
        w = min(width, h * iw / ih)
        c.drawImage(img, x0, y - h, w, h, preserveAspectRatio=True, mask="auto")
        y -= h + 3 * MM
    if layout.agency:
        c.setFont(FONT, 8)
        for line in simpleSplit(layout.agency.upper(), FONT, 8, width):
            c.drawString(x0, y - 8, line)
            y -= 10
        y -= 2 * MM
    title = layout.title or t("BẢN ĐỒ QUY HOẠCH KHU CÔNG NGHIỆP", "INDUSTRIAL ZONE PLANNING MAP")
    c.setFont(FONT_BOLD, 13)
    for line in simpleSplit(title, FONT_BOLD, 13, width):
        c.drawString(x0, y - 13, line)
        y -= 16
    y -= 2 * MM
    c.setFont(FONT, 7.5)
    facts = [t("Tỷ lệ: 1:{s}", "Scale: 1:{s}", s=group_digits(scale)),
             t("Hệ tọa độ: {c}", "Coordinate system: {c}", c=crs_text),
             t("Khổ giấy: {p} {o}", "Paper: {p} {o}", p=layout.paper,
               o=t("ngang", "landscape") if layout.orientation == "landscape" else t("dọc", "portrait")),
             t("Ngày lập: {d}", "Date: {d}", d=date.strftime("%d/%m/%Y"))]
    if sheet is not None and sheet.count > 1:
        c.setFont(FONT_BOLD, 9)
        c.drawString(x0, y - 9, sheet.label)
        y -= 13
        c.setFont(FONT, 7.5)
    for fact in facts:
        for line in simpleSplit(fact, FONT, 7.5, width):
            c.drawString(x0, y - 8, line)
            y -= 10
    c.setLineWidth(0.6)
    c.line(x0, y - 2 * MM, x1, y - 2 * MM)
    return y - 4 * MM


def panel_regions(layout: PrintLayout, panel, key_map: bool = False):
    """Sub-rectangles of the panel: title block, legend, and the north arrow + scale bar band.

    ``key_map=True`` gives, on portrait pages, the strip of the band between the north arrow and the
    scale bar where a sheet series' key map goes (landscape pages stack it under the title block).
    """
    x0, y0, x1, y1 = panel
    pad = 3 * MM
    if layout.orientation == "landscape":
        return (x0 + pad, y0, x1 - pad, y1 - pad), (x0 + pad, y0 + 34 * MM, x1 - pad, None), (x0 + pad, y0, x1 - pad, y0 + 32 * MM)
    w = x1 - x0
    if key_map:
        return x0 + w * 0.82, y0 + 21 * MM, x1 - pad, y1 - pad - 24 * MM
    return ((x0 + pad, y0, x0 + w * 0.34, y1 - pad), (x0 + w * 0.36, y0 + pad, x0 + w * 0.80, y1 - pad),
            (x0 + w * 0.82, y0, x1 - pad, y1 - pad))


def render_pdf(project, layout: PrintLayout, out_path, feedback: Feedback | None = None,
               date: dt.date | None = None) -> dict:
    """Write the layout's PDF atomically, one page per map sheet; returns facts about what was drawn.

    The facts of page 1 sit at the top level (scale, extent, regions, ...); ``pages`` lists every page's.
    """
    from reportlab.pdfgen import canvas as rl_canvas

    feedback = feedback or Feedback()
    layout.validate()
    register_fonts()
    subject = print_subject(project, layout.zone_id or None)
    scale, sheets = plan_sheets(layout, shapely.total_bounds(subject), subject)
    geom = page_geometry(layout)
    pages = []
    with atomic_path(Path(out_path), suffix=".pdf") as tmp:
        c = rl_canvas.Canvas(str(tmp), pagesize=(geom.width, geom.height), pageCompression=1)
        c.setTitle(layout.title or project.name)
        c.setAuthor(layout.agency or "KCN Planner")
        for sheet in sheets:
            span = (5 + 90 * (sheet.number - 1) / len(sheets), 90 / len(sheets))  # this page's share of the bar
            pages.append(_draw_page(c, project, layout, geom, scale, sheet, sheets, subject, date, feedback, span))
            c.showPage()
        c.save()
        feedback.progress(95)
    info = dict(pages[0])
    info.update(pages=pages, sheets=len(sheets), lot_labels=sum(p["lot_labels"] for p in pages))
    return info


def _draw_page(c, project, layout, geom, scale, sheet: MapSheet, sheets, subject, date, feedback, span) -> dict:
    """One full layout (map frame, grid, title block, legend, arrow, scale bar, key map) for ``sheet``."""
    from .raster import draw_rasters

    extent = sheet.extent
    tr = PaperTransform(extent, geom.frame, scale)
    info = {"scale": scale, "extent": extent, "frame": geom.frame, "page": (geom.width, geom.height),
            "sheet": sheet.number}
    fx0, fy0, fx1, fy1 = geom.frame
    c.saveState()
    clip = c.beginPath()
    clip.rect(fx0, fy0, fx1 - fx0, fy1 - fy0)
    c.clipPath(clip, stroke=0, fill=0)
    info["rasters"] = draw_rasters(c, tr, project)
    legend_layers, states = [], [s for s in project.layer_state if s.get("visible", True)]
    for i, state in enumerate(states):
        feedback.check_canceled()
        frame, style, fills = styled_frame(project, state)
        if sheet.number == 1:  # once per print, not once per sheet
            warn_missing_geometry(frame, state["name"], feedback)
        if draw_vector_layer(c, tr, frame, style, fills, float(state.get("opacity", 1.0))):
            clipped = clip_to_extent(frame.geometry.values, extent)
            visible = frame[~(shapely.is_missing(clipped) | shapely.is_empty(clipped))]
            legend_layers.append((layer_title(state["name"]), style, legend_rows(visible, style)))
        feedback.progress(span[0] + span[1] * 0.8 * (i + 1) / max(1, len(states)))
    shown = {s["name"] for s in states}
    if "parcels" in shown:  # planners look for vacant industrial land first: hatch it
        vacant = vacant_industrial(project.parcels)
        if draw_vector_layer(c, tr, vacant, VACANT_STYLE, [None] * len(vacant), 1.0):
            legend_layers.append((t("Đất công nghiệp còn trống", "Vacant industrial land"), VACANT_STYLE,
                                  [("", LANDUSE_COLORS["industrial"])]))
    if "parcels" in shown and "subzones" in shown:
        draw_subzone_overlay(c, tr, project.subzones)  # parcels cover the subzone layer: outline it above
        # ... and the lot outlines again above the hatching, so every lot edge (and label) stays readable
        parcels_state = next(s for s in states if s["name"] == "parcels")
        outline = {"fill": None, "stroke": (parcels_state.get("style") or {}).get("stroke") or "#666666",
                   "stroke_width": max(0.15, float((parcels_state.get("style") or {}).get("stroke_width") or 0.1))}
        draw_vector_layer(c, tr, project.parcels, outline, [None] * len(project.parcels), 1.0)
    info["lot_labels"] = draw_lot_labels(c, tr, project.parcels) if "parcels" in shown else 0
    info["zone_labels"] = draw_zone_labels(c, tr, project.zones) if "zones" in shown else 0
    c.restoreState()
    info["grid_step"] = draw_grid(c, tr)
    c.setLineWidth(0.8)
    c.rect(fx0, fy0, fx1 - fx0, fy1 - fy0)
    title_rect, legend_rect, band = panel_regions(layout, geom.panel)
    y_after_title = draw_title_block(c, title_rect, layout, scale, crs_label(project.crs), date or dt.date.today(),
                                     sheet)
    regions = {"title": title_rect}
    if len(sheets) > 1:
        if legend_rect[3] is None:  # landscape: the key map goes under the title block, the legend below it
            key_rect = (legend_rect[0], legend_rect[1], legend_rect[2], y_after_title)
            y_after_title = draw_key_map(c, key_rect, sheets, sheet, subject, share=KEY_MAP_SHARE)
        else:  # portrait: between the north arrow and the scale bar
            key_rect = panel_regions(layout, geom.panel, key_map=True)
            draw_key_map(c, key_rect, sheets, sheet, subject)
        regions["key_map"] = key_rect
    if legend_rect[3] is None:  # landscape: the legend fills what the title block left
        legend_rect = (legend_rect[0], legend_rect[1], legend_rect[2], y_after_title)
    balance = landuse_balance(project.parcels, layout.zone_id or None) if "parcels" in shown else []
    height = balance_height(balance)
    if balance and legend_rect[3] - legend_rect[1] > height + 30 * MM:  # the balance table under the legend
        info["balance_rows"] = draw_balance_table(c, (legend_rect[0], legend_rect[1], legend_rect[2],
                                                      legend_rect[1] + height), balance)
        legend_rect = (legend_rect[0], legend_rect[1] + height, legend_rect[2], legend_rect[3])
    info["legend_rows"] = draw_legend(c, legend_rect, legend_layers)
    if layout.orientation == "landscape":  # arrow left, scale bar right of it
        draw_north_arrow(c, band[0] + 8 * MM, band[1] + 12 * MM)
        bar_at = (band[0] + 20 * MM, band[1] + 14 * MM, band[2] - band[0] - 24 * MM)
    else:  # arrow on top, scale bar under it
        draw_north_arrow(c, (band[0] + band[2]) / 2, band[3] - 22 * MM)
        bar_at = (band[0], band[1] + 14 * MM, band[2] - band[0] - 4 * MM)
    info["scale_bar_m"], info["scale_bar_pt"] = draw_scale_bar(c, *bar_at, scale)
    info["regions"] = {**regions, "legend": legend_rect, "north_arrow": band}
    return info


def sheet_png_paths(png_path, count: int) -> list[Path]:
    """``out.png`` for one page; ``out-01.png`` … for a sheet series."""
    png_path = Path(png_path)
    if count == 1:
        return [png_path]
    return [png_path.with_name(f"{png_path.stem}-{i:02d}{png_path.suffix}") for i in range(1, count + 1)]


def pdf_to_png(pdf_path, png_path, dpi: int = 300, feedback: Feedback | None = None) -> list[Path]:
    """Rasterise every page at ``dpi`` (white background): ``out.png``, or ``out-01.png`` … per sheet.

    The pages are rendered into a temporary folder beside the target and moved in only when all are
    done. Files of the other form left by an earlier print to the same name (``out.png`` before a
    series, ``out-NN.png`` of an earlier series) are removed so no stale sheet sits beside the new ones.
    """
    import pypdfium2 as pdfium

    from ..core.atomic import atomic_outputs, check_output_path, write_error

    png_path = check_output_path(png_path)
    try:
        png_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, png_path) from None
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        targets = sheet_png_paths(png_path, len(doc))
        earlier = [png_path, *png_path.parent.glob(f"{glob.escape(png_path.stem)}-[0-9][0-9]{png_path.suffix}")]
        # The whole series replaces the old one as a set (journaled): never half old, half new sheets.
        with atomic_outputs(png_path) as outputs:
            for i, target in enumerate(targets):
                if feedback:  # a long series can be canceled between pages; nothing is moved in then
                    feedback.check_canceled()
                _render_page(doc[i], dpi).save(outputs.path(target), format="PNG", dpi=(dpi, dpi))
            for stale in earlier:
                if stale not in targets and stale.is_file():
                    outputs.remove(stale)
        return targets
    except OSError as exc:
        raise write_error(exc, png_path) from None
    finally:
        doc.close()


def _render_page(page, dpi: int):
    return page.render(scale=dpi / 72.0).to_pil()
