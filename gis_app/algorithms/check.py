"""`python main.py check PROJECT --json OUT [--rules FILE] [--as-of DATE]`: rules R1–R6 and fill rates."""
from __future__ import annotations

import json

from ..core.atomic import write_error
from ..core.processing import Algorithm, Output, Date, DestinationFile, SourceFile, Text
from ..core.i18n import get_language, t

RULES_HELP = ("bộ quy tắc: mã hoặc tệp TOML; lặp lại được. Mặc định: các bộ lưu trong dự án, "
              "nếu không có thì bộ của Hải Dương và bộ quốc gia",
              "rule set: an id (see `rules list`) or a TOML file; repeatable. Default: the sets stored in the "
              "project, else hai-duong-2021 and vn-national")


class CheckAlgorithm(Algorithm):
    name = "check"
    title_vi = "Kiểm tra tỷ lệ lấp đầy và quy tắc dành quỹ đất R1–R6"
    title_en = "Check fill rates and the land reservation rules R1–R6"
    params = (
        SourceFile("project", ("tệp dự án (.gpkg)", "project file (.gpkg)"), required=True,
              positional=True),
        DestinationFile("json", ("tệp JSON kết quả", "output JSON file"), required=True),
        Text("rules", RULES_HELP, multiple=True),
        Date("as_of", ("ngày đánh giá YYYY-MM-DD: tình trạng tại ngày này (khu đã thành lập, đã hoạt động, "
                       "hợp đồng thuê đã bắt đầu)", "evaluation date YYYY-MM-DD: the state on that day (zones "
                       "established and operating, leases started by then)")),
        SourceFile("proximity", ("kết quả phân tích thời gian di chuyển (JSON) để đánh giá R5",
                                     "result of the proximity command (JSON) to evaluate R5")),
    )
    outputs = (Output("json", "file"),)

    def process(self, params, feedback):
        from ..core.atomic import write_text_atomic
        from ..core.project import Project
        from ..rules.check import run_check, status_counts
        from ..rules.ruleset import resolve_rulesets
        from ..rules.travel import load_travel_times

        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..core.project_crs import require_projected_project

        require_projected_project(project)
        ruleset = resolve_rulesets(params.get("rules"), project.meta)
        feedback.progress(10)
        travel = load_travel_times(params["proximity"]) if params.get("proximity") else None
        result = run_check(project, ruleset, params.get("as_of"), feedback, travel)
        try:
            write_text_atomic(params["json"], json.dumps(result, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise write_error(exc, params["json"]) from None  # one message naming the output
        feedback.progress(100)
        counts = status_counts(result)
        return {"json": params["json"], "result": result,
                "summary": check_summary(result, counts, params["json"])}


def check_summary(result: dict, counts: dict, out) -> str:
    """One line per run: the rule sets, the counts by status, rules switched off (never silently)."""
    sets = ", ".join(f"{s['id']} {s['version']}" for s in result["rules"]["sets"])
    off = [f"{s['id']}:{c}" for s in result["rules"]["sets"] for c in s["off"]]
    line = t("[{s}] {z} khu: {v} vi phạm, {w} cảnh báo, {u} thiếu dữ liệu, {i} thông tin, {o} đạt, "
             "{n} không áp dụng → {out}",
             "[{s}] {z} zones: {v} violations, {w} warnings, {u} unknown, {i} info, {o} ok, {n} n/a → {out}",
             s=sets, z=len(result["zones"]), v=counts["violation"], w=counts["warning"], u=counts["unknown"],
             i=counts["info"], o=counts["ok"], n=counts["n/a"], out=out)
    if off:
        line += "\n" + t("Quy tắc đã tắt: {c}", "Rules switched off: {c}", c=", ".join(off))
    if result.get("as_of_notes"):  # --as-of: what was rolled back, and what the data cannot tell
        from ..core.aliases import fmt_date

        line += "\n" + t("Tại ngày {d}:", "On {d}:", d=fmt_date(result["as_of"])) + "".join(
            "\n  - " + (n["messages"].get(get_language()) or n["message"]) for n in result["as_of_notes"])
    return line
