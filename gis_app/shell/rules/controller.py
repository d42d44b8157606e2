"""The rules in the window: the rule sets and as-of date in use, the check result, the chosen zone.

The rule sets (content, version and the planner's overrides) are stored in ``project.meta``
(``ruleset.META_KEY``/``OVERRIDES_KEY``), so ``check``, ``report`` and ``export-web`` on the saved
project use the same ones.

The check (``gis_app.rules.check.run_check``) runs in the shell's task runner whenever a project is
shown, the rule set or the date changes, or parcels/subzones change; its result is joined onto the
zones layer as a ``compliance`` column (worst finding) so the compliance style can colour zones.
The selected zone follows the selection of the zones layer, else of any layer with a ``zone_id``.
"""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from gis_app.core.errors import InputError
from gis_app.core.styles import NO_DATA_COLOR, default_style
from gis_app.rules.ruleset import (DEFAULT_IDS, load_ruleset, resolve_rulesets, stored_rulesets)
from gis_app.rules.view import STATUS_COLORS, compliance_by_zone
from gis_app.shell.user_files import start_path

COMPLIANCE_FIELD = "compliance"
CHECKED_LAYERS = ("parcels", "subzones", "facilities", "zones")  # an edit there re-runs the check
RULESET_FILTER = "TOML (*.toml)"


def compliance_style(style: dict) -> dict:
    """``style`` with zones coloured by their worst finding (grey when not checked)."""
    style = copy.deepcopy(style)
    style.pop("graduated", None)
    style["categorized"] = {"field": COMPLIANCE_FIELD, "colors": dict(STATUS_COLORS)}
    style["fill"] = NO_DATA_COLOR
    return style


def fill_rate_style(style: dict) -> dict:
    """``style`` back to the fill-rate choropleth of the default zones style."""
    style = copy.deepcopy(style)
    style.pop("categorized", None)
    default = default_style("zones")
    style["graduated"], style["fill"] = default["graduated"], default["fill"]
    return style


def is_compliance_style(style: dict) -> bool:
    return (style.get("categorized") or {}).get("field") == COMPLIANCE_FIELD


