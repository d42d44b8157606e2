"""The full check: figures per zone, findings per rule, province summary → the JSON of CONTRACTS.md."""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from ..core.i18n import t
from ..core.processing import Feedback
from ..core.project import Project
from .evaluate import province_findings, zone_findings
from .figures import FIGURE_COLUMNS
from .measures import Context
from .ruleset import RuleSet
from .summary import province_summary

STATUSES = ("ok", "violation", "warning", "info", "n/a", "unknown")


def zones_as_of(project: Project, as_of: dt.date | None) -> Project:
    """The project as it stood on ``as_of``: zones established after it left out (unknown dates stay);
    a zone whose status was reached after it is back to ``established`` and not operating; leases that
    started after it are vacant again (parcels without ``leased_from`` stay as they are). Declared
    figures (industrial_m2, leased_m2) have no date and stay."""
    if as_of is None:
        return project
    stamp = pd.Timestamp(as_of)
    layers = dict(project.layers)
    zones = project.zones
    if "established" in zones:
        established = pd.to_datetime(zones["established"], errors="coerce")
        zones = zones[(established.isna() | (established <= stamp)).to_numpy()]
    if "status_date" in zones and "status" in zones:
        later = (pd.to_datetime(zones["status_date"], errors="coerce") > stamp).to_numpy()
        if later.any():
            zones = zones.copy()
            zones.loc[later, "status"] = "established"
            zones.loc[later, "status_date"] = pd.NaT
            if "operating" in zones:
                zones["operating"] = zones["operating"].astype("boolean")
                zones.loc[later, "operating"] = False
    if "zones" in layers:
        layers["zones"] = zones
    parcels = project.parcels
    if "leased_from" in parcels and len(parcels):
        later = ((pd.to_datetime(parcels["leased_from"], errors="coerce") > stamp)
                 & (parcels["status"] == "leased")).to_numpy()
        if later.any():
            parcels = parcels.copy()
            parcels.loc[later, "status"] = "vacant"
            for column in ("tenant", "sector", "leased_from"):
                if column in parcels:
                    parcels.loc[later, column] = None
            layers["parcels"] = parcels
    return Project(crs=project.crs, layers=layers, meta=project.meta, path=project.path)


def run_check(project: Project, rulesets, as_of: dt.date | None = None,
              feedback: Feedback | None = None, travel: pd.DataFrame | None = None) -> dict:
    """The JSON of CONTRACTS.md `check`: per-zone figures and findings, top-level findings (facilities,
    plan targets), the province summary. ``rulesets``: a RuleSet or a list of them (ruleset.py);
    ``travel``: per-zone travel times for R5 (travel.load_travel_times), else R5 is unknown."""
    feedback = feedback or Feedback()
    rulesets = [rulesets] if isinstance(rulesets, RuleSet) else list(rulesets)
    _log_orphans(project, feedback)  # before --as-of: zones left out on purpose are not orphans
    project = _with_optional_columns(zones_as_of(project, as_of))
    ctx = Context(project, as_of, travel)
    figures = ctx.zones
    feedback.progress(50)
    feedback.check_canceled()
    per_zone = zone_findings(ctx, rulesets)
    feedback.progress(75)
    balance = land_use_balance(ctx)
    zones = []
    for zone_id, row in zip(figures.index, figures.to_dict("records")):  # per zone, not per parcel
        record = {"zone_id": zone_id, "name": row["name"], "kind": row["kind"],
                  "established": _iso(row["established"]),
                  "general": _bool(row["general"]), "operating": _bool(row["operating"]),
                  "status": _json_value(row.get("status")), "status_date": _iso(row.get("status_date")),
                  "district": _json_value(row.get("district"))}
        record.update({c: _json_value(row[c]) for c in FIGURE_COLUMNS})
        record["balance"] = balance.get(zone_id)
        record["findings"] = per_zone[zone_id]
        zones.append(record)
    feedback.progress(90)
    return {"rules": rules_head(rulesets),
            "as_of": as_of.isoformat() if as_of else None,
            "project": project.name,
            "zones": zones,
            "findings": province_findings(ctx, rulesets),
            "summary": province_summary(figures)}


def rules_head(rulesets: list[RuleSet]) -> dict:
    """The ``rules`` key: source and version (joined when several sets), and each set in use."""
    return {"source": " + ".join(s.path for s in rulesets), "version": " + ".join(s.version for s in rulesets),
            "name": " + ".join(s.name for s in rulesets), "ids": [s.id for s in rulesets],
            "sets": [{"id": s.id, "name": s.name, "name_en": s.name_en, "version": s.version, "source": s.source,
                      "path": s.path, "rules": len(s.rules), "off": list(s.off), "overrides": s.overrides}
                     for s in rulesets]}


BALANCE_CLASSES = (("factory", ("industrial",)), ("roads", ("road",)), ("green", ("green",)),
                   ("water", ("water",)), ("technical", ("infrastructure",)), ("services", ("service",)),
                   ("other", ("other",)))


def land_use_balance(ctx: Context) -> dict:
    """zone_id → {class: {"m2", "share"}} over the zone's gross area (parcels), plus "unassigned"
    (gross − parcels); zones without parcels are left out. QCVN 01:2021/BXD §2.5 classes."""
    table = ctx.landuse_m2
    if not len(table):
        return {}
    gross = ctx.zones["gross_m2"]
    out = {}
    for zone_id, row in table.iterrows():  # per zone with parcels
        if zone_id not in gross.index:
            continue
        g = float(gross[zone_id])
        entry = {}
        for name, classes in BALANCE_CLASSES:
            m2 = float(sum(row.get(c, 0.0) for c in classes))
            entry[name] = {"m2": m2, "share": m2 / g if g > 0 else None}
        rest = max(g - float(row.sum()), 0.0)
        entry["unassigned"] = {"m2": rest, "share": rest / g if g > 0 else None}
        out[zone_id] = entry
    return out


def _with_optional_columns(project: Project) -> Project:
    """Parcels may lack the optional status/sector fields (CONTRACTS.md requires only three): add them empty."""
    parcels = project.parcels
    missing = [c for c in ("status", "sector", "tenant", "leased_from") if c not in parcels.columns]
    zones = project.zones
    zone_missing = [c for c in ("status", "status_date", "district") if c not in zones.columns]
    if not missing and not zone_missing:
        return project
    layers = dict(project.layers)
    if missing:
        parcels = parcels.copy()
        for column in missing:
            parcels[column] = None
        layers["parcels"] = parcels
    if zone_missing:
        zones = zones.copy()
        for column in zone_missing:
            zones[column] = None
        layers["zones"] = zones
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
    """Findings per status, zones and top-level together."""
    counts = dict.fromkeys(STATUSES, 0)
    for zone in result["zones"]:
        for finding in zone["findings"]:
            counts[finding["status"]] += 1
    for finding in result.get("findings", []):
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
