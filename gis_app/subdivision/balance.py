"""The land-use balance (bảng cân bằng sử dụng đất): land-use class, ha, share of the site, for a
layout (its output layers) or a zone (its parcels), and the QCVN 01:2021/BXD §2.5 check of it —
evaluated by the rules package on the land-use-balance rules of the rule sets in use (``vn-national``
by default), so a province's edited threshold is the one a layout is checked against.

One table for the preview, the print layout and the report. Classes follow the approved detailed
plans of KCN/CCN (DOMAIN.md): factory land, roads, green (with water surface), technical
infrastructure, services, other.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..core.i18n import t

CLASSES = ("factory", "roads", "green", "technical", "services", "other")

# The band of five recent approved plans (DOMAIN.md); informative, not a rule.
APPROVED_BAND = {"factory": (0.60, 0.70), "roads": (0.10, 0.14), "green": (0.105, 0.12 + 0.045),
                 "technical": (0.01, 0.025), "services": (0.02, 0.04)}
APPROVED_BAND_SMALL_CCN = {**APPROVED_BAND, "roads": (0.16, 0.18)}

# parcels.landuse → class (water counts with green, as plans list "green and water surface")
LANDUSE_CLASS = {"industrial": "factory", "road": "roads", "green": "green", "water": "green",
                 "infrastructure": "technical", "service": "services", "other": "other"}
# class → the parcel landuse the rules measure (a layout's green has no water; from parcels, green
# carries the water surface, which the rule sets' green rule would not count)
CLASS_LANDUSE = {"factory": "industrial", "roads": "road", "green": "green", "technical": "infrastructure",
                 "services": "service", "other": "other"}


def class_label(name: str) -> str:
    """The class name in the UI language."""
    return {"factory": t("Đất nhà máy, kho tàng", "Factory land"), "roads": t("Đất giao thông", "Roads"),
            "green": t("Đất cây xanh, mặt nước", "Green and water"),
            "technical": t("Đất hạ tầng kỹ thuật", "Technical infrastructure"),
            "services": t("Đất dịch vụ, điều hành", "Services"), "other": t("Đất khác", "Other")}[name]


def from_areas(areas: dict) -> dict:
    """``{class: m²}`` → ``{class: {"m2", "share"}}`` for every class; shares of the total sum to 1."""
    m2 = {c: float(areas.get(c, 0.0) or 0.0) for c in CLASSES}
    total = sum(m2.values())
    return {c: {"m2": m2[c], "share": m2[c] / total if total > 0 else 0.0} for c in CLASSES}


def _area(frame) -> float:
    if frame is None or not len(frame):
        return 0.0
    return float(shapely.area(np.asarray(frame.geometry.values, dtype=object)).sum())


def layout_balance(frames: dict) -> dict:
    """Balance of a layout from its layers (``lots`` and ``reserve`` are factory land, ``remainder``
    other but its ``green_buffer`` pieces green; ``green``, ``technical``, ``services`` when the
    layout has them)."""
    rest = frames.get("remainder")
    buffer = rest[rest["reason"] == "green_buffer"] if rest is not None and "reason" in rest else None
    green_buffer = _area(buffer)
    return from_areas({"factory": _area(frames.get("lots")) + _area(frames.get("reserve")),
                       "roads": _area(frames.get("roads")), "green": _area(frames.get("green")) + green_buffer,
                       "technical": _area(frames.get("technical")), "services": _area(frames.get("services")),
                       "other": _area(rest) - green_buffer})


def parcels_balance(parcels, zone_id: str | None = None) -> dict:
    """Balance of a zone (or all parcels) from its parcels' ``landuse``, vectorised (pandas)."""
    frame = parcels if zone_id is None else parcels[parcels["zone_id"] == zone_id]
    if not len(frame):
        return from_areas({})
    cls = frame["landuse"].map(LANDUSE_CLASS).fillna("other").to_numpy()
    area = shapely.area(np.asarray(frame.geometry.values, dtype=object))
    return from_areas({c: float(area[cls == c].sum()) for c in CLASSES})


