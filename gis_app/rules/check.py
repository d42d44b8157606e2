"""The full check: figures per zone, findings per rule, province summary → the JSON of CONTRACTS.md."""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from ..core.i18n import t
from ..core.processing import Feedback
from ..core.project import Project
from .evaluate import evaluate_zone
from .figures import FIGURE_COLUMNS, zone_figures
from .ruleset import RuleSet
from .summary import province_summary

STATUSES = ("ok", "violation", "warning", "n/a")


def zones_as_of(project: Project, as_of: dt.date | None) -> Project:
    """The project without the zones established after ``as_of`` (unknown dates stay)."""
    if as_of is None:
        return project
    zones = project.zones
    if "established" not in zones:
        return project
    established = pd.to_datetime(zones["established"], errors="coerce")
    keep = established.isna() | (established <= pd.Timestamp(as_of))
    if keep.all():
        return project
    layers = dict(project.layers)
    layers["zones"] = zones[keep.to_numpy()]
    return Project(crs=project.crs, layers=layers, meta=project.meta, path=project.path)


def run_check(project: Project, ruleset: RuleSet, as_of: dt.date | None = None,
              feedback: Feedback | None = None, travel: pd.DataFrame | None = None) -> dict:
    """``travel``: per-zone travel times for R5 (travel.load_travel_times); without it R5 is n/a."""
    feedback = feedback or Feedback()
    _log_orphans(project, feedback)  # before --as-of: zones left out on purpose are not orphans
    project = _with_optional_columns(zones_as_of(project, as_of))
    figures = zone_figures(project, ruleset)
    if travel is not None:
        figures = figures.join(travel[["travel_sites", "travel_max_minutes"]])
    feedback.progress(60)
    feedback.check_canceled()
    zones = []
    for zone_id, row in zip(figures.index, figures.to_dict("records")):  # per zone, not per parcel
        record = {"zone_id": zone_id, "name": row["name"], "kind": row["kind"],
                  "established": _iso(row["established"]),
                  "general": _bool(row["general"]), "operating": _bool(row["operating"])}
        record.update({c: _json_value(row[c]) for c in FIGURE_COLUMNS})
        record["findings"] = evaluate_zone(row, ruleset)
        zones.append(record)
    feedback.progress(90)
    return {"rules": {"source": ruleset.source, "version": ruleset.version, "name": ruleset.name,
                      "split_date": ruleset.split_date.isoformat()},
            "as_of": as_of.isoformat() if as_of else None,
            "project": project.name,
            "zones": zones,
            "summary": province_summary(figures)}


def _with_optional_columns(project: Project) -> Project:
    """Parcels may lack the optional status/sector fields (CONTRACTS.md requires only three): add them empty."""
    parcels = project.parcels
    missing = [c for c in ("status", "sector", "tenant") if c not in parcels.columns]
    if not missing:
        return project
    parcels = parcels.copy()
    for column in missing:
        parcels[column] = None
    layers = dict(project.layers)
    layers["parcels"] = parcels
    return Project(crs=project.crs, layers=layers, meta=project.meta, path=project.path)


def _log_orphans(project: Project, feedback: Feedback) -> None:
    """Say so when parcels or subzones point to no zone: they cannot count anywhere."""
    known = set(project.zones["zone_id"].astype(str))
    for layer in ("parcels", "subzones"):
        frame = project.layer(layer)
        orphans = int((~frame["zone_id"].astype(str).isin(known)).sum()) if len(frame) else 0
        if orphans:
            feedback.log(t("{n} đối tượng của lớp {layer} có zone_id không có trong lớp zones: bỏ qua",
                           "{n} features of layer {layer} have a zone_id missing from layer zones: left out",
                           n=orphans, layer=layer))


def status_counts(result: dict) -> dict:
    counts = dict.fromkeys(STATUSES, 0)
    for zone in result["zones"]:
        for finding in zone["findings"]:
            counts[finding["status"]] += 1
    return counts


def _json_value(value):
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return value
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return None
    return value


def _bool(value):
    return None if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else bool(value)


def _iso(value):
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    return value.date().isoformat() if isinstance(value, dt.datetime) else str(value)[:10]
