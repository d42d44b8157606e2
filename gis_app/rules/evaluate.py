"""One evaluator per rule (R1–R6, seed 003): a zone's figures + the rule set → a finding.

A finding: rule, status (ok | violation | warning | n/a), required_m2, actual_m2, deficit_m2,
message (UI language), citation. R1 yields two findings: the 20% high-tech obligation (part
"hightech") and the prioritised CNHT share of the rest (part "cnht", a warning at most).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..core.i18n import get_language, t
from .ruleset import RuleSet

TOLERANCE_M2 = 0.5  # deficits below half a square metre are rounding, not findings


def evaluate_zone(zone: dict, ruleset: RuleSet) -> list[dict]:
    """All findings of one zone; ``zone`` is a row of figures.zone_figures as a dict."""
    out = []
    for rule_id, evaluator in EVALUATORS:
        found = evaluator(zone, ruleset[rule_id], ruleset)
        for finding in found if isinstance(found, list) else [found]:
            finding["rule"] = rule_id
            finding["citation"] = ruleset[rule_id]["citation"]
            out.append(_ordered(finding))
    return out


# -- the rules -------------------------------------------------------------------------------------

def rule_r1_hightech_reservation(zone: dict, rule: dict, rs: RuleSet) -> list[dict]:
    """New general KCN: ≥ 20% of the industrial fund in high-tech subzones; 80% prioritised to CNHT."""
    reason = _new_general_zone_reason(zone, rule, rs)
    if reason:
        return [_na(reason, part="hightech"), _na(reason, part="cnht")]
    fund = zone["industrial_m2"]
    share = rule["hightech_min_share"]
    required = share * fund
    hightech = _finding(rule["severity"], required, zone["hightech_m2"],
                        t("Phân khu công nghệ cao {a} / yêu cầu {r} ({p} quỹ đất công nghiệp)",
                          "High-tech subzone {a} / required {r} ({p} of the industrial land fund)",
                          a=_m2(zone["hightech_m2"]), r=_m2(required), p=_pct(share)), part="hightech")
    cnht_required = min(rule["cnht_priority_share"] * fund, max(fund - zone["hightech_m2"], 0.0))
    cnht = _finding(rule["cnht_priority_severity"], cnht_required, zone["cnht_m2"],
                    t("Đất ưu tiên CNHT {a} / mục tiêu {r} ({p} quỹ đất công nghiệp còn lại)",
                      "Land prioritised for CNHT {a} / target {r} ({p} of the remaining industrial land fund)",
                      a=_m2(zone["cnht_m2"]), r=_m2(cnht_required), p=_pct(rule["cnht_priority_share"])),
                    part="cnht")
    return [hightech, cnht]


def rule_r2_ccn_cnht_reservation(zone: dict, rule: dict, rs: RuleSet) -> dict:
    """New general CCN: ≥ 20% of the industrial fund reserved (CNHT subzones)."""
    reason = _new_general_zone_reason(zone, rule, rs)
    if reason:
        return _na(reason)
    required = rule["cnht_min_share"] * zone["industrial_m2"]
    return _finding(rule["severity"], required, zone["cnht_m2"],
                    t("Phân khu CNHT {a} / yêu cầu {r} ({p} quỹ đất công nghiệp)",
                      "CNHT subzone {a} / required {r} ({p} of the industrial land fund)",
                      a=_m2(zone["cnht_m2"]), r=_m2(required), p=_pct(rule["cnht_min_share"])))


def rule_r3_existing_zone_vacant_land(zone: dict, rule: dict, rs: RuleSet) -> dict:
    """Zones established before the split date: their unleased land arranged into CNHT subzones."""
    if zone["kind"] not in rule["kinds"]:
        return _na(_kind_reason(zone))
    established = _date(zone["established"])
    if established is None:
        return _na(t("Không rõ ngày thành lập", "Establishment date unknown"))
    if established >= rs.split_date:
        return _na(t("Khu thành lập từ {d}: áp dụng R1/R2", "Zone established from {d}: R1/R2 apply",
                     d=rs.split_date.isoformat()))
    vacant = zone["vacant_m2"]
    if _missing(vacant):
        return _na(t("Không rõ diện tích đã cho thuê", "Leased area unknown"))
    required = rule["vacant_in_cnht_min_share"] * max(vacant, 0.0)
    return _finding(rule["severity"], required, zone["cnht_vacant_m2"],
                    t("Đất chưa cho thuê trong phân khu CNHT {a} / cần bố trí {r} (đất chưa cho thuê {v})",
                      "Unleased land in CNHT subzones {a} / to arrange {r} (unleased land {v})",
                      a=_m2(zone["cnht_vacant_m2"]), r=_m2(required), v=_m2(vacant)))


def rule_r4_cnht_lot_size(zone: dict, rule: dict, rs: RuleSet) -> dict:
    """Mean lot area in CNHT subzones within [min_lot_m2, max_mean_lot_m2)."""
    if zone["kind"] not in rule["kinds"]:
        return _na(_kind_reason(zone))
    lots, mean = int(zone["cnht_lots"] or 0), zone["cnht_lot_mean_m2"]
    if lots == 0 or _missing(mean):
        return _na(t("Chưa có lô đất trong phân khu CNHT", "No lots in CNHT subzones"))
    low, high = rule["min_lot_m2"], rule["max_mean_lot_m2"]
    if mean < low:
        return _finding(rule["severity"], low, mean, t(
            "{n} lô, trung bình {a}: nhỏ hơn mức tối thiểu {r}", "{n} lots, mean {a}: below the minimum {r}",
            n=lots, a=_m2(mean), r=_m2(low)))
    if mean >= high:
        return {"status": rule["severity"], "required_m2": high, "actual_m2": mean, "deficit_m2": mean - high,
                "message": t("{n} lô, trung bình {a}: quá lớn cho DNNVV (từ {r} trở lên)",
                             "{n} lots, mean {a}: too large for SMEs ({r} or more)",
                             n=lots, a=_m2(mean), r=_m2(high))}
    return _finding("ok", low, mean, t("{n} lô, trung bình {a} (khoảng {lo} – {hi})",
                                       "{n} lots, mean {a} (band {lo} – {hi})",
                                       n=lots, a=_m2(mean), lo=_m2(low), hi=_m2(high)))


def rule_r5_travel_time(zone: dict, rule: dict, rs: RuleSet) -> dict:
    """CNHT sites at most 30 min from assembly plants: from a proximity result, else n/a."""
    limit = rule["travel_limit_minutes"]
    if zone["kind"] not in rule["kinds"]:
        return _na(_kind_reason(zone))
    sites, longest = zone.get("travel_sites"), zone.get("travel_max_minutes")
    if _missing(sites) or not sites or _missing(longest):
        return _na(t("Cần phân tích thời gian di chuyển đến nhà máy lắp ráp (trình đơn Quy tắc), giới hạn {m:g} phút",
                     "Needs the proximity analysis (proximity command, check --proximity), limit {m:g} minutes",
                     m=limit))
    status = rule["severity"] if longest > limit else "ok"
    return {"status": status, "required_m2": 0.0, "actual_m2": 0.0, "deficit_m2": 0.0,
            "minutes": float(longest), "limit_minutes": float(limit),
            "message": t("{n} vị trí, xa nhất {x:.0f} phút / giới hạn {m:g} phút",
                         "{n} sites, farthest {x:.0f} minutes / limit {m:g} minutes",
                         n=int(sites), x=longest, m=limit)}


def rule_r6_leased_sectors(zone: dict, rule: dict, rs: RuleSet) -> dict:
    """Leased land only for high-tech/advanced/new/clean and CNHT; no dyeing or tanning."""
    if zone["kind"] not in rule["kinds"]:
        return _na(_kind_reason(zone))
    known = zone["sector_known_m2"]
    if _missing(known) or known <= 0:
        return _na(t("Không có đất đã cho thuê ghi rõ ngành nghề", "No leased land with a recorded sector"))
    excluded, other = zone["sector_excluded_m2"], zone["sector_other_m2"]
    status = rule["excluded_severity"] if excluded > TOLERANCE_M2 else (
        rule["severity"] if other > TOLERANCE_M2 else "ok")
    return {"status": status, "required_m2": known, "actual_m2": zone["sector_accepted_m2"],
            "deficit_m2": excluded + other,
            "message": t("Đất cho thuê đúng ngành {a} / {r}; công đoạn bị loại trừ (nhuộm, thuộc da) {x}; "
                         "ngành ngoài danh mục ưu tiên {o}",
                         "Leased land in accepted sectors {a} / {r}; excluded stages (dyeing, tanning) {x}; "
                         "sectors outside the priority list {o}",
                         a=_m2(zone["sector_accepted_m2"]), r=_m2(known), x=_m2(excluded), o=_m2(other))}


EVALUATORS = (
    ("R1", rule_r1_hightech_reservation),
    ("R2", rule_r2_ccn_cnht_reservation),
    ("R3", rule_r3_existing_zone_vacant_land),
    ("R4", rule_r4_cnht_lot_size),
    ("R5", rule_r5_travel_time),
    ("R6", rule_r6_leased_sectors),
)


# -- helpers ---------------------------------------------------------------------------------------

def _new_general_zone_reason(zone: dict, rule: dict, rs: RuleSet) -> str | None:
    """Why R1/R2 do not apply to this zone, or None when they do."""
    if zone["kind"] not in rule["kinds"]:
        return _kind_reason(zone)
    established = _date(zone["established"])
    if established is None:
        return t("Không rõ ngày thành lập", "Establishment date unknown")
    if established < rs.split_date:
        return t("Khu thành lập trước {d}: áp dụng R3", "Zone established before {d}: R3 applies",
                 d=rs.split_date.isoformat())
    if _missing(zone["general"]):
        return t("Không rõ khu tổng hợp hay chuyên ngành (trường general trống)",
                 "Unknown whether general or specialised (field general is empty)")
    if not bool(zone["general"]):
        return t("Khu chuyên ngành (không tổng hợp)", "Specialised zone (not general)")
    if _missing(zone["industrial_m2"]) or zone["industrial_m2"] <= 0:
        return t("Không rõ quỹ đất công nghiệp", "Industrial land fund unknown")
    return None


def _kind_reason(zone: dict) -> str:
    return t("Không áp dụng cho {k}", "Does not apply to {k}", k=zone["kind"])


def _finding(severity: str, required: float, actual: float, message: str, **extra) -> dict:
    deficit = max(float(required) - float(actual), 0.0)
    status = severity if deficit > TOLERANCE_M2 else "ok"
    return {"status": status, "required_m2": float(required), "actual_m2": float(actual),
            "deficit_m2": deficit if status != "ok" else 0.0, "message": message, **extra}


def _na(reason: str, **extra) -> dict:
    return {"status": "n/a", "required_m2": 0.0, "actual_m2": 0.0, "deficit_m2": 0.0, "message": reason,
            **extra}


def _ordered(finding: dict) -> dict:
    keys = ("rule", "part", "status", "required_m2", "actual_m2", "deficit_m2", "minutes", "limit_minutes",
            "message", "citation")
    return {k: finding[k] for k in keys if k in finding}


def _missing(value) -> bool:
    """None, NaN, NaT or pd.NA."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _date(value) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):  # includes pandas Timestamp
        return value.date()
    return value if isinstance(value, dt.date) else None


def _m2(value: float) -> str:
    text = f"{float(value):,.0f} m²"
    return text.replace(",", ".") if get_language() == "vi" else text


def _pct(share: float) -> str:
    return f"{share * 100:g}%"

