"""Demand for lots: a priority project list (CSV or XLSX) → land needs → an allocation of lots.

Columns (header names, case-insensitive): ``project`` (required), ``sector``, ``capacity``,
``capital`` (a number or a range "180-200", read as its middle), ``currency`` (``VND_bn``,
tỷ đồng, the default; or ``USD``), ``land_m2`` (the need when known). A need the list does not
give is estimated from the capital by the sector's investment per hectare
(``resources/demand/norms.toml``, editable; the defaults are assumptions, not seed figures) and
is never under ``min_lot_m2`` (seed 003 R4: SME lots from 500 m²). The shipped list is seed 000
§IV (Hải Dương CNHT plan to 2020), typed in.
"""
from __future__ import annotations

import math
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from ..core.errors import InputError
from ..core.i18n import t
DEMAND_DIR = Path(__file__).resolve().parents[2] / "resources" / "demand"
NORMS_PATH = DEMAND_DIR / "norms.toml"
PRIORITY_LIST = DEMAND_DIR / "hai_duong_2020_priority.csv"


def load_norms(path=None) -> dict:
    """The norms TOML (``path`` or the shipped one); InputError naming the file when unreadable."""
    path = Path(path) if path else NORMS_PATH
    try:
        norms = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        per_ha = {str(k): float(v) for k, v in norms["investment_per_ha_vnd_bn"].items()}
        out = {"per_ha": per_ha, "vnd_per_usd": float(norms.get("vnd_per_usd", 25000)),
               "min_lot_m2": float(norms.get("min_lot_m2", 500))}
    except FileNotFoundError:
        raise InputError(t("không tìm thấy tệp định mức", "norms file not found"), path)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(t("tệp định mức không hợp lệ ({e})", "the norms file is invalid ({e})", e=exc), path)
    if "other" not in per_ha or any(v <= 0 for v in per_ha.values()) or out["vnd_per_usd"] <= 0:
        raise InputError(t("định mức phải dương và có mục 'other'", "norms must be positive and include 'other'"),
                         path)
    return out


