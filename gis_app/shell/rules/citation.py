"""The citation of a finding: where the rule comes from (seed section) and its text in the rule set."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gis_app.core.citations import format_citation
from gis_app.core.i18n import get_language
from gis_app.core.numbers import fmt_number
from gis_app.rules.measures import CATALOGUE

COMPARATOR_WORDS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=", "between": ""}


def measure_doc(rule) -> str:
    """What the rule measures, in the UI language: the catalogue's line with the rule's own parameter
    values in place of their names (`use` → "Công nghệ cao")."""
    import re

    from gis_app.core.aliases import value_label

    vi, en = CATALOGUE[rule.measure].doc
    field = {"use": "use", "landuse": "landuse", "facility_kind": "kind", "facility_status": "status",
             "zone_status": "status"}

    def fill(match):
        key = match.group(1)
        value = rule.params.get(key, rule.applies.get(key))
        if value in (None, "", ()):
            return "…"
        values = value if isinstance(value, (tuple, list)) else (value,)
        if len(values) > 4:
            values = tuple(values[:4]) + ("…",)
        return ", ".join(value_label(v, field.get(key)) if isinstance(v, str) else str(v) for v in values)

    return re.sub(r"`(\w+)`", fill, vi if get_language() == "vi" else en)


def threshold_text(rule) -> str:
    """The comparator and threshold as a planner reads them: "≥ 20%", "10 – 75 ha", "≤ 30 phút"."""
    unit = CATALOGUE[rule.measure].unit
    values = rule.threshold if isinstance(rule.threshold, tuple) else (rule.threshold,)
    if unit.startswith("fraction"):
        shown = [f"{fmt_number(v * 100, 1 if (v * 100) % 1 else 0)}%" for v in values]
    else:
        suffix = {"m²": " m²", "ha": " ha", "minutes": " " + ("phút" if get_language() == "vi" else "min")}.get(unit, "")
        shown = [f"{fmt_number(v, 0 if float(v).is_integer() else 2)}{suffix}" for v in values]
    return " – ".join(shown) if rule.comparator == "between" else f"{COMPARATOR_WORDS[rule.comparator]} {shown[0]}"



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
        other = "en" if lang == "vi" else "vi"
        h_citation, h_rule, h_applies = self.tr("Citation"), self.tr("Rule text in the rule set"), self.tr("Applies to")
        h_thresholds, h_ruleset, h_reading = self.tr("Thresholds"), self.tr("Rule set"), self.tr("Reading")
        head = (f"<h3>{esc(finding['rule_label'])}: {esc(finding['status_label'])}</h3>"
                f"<p>{esc(finding['message'])}</p>"
                f"<h4>{h_citation}</h4><p><b>{esc(format_citation(finding['citation']))}</b></p>")
        if rule is None:
            return head
        severity = {"violation": self.tr("obligation (a breach is a violation)"),
                    "warning": self.tr("priority (a shortfall is a warning)"),
                    "info": self.tr("information only"), "off": self.tr("switched off")}.get(rule.severity, "")
        applies = "; ".join(f"{k} = {', '.join(map(str, v)) if isinstance(v, tuple) else v}"
                            for k, v in rule.applies.items()) or "—"
        threshold = threshold_text(rule)
        params = "".join(f"<li><code>{esc(k)}</code> = {esc(str(v))}</li>" for k, v in rule.params.items()
                         if not isinstance(v, tuple) or len(v) < 8)
        return (head + f"<h4>{h_rule}</h4><p>{esc(rule.title[lang])}<br><i>{esc(rule.title[other])}</i></p>"
                f"<p>{h_applies}: {esc(applies)} — {severity}</p>"
                f"<p>{h_thresholds}: {esc(measure_doc(rule))} {esc(threshold)} "
                f"<small>(<code>{esc(rule.measure)} {esc(rule.comparator)}</code>)</small></p>"
                f"<ul>{params}</ul>"
                + (f"<h4>{h_reading}</h4><p>{esc(rule.reading)}</p>" if rule.reading else "")
                + f"<p><small>{h_ruleset}: {esc(ruleset.name)} ({esc(ruleset.id)} {esc(ruleset.version)}), "
                f"{esc(ruleset.source)}</small></p>")

    def text(self) -> str:
        return self.browser.toPlainText()
