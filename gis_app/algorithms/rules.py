"""`python main.py rules list` (the shipped rule sets) and `rules show ID_OR_FILE` (its rules)."""
from __future__ import annotations

from ..core.i18n import get_language, t
from ..core.processing import Algorithm, Enumeration, Output, Text


class RulesAlgorithm(Algorithm):
    name = "rules"
    title_vi = "Các bộ quy tắc: liệt kê hoặc xem một bộ"
    title_en = "Rule sets: list them (list) or show one (show)"
    params = (
        Enumeration("action", t("liệt kê hoặc xem một bộ", "list or show"), required=True, positional=True,
              choices=("list", "show")),
        Text("ruleset", t("mã bộ quy tắc hoặc tệp TOML (khi xem một bộ)", "rule set id or TOML file (for show)"),
              positional=True),
    )
    outputs = (Output("summary", "value"),)

    def process(self, params, feedback):
        from ..core.errors import InputError
        from ..core.citations import format_citation
        from ..rules.ruleset import load_ruleset, shipped_ids

        if params["action"] == "list":
            lines = []
            for ruleset_id in shipped_ids():
                rs = load_ruleset(ruleset_id)
                name = rs.name if get_language() == "vi" else rs.name_en
                lines.append(f"{rs.id}\t{rs.version}\t{len(rs.rules)} {t('quy tắc', 'rules')}\t{name} — {format_citation(rs.source)}")
            return {"summary": "\n".join(lines), "ids": shipped_ids()}
        if not params.get("ruleset"):
            raise InputError(t("cần mã bộ quy tắc hoặc tệp", "give a rule set id or file"), "ruleset")
        rs = load_ruleset(params["ruleset"])
        lang = get_language()
        lines = [f"{rs.id} {rs.version}: {rs.name if lang == 'vi' else rs.name_en}", format_citation(rs.source)]
        for rule in rs.rules:
            threshold = "–".join(f"{v:g}" for v in rule.threshold) if isinstance(rule.threshold, tuple) \
                else f"{rule.threshold:g}"
            lines.append(f"  {rule.code}\t[{rule.severity}]\t{rule.measure} {rule.comparator} {threshold}\t"
                         f"{rule.title[lang]}\n      {format_citation(rule.citation)}")
        return {"summary": "\n".join(lines)}