def zone_balances(parcels) -> dict:
    """``{zone_id: balance}`` for every zone that has parcels."""
    if parcels is None or not len(parcels):
        return {}
    return {str(z): parcels_balance(parcels, z) for z in sorted(parcels["zone_id"].dropna().astype(str).unique())}


def balance_rulesets(rulesets=None) -> list:
    """The rule sets a layout's balance is checked against: ``rulesets`` (e.g. ``resolve_rulesets`` of
    ``--rules`` or a project's stored sets, overrides applied), else the defaults; ``vn-national`` is
    added when none of them has a land-use-balance rule, so the check is never silently empty."""
    from ..rules.evaluate import BALANCE_MEASURES
    from ..rules.ruleset import load_ruleset, resolve_rulesets

    sets = list(rulesets) if rulesets else resolve_rulesets(None, {})
    if not any(r.measure in BALANCE_MEASURES for s in sets for r in s.rules):
        sets.append(load_ruleset("vn-national"))
    return sets


def qcvn_findings(balance: dict, kind: str = "KCN", rulesets=None, frames: dict | None = None,
                  site=None) -> list[dict]:
    """Findings (evaluate.py shape: code, status, severity, figures, message, citation, ruleset) of
    the land-use-balance rules of ``balance_rulesets(rulesets)`` for a layout of ``kind`` (KCN, CCN):
    QCVN 01:2021/BXD §2.5 roads/green/technical minima and the Decree 35/2022 services maximum in
    ``vn-national``; thresholds, comparators and severities come from the rule set data. With the
    layout's ``frames`` and ``site`` polygon, also the §2.5 green isolation strip (≥ 10 m along the
    boundary: ``isolation_strip`` rules; the ``green`` layer's ``water`` pieces count as water)."""
    from ..rules.evaluate import balance_findings

    landuse_m2 = {CLASS_LANDUSE[c]: balance[c]["m2"] for c in CLASSES}
    geoms = layout_landuse_geoms(frames) if frames is not None and site is not None else None
    if geoms and geoms["water"] is not None:  # the rules count water apart from green (QCVN §2.5 reading)
        water = float(shapely.area(geoms["water"]))
        landuse_m2["green"], landuse_m2["water"] = landuse_m2["green"] - water, water
    return balance_findings(landuse_m2, kind.upper(), balance_rulesets(rulesets), site=site if geoms else None,
                            landuse_geoms=geoms)


def layout_landuse_geoms(frames: dict) -> dict:
    """{parcel landuse: one geometry} of a layout's green land (``green``, its ``water`` kind apart),
    for the isolation-strip check."""
    green = frames.get("green")
    if green is None or not len(green):
        return {"green": None, "water": None}
    geoms = np.asarray(green.geometry.values, dtype=object)
    water = (green["kind"] == "water").to_numpy() if "kind" in green else np.zeros(len(green), bool)
    union = lambda g: shapely.union_all(g) if len(g) else None  # noqa: E731
    return {"green": union(geoms[~water]), "water": union(geoms[water])}


def findings_ok(findings: list[dict]) -> bool:
    """True when no finding is a violation or unknown (warnings, info and n/a do not fail the check)."""
    return not any(f["status"] in ("violation", "unknown") for f in findings)


def qcvn_ok(balance: dict, kind: str = "KCN", rulesets=None) -> bool:
    """True when the land-use-balance rules hold (``findings_ok`` of ``qcvn_findings``)."""
    return findings_ok(qcvn_findings(balance, kind, rulesets))


def table_rows(balance: dict) -> list[tuple[str, str, str]]:
    """(class label, ha, %) rows plus a total row, formatted in the UI language's numbers."""
    from ..core.numbers import fmt_number

    rows = [(class_label(c), fmt_number(balance[c]["m2"] / 1e4, 2), fmt_number(100 * balance[c]["share"], 1))
            for c in CLASSES]
    total = sum(balance[c]["m2"] for c in CLASSES)
    rows.append((t("Tổng cộng", "Total"), fmt_number(total / 1e4, 2), fmt_number(100.0, 1)))
    return rows