class RulesController(QObject):
    result_changed = Signal()  # self.result replaced (None: no zones or not yet checked)
    zone_changed = Signal()  # self.zone_id changed
    ruleset_changed = Signal()
    map_mode_changed = Signal()
    as_of_restored = Signal(object)  # the project's saved evaluation date (or None)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.rulesets = resolve_rulesets(None)  # the defaults until a project says otherwise
        self.as_of: dt.date | None = None
        self.travel = None  # per-zone travel minutes for R5, from a proximity result (else R5 is n/a)
        self.result: dict | None = None
        self.zone_id: str | None = None
        self.task = None
        self._generation = 0  # results of superseded checks are dropped
        self._applying = False
        self.closed = False  # the window is going away: no new check
        # Requests are coalesced: opening a project inserts several layers, one check is enough.
        self._pending = QTimer(self, singleShot=True, interval=0, timeout=self.run_check)
        self._restoring = False
        window.project_shown.connect(self._restore_from_project)
        window.layers.events.connect("changed", self._layer_changed)
        window.layers.events.connect("inserted", self._layers_changed)
        window.layers.events.connect("removed", self._layers_changed)

    @property
    def ruleset(self):
        """The first rule set in use (older callers); ``rulesets`` has them all."""
        return self.rulesets[0]

    # -- the project's rule sets and date (saved in project.meta) --------------------------------
    def sync_from_project(self) -> None:
        """Take the rule state from the model again (after an undo or redo of a rule change)."""
        if not self._restoring:
            self._restore_from_project()

    def _restore_from_project(self) -> None:
        meta = self.window.project.meta
        saved = dict(meta.get("rules") or {})
        self._restoring = True
        try:
            try:
                stored = stored_rulesets(meta)
            except InputError as exc:
                QMessageBox.warning(self.window, self.tr("Cannot load the rule set"), str(exc))
                stored = []
            if stored:
                self.rulesets = stored
            elif saved.get("path"):  # projects saved before rule sets were stored: the file they named
                if not self.load_ruleset_file(saved.get("path")):
                    self.rulesets = resolve_rulesets(None)
            else:
                self.rulesets = resolve_rulesets(None)
            self.ruleset_changed.emit()
            self.travel = None
            if saved.get("proximity") and not self.load_travel_file(saved["proximity"]):
                self.travel = None
            as_of = dt.date.fromisoformat(saved["as_of"]) if saved.get("as_of") else None
            self.as_of = as_of
            self.as_of_restored.emit(as_of)
        finally:
            self._restoring = False
        self.request_check()

    def _remember(self, key: str, value) -> None:
        if self._restoring:
            return
        rules = dict(self.window.project.meta.get("rules") or {})
        if rules.get(key) == value:
            return
        self.window.project.set_rules(**{key: value})  # one undoable step in the model
        self.window.set_modified(True)

    # -- the check ------------------------------------------------------------------------
    def request_check(self) -> None:
        if not self.closed:
            self._pending.start()

    def run_check(self) -> None:
        from gis_app.rules.check import run_check

        self._pending.stop()
        if self.closed:
            return
        self._generation += 1
        generation = self._generation
        project, ruleset, as_of, travel = self.window.project, list(self.rulesets), self.as_of, self.travel
        if "zones" not in project.layers or not len(project.zones):
            self._apply(None, generation)
            return
        self.task = self.window.tasks.run(lambda feedback: run_check(project, ruleset, as_of, feedback, travel),
                                          title=self.tr("Checking the land reservation rules…"),
                                          on_done=lambda result: self._apply(result, generation))

    def _apply(self, result, generation: int) -> None:
        if generation != self._generation:
            return
        self.result = result
        self._join_compliance(result)
        self.window.project.publish_check(result)  # the charts observe the model, not this controller
        self.result_changed.emit()
        self._follow_selection(force=True)

    def _join_compliance(self, result) -> None:
        """Put each zone's worst status in the zones layer (zones left out by the date stay empty)."""
        layers = self.window.layers
        if "zones" not in layers:
            return
        layer = layers["zones"]
        frame = layer.frame.copy()
        frame[COMPLIANCE_FIELD] = frame["zone_id"].astype(str).map(compliance_by_zone(result) if result else {})
        rows = layer.selected_rows()
        changed = None  # same zones, same shapes: only the zones whose status moved are drawn again
        if COMPLIANCE_FIELD in layer.frame.columns:
            old = layer.frame[COMPLIANCE_FIELD].astype(object).reset_index(drop=True)
            new = frame[COMPLIANCE_FIELD].astype(object).reset_index(drop=True)
            changed = np.flatnonzero(~((old == new) | (old.isna() & new.isna())).to_numpy(dtype=bool))
        was_modified = self.window.modified  # a check result is not a change to the project
        self._applying = True
        try:
            layer.set_frame(frame, geometry_changed=changed is None, rows=changed)
            layer.select(rows)
        finally:
            self._applying = False
            self.window.set_modified(was_modified)

    def zone(self, zone_id: str | None = None) -> dict | None:
        """The check result of ``zone_id`` (default: the selected zone)."""
        zone_id = zone_id or self.zone_id
        if self.result is None or zone_id is None:
            return None
        return next((z for z in self.result["zones"] if z["zone_id"] == zone_id), None)

    # -- rule sets and date ---------------------------------------------------------------
    def load_ruleset_dialog(self) -> None:
        """The rule-set dialog: choose the sets, switch rules off, change thresholds and severities."""
        from .ruleset_dialog import RuleSetDialog

        dialog = RuleSetDialog(self.rulesets, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_rulesets(dialog.chosen())

    def load_ruleset_file(self, path) -> bool:
        """Add the rule set of ``path`` (an id or a TOML file) to those in use, replacing one with the
        same id; None: back to the defaults. A malformed file is refused with a message naming the
        line and the problem, and the rule sets stay."""
        try:
            if path is None:
                rulesets = [load_ruleset(i) for i in DEFAULT_IDS]
            else:
                new = load_ruleset(path)
                rulesets = [s for s in self.rulesets if s.id != new.id] + [new]
        except InputError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot load the rule set"), str(exc))
            return False
        self.set_rulesets(rulesets)
        return True

    def set_rulesets(self, rulesets: list) -> None:
        """Use ``rulesets`` (validated RuleSet objects, with their overrides) and keep them in the project."""
        self.rulesets = list(rulesets)
        if not self._restoring:
            self.window.project.set_rulesets(self.rulesets)  # one undoable step in the model
            self.window.set_modified(True)
        self.ruleset_changed.emit()
        self.request_check()

    # -- R5: travel times from the proximity command -----------------------------------------
    def load_travel_file(self, path) -> bool:
        """Use a proximity result (JSON) for R5; a bad file is refused with its message."""
        from gis_app.rules.travel import load_travel_times

        try:
            self.travel = load_travel_times(path)
        except InputError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot load the travel times"), str(exc))
            return False
        self._remember("proximity", str(Path(path).resolve()))
        self.request_check()
        return True

    def load_travel_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Load travel times (R5)"), start_path(),
                                              self.tr("Proximity results (*.json)"))
        if path:
            self.load_travel_file(path)

    def compute_travel_dialog(self) -> None:
        """Run the proximity algorithm on the project in memory (unsaved edits count), then use its
        result for R5."""
        from gis_app.core.processing import registry

        from ..algorithm_dialog import AlgorithmDialog

        project = self.window.project
        project_path = Path(project.path) if project.path else Path.home() / (project.name or "du_an")
        algorithm = registry().get("proximity")
        dialog = AlgorithmDialog(algorithm, self.window, initial={
            "project": str(project.path or ""), "json": str(project_path.with_name(project_path.stem + "_r5.json"))})
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        if values.get("project") in (None, "", str(project.path)):
            values["project"] = project.snapshot()
        self.window.tasks.run(algorithm, values, on_done=lambda _result: self.load_travel_file(values["json"]))

    def set_as_of(self, date: dt.date | None) -> None:
        if date != self.as_of:
            self.as_of = date
            self._remember("as_of", date.isoformat() if date else None)
            self.request_check()

    # -- map style ------------------------------------------------------------------------
    def compliance_mode(self) -> bool:
        layers = self.window.layers
        return "zones" in layers and is_compliance_style(layers["zones"].style)

    def set_compliance_mode(self, on: bool) -> None:
        layers = self.window.layers
        if "zones" not in layers or on == self.compliance_mode():
            return
        layer = layers["zones"]
        layer.style = compliance_style(layer.style) if on else fill_rate_style(layer.style)

    # -- selection ------------------------------------------------------------------------
    def _layer_changed(self, layer, what) -> None:
        if what == "selection" and not self._applying:
            self._follow_selection()
        elif what == "style" and layer.name == "zones":
            self.map_mode_changed.emit()
        elif what == "data" and layer.name in CHECKED_LAYERS and not self._applying:
            self.request_check()

    def _layers_changed(self, layer=None, **_) -> None:
        if layer is not None and layer.name in CHECKED_LAYERS:
            self.request_check()

    def _follow_selection(self, force: bool = False) -> None:
        zone_id = None
        layers = list(self.window.layers)
        zones_first = sorted(layers, key=lambda lyr: lyr.name != "zones")
        known = set(self.window.project.zones["zone_id"].astype(str)) if "zone_id" in self.window.project.zones else set()
        for layer in zones_first:
            frame = getattr(layer, "frame", None)  # vector layers only
            if frame is None or not layer.selected.any():
                continue
            # a lot of an accepted layout names its zone by layout_id (the zone it was laid out in)
            column = "zone_id" if "zone_id" in frame.columns else "layout_id" if "layout_id" in frame.columns else None
            value = str(frame[column].iloc[int(layer.selected_rows()[0])]) if column else None
            if value is not None and (column == "zone_id" or value in known):
                zone_id = value
                break
        if zone_id is None and self.zone_id is not None:
            zone_id = self.zone_id  # an emptied selection (an edit, a click beside) keeps the zone card
        if force or zone_id != self.zone_id:
            self.zone_id = zone_id
            self.zone_changed.emit()

    # -- report ---------------------------------------------------------------------------
    def export_report_dialog(self) -> None:
        from .report_dialog import ReportDialog

        if self.result is None:
            QMessageBox.warning(self.window, self.tr("Cannot continue"),
                                self.tr("No check result yet: open a project with zones first."))
            return
        dialog = ReportDialog(self.window, self.window.project.path)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.export_report(dialog.xlsx_path(), dialog.pdf_path())

    def export_report(self, xlsx: str | None, pdf: str | None):
        """Write the compliance report (XLSX and/or PDF) with the ``report`` algorithm the CLI runs, on
        the model in memory (unsaved edits count) and the rule set, date and travel times chosen here."""
        from gis_app.core.processing import registry

        project = self.window.project
        values = {"project": project.snapshot(), "xlsx": xlsx, "pdf": pdf,
                  "rules": None,  # the rule sets stored in the project (set_rulesets keeps them there)
                  "as_of": self.as_of, "proximity": (project.meta.get("rules") or {}).get("proximity")}

        def done(result):
            written = [str(f) for f in (result.get("xlsx"), result.get("pdf")) if f]
            self.window.statusBar().showMessage(self.tr("Report written: %1").replace("%1", ", ".join(written)),
                                                10000)

        return self.window.tasks.run(registry().get("report"), values,
                                     title=self.tr("Exporting the compliance report…"), on_done=done)
