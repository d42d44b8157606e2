"""`python main.py report PROJECT [--xlsx OUT] [--pdf OUT] [--rules FILE] [--as-of DATE]`."""
from __future__ import annotations

from pathlib import Path

from ..core.atomic import write_error
from ..core.i18n import get_language, t
from ..core.processing import Algorithm, Output, Date, DestinationFile, SourceFile, Text
from .check import RULES_HELP


class ReportAlgorithm(Algorithm):
    name = "report"
    title_vi = "Báo cáo tuân thủ quy tắc (XLSX, PDF)"
    title_en = "Compliance report (XLSX, PDF)"
    params = (
        SourceFile("project", ("tệp dự án (.gpkg)", "project file (.gpkg)"), required=True, positional=True),
        DestinationFile("xlsx", ("tệp XLSX kết quả", "output XLSX file")),
        DestinationFile("pdf", ("tệp PDF kết quả (theo ngôn ngữ --lang)", "output PDF file (in the --lang language)")),
        Text("rules", RULES_HELP, multiple=True),
        Date("as_of", ("ngày đánh giá YYYY-MM-DD", "evaluation date YYYY-MM-DD")),
        SourceFile("proximity", ("kết quả phân tích thời gian di chuyển (JSON) để đánh giá R5",
                                     "result of the proximity command (JSON) to evaluate R5")),
    )
    outputs = (Output("xlsx", "file"), Output("pdf", "file"))

    def process(self, params, feedback):
        from ..core.errors import InputError
        from ..core.project import Project
        from ..core.safe_text import TextNotes
        from ..reports.pdf_report import write_pdf
        from ..reports.xlsx_report import write_xlsx
        from ..rules.check import run_check, zones_as_of
        from ..rules.ruleset import resolve_rulesets
        from ..rules.travel import load_travel_times

        if not params.get("xlsx") and not params.get("pdf"):
            raise InputError(t("cần ít nhất một trong --xlsx, --pdf", "give at least one of --xlsx, --pdf"),
                             "--xlsx/--pdf")
        project = Project.of(params["project"])  # a path, or the desktop's model in memory
        from ..core.project_crs import require_projected_project

        require_projected_project(project)
        ruleset = resolve_rulesets(params.get("rules"), project.meta)
        travel = load_travel_times(params["proximity"]) if params.get("proximity") else None
        result = run_check(project, ruleset, params.get("as_of"), travel=travel)
        feedback.progress(30)
        written = []
        target = params.get("xlsx")
        try:
            if target:
                notes = TextNotes()
                written.append(str(write_xlsx(result, ruleset, target, notes)))
                for line in notes.messages(Path(target).name):
                    feedback.log(line)
            feedback.progress(40)
            target = params.get("pdf")
            if target:
                notes = TextNotes()
                written.append(str(write_pdf(result, ruleset, zones_as_of(project, params.get("as_of")),
                                             target, lang=get_language(), feedback=feedback, notes=notes)))
                for line in notes.messages(Path(target).name):
                    feedback.log(line)
        except OSError as exc:
            raise write_error(exc, target) from None  # one message naming the output
        feedback.progress(100)
        return {"xlsx": params.get("xlsx"), "pdf": params.get("pdf"),
                "summary": t("Đã ghi: {f}", "Written: {f}", f=", ".join(written))}
