"""export-pdf: a print layout of the project (or one zone) at true scale, as vector PDF or 300 dpi PNG.

What does not fit one sheet at the requested scale is printed as a series of map sheets (one PDF page,
or one numbered PNG, per sheet) unless ``--sheets single`` asks for the old refusal.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..core.errors import InputError
from ..core.aliases import choice_label
from ..core.i18n import t
from ..core.numbers import fmt_number
from ..core.processing import Algorithm, Output, Boolean, DestinationFile, Enumeration, Number, SourceFile, Text, ZoneId

SCALE_HELP = ("tỷ lệ bản đồ: 1:500, 1000, 2000, 5000, 10000, 25000, 50000; bỏ trống = vừa trang / "
              "map scale: 1:500, 1000, 2000, 5000, 10000, 25000, 50000; empty = fit to page")


class ExportPdf(Algorithm):
    name = "export-pdf"
    title_vi = "Xuất bản đồ in (PDF/PNG) đúng tỷ lệ"
    title_en = "Export a true-scale print map (PDF/PNG)"
    params = (
        SourceFile("project", "tệp dự án (.gpkg) / project file", required=True, positional=True),
        DestinationFile("out", "tệp PDF hoặc PNG đầu ra / output .pdf or .png", required=True),
        Enumeration("paper", "khổ giấy / paper size", choices=("A4", "A3", "A2", "A1", "A0")),
        Enumeration("orientation", "hướng giấy / orientation", choices=("landscape", "portrait")),
        Number("scale", SCALE_HELP, integer=True, minimum=1),
        ZoneId("zone", "mã khu cần in / zone id to print (e.g. KCN-DAIAN)"),
        Enumeration("sheets", "chia tờ: auto chia nhiều tờ khi không vừa một tờ ở tỷ lệ đã chọn, single từ chối / "
                                  "sheets: auto splits into map sheets when one sheet is too small at the scale, "
                                  "single refuses",
              default="auto", choices=("auto", "single")),
        Text("title", "tiêu đề bản đồ / map title (remembered)"),
        Text("agency", "cơ quan lập / agency (remembered)"),
        SourceFile("logo", "ảnh logo / logo image (remembered)"),
        SourceFile("raster", "ảnh nền GeoTIFF vẽ dưới các lớp (chỉ cho lần in này) / background GeoTIFF "
                                "drawn under the layers (this print only)"),
        Number("raster_opacity", "độ đục ảnh nền 0–1 / background opacity 0–1", default=0.7, minimum=0, maximum=1),
        Boolean("png", "xuất thêm PNG 300 dpi cạnh PDF / also write a 300 dpi PNG beside the PDF",
              default=False),
    )
    outputs = (Output("out", "file"),)

    def process(self, params, feedback):
        from ..cartography.layout import load_layout, save_layout
        from ..cartography.pdf_render import pdf_to_png, render_pdf
        from ..core.drawable import check_project_drawable
        from ..core.project import Project

        out = Path(params["out"])
        if out.suffix.lower() not in (".pdf", ".png"):
            raise InputError(t("tệp đầu ra phải là .pdf hoặc .png", "the output must be .pdf or .png"), out)
        layout = load_layout()  # title, agency and logo are remembered between runs
        for key, attr in (("title", "title"), ("agency", "agency"), ("logo", "logo_path")):
            if params.get(key) is not None:
                setattr(layout, attr, str(params[key]))
        layout.paper = params.get("paper") or "A3"
        layout.orientation = params.get("orientation") or "landscape"
        layout.scale = params.get("scale")
        layout.zone_id = params.get("zone") or ""
        layout.sheets = params.get("sheets") or "auto"
        layout.validate()
        if layout.logo_path and not Path(layout.logo_path).is_file():
            if params.get("logo") is not None:
                raise InputError(t("không tìm thấy ảnh logo", "logo image not found"), layout.logo_path)
            feedback.log(t("cảnh báo: bỏ qua logo đã nhớ vì không còn tệp {p}",
                           "warning: the remembered logo {p} is gone; printing without it", p=layout.logo_path))
            layout.logo_path = ""
        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..core.project_crs import require_projected_project

        require_projected_project(project)
        check_project_drawable(project, project.path or project.name)  # a blank sheet is no answer
        if params.get("raster"):
            from ..cartography.raster import add_raster_layer

            add_raster_layer(project, params["raster"], params["raster_opacity"])  # in memory, not saved
        feedback.progress(5)
        if out.suffix.lower() == ".png":
            with tempfile.TemporaryDirectory(prefix="kcn-print-") as tmp:  # the PDF is only a step
                info = render_pdf(project, layout, Path(tmp) / "page.pdf", feedback)
                written = pdf_to_png(Path(tmp) / "page.pdf", out, feedback=feedback)
        else:
            info = render_pdf(project, layout, out, feedback)
            written = [out]
            if params.get("png"):
                written += pdf_to_png(out, out.with_suffix(".png"), feedback=feedback)
        save_layout(layout)
        feedback.progress(100)
        shown = written if len(written) <= 3 else [written[0], "…", written[-1]]
        summary = t("Đã ghi {f} ({k} tờ, {p} {o}, tỷ lệ 1:{s}, {n} nhãn lô)",
                    "Wrote {f} ({k} sheet(s), {p} {o}, scale 1:{s}, {n} lot labels)", f=", ".join(map(str, shown)),
                    k=info["sheets"], p=layout.paper, o=choice_label(layout.orientation),
                    s=fmt_number(info["scale"], 0), n=info["lot_labels"])
        return {"out": str(out), "summary": summary, "info": info, "files": [str(f) for f in written]}
