"""A quick low-dpi picture of a print page, for the print dialog's live preview.

Same page as the print (``render_pdf``), except that background rasters are read at the preview's
resolution rather than at print resolution (``draw_rasters`` reads ~200 dpi: seconds on A0 with a
large orthophoto). The page without rasters is rasterised on a transparent background and laid over
the rasters, which is how the print stacks them (rasters first, clipped to the map frame).
"""
from __future__ import annotations

import copy
from pathlib import Path

from ..core.atomic import atomic_path
from ..core.processing import Feedback


def render_preview(project, layout, png_path, dpi: int = 40, feedback: Feedback | None = None) -> dict:
    """Write a ``dpi`` PNG of the layout's page; returns render_pdf's facts (scale, extent, frame, ...).

    Raises the same InputError as ``render_pdf`` (e.g. the zone does not fit the paper at the scale).
    """
    import pypdfium2 as pdfium
    from PIL import Image

    from .pdf_render import render_pdf
    from .raster import read_raster, resolve_raster_path

    feedback = feedback or Feedback()
    rasters = [e for e in project.meta.get("rasters", []) or [] if e.get("visible", True)]
    bare = copy.copy(project)
    bare.meta = dict(project.meta, rasters=[])
    png_path = Path(png_path)
    pdf_path = png_path.with_suffix(".preview.pdf")
    info = render_pdf(bare, layout, pdf_path, feedback)
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        page = doc[0].render(scale=dpi / 72.0, fill_color=(255, 255, 255, 0), rev_byteorder=True).to_pil()
    finally:
        doc.close()
    pdf_path.unlink(missing_ok=True)
    sheet = Image.new("RGBA", page.size, (255, 255, 255, 255))
    k = page.size[0] / info["page"][0]  # pixels per point
    x0, y0, x1, y1 = info["frame"]  # points, origin bottom-left
    left, top = int(round(x0 * k)), int(round((info["page"][1] - y1) * k))
    size = (max(1, int(round((x1 - x0) * k))), max(1, int(round((y1 - y0) * k))))
    for entry in rasters:
        feedback.check_canceled()
        image = read_raster(resolve_raster_path(project, entry), project.crs, info["extent"], size,
                            float(entry.get("opacity", 1.0)))
        if image is not None:
            sheet.alpha_composite(Image.fromarray(image.rgba, "RGBA"), (left, top))
    sheet.alpha_composite(page.convert("RGBA"))
    with atomic_path(png_path, suffix=".png") as tmp:
        sheet.convert("RGB").save(tmp, format="PNG")
    info["rasters"] = len(rasters)
    return info
