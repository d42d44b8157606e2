"""The full check: figures per zone, findings per rule, province summary → the JSON of CONTRACTS.md."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..core.i18n import get_language, t
from ..core.processing import Feedback
from ..core.project import Project
from .evaluate import province_findings, zone_findings
from .figures import FIGURE_COLUMNS
from .measures import Context
from .ruleset import RuleSet
from .summary import province_summary

STATUSES = ("ok", "violation", "warning", "info", "n/a", "unknown")


@dataclass
class AsOfState:
    """The project as it stood on a date, and what the data model cannot tell about that date.

    ``unknown``: zone_id → keys of what is unknown then (``status``, ``operating``, ``leased``);
    ``notes``: what was rolled back and what could not be, as findings-like records (code, figures,
    messages in vi/en) for the outputs' header."""
    project: Project
    unknown: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    leased_unknown: set = field(default_factory=set)
    facility_status_unknown: bool = False


# Statuses a zone has before it operates (planned → established → under_construction → operating);
# a zone that reached one of them (or operating) after the date was not operating on it.
_NOT_YET_OPERATING = ("planned", "established", "under_construction", "operating")


def state_as_of(project: Project, as_of: dt.date | None, today: dt.date | None = None) -> AsOfState:
    """The project on ``as_of`` (CONTRACTS.md `--as-of`), rolled back only where the data has dates.

    Rolled back: zones established after the date are left out; a zone whose ``status_date`` is later
    was not yet in that status (its earlier status is not recorded: ``status`` unknown; not operating
    when the later status is one of planned…operating); leases whose ``leased_from`` is later are vacant.
    For a date before ``today`` the undated values are today's, so they are made unknown rather than
    shown as the past: a status without ``status_date`` (except ``planned``), ``operating`` not backed
    by a dated status, declared ``leased_m2``, leased parcels without ``leased_from`` (the zone's leased
    area), an ``operating`` facility's status (the facilities layer has no dates). Kept as recorded,
    with a note: outlines, parcels' land use, subzones, declared ``industrial_m2`` (the plan's fund)."""
    if as_of is None:
        return AsOfState(project)
    today = today or dt.date.today()
    past = as_of < today
    stamp = pd.Timestamp(as_of)
    layers = dict(project.layers)
    zones = project.zones.copy()
    notes: list[dict] = []
    unknown: dict[str, list[str]] = {}

    def mark(ids, key):
        for zone_id in ids:
            unknown.setdefault(str(zone_id), []).append(key)

    if "established" in zones:
        established = pd.to_datetime(zones["established"], errors="coerce")
        later_zones = (established > stamp).to_numpy()
        if later_zones.any():
            notes.append(_note("left_out", ids=zones.loc[later_zones, "zone_id"].astype(str).tolist(), date=as_of))
        zones = zones[~later_zones]
    ids = zones["zone_id"].astype(str)
    if "operating" in zones:
        zones["operating"] = zones["operating"].astype("boolean")
    if "status" in zones:
        status = zones["status"].astype(object).where(zones["status"].notna(), None)
        when = pd.to_datetime(zones["status_date"], errors="coerce") if "status_date" in zones \
            else pd.Series(pd.NaT, index=zones.index)
        zones["status_today"], zones["status_date_today"] = status, when  # plan targets count from these
        has = status.notna().to_numpy()
        later = has & (when > stamp).to_numpy()
        undated = has & when.isna().to_numpy() & past & (status != "planned").to_numpy()
        not_yet = later & status.isin(_NOT_YET_OPERATING).to_numpy()
        if "operating" in zones:
            zones.loc[not_yet, "operating"] = False
            zones.loc[later & ~not_yet, "operating"] = pd.NA  # suspended later: operating before? not recorded
        gone = later | undated
        zones.loc[gone, "status"] = None
        if "status_date" in zones:
            zones.loc[gone, "status_date"] = pd.NaT
        mark(ids[gone], "status")
        if later.any():
            notes.append(_note("status_later", ids=ids[later].tolist(), date=as_of))
        if undated.any():
            notes.append(_note("status_undated", ids=ids[undated].tolist(), date=as_of))
        dated = has & (when <= stamp).to_numpy()
    else:
        dated = not_yet = np.zeros(len(zones), dtype=bool)
    if past and "operating" in zones:
        # the operating flag has no date of its own: only a dated status says it held then
        flag = zones["operating"].fillna(False).to_numpy(dtype=bool)
        guess = flag & ~dated & ~not_yet
        zones.loc[guess, "operating"] = pd.NA
        mark(ids[guess], "operating")
        if guess.any():
            notes.append(_note("operating_undated", ids=ids[guess].tolist(), date=as_of))
    layers["zones"] = zones

    parcels = project.parcels
    leased_unknown: set[str] = set()
    if len(parcels) and "status" in parcels:
        leased = (parcels["status"] == "leased").to_numpy()
        start = pd.to_datetime(parcels["leased_from"], errors="coerce") if "leased_from" in parcels \
            else pd.Series(pd.NaT, index=parcels.index)
        later = leased & (start > stamp).to_numpy()
        if later.any():
            parcels = parcels.copy()
            parcels.loc[later, "status"] = "vacant"
            for column in ("tenant", "sector", "leased_from"):
                if column in parcels:
                    parcels.loc[later, column] = None
            layers["parcels"] = parcels
            notes.append(_note("leases_later", n=int(later.sum()), date=as_of))
        if past:
            undated_leases = leased & start.isna().to_numpy() & (parcels["landuse"] == "industrial").to_numpy()
            leased_unknown |= set(parcels.loc[undated_leases, "zone_id"].astype(str))
    if past and "leased_m2" in zones:
        with_parcels = set(project.parcels.loc[project.parcels["landuse"] == "industrial", "zone_id"].astype(str)) \
            if len(project.parcels) else set()
        declared = zones["leased_m2"].notna().to_numpy() & ~ids.isin(with_parcels).to_numpy()
        if declared.any():
            zones.loc[declared, "leased_m2"] = np.nan  # today's declared figure, no date
            leased_unknown |= set(ids[declared])
    leased_unknown &= set(ids)
    mark(sorted(leased_unknown), "leased")
    if leased_unknown:
        notes.append(_note("leased_unknown", ids=sorted(leased_unknown), date=as_of))

    facility_unknown = False
    if past and "facilities" in layers and len(layers["facilities"]) and "status" in layers["facilities"]:
        fac = layers["facilities"]
        operating = (fac["status"] == "operating").to_numpy()
        if operating.any():
            fac = fac.copy()
            fac["status"] = fac["status"].astype(object)
            fac.loc[operating, "status"] = None  # operating today; since when is not recorded
            layers["facilities"] = fac
            facility_unknown = True
            notes.append(_note("facility_status", n=int(operating.sum()), date=as_of))
    if past:
        notes.append(_note("kept", date=as_of))
    rolled = Project(crs=project.crs, layers=layers, meta=project.meta, path=project.path)
    return AsOfState(rolled, unknown, notes, leased_unknown, facility_unknown)


