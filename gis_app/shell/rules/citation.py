"""The citation of a finding: where the rule comes from (document and section), the rule's text, what
it applies to and its threshold in words, the reading chosen, and the rule set — in the UI language."""
from __future__ import annotations

import datetime as dt
import html
import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gis_app.core.aliases import fmt_date
from gis_app.core.citations import format_citation
from gis_app.core.i18n import get_language, t
from gis_app.core.numbers import fmt_number
from gis_app.rules.measures import CATALOGUE

COMPARATOR_WORDS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "between": ""}
PARAM_FIELDS = {"use": "use", "landuse": "landuse", "facility_kind": "kind", "facility_status": "status",
                "zone_status": "status"}


def _values(value, field=None) -> str:
    from gis_app.core.aliases import value_label

    values = value if isinstance(value, (tuple, list)) else (value,)
    if len(values) > 4:
        values = tuple(values[:4]) + ("…",)
    return ", ".join(value_label(v, field) if isinstance(v, str) else fmt_date(v) if isinstance(v, dt.date)
                     else str(v) for v in values)


def measure_doc(rule) -> str:
    """What the rule measures, in the UI language: the catalogue's line with the rule's own parameter
    values in place of their names (`use` → "Công nghệ cao")."""
    vi, en = CATALOGUE[rule.measure].doc

    def fill(match):
        key = match.group(1)
        value = rule.params.get(key, rule.applies.get(key))
        if value in (None, "", ()):
            return "…"
        return _values(value, PARAM_FIELDS.get(key))

    return re.sub(r"`(\w+)`", fill, vi if get_language() == "vi" else en)


def threshold_text(rule) -> str:
    """The comparator and threshold as a planner reads them: "≥ 20%", "10 – 75 ha", "≤ 30 phút"."""
    unit = CATALOGUE[rule.measure].unit
    values = rule.threshold if isinstance(rule.threshold, tuple) else (rule.threshold,)
    if unit.startswith("fraction"):
        shown = [f"{fmt_number(v * 100, 1 if (v * 100) % 1 else 0)}%" for v in values]
    else:
        suffix = {"m²": " m²", "ha": " ha", "minutes": " " + t("phút", "min")}.get(unit, "")
        shown = [f"{fmt_number(v, 0 if float(v).is_integer() else 2)}{suffix}" for v in values]
    return " – ".join(shown) if rule.comparator == "between" else f"{COMPARATOR_WORDS[rule.comparator]} {shown[0]}"


def applies_text(rule) -> str:
    """The rule's filters in words."""
    a, out = rule.applies, []
    if "kinds" in a:
        out.append(t("loại khu {k}", "zone kinds {k}", k=", ".join(a["kinds"])))
    if "general" in a:
        out.append(t("khu tổng hợp", "general zones") if a["general"] else t("khu chuyên ngành", "specialised zones"))
    if "established_from" in a:
        out.append(t("thành lập từ {d}", "established from {d}", d=fmt_date(a["established_from"])))
    if "established_before" in a:
        out.append(t("thành lập trước {d}", "established before {d}", d=fmt_date(a["established_before"])))
    if "status" in a:
        out.append(t("trạng thái {s}", "status {s}", s=_values(a["status"], "status")))
    if "districts" in a:
        out.append(t("huyện {d}", "districts {d}", d=", ".join(a["districts"])))
    if a.get("has_tenants"):
        out.append(t("đã có doanh nghiệp thứ cấp", "with secondary tenants"))
    if "location" in a:
        out.append(t("ngoài mọi khu", "outside every zone") if a["location"] == "outside" else t("trong khu", "inside zones"))
    return "; ".join(out) or t("mọi khu", "every zone")


class CitationDialog(QDialog):
    def __init__(self, finding: dict, rulesets, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Citation") + f" — {finding['rule']}")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.browser.setHtml(self._html(finding, rulesets if isinstance(rulesets, (list, tuple)) else [rulesets]))

    def _html(self, finding: dict, rulesets) -> str:
        esc = html.escape
        found = [(rs, r) for rs in rulesets for r in rs.rules if r.code == finding.get("code")]
        ruleset, rule = found[0] if found else (None, None)
        lang = get_language()
        h_citation, h_rule, h_applies = self.tr("Citation"), self.tr("Rule text in the rule set"), self.tr("Applies to")
        h_thresholds, h_ruleset, h_reading = self.tr("Thresholds"), self.tr("Rule set"), self.tr("Reading")
        heading = finding.get("heading") or finding["rule_label"]
        head = (f"<h3>{esc(heading)}: {esc(finding['status_label'])}</h3>"
                f"<p>{esc(finding['message'])}</p>"
                f"<h4>{h_citation}</h4><p><b>{esc(format_citation(finding['citation']))}</b></p>")
        if rule is None:
            return head
        severity = {"violation": self.tr("obligation (a breach is a violation)"),
                    "warning": self.tr("priority (a shortfall is a warning)"),
                    "info": self.tr("information only"), "off": self.tr("switched off")}.get(rule.severity, "")
        reading = rule.reading_vi if lang == "vi" else rule.reading
        name = ruleset.name if lang == "vi" else ruleset.name_en
        return (head + f"<h4>{h_rule}</h4><p>{esc(rule.title[lang])}</p>"
                f"<p>{h_applies}: {esc(applies_text(rule))} — {severity}</p>"
                f"<p>{h_thresholds}: {esc(measure_doc(rule))} {esc(threshold_text(rule))}</p>"
                + (f"<h4>{h_reading}</h4><p>{esc(reading)}</p>" if reading else "")
                + f"<p><small>{h_ruleset}: {esc(name)} ({esc(ruleset.version)}) — {esc(ruleset.source)}</small></p>")

    def text(self) -> str:
        return self.browser.toPlainText()
