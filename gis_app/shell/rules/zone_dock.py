"""The "Zone / Khu" dock: rule set, as-of date and map style; the selected zone's figures and findings.

Rows come from ``gis_app.rules.view.zone_dock`` (Qt-free, in the UI language), shown as a card that
wraps to the dock's width; each finding's source is a link opening ``CitationDialog``.
"""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from gis_app.rules.view import ruleset_caption, zone_dock

from .citation import CitationDialog
from .hatch import hatch_swatch



class ZoneDockWidget(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.citation_dialog: CitationDialog | None = None
        self.ruleset_caption, self.ruleset_label = QLabel(self), QLabel(self)
        self.ruleset_label.setWordWrap(True)
        self.load_button = QPushButton(self)
        self.load_button.clicked.connect(controller.load_ruleset_dialog)
        self.as_of_check = QCheckBox(self)
        self.as_of_edit = QDateEdit(QDate(2021, 12, 31), self)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd/MM/yyyy")
        self.as_of_edit.setEnabled(False)
        self.as_of_check.toggled.connect(self._as_of_changed)
        self.as_of_edit.dateChanged.connect(self._as_of_changed)
        self.mode_caption, self.mode_combo = QLabel(self), QComboBox(self)
        self.mode_combo.addItems(["", ""])
        self.mode_combo.activated.connect(lambda index: controller.set_compliance_mode(index == 1))
        grid = QGridLayout()
        grid.addWidget(self.ruleset_caption, 0, 0)
        grid.addWidget(self.ruleset_label, 0, 1)
        grid.addWidget(self.load_button, 0, 2)
        grid.addWidget(self.as_of_check, 1, 0)
        grid.addWidget(self.as_of_edit, 1, 1)
        grid.addWidget(self.mode_caption, 2, 0)
        grid.addWidget(self.mode_combo, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.status = QLabel(self)
        self.card = QTextBrowser(self)  # wraps to the dock's width: no sideways scrolling on a laptop
        self.card.setOpenLinks(False)
        self.card.anchorClicked.connect(self._link)
        self.hatch_labels = {use: QLabel(self) for use in ("hightech", "cnht")}
        legend = QHBoxLayout()
        for use, label in self.hatch_labels.items():
            swatch = QLabel(self)
            swatch.setPixmap(hatch_swatch(use))
            legend.addWidget(swatch)
            legend.addWidget(label)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(grid)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.card, 1)
        layout.addLayout(legend)
        controller.result_changed.connect(self.show_zone)
        controller.zone_changed.connect(self.show_zone)
        controller.ruleset_changed.connect(self._show_ruleset)
        controller.as_of_restored.connect(self.set_as_of)
        controller.map_mode_changed.connect(self._show_mode)
        self.retranslate()

    def retranslate(self) -> None:
        self.ruleset_caption.setText(self.tr("Rule set:"))
        self.load_button.setText(self.tr("Rule sets…"))
        self.load_button.setToolTip(self.tr("Choose the province's rule sets, switch rules off, change thresholds"))
        self.as_of_check.setText(self.tr("As of"))
        self.as_of_check.setToolTip(self.tr("The state on this date: zones established and operating, leases "
                                            "started by then"))
        self.mode_caption.setText(self.tr("Map style:"))
        self.mode_combo.setItemText(0, self.tr("Fill rate"))
        self.mode_combo.setItemText(1, self.tr("Compliance"))
        self.hatch_labels["hightech"].setText(self.tr("High-tech subzone"))
        self.hatch_labels["cnht"].setText(self.tr("CNHT subzone"))
        self._show_ruleset()
        self._show_mode()
        self.show_zone()  # figures and findings are formatted in the UI language

    def _show_ruleset(self) -> None:
        sets = self.controller.rulesets
        self.ruleset_label.setText(ruleset_caption(sets))
        self.ruleset_label.setToolTip("\n".join(f"{s.name}: {s.source}" for s in sets))
        self.ruleset_caption.setToolTip(self.tr("* thresholds or severities changed for this project"))

    def _show_mode(self) -> None:
        self.mode_combo.setCurrentIndex(1 if self.controller.compliance_mode() else 0)

    def _as_of_changed(self, *_) -> None:
        on = self.as_of_check.isChecked()
        self.as_of_edit.setEnabled(on)
        self.controller.set_as_of(self.as_of_edit.date().toPython() if on else None)

    def set_as_of(self, date: dt.date | None) -> None:
        if date is not None:
            self.as_of_edit.setDate(QDate(date.year, date.month, date.day))
        self.as_of_check.setChecked(date is not None)

    # -- the selected zone ----------------------------------------------------------------
    def show_zone(self) -> None:
        """The zone as a card that wraps to the dock's width: status, fill rate, each finding with its
        deficit in m² and its citation one click away (a link), then the other figures."""
        zone = self.controller.zone()
        self.rows: list[dict] = []
        if zone is None:
            zone_id, result = self.controller.zone_id, self.controller.result
            if zone_id is None:
                text = self.tr("Select a zone on the map, in the zone list or in the table.")
            elif result is None:
                text = self.tr("Checking…")
            else:
                text = self.tr("Zone %1 is not checked: established after the as-of date.").replace("%1", zone_id)
            self.title.setText(text)
            self.status.clear()
            self.status.setStyleSheet("")
            self.card.clear()
            return
        view = zone_dock(zone)
        self.title.setText(f"<b>{html.escape(view['title'])}</b>")
        self.status.setText(self.tr("Overall: %1").replace("%1", view["status_label"]))
        self.status.setStyleSheet(f"background: {view['status_color']}; padding: 2px 6px; border-radius: 3px;")
        for finding, shown in zip(zone["findings"], view["findings"]):
            self.rows.append(dict(shown, rule_id=finding["rule"], rule_label=shown["rule"]))
        self.card.setHtml(self._card_html(view))

    def _card_html(self, view: dict) -> str:
        esc = html.escape
        h_findings, h_figures, w_deficit, w_source = self.tr("Findings"), self.tr("Figures"), self.tr("deficit"), \
            self.tr("Source")
        figures = dict(view["figures"])
        key = [(label, figures[label]) for label in list(figures)[3:8]]  # area, land fund, leased, vacant, fill rate
        parts = ["<table width='100%' cellspacing='0' cellpadding='1'>"]
        parts += [f"<tr><td>{esc(label)}</td><td align='right'><b>{esc(str(value))}</b></td></tr>"
                  for label, value in key]
        parts.append("</table>")
        parts.append(f"<p style='margin-top:8px'><b>{esc(h_findings)}</b></p>")
        for row, entry in enumerate(self.rows):
            deficit = entry["deficit"] if entry["status"] in ("violation", "warning") else ""
            line = (f"<span style='background:{entry['color']}'>&nbsp;{esc(entry['status_label'])}&nbsp;</span> "
                    f"<b>{esc(entry['heading'])}</b>")
            if deficit and deficit not in ("—", "0 m²"):
                line += f" — {esc(w_deficit)} <b>{esc(deficit)}</b>"
            parts.append(f"<p style='margin:6px 0 0 0'>{line}<br>{esc(entry['message'])}<br>"
                         f"<a href='cite:{row}'>{esc(w_source)}: {esc(entry['citation_text'])}</a></p>")
        parts.append(f"<p style='margin-top:8px'><b>{esc(h_figures)}</b></p><table width='100%'>")
        parts += [f"<tr><td>{esc(label)}</td><td align='right'>{esc(str(value))}</td></tr>"
                  for label, value in view["figures"] if (label, value) not in key]
        parts.append("</table>")
        return "".join(parts)

    def figure_values(self) -> dict[str, str]:
        """The zone's figures as shown on the card (label → value)."""
        zone = self.controller.zone()
        return dict(zone_dock(zone)["figures"]) if zone is not None else {}

    def _link(self, url) -> None:
        text = url.toString()
        if text.startswith("cite:"):
            self.show_citation(int(text[5:]))

    def show_citation(self, row: int) -> CitationDialog:
        entry = self.rows[row]
        finding = {"rule": entry["rule_id"], "rule_label": entry["rule_label"], "status_label": entry["status_label"],
                   "message": entry["message"], "citation": entry["citation"], "code": entry.get("code", ""),
                   "heading": entry.get("heading", "")}
        if self.citation_dialog is not None:
            self.citation_dialog.close()
        self.citation_dialog = CitationDialog(finding, self.controller.rulesets, self)
        self.citation_dialog.show()
        return self.citation_dialog