def zones_as_of(project: Project, as_of: dt.date | None) -> Project:
    """The project as it stood on ``as_of`` (state_as_of's project), e.g. for the report's maps."""
    return state_as_of(project, as_of).project


# What --as-of rolled back or could not (vi, en); {ids}, {n}, {date} filled in.
AS_OF_NOTES = {
    "left_out": ("Khu thành lập sau ngày {date} không tính: {ids}",
                 "Zones established after {date} left out: {ids}"),
    "status_later": ("Khu đạt trạng thái hiện tại sau ngày {date}, trạng thái trước đó không được ghi nhận "
                     "(không rõ; chưa hoạt động): {ids}",
                     "Zones that reached their status after {date}; the earlier status is not recorded "
                     "(unknown; not yet operating): {ids}"),
    "status_undated": ("Trạng thái khu không có ngày (status_date) nên không rõ tại ngày {date}: {ids}",
                       "Zone status without a date (status_date), so unknown on {date}: {ids}"),
    "operating_undated": ("Tình trạng hoạt động không có ngày nên không rõ tại ngày {date}: {ids}",
                          "Operating without a date, so unknown on {date}: {ids}"),
    "leases_later": ("{n} thửa thuê sau ngày {date} được tính là chưa cho thuê",
                     "{n} parcels leased after {date} counted as vacant"),
    "leased_unknown": ("Diện tích đã cho thuê không rõ tại ngày {date} (số liệu khai báo leased_m2 hoặc "
                       "thửa thuê không có ngày leased_from là số liệu hiện nay): {ids}",
                       "Leased area unknown on {date} (declared leased_m2, or leased parcels without "
                       "leased_from, are today's figures): {ids}"),
    "facility_status": ("{n} công trình đang vận hành: lớp facilities không có ngày nên không rõ trạng thái "
                        "tại ngày {date}",
                        "{n} operating facilities: the facilities layer has no dates, so their status on "
                        "{date} is unknown"),
    "kept": ("Giữ như hiện nay (mô hình dữ liệu không có ngày): ranh giới khu, loại đất của thửa, phân khu, "
             "quỹ đất công nghiệp khai báo (industrial_m2)",
             "Kept as recorded today (no dates in the data model): zone outlines, parcels' land use, "
             "subzones, the declared industrial land fund (industrial_m2)"),
}


def _note(key: str, ids=(), n: int = 0, date: dt.date | None = None) -> dict:
    shown = ", ".join(ids[:12]) + (f" (+{len(ids) - 12})" if len(ids) > 12 else "")
    figures = {"ids": list(ids), "n": n or len(ids), "date": date.isoformat() if date else None}
    vi, en = AS_OF_NOTES[key]
    from ..core.aliases import fmt_date

    day = fmt_date(date) if date else ""  # figures keep the ISO date; messages read dd/mm/yyyy, as the app
    messages = {"vi": vi.format(ids=shown, n=figures["n"], date=day),
                "en": en.format(ids=shown, n=figures["n"], date=day)}
    return {"code": f"as_of.{key}", "figures": figures, "messages": messages, "message": messages[get_language()]}


def run_check(project: Project, rulesets, as_of: dt.date | None = None,
              feedback: Feedback | None = None, travel: pd.DataFrame | None = None) -> dict:
    """The JSON of CONTRACTS.md `check`: per-zone figures and findings, top-level findings (facilities,
    plan targets), the province summary. ``rulesets``: a RuleSet or a list of them (ruleset.py);
    ``travel``: per-zone travel times for R5 (travel.load_travel_times), else R5 is unknown."""
    feedback = feedback or Feedback()
    rulesets = [rulesets] if isinstance(rulesets, RuleSet) else list(rulesets)
    _log_orphans(project, feedback)  # before --as-of: zones left out on purpose are not orphans
    state = state_as_of(project, as_of)
    project = _with_optional_columns(state.project)
    ctx = Context(project, as_of, travel, state)
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
        if zone_id in state.unknown:
            record["as_of_unknown"] = state.unknown[zone_id]
        record["findings"] = per_zone[zone_id]
        zones.append(record)
    feedback.progress(90)
    return {"rules": rules_head(rulesets),
            "as_of": as_of.isoformat() if as_of else None,
            "project": project.name,
            "zones": zones,
            "as_of_notes": state.notes,
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
