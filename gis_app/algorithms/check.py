"""`python main.py check PROJECT --json OUT [--rules FILE] [--as-of DATE]`: rules R1–R6 and fill rates."""
from __future__ import annotations

import json

from ..core.processing import Algorithm, Output, Date, DestinationFile, SourceFile
from ..core.i18n import t


class CheckAlgorithm(Algorithm):
    name = "check"
    title_vi = "Kiểm tra tỷ lệ lấp đầy và quy tắc dành quỹ đất R1–R6"
    title_en = "Check fill rates and the land reservation rules R1–R6"
    params = (
        SourceFile("project", ("tệp dự án (.gpkg)", "project file (.gpkg)"), required=True,
              positional=True),
        DestinationFile("json", ("tệp JSON kết quả", "output JSON file"), required=True),
        SourceFile("rules", ("tệp bộ quy tắc TOML (mặc định: resources/rules/default.toml)",
                                 "rule set TOML file (default: resources/rules/default.toml)")),
        Date("as_of", ("ngày đánh giá YYYY-MM-DD: bỏ các khu thành lập sau ngày này",
                                 "evaluation date YYYY-MM-DD: zones established after it are left out")),
        SourceFile("proximity", ("kết quả phân tích thời gian di chuyển (JSON) để đánh giá R5",
                                     "result of the proximity command (JSON) to evaluate R5")),
    )
    outputs = (Output("json", "file"),)

    def process(self, params, feedback):
        from ..core.atomic import write_text_atomic
        from ..core.errors import InputError
        from ..core.project import Project
        from ..rules.check import run_check, status_counts
        from ..rules.ruleset import load_ruleset
        from ..rules.travel import load_travel_times

        ruleset = load_ruleset(params.get("rules"))
        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..exchange.crs_check import require_projected

        require_projected(project, project.path or project.name)
        feedback.progress(10)
        travel = load_travel_times(params["proximity"]) if params.get("proximity") else None
        result = run_check(project, ruleset, params.get("as_of"), feedback, travel)
        try:
            write_text_atomic(params["json"], json.dumps(result, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise InputError(t("không ghi được tệp ({err})", "cannot write the file ({err})",
                               err=exc.strerror or exc), params["json"]) from None
        feedback.progress(100)
        counts = status_counts(result)
        return {"json": params["json"], "result": result,
                "summary": t("{z} khu: {v} vi phạm, {w} cảnh báo, {o} đạt, {n} không áp dụng → {out}",
                             "{z} zones: {v} violations, {w} warnings, {o} ok, {n} n/a → {out}",
                             z=len(result["zones"]), v=counts["violation"], w=counts["warning"],
                             o=counts["ok"], n=counts["n/a"], out=params["json"])}
