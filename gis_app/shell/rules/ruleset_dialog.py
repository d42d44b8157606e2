"""The rule-set dialog: which rule sets the project uses, and per rule its severity and threshold.

Left: the shipped rule sets and any loaded file, each with a check box (used or not). Right: the rules
of the selected set; severity is a combo (violation, warning, info, off) and the threshold an editable
cell. Every change is validated by ``RuleSet.with_overrides`` (the same checks as a rule file): a bad
value turns the cell red, says why, and disables OK. The result keeps each set's text and version and
the planner's overrides; the controller stores them in ``project.meta``.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gis_app.core.citations import format_citation
from gis_app.core.errors import InputError
from gis_app.core.i18n import get_language
from gis_app.rules.ruleset import SEVERITIES, load_ruleset, shipped_ids
from gis_app.rules.view import severity_label

COLUMNS = ("code", "title", "measure", "threshold", "severity", "citation")


def parse_threshold(text: str, between: bool):
    """A threshold as typed (vi "0,2" or en "0.2"; "10–75" for a range) → float or [low, high]; ValueError."""
    text = text.strip().replace(" ", "")
    if between:
        parts = [p for p in text.replace("–", "-").split("-") if p]
        if len(parts) != 2:
            raise ValueError(text)
        return [float(p.replace(",", ".")) for p in parts]
    return float(text.replace(",", "."))


def threshold_text(value) -> str:
    if isinstance(value, (tuple, list)):
        return "–".join(f"{v:g}" for v in value)
    return f"{value:g}"


class RuleSetDialog(QDialog):
    def __init__(self, rulesets: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rule sets"))
        self.resize(1000, 560)
        # id -> [base RuleSet (as loaded), overrides dict, used?]
        self.entries: dict[str, list] = {}
        for rs in rulesets:
            base = load_ruleset(rs.id) if rs.id in shipped_ids() and _same_text(rs) else _base_of(rs)
            self.entries[rs.id] = [base, {k: dict(v) for k, v in rs.overrides.items()}, True]
        for ruleset_id in shipped_ids():
            if ruleset_id not in self.entries:
                self.entries[ruleset_id] = [load_ruleset(ruleset_id), {}, False]
        self.sets = QListWidget(self)
        self.add_button = QPushButton(self.tr("Add a rule set file…"), self)
        self.add_button.clicked.connect(self.add_file)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Rule sets used by the project:"), self))
        left_layout.addWidget(self.sets, 1)
        left_layout.addWidget(self.add_button)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.rules = QTableWidget(0, len(COLUMNS), self)
        self.rules.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Rule"), self.tr("Measure"),
                                              self.tr("Threshold"), self.tr("Severity"), self.tr("Citation")])
        self.rules.verticalHeader().setVisible(False)
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rules.horizontalHeader().setStretchLastSection(True)
        self.rules.itemChanged.connect(self._threshold_edited)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b30000")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.source)
        right_layout.addWidget(self.rules, 1)
        right_layout.addWidget(self.problem)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 740])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Switch a rule off with severity “off”: it is listed as off in every "
                                        "output, never dropped silently."), self), 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.errors: dict[tuple, str] = {}
        self._filling = False
        self.sets.currentRowChanged.connect(self._show_set)
        self.sets.itemChanged.connect(self._set_toggled)
        self._fill_sets()

    # -- the list of rule sets ------------------------------------------------------------------
    def _fill_sets(self) -> None:
        self._filling = True
        self.sets.clear()
        lang = get_language()
        for ruleset_id, (base, _, used) in self.entries.items():
            item = QListWidgetItem(f"{ruleset_id} ({base.version})\n{base.name if lang == 'vi' else base.name_en}")
            item.setData(Qt.ItemDataRole.UserRole, ruleset_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)
            self.sets.addItem(item)
        self._filling = False
        self.sets.setCurrentRow(0)
        self._validate()

    def _set_toggled(self, item) -> None:
        if not self._filling:
            self.entries[item.data(Qt.ItemDataRole.UserRole)][2] = item.checkState() == Qt.CheckState.Checked
            self._validate()

    def current_id(self) -> str | None:
        item = self.sets.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_file(self, path: str | None = None) -> bool:
        if not path:
            from gis_app.shell.user_files import start_path

            path, _ = QFileDialog.getOpenFileName(self, self.tr("Add a rule set file"), start_path(), "TOML (*.toml)")
            if not path:
                return False
        try:
            ruleset = load_ruleset(path)
        except InputError as exc:
            QMessageBox.warning(self, self.tr("Cannot load the rule set"), str(exc))
            return False
        self.entries[ruleset.id] = [ruleset, {}, True]
        self._fill_sets()
        self.sets.setCurrentRow(list(self.entries).index(ruleset.id))
        return True

    # -- the rules of one set -------------------------------------------------------------------
    def _show_set(self, _row: int = 0) -> None:
        ruleset_id = self.current_id()
        if ruleset_id is None:
            return
        base, overrides, _ = self.entries[ruleset_id]
        lang = get_language()
        self.source.setText(f"<b>{html.escape(base.name if lang == 'vi' else base.name_en)}</b> — "
                            f"{html.escape(format_citation(base.source))}")
        self._filling = True
        self.rules.setRowCount(len(base.rules))
        for row, rule in enumerate(base.rules):
            change = overrides.get(rule.code, {})
            cells = {"code": rule.code, "title": rule.title[lang], "measure": f"{rule.measure} {rule.comparator}",
                     "threshold": threshold_text(change.get("threshold", rule.threshold)),
                     "citation": format_citation(rule.citation)}
            for col, key in enumerate(COLUMNS):
                if key == "severity":
                    combo = QComboBox(self.rules)
                    for code in SEVERITIES:  # words in the UI language, the rule-set code as data
                        combo.addItem(severity_label(code), code)
                    combo.setCurrentIndex(max(combo.findData(change.get("severity", rule.severity)), 0))
                    combo.currentIndexChanged.connect(
                        lambda _i, c=rule.code, box=combo: self.set_override(c, "severity", box.currentData()))
                    self.rules.setCellWidget(row, col, combo)
                    continue
                item = QTableWidgetItem(cells[key])
                item.setData(Qt.ItemDataRole.UserRole, rule.code)
                tip = rule.reading or format_citation(rule.citation)
                item.setToolTip(tip)
                if key != "threshold":
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.rules.setItem(row, col, item)
            self._paint(row, (ruleset_id, rule.code))
        self._filling = False
        self.rules.resizeColumnsToContents()
        # the editable threshold and severity stay in view at 1366×768; full texts are in the tooltips
        self.rules.setColumnWidth(1, min(self.rules.columnWidth(1), 240))
        self.rules.setColumnWidth(2, min(self.rules.columnWidth(2), 150))

    def _threshold_edited(self, item) -> None:
        if self._filling or item.column() != COLUMNS.index("threshold"):
            return
        self.set_override(item.data(Qt.ItemDataRole.UserRole), "threshold", item.text())

    def set_override(self, code: str, key: str, text: str, ruleset_id: str | None = None) -> bool:
        """Change one rule's severity or threshold (as typed); False and a red cell when invalid."""
        ruleset_id = ruleset_id or self.current_id()
        base, overrides, _ = self.entries[ruleset_id]
        rule = base.rule(code)
        error_key = (ruleset_id, code)
        self.errors.pop(error_key, None)
        try:
            value = parse_threshold(text, rule.comparator == "between") if key == "threshold" else text
            trial = {c: dict(v) for c, v in overrides.items()}
            trial.setdefault(code, {})[key] = value
            base.with_overrides(trial)  # the file's own validation
        except ValueError:
            self.errors[error_key] = self.tr("%1: the threshold must be a number (a range “low–high” for "
                                             "“between”)").replace("%1", code)
        except InputError as exc:
            self.errors[error_key] = str(exc.problem)
        else:
            self.entries[ruleset_id][1] = trial
        if ruleset_id == self.current_id():
            row = [r.code for r in base.rules].index(code)
            self._paint(row, error_key)
        self._validate()
        return error_key not in self.errors

    def _paint(self, row: int, error_key) -> None:
        item = self.rules.item(row, COLUMNS.index("threshold"))
        if item is None:
            return
        was = self._filling
        self._filling = True
        item.setBackground(QColor("#f4a6a6") if error_key in self.errors else QColor(0, 0, 0, 0))
        self._filling = was

    def _validate(self) -> None:
        used = [i for i, (_, _, on) in self.entries.items() if on]
        problem = "\n".join(self.errors.values())
        if not used:
            problem = self.tr("Choose at least one rule set.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def chosen(self) -> list:
        """The rule sets ticked, in list order, with their overrides applied (validated)."""
        return [base.with_overrides(overrides) for base, overrides, used in self.entries.values() if used]


def _same_text(ruleset) -> bool:
    return load_ruleset(ruleset.id).text == ruleset.text


def _base_of(ruleset):
    """The rule set as its file/stored text has it, without overrides."""
    from gis_app.rules.ruleset import parse_ruleset

    return parse_ruleset(ruleset.text, ruleset.path)
