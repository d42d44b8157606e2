"""export-qgis: write a QGIS project (.qgz) with the project's layers and styles (.qml beside)."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Algorithm, Output, DestinationFile, SourceFile


class ExportQgis(Algorithm):
    name = "export-qgis"
    title_vi = "Xuất dự án QGIS (.qgz + kiểu .qml)"
    title_en = "Export a QGIS project (.qgz + .qml styles)"
    params = (
        SourceFile("project", ("tệp dự án (.gpkg)", "project file (.gpkg)"), required=True, positional=True),
        DestinationFile("out", ("tệp .qgz ra", "output .qgz file"), required=True),
    )
    outputs = (Output("out", "file"),)

    def process(self, params: dict, feedback) -> dict:
        from ..core.project import Project
        from ..core.safe_text import TextNotes
        from ..exchange.qgis_export import export_qgis

        out = Path(params["out"])
        if out.suffix.lower() != ".qgz":
            raise InputError(t("tệp ra phải có đuôi .qgz", "the output must end in .qgz"), "--out")
        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..core.project_crs import require_projected_project

        require_projected_project(project)
        from ..core.degenerate import degenerate_notes

        for line in degenerate_notes(project):
            feedback.log(line)
        feedback.progress(10)
        notes = TextNotes()
        written = export_qgis(project, out, notes)
        for line in notes.messages(out.name):
            feedback.log(line)
        feedback.progress(100)
        return {"summary": t("đã ghi {f} ({n} lớp, kiểu .qml trong {d})", "wrote {f} ({n} layers, .qml styles in {d})",
                             f=out, n=len(project.layers), d=written[0].with_name(out.stem + "_styles")),
                "out": str(out)}
