"""Small generated datasets for the exchange tests (Hải Dương, EPSG:9209, real commune names)."""
from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import shapely

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
HD_X, HD_Y = 586127.0, 2316534.0  # Hải Dương city in EPSG:9209


def vietnamese_names(shared_data: Path | None = None) -> list[str]:
    """All unit names of the four provinces (capitals, every tone mark, đ/Đ, ư, ơ)."""
    data = json.loads(((shared_data or SHARED) / "admin" / "dvhcvn_units_4prov.json").read_text(encoding="utf-8"))
    names = []
    for province in data["data"]:
        names.append(province["name"])
        for district in province["level2s"]:
            names.append(district["name"])
            names.extend(commune["name"] for commune in district["level3s"])
    return names


def hai_duong_names(shared_data: Path | None = None) -> list[str]:
    data = json.loads(((shared_data or SHARED) / "admin" / "dvhcvn_units_4prov.json").read_text(encoding="utf-8"))
    province = next(p for p in data["data"] if "Hải Dương" in p["name"])
    return [c["name"] for d in province["level2s"] for c in d["level3s"]]


def names_ending_in_marks(names: list[str]) -> list[str]:
    """Names whose LAST letter carries a Vietnamese mark (the letter GDAL drops)."""
    return [n for n in names if n and ord(n[-1]) > 0x7F]


def parcels_frame(names: list[str], crs=9209) -> gpd.GeoDataFrame:
    """Square lots of varied sizes around Hải Dương city, one per name."""
    geoms, rows = [], []
    for i, name in enumerate(names):
        x, y = HD_X + (i % 10) * 120.0, HD_Y + (i // 10) * 120.0
        side = 50.0 + (i % 7) * 7.3
        geoms.append(shapely.box(x, y, x + side, y + side * 1.37))
        rows.append({"MaLo": f"L{i + 1:03d}", "TenXa": name, "DienTich": round(side * side * 1.37, 2)})
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=crs)
