"""export-web: one offline HTML web map of the project (zones by fill rate, subzones, lots, popups)."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Algorithm, Output, DestinationFile, SourceFile, Text
from .check import RULES_HELP


class ExportWeb(Algorithm):
    name = "export-web"
    title_vi = "Xuất bản đồ web ngoại tuyến (HTML)"
    title_en = "Export an offline web map (HTML)"
    params = (
        SourceFile("project", "tệp dự án (.gpkg) / project file", required=True, positional=True),
        DestinationFile("out", "tệp HTML đầu ra / output .html", required=True),
        Text("rules", RULES_HELP, multiple=True),
    )
    outputs = (Output("out", "file"),)

    def process(self, params, feedback):
        from ..cartography.webmap import write_web_map
        from ..core.project import Project

        out = Path(params["out"])
        if out.suffix.lower() not in (".html", ".htm"):
            raise InputError(t("tệp đầu ra phải là .html", "the output must be .html"), out)
        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..core.project_crs import require_projected_project

        require_projected_project(project)
        feedback.progress(5)
        write_web_map(project, out, feedback, params.get("rules"))
        feedback.progress(100)
        size_kb = out.stat().st_size / 1024
        return {"out": str(out), "summary": t("Đã ghi {f} ({k:.0f} KB, {n} khu)", "Wrote {f} ({k:.0f} KB, {n} zones)",
                                             f=out, k=size_kb, n=len(project.zones))}
