"""``allocate``: a priority project list → lots of a project's vacant industrial land (issue 11)."""
from __future__ import annotations

import json

from ..core.atomic import write_error
from ..core.i18n import t
from ..core.processing import Algorithm, Output, DestinationFile, Number, SourceFile


class Allocate(Algorithm):
    name = "allocate"
    title_vi = "Phân bổ lô đất cho danh mục dự án ưu tiên"
    title_en = "Allocate lots to a priority project list"
    params = (
        SourceFile("project", ("tệp dự án (.gpkg)", "project file (.gpkg)"), required=True, positional=True),
        SourceFile("demand", ("danh mục dự án (CSV hoặc XLSX)", "project list (CSV or XLSX)"), required=True),
        DestinationFile("json", ("tệp JSON kết quả", "output JSON file"), required=True),
        SourceFile("norms", ("định mức suất đầu tư theo ngành (TOML)", "investment-per-hectare norms (TOML)")),
        SourceFile("plants", ("điểm nhà máy lắp ráp: chỉ lô trong giới hạn R5", "assembly plants: only lots "
                                  "within the R5 travel limit")),
        Number("limit", ("giới hạn R5, phút", "R5 limit, minutes"), default=30.0, minimum=0, unit="min"),
        Number("speed", ("tốc độ, km/h", "speed, km/h"), default=40.0, minimum=0, unit="km/h"),
        Number("detour", ("hệ số đường vòng", "detour factor"), default=1.3, minimum=1),
    )
    outputs = (Output("json", "json"),)

    def process(self, params: dict, feedback) -> dict:
        from ..core.atomic import write_text_atomic
        from ..core.project import Project
        from ..subdivision import demand

        norms = demand.load_norms(params.get("norms"))
        wanted = demand.read_demand(params["demand"], norms)
        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..core.project_crs import require_projected_project

        require_projected_project(project)  # lot areas in square degrees are no answer
        geoms, ids, zones = demand.vacant_lots(project)
        allowed, minutes = None, None
        if params.get("plants"):
            from ..proximity.analysis import read_layer
            from ..proximity.straight_line import straight_line_minutes

            plants = read_layer(params["plants"], "nhà máy lắp ráp", "assembly plant", project.crs)
            minutes, _ = straight_line_minutes(geoms, plants.geometry.values, params["speed"], params["detour"])
            allowed = minutes <= params["limit"]
        feedback.progress(50)
        result = demand.allocate(wanted, geoms, ids, zones, allowed)
        result["lot_mix"] = demand.lot_mix_from_needs(wanted["need_m2"], norms["min_lot_m2"])
        result["vacant_m2"] = float(sum(g.area for g in geoms))
        result["r5"] = None if minutes is None else {"limit_minutes": params["limit"], "mode": "straight_line",
                                                     "lots_within": int(allowed.sum())}
        try:
            write_text_atomic(params["json"], json.dumps(result, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise write_error(exc, params["json"]) from None  # one message naming the output
        return {"summary": t("{a} dự án được bố trí, {u} chưa ({m:.1f} ha chưa đáp ứng)",
                             "{a} projects allocated, {u} unmet ({m:.1f} ha unmet)", a=result["allocated"],
                             u=result["unmet"], m=result["unmet_m2"] / 1e4)}