def _number(text) -> float | None:
    """'1.100' / '1,5' / '180-200' / 1100 → float (a range gives its middle); None when blank."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip().replace(" ", "")
    if not s:
        return None
    if "-" in s[1:]:
        lo, hi = s.split("-", 1)
        a, b = _number(lo), _number(hi)
        return None if a is None or b is None else (a + b) / 2
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")  # 1.234,5 (Vietnamese)
    elif s.count(".") >= 1 and len(s.rsplit(".", 1)[1]) == 3 and s.count(",") == 0:
        s = s.replace(".", "")  # 1.000 = one thousand (Vietnamese thousands)
    else:
        s = s.replace(",", ".")
    return float(s)


# Upper bounds of one project's figures: the largest KCN is a few thousand ha; 10^7 bn VND exceeds
# Vietnam's GDP. Beyond them a figure is a typo, and it would overflow the lot search.
MAX_LAND_M2 = 1e8  # m² (10 000 ha)
MAX_CAPITAL = 1e7  # bn VND (USD capitals are bounded by its equivalent)


def _checked(row, column: str, line: int, path, maximum: float) -> float | None:
    """The number in ``column`` of a demand row (None when blank); InputError naming the file, the row
    and the column when it is not a number, not finite, negative or above ``maximum``."""
    raw = row.get(column)
    try:
        value = _number(raw)
    except ValueError:
        raise InputError(t("dòng {n}, cột '{c}': {v!r} không phải là số", "row {n}, column '{c}': {v!r} is not a number",
                           n=line, c=column, v=raw), path) from None
    if value is not None and (not math.isfinite(value) or value < 0 or value > maximum):
        raise InputError(t("dòng {n}, cột '{c}': giá trị {v} ngoài phạm vi [0, {m:g}]",
                           "row {n}, column '{c}': value {v} out of the range [0, {m:g}]",
                           n=line, c=column, v=raw, m=maximum), path)
    return value


def read_demand(path, norms: dict | None = None) -> pd.DataFrame:
    """The project list with ``need_m2`` and ``need_from`` (``given`` or ``norm``) per row.

    InputError naming the file on an unreadable file, a missing ``project`` column, a bad number,
    or a row with neither a land need nor a capital."""
    path = Path(path)
    norms = norms or load_norms()
    if not path.exists():
        raise InputError(t("không tìm thấy tệp nhu cầu", "demand file not found"), path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, dtype=object)
        else:
            frame = pd.read_csv(path, dtype=object, encoding="utf-8-sig")
    except Exception as exc:  # pandas/openpyxl raise many types for a bad file
        raise InputError(t("không đọc được tệp nhu cầu ({e})", "cannot read the demand file ({e})",
                           e=str(exc)[:200]), path) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    if "project" not in frame.columns:
        raise InputError(t("thiếu cột 'project'", "the 'project' column is missing"), path)
    needs, sources = [], []
    for i, row in frame.iterrows():
        land = _checked(row, "land_m2", i + 2, path, MAX_LAND_M2)
        usd = str(row.get("currency") or "VND_bn").strip().upper() == "USD"
        capital = _checked(row, "capital", i + 2, path,
                           MAX_CAPITAL * 1e9 / norms["vnd_per_usd"] if usd else MAX_CAPITAL)
        if land is not None and land > 0:
            needs.append(land)
            sources.append("given")
            continue
        if capital is None or capital <= 0:
            raise InputError(t("dòng {n} ({p}): không có diện tích cần và vốn đầu tư",
                               "row {n} ({p}): neither a land need nor a capital", n=i + 2, p=row["project"]), path)
        if usd:
            capital = capital * norms["vnd_per_usd"] / 1e9
        sector = str(row.get("sector") or "other").strip().lower()
        per_ha = norms["per_ha"].get(sector, norms["per_ha"]["other"])
        needs.append(max(norms["min_lot_m2"], capital / per_ha * 1e4))
        sources.append("norm")
    frame["need_m2"] = needs
    frame["need_from"] = sources
    return frame


def lot_mix_from_needs(needs_m2, min_lot: float = 500.0) -> str:
    """A ``--lot-mix`` string whose ranges hold the needs (shares of the land they ask for)."""
    needs = np.asarray(needs_m2, float)
    edges = [min_lot, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 1e9]
    parts = []
    total = needs.sum()
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (needs >= lo) & (needs < hi) if lo > min_lot else needs < hi
        if sel.any():
            top = min(hi, float(needs[sel].max()) * 1.05)
            parts.append((lo, max(top, lo), needs[sel].sum() / total))
    shares = np.round([s for _, _, s in parts], 3)
    shares[-1] = round(1.0 - shares[:-1].sum(), 3)
    return ",".join(f"{lo:g}-{hi:.0f}:{s:g}" for (lo, hi, _), s in zip(parts, shares))


def vacant_lots(project) -> tuple[np.ndarray, list, list]:
    """(geometries, ids, zone ids) of vacant industrial land: the ``lots`` layer's lots that are still
    vacant parcels, else the vacant industrial parcels."""
    parcels = project.parcels
    vac = parcels[(parcels["landuse"] == "industrial") & (parcels["status"] == "vacant")]
    return (np.asarray(vac.geometry.values, dtype=object), [str(i) for i in vac["parcel_id"]],
            [str(z) for z in vac["zone_id"]])


def allocate(demand: pd.DataFrame, geoms, ids, zones, allowed=None) -> dict:
    """Assign every project (largest need first) the smallest vacant lot that holds its need, else
    the fewest adjoining lots of one zone that do (grown from the largest lot, neighbours by size);
    unmet projects are listed with their m². ``allowed``: lots within the R5 travel limit."""
    geoms = np.asarray(geoms, dtype=object)
    area = shapely.area(geoms) if len(geoms) else np.zeros(0)
    free = np.ones(len(geoms), bool) if allowed is None else np.asarray(allowed, bool).copy()
    tree = shapely.STRtree(geoms) if len(geoms) else None
    order = np.argsort(-demand["need_m2"].to_numpy(float), kind="stable")
    out = [None] * len(demand)
    for k in order:
        row = demand.iloc[k]
        need = float(row["need_m2"])
        entry = {"project": str(row["project"]), "sector": None if pd.isna(row.get("sector")) else str(row["sector"]),
                 "need_m2": need, "need_from": row["need_from"], "lot_ids": [], "zone_id": None,
                 "allocated_m2": 0.0, "status": "unmet"}
        fits = np.flatnonzero(free & (area >= need - 1e-6))
        if len(fits):
            best = fits[np.argmin(area[fits])]
            chosen = [best]
        else:
            chosen = _adjoining(need, geoms, area, free, zones, tree)
        if chosen:
            free[chosen] = False
            entry.update(lot_ids=[ids[i] for i in chosen], zone_id=zones[chosen[0]],
                         allocated_m2=float(area[chosen].sum()), status="allocated")
        out[k] = entry
    unmet = float(sum(e["need_m2"] for e in out if e["status"] == "unmet"))
    return {"projects": out, "unmet_m2": unmet,
            "allocated": sum(e["status"] == "allocated" for e in out), "unmet": sum(e["status"] == "unmet" for e in out)}


def _adjoining(need, geoms, area, free, zones, tree):
    """Fewest free adjoining lots (same zone) reaching ``need``, grown greedily from large lots."""
    for start in np.flatnonzero(free)[np.argsort(-area[free], kind="stable")][:50]:
        group, total = [int(start)], float(area[start])
        while total < need - 1e-6:
            near = tree.query(shapely.union_all(geoms[group]), predicate="dwithin", distance=0.1)
            near = [int(j) for j in near if free[j] and j not in group and zones[j] == zones[start]]
            if not near:
                break
            j = max(near, key=lambda i: area[i])
            group.append(j)
            total += float(area[j])
        if total >= need - 1e-6:
            return group
    return []
