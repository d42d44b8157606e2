"""Illustrative figures chosen so that the sample's aggregates match seed 003's 2021 figures.

KCN: gross areas and fills from catalogue tables; the balancing zone's fill makes the plain mean
over operating KCN exactly the target once the laid-out zones' parcel fills are known.
CCN: the 48 unpublished ones get deterministic random gross areas, industrial shares, operating
flags and fills, then scaled so that Σ gross = 2,685 ha, Σ industrial = 1,860 ha, 32 operate and the
area-weighted fill over CCN with known fill is 45%. Non-operating zones have unknown leased land.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from . import catalogue as cat
from .catalogue import ZoneSpec


def fill_kcn_figures(specs: list[ZoneSpec]) -> None:
    """Gross area, industrial land and (provisional) fill of every KCN, in place."""
    for spec in specs:
        if spec.gross_ha is None:
            spec.gross_ha = float(cat.KCN_ILLUSTRATIVE_GROSS_HA[spec.zone_id])
        if spec.industrial_ha is None:
            spec.industrial_ha = round(spec.gross_ha * cat.KCN_INDUSTRIAL_SHARE, 2)
        if spec.fill is None and spec.operating and not spec.layout:
            spec.fill = cat.KCN_ILLUSTRATIVE_FILL.get(spec.zone_id)


def balance_kcn_mean_fill(specs: list[ZoneSpec], parcel_fill: dict[str, float]) -> None:
    """Set the balancing zone's fill so the operating KCN's plain mean fill is the target."""
    rates = {s.zone_id: parcel_fill.get(s.zone_id, s.fill) for s in specs if s.operating}
    others = [r for zid, r in rates.items() if zid != cat.KCN_BALANCING_ZONE]
    needed = cat.KCN_TARGET_MEAN_FILL * len(rates) - sum(others)
    if not 0.05 <= needed <= 1.0:
        raise RuntimeError(f"cannot balance the KCN mean fill: {cat.KCN_BALANCING_ZONE} would need {needed:.3f}")
    next(s for s in specs if s.zone_id == cat.KCN_BALANCING_ZONE).fill = round(needed, 4)


def fill_ccn_figures(specs: list[ZoneSpec], rng: np.random.Generator) -> None:
    """Deterministic illustrative figures for CCN whose figures are unpublished, in place."""
    known = [s for s in specs if s.gross_ha is not None]
    free = [s for s in specs if s.gross_ha is None]
    n = len(free)
    gross = rng.uniform(20.0, 75.0, n)
    gross *= (cat.CCN_TOTAL_GROSS_HA - sum(s.gross_ha for s in known)) / gross.sum()
    gross = _round_to_total(gross, cat.CCN_TOTAL_GROSS_HA - sum(s.gross_ha for s in known))
    share = rng.uniform(0.62, 0.76, n)
    industrial = gross * share
    industrial *= (cat.CCN_TOTAL_INDUSTRIAL_HA - sum(s.industrial_ha for s in known)) / industrial.sum()
    industrial = _round_to_total(industrial, cat.CCN_TOTAL_INDUSTRIAL_HA - sum(s.industrial_ha for s in known))
    operating = np.zeros(n, dtype=bool)
    operating[rng.choice(n, cat.CCN_OPERATING - len(known), replace=False)] = True
    raw_fill = rng.uniform(0.12, 0.70, n)
    # Scale the free operating zones' fill so Σ leased / Σ industrial (known fills) is the target.
    known_leased = sum(s.industrial_ha * s.fill for s in known)
    known_ind = sum(s.industrial_ha for s in known)
    ind_op = industrial[operating]
    k = (cat.CCN_TARGET_FILL * (known_ind + ind_op.sum()) - known_leased) / (raw_fill[operating] * ind_op).sum()
    fill = np.clip(raw_fill * k, 0.0, 1.0)
    years = rng.integers(2004, 2021, n)
    days = rng.integers(0, 365, n)
    for i, spec in enumerate(free):
        spec.gross_ha = float(gross[i])
        spec.industrial_ha = float(industrial[i])
        spec.operating = bool(operating[i])
        spec.fill = float(round(fill[i], 4)) if operating[i] else None
        year = int(years[i]) if operating[i] else int(min(2021, years[i] + 3))
        spec.established = (dt.date(year, 1, 1) + dt.timedelta(days=int(days[i]))).isoformat()
    for spec, year, day in zip(known, rng.integers(2003, 2013, len(known)), rng.integers(0, 365, len(known))):
        spec.established = spec.established or (dt.date(int(year), 1, 1) + dt.timedelta(days=int(day))).isoformat()


def _round_to_total(values: np.ndarray, total: float) -> np.ndarray:
    """Round to 0.01 and put the rounding residue on the largest value, so the sum is exact."""
    out = np.round(values, 2)
    out[int(np.argmax(out))] += round(total - out.sum(), 2)
    return np.round(out, 2)
