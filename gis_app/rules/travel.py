"""Travel times for R5, read from the JSON of `main.py proximity` (../shared/CONTRACTS.md):
{"sites": [{"site_id", "zone_id", "minutes", ...}, ...]} → per zone: number of sites, longest minutes."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from ..core.errors import InputError
from ..core.i18n import t


def load_travel_times(path: str | Path) -> pd.DataFrame:
    """Index zone_id; columns travel_sites (int) and travel_max_minutes (float)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(t("không tìm thấy tệp kết quả proximity", "proximity result file not found"),
                         path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(t("không phải JSON hợp lệ ({err})", "not valid JSON ({err})", err=exc), path) from None
    sites = data.get("sites") if isinstance(data, dict) else None
    if not isinstance(sites, list):
        raise InputError(t("thiếu danh sách 'sites'", "no 'sites' list"), path)
    rows = []
    for i, site in enumerate(sites):
        minutes = site.get("minutes") if isinstance(site, dict) else None
        zone_id = site.get("zone_id") if isinstance(site, dict) else None
        if not isinstance(zone_id, str) or not isinstance(minutes, (int, float)) or isinstance(minutes, bool) \
                or math.isnan(minutes) or minutes < 0:
            raise InputError(t("sites[{i}]: cần zone_id (chuỗi) và minutes (số không âm)",
                               "sites[{i}]: needs zone_id (text) and minutes (a number ≥ 0)", i=i), path)
        rows.append((zone_id, float(minutes)))
    frame = pd.DataFrame(rows, columns=["zone_id", "minutes"])
    return frame.groupby("zone_id")["minutes"].agg(travel_sites="count", travel_max_minutes="max")
