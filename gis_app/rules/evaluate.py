"""A rule + the measures of a check → findings, with their messages rendered in Vietnamese and English.

A finding (CONTRACTS.md): ``rule`` (the rule's number), ``code`` (stable), ``status`` (ok, violation,
warning, info, n/a, unknown), ``required_m2``/``actual_m2``/``deficit_m2`` (area measures; else 0),
``message`` (the UI language) and ``messages`` ({"vi", "en"}), ``title``, ``citation``, ``ruleset``,
``figures`` (the numbers its message is made from) and, when unknown, ``missing``.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import string

import numpy as np
import pandas as pd

from ..core.aliases import fmt_date
from ..core.i18n import get_language
from ..core.numbers import fmt_number
from .measures import CATALOGUE, MISSING, NA_REASONS, BalanceContext, Context
from .ruleset import Rule, RuleSet

LANGS = ("vi", "en")
COMPARE = {">=": lambda v, t, e: v >= t - e, ">": lambda v, t, e: v > t + e, "<=": lambda v, t, e: v <= t + e,
           "<": lambda v, t, e: v < t - e, "==": lambda v, t, e: abs(v - t) <= e}
EPS = 1e-9
# Measures computed from a land-use balance alone (a planned layout's, see balance_findings): the
# land-use shares and the gross area (Decree 32/2024: a CCN covers 10–75 ha).
BALANCE_MEASURES = ("landuse_share", "zone_area")


def zone_findings(ctx: Context, rulesets: list[RuleSet], measures: tuple | None = None) -> dict[str, list[dict]]:
    """zone_id → its findings, in rule-set and rule order (``measures``: only rules using those)."""
    out: dict[str, list[dict]] = {z: [] for z in ctx.index}
    names = ctx.zones["name"].astype(str).to_dict()
    kinds = ctx.zones["kind"].astype(str).to_dict()
    statuses = ctx.zones["status"].astype(str).to_dict()
    for ruleset in rulesets:
        for rule in ruleset.active:
            measure = CATALOGUE[rule.measure]
            if measure.scope != "zone" or (measures is not None and rule.measure not in measures):
                continue
            frame = measure.fn(ctx, rule)
            gate_status, gate_reason = applies_to(ctx, rule)
            records = frame.to_dict("index")
            for zone_id in ctx.index:  # per zone and rule: the finding text, not the geometry
                row = records[zone_id]
                row.update(zone=names[zone_id], kind=kinds[zone_id], status_value=statuses[zone_id],
                           as_of_unknown=ctx.as_of_unknown.get(zone_id, ()), as_of=ctx.as_of)
                out[zone_id].append(_finding(rule, ruleset, row, gate_status[zone_id], gate_reason[zone_id]))
    return out


def balance_findings(landuse_m2: dict, kind: str, rulesets: list[RuleSet], name: str = "", site=None,
                     landuse_geoms: dict | None = None) -> list[dict]:
    """Findings of the land-use-balance rules (BALANCE_MEASURES) of ``rulesets`` for one planned layout:
    ``landuse_m2`` {parcel landuse code: m²} (their sum is the gross area), ``kind`` KCN/CCN/KCNC. The
    same measure, gates, comparators, severities, messages and citations as ``check`` on a zone's
    parcels (QCVN 01:2021/BXD §2.5, Decree 35/2022 in vn-national). With the layout's ``site``
    polygon and ``landuse_geoms`` ({landuse: geometry}) the ``isolation_strip`` rules (QCVN §2.5:
    a green strip ≥ 10 m along the boundary) are evaluated too."""
    ctx = BalanceContext(landuse_m2, kind, name, site=site, landuse_geoms=landuse_geoms)
    measures = BALANCE_MEASURES + (("isolation_strip",) if site is not None else ())
    return zone_findings(ctx, rulesets, measures)[BalanceContext.ZONE]


def province_findings(ctx: Context, rulesets: list[RuleSet]) -> list[dict]:
    """Findings about things that are not zones (facilities, plan targets), each with ``subject``."""
    out = []
    for ruleset in rulesets:
        for rule in ruleset.active:
            measure = CATALOGUE[rule.measure]
            if measure.scope != "province":
                continue
            for subject in measure.fn(ctx, rule):
                row = dict(subject["figures"], value=subject.get("value"), zone="", kind="",
                           missing=subject.get("missing"), not_due=subject.get("not_due", False),
                           none=subject.get("none", False), as_of=ctx.as_of)
                finding = _finding(rule, ruleset, row, "", "")
                finding["subject"] = subject["subject"]
                out.append(finding)
    return out


def applies_to(ctx: Context, rule: Rule) -> tuple[pd.Series, pd.Series]:
    """Per zone: "" (applies), "n/a" or "unknown", and the reason key/text (vectorised over zones)."""
    z = ctx.zones
    status = pd.Series("", index=ctx.index, dtype=object)
    reason = pd.Series("", index=ctx.index, dtype=object)

    def mark(mask, value, why):
        mask = np.asarray(mask, dtype=bool) & (status == "").to_numpy()
        status[mask] = value
        reason[mask] = why

    a = rule.applies
    if "kinds" in a:
        mark(~z["kind"].isin(a["kinds"]), "n/a", "kind")
    if "general" in a:
        general = z["general"].astype("boolean")
        mark(general.isna(), "unknown", "general")
        mark(general.fillna(a["general"]) != a["general"], "n/a", "general_" + str(a["general"]).lower())
    if "established_from" in a or "established_before" in a:
        established = pd.to_datetime(z["established"], errors="coerce")
        mark(established.isna(), "unknown", "established")
        if "established_from" in a:
            mark(established < pd.Timestamp(a["established_from"]), "n/a", "before")
        if "established_before" in a:
            mark(established >= pd.Timestamp(a["established_before"]), "n/a", "after")
    if "status" in a:
        if set(a["status"]) <= {"operating"} and "operating" in z:
            # status not known (e.g. --as-of before a later status) but known not to be operating
            not_operating = z["status"].isna() & (z["operating"].astype("boolean") == False).fillna(False)  # noqa: E712
            mark(not_operating, "n/a", "not_operating")
        mark(z["status"].isna(), "unknown", "status")
        mark(~z["status"].isin(a["status"]), "n/a", "status")
    if "districts" in a:
        mark(z["district"].isna(), "unknown", "district")
        wanted = {d.strip().lower() for d in a["districts"]}
        mark(~z["district"].astype(str).str.strip().str.lower().isin(wanted), "n/a", "district")
    if "has_tenants" in a:
        tenants = ctx.tenants
        mark(tenants.isna(), "unknown", "tenants")
        mark(tenants.fillna(a["has_tenants"]) != a["has_tenants"], "n/a", "no_tenants")
    return status, reason


def _finding(rule: Rule, ruleset: RuleSet, row: dict, gate: str, gate_reason: str) -> dict:
    figures = {k: _plain(v) for k, v in row.items()
               if k in CATALOGUE[rule.measure].figure_names and k not in ("zone", "kind")}
    figures["threshold"] = list(rule.threshold) if isinstance(rule.threshold, tuple) else rule.threshold
    if isinstance(rule.threshold, tuple):
        figures["low"], figures["high"] = rule.threshold
    values = dict(figures, zone=row.get("zone", ""), kind=row.get("kind", ""))
    missing = gate_reason if gate == "unknown" else _key(row.get("missing"))
    missing = _as_of_reason(missing, row.get("as_of_unknown") or ())
    na = gate_reason if gate == "n/a" else _key(row.get("na"))
    if not missing and gate == "" and not na and row.get("alt_missing") and "cmp_alt" in row \
            and _compare(rule, row) != _compare(rule, dict(row, cmp_value=row["cmp_alt"])):
        missing = row["alt_missing"]  # the items of unknown status decide the outcome
    if gate == "n/a" or (gate != "unknown" and not missing and na):
        status = "n/a"
        messages = _reason_messages(NA_REASONS, na, row, rule, ("Không áp dụng: ", "N/A: "))
    elif missing:
        status = "unknown"
        messages = _reason_messages(MISSING, missing, row, rule, ("Thiếu dữ liệu: ", "Missing data: "))
    else:
        status = _compare(rule, row)
        if status != "ok" and row.get("not_due"):
            status = "info"  # a plan target whose date has not come: progress, not a breach
        if row.get("none") and status == "ok":  # nothing the rule is about was found
            messages = {"vi": f"Không có đối tượng nào thuộc diện quy tắc ({rule.title['vi']})",
                        "en": f"Nothing falls under the rule ({rule.title['en']})"}
        else:
            messages = {lang: render(rule.message[lang], values, lang) for lang in LANGS}
    judged = status not in ("n/a", "unknown")  # m² only for a rule that was applied to known data
    finding = {"rule": rule.id, "code": rule.code, "status": status, "severity": rule.severity,
               "required_m2": _m2(figures.get("required_m2")) if judged else 0.0,
               "actual_m2": _m2(figures.get("actual_m2")) if judged else 0.0,
               "deficit_m2": _m2(figures.get("deficit_m2")) if judged and status != "ok" else 0.0,
               "message": messages[get_language()], "messages": messages, "title": dict(rule.title),
               "citation": rule.citation, "ruleset": ruleset.id, "figures": figures}
    if status == "unknown":
        finding["missing"] = missing
    return finding


# A gate or measure that found an item missing because --as-of made it unknown says so (MISSING "*_as_of").
_AS_OF_CAUSES = {"status": ("status", "status_as_of"), "tenants": ("leased", "tenants_as_of"),
                 "leased": ("leased", "leased_as_of")}


def _as_of_reason(missing: str | None, unknown) -> str | None:
    if missing in _AS_OF_CAUSES:
        cause, key = _AS_OF_CAUSES[missing]
        if cause in unknown or (missing == "tenants" and "operating" in unknown):
            return key
    return missing


def _compare(rule: Rule, row: dict) -> str:
    value = row.get("cmp_value", row.get("value"))
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "unknown"
    target = row.get("cmp_target", rule.threshold)
    tol = row.get("cmp_tol", EPS)
    if rule.comparator == "between":
        low, high = rule.threshold
        ok = low - tol <= value <= high + tol
    else:
        ok = COMPARE[rule.comparator](float(value), float(target), float(tol))
    return "ok" if ok else rule.severity


def _reason_messages(table: dict, key: str, row: dict, rule: Rule, prefix: tuple) -> dict:
    vi, en = table.get(key, (key, key))
    fill = {"kind": row.get("kind", ""), "status": code_words(row.get("status_value", ""), "vi"), "district": "",
            "use": code_words(row.get("use", ""), "vi"), "since": "",
            "date": fmt_date(row["as_of"]) if isinstance(row.get("as_of"), dt.date) else ""}
    a = rule.applies
    if key == "before":
        fill["date"] = fmt_date(a["established_from"])
    elif key == "after":
        fill["date"] = fmt_date(a["established_before"])
    elif key == "no_leases" and row.get("since"):
        fill["since"] = f" từ {fmt_date(row['since'])}"
    # one date format in both languages, as the application shows dates (attribute table, forms)
    en_fill = dict(fill, since=f" from {fmt_date(row['since'])}" if key == "no_leases" and row.get("since") else "",
                   status=code_words(row.get("status_value", ""), "en"), use=code_words(row.get("use", ""), "en"))
    return {"vi": prefix[0] + vi.format(**fill), "en": prefix[1] + en.format(**en_fill)}


# Codes that figures and reasons carry (facility and zone statuses, subzone uses) in words.
CODE_WORDS = {"planned": ("quy hoạch", "planned"), "established": ("đã thành lập", "established"),
              "under_construction": ("đang xây dựng", "under construction"),
              "operating": ("đang hoạt động", "operating"), "suspended": ("tạm dừng", "suspended"),
              "?": ("không rõ", "unknown"), "hightech": ("công nghệ cao", "high-tech"), "cnht": ("CNHT", "CNHT"),
              "general": ("tổng hợp", "general")}


def code_words(text: str, lang: str) -> str:
    """"planned, operating" → "quy hoạch, đang hoạt động" (unknown codes stay)."""
    if not isinstance(text, str) or not text:
        return text
    index = 0 if lang == "vi" else 1
    return ", ".join(CODE_WORDS[c][index] if c in CODE_WORDS else c for c in text.split(", "))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Formatter(string.Formatter):
    """Templates' format specs: m2, ha, pct, min, n (integer), codes (status/use codes in words); else a
    plain number or the text."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec):
        if spec == "codes":
            return code_words(value, self.lang) if isinstance(value, str) else "—"
        if isinstance(value, (list, tuple)):
            return " – ".join(self.format_field(v, spec) for v in value)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "—"
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            return fmt_date(value)  # figures keep ISO dates (JSON); a message reads dd/mm/yyyy, as the app shows dates
        if isinstance(value, str) or isinstance(value, bool):
            return str(value)
        number = float(value)
        if spec == "m2":
            return f"{fmt_number(number, 0, self.lang)} m²"
        if spec == "ha":
            return f"{fmt_number(number, 1, self.lang)} ha"
        if spec == "pct":
            return f"{fmt_number(number * 100, 1, self.lang)}%"
        if spec == "min":
            return f"{fmt_number(number, 0, self.lang)} " + ("phút" if self.lang == "vi" else "min")
        if spec == "n" or number.is_integer():
            return fmt_number(number, 0, self.lang)
        return fmt_number(number, 2, self.lang)


def render(template: str, figures: dict, lang: str) -> str:
    """A message template filled with figures, numbers in the language's format."""
    return _Formatter(lang).vformat(template, (), figures)


def _key(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _m2(value) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(value) else value


def _plain(value):
    """JSON-safe: numpy scalars to Python, NaN to None, dates to ISO text."""
    if isinstance(value, (np.generic,)):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()[:10]
    if value is pd.NA or value is pd.NaT:
        return None
    return value
