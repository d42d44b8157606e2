"""The citation of a finding: where the rule comes from (seed section) and its text in the rule set."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from pathlib import Path

from gis_app.core.citations import format_citation, threshold_words
from gis_app.core.i18n import get_language

_TEXT_KEYS = ("title_vi", "title_en", "citation", "kinds", "severity")


class CitationDialog(QDialog):
    def __init__(self, finding: dict, ruleset, parent=None):
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
        self.browser.setHtml(self._html(finding, ruleset))

    def _html(self, finding: dict, ruleset) -> str:
        rule = ruleset.rules.get(finding["rule"], {})
        esc = html.escape
        h_citation, h_rule, h_applies = self.tr("Citation"), self.tr("Rule text in the rule set"), self.tr("Applies to")
        h_thresholds, h_ruleset = self.tr("Thresholds"), self.tr("Rule set")
        title = rule.get("title_vi" if get_language() == "vi" else "title_en", "")
        thresholds = "".join(f"<li>{esc(threshold_words(k, v))}</li>"  # in words; the key is in the rule file
                             for k, v in rule.items() if k not in _TEXT_KEYS)
        severity = {"violation": self.tr("obligation (a breach is a violation)"),
                    "warning": self.tr("priority (a shortfall is a warning)")}.get(rule.get("severity"), "")
        return (f"<h3>{esc(finding['rule_label'])}: {esc(finding['status_label'])}</h3>"
                f"<p>{esc(finding['message'])}</p>"
                f"<h4>{h_citation}</h4><p><b>{esc(format_citation(finding['citation']))}</b></p>"
                f"<h4>{h_rule}</h4><p>{esc(title)}</p>"
                f"<p>{h_applies}: {esc(', '.join(rule.get('kinds', [])))} — {severity}</p>"
                f"<p>{h_thresholds}:</p><ul>{thresholds}</ul>"
                f"<p><small>{h_ruleset}: {esc(ruleset.name)} ({esc(ruleset.version)}), "
                f"{esc(Path(ruleset.source).name)}</small></p>")

    def text(self) -> str:
        return self.browser.toPlainText()
