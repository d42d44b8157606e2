"""Province summary per kind (KCN, CCN), as ../shared/CONTRACTS.md fixes it.

fill_rate_weighted = Σ leased / Σ industrial land over the zones whose fill rate is known;
fill_rate_mean_operating = plain mean of the known fill rates of operating zones.
Seed 003 (Part I, II.1) states the 2021 figures this reproduces on the sample project.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

KINDS = ("KCN", "CCN")


def province_summary(figures: pd.DataFrame) -> dict:
    return {kind: kind_summary(figures[figures["kind"] == kind]) for kind in KINDS}


def kind_summary(zones: pd.DataFrame) -> dict:
    known = zones[zones["fill_rate"].notna()]
    operating = zones["operating"].fillna(False).astype(bool) if len(zones) else pd.Series(dtype=bool)
    leased_known = float(known["leased_m2"].sum())
    industrial_known = float(known["industrial_m2"].sum())
    mean_rates = zones.loc[operating & zones["fill_rate"].notna(), "fill_rate"] if len(zones) else []
    return {
        "count": int(len(zones)),
        "operating": int(operating.sum()),
        "gross_m2": float(zones["gross_m2"].sum()),
        "industrial_m2": float(np.nansum(zones["industrial_m2"].to_numpy(dtype=float))),
        "leased_m2": float(np.nansum(zones["leased_m2"].to_numpy(dtype=float))),
        # zones whose leased area is known (--as-of on a past date: declared figures are not)
        "leased_known": int(zones["leased_m2"].notna().sum()),
        "fill_rate_weighted": leased_known / industrial_known if industrial_known > 0 else None,
        "fill_rate_mean_operating": float(np.mean(mean_rates)) if len(mean_rates) else None,
    }
