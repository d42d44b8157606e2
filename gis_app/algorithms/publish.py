"""publish: copy a project between stores (GeoPackage → shared PostGIS database, or back)."""
from __future__ import annotations

from ..core.i18n import t
from ..core.processing import Algorithm, Output, Boolean, DestinationFile, SourceFile


class Publish(Algorithm):
    name = "publish"
    title_vi = "Xuất bản dự án lên CSDL dùng chung / xuất ra GeoPackage"
    title_en = "Publish a project to a shared database / export it to a GeoPackage"
    params = (
        SourceFile("source", t("dự án nguồn (.gpkg hoặc postgresql://…?project=…)",
                                  "source project (.gpkg or postgresql://…?project=…)"), required=True, positional=True),
        DestinationFile("target", t("đích (postgresql://…?project=… hoặc .gpkg)",
                                  "target (postgresql://…?project=… or .gpkg)"), required=True, positional=True),
        Boolean("replace", t("thay dự án đã có ở đích", "replace a project already at the target"),
              default=False),
    )
    outputs = (Output("target", "file"),)

    def process(self, params, feedback):
        from pathlib import Path

        from ..core.project import Project
        from ..store import is_database_address, open_store
        from ..store.postgis import redact

        source, target = str(params["source"]), str(params["target"])
        project = Project.load(source)
        feedback.progress(30)
        store = open_store(target if is_database_address(target) else Path(target))
        if not is_database_address(target) and Path(target).exists() and not params["replace"]:
            from ..core.errors import InputError
            raise InputError(t("tệp đã có; dùng --replace để thay", "the file exists; use --replace to replace it"),
                             target)
        store.write(project, force=bool(params["replace"]), progress=lambda p: feedback.progress(30 + 0.7 * p))
        counts = ", ".join(f"{name} {len(frame):,}" for name, frame in project.layers.items())
        return {"target": redact(target) if is_database_address(target) else target,
                "summary": t("Đã chép {s} → {d} ({c})", "Copied {s} → {d} ({c})",
                             s=redact(source), d=redact(target), c=counts)}
