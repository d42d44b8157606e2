"""Benchmark: the full check (figures, R1–R6, summary) on a synthetic province vs one geopandas overlay.

    .venv/bin/python bench/bench_check.py            # 1,000 zones, 1,000,000 parcels
    .venv/bin/python bench/bench_check.py --quick    # 100 zones, 100,000 parcels (< 30 s)

Each zone is a square of 40 × 25 parcel boxes (roads every fifth row), with a high-tech subzone over
its right 20% and a CNHT subzone over the next 30%. The baseline is a single vectorised overlay of
the industrial parcels with the subzones (gpd.overlay, intersection), measured in the same run;
the printed ratio is check time / overlay time (target ≤ 2).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

COLS, ROWS = 40, 25           # parcels per zone: 1,000
PARCEL_W, PARCEL_H = 25.0, 40.0
SECTORS = np.array(["CNHT linh kiện", "điện tử", "dệt may", "nhuộm", "cơ khí chính xác", None], dtype=object)


def synthetic_project(n_zones: int, seed: int = 7):
    import geopandas as gpd
    import pandas as pd
    import shapely

    from gis_app.core.crs import to_crs
    from gis_app.core.project import Project

    rng = np.random.default_rng(seed)
    crs = to_crs("EPSG:9209")
    side_x, side_y = COLS * PARCEL_W, ROWS * PARCEL_H
    grid = int(np.ceil(np.sqrt(n_zones)))
    zi = np.arange(n_zones)
    zx = 500_000.0 + (zi % grid) * (side_x + 200.0)
    zy = 2_300_000.0 + (zi // grid) * (side_y + 200.0)
    zone_ids = np.char.add("Z", zi.astype(str))
    established = np.where(rng.random(n_zones) < 0.3, "2022-05-01", "2012-05-01")
    zones = gpd.GeoDataFrame({
        "zone_id": zone_ids, "name": np.char.add("Khu ", zi.astype(str)),
        "kind": np.where(zi % 3 == 0, "CCN", "KCN"), "established": pd.to_datetime(established),
        "general": rng.random(n_zones) < 0.8, "operating": rng.random(n_zones) < 0.7, "province": "Thử",
        "industrial_m2": np.nan, "leased_m2": np.nan},
        geometry=shapely.box(zx, zy, zx + side_x, zy + side_y), crs=crs)

    # Parcels: every zone × every cell, built as arrays (no per-parcel Python).
    cx, cy = np.meshgrid(np.arange(COLS), np.arange(ROWS))
    cx, cy = cx.ravel(), cy.ravel()
    px = (zx[:, None] + cx[None, :] * PARCEL_W).ravel()
    py = (zy[:, None] + cy[None, :] * PARCEL_H).ravel()
    n = px.size
    row = np.tile(cy, n_zones)
    landuse = np.where(row % 5 == 4, "road", "industrial").astype(object)
    status = np.where(landuse == "industrial", np.where(rng.random(n) < 0.6, "leased", "vacant"), None)
    sector = np.where(status == "leased", SECTORS[rng.integers(0, len(SECTORS), n)], None)
    parcels = gpd.GeoDataFrame({
        "parcel_id": np.char.add("P", np.arange(n).astype(str)).astype(object),
        "zone_id": np.repeat(zone_ids, COLS * ROWS).astype(object), "landuse": landuse, "status": status,
        "tenant": None, "sector": sector},
        geometry=shapely.box(px, py, px + PARCEL_W, py + PARCEL_H), crs=crs)

    ht_x0 = zx + 0.8 * side_x
    cn_x0 = zx + 0.5 * side_x
    subzones = gpd.GeoDataFrame({
        "subzone_id": np.concatenate([np.char.add("HT", zi.astype(str)), np.char.add("CN", zi.astype(str))]),
        "zone_id": np.concatenate([zone_ids, zone_ids]),
        "use": np.repeat(["hightech", "cnht"], n_zones)},
        geometry=np.concatenate([shapely.box(ht_x0 - 3.0, zy, zx + side_x, zy + side_y),   # edges cut parcels
                                 shapely.box(cn_x0 - 3.0, zy, ht_x0 - 3.0, zy + side_y)]), crs=crs)
    project = Project(crs=crs, meta={"name": "synthetic"})
    project.add_layer("zones", zones)
    project.add_layer("subzones", subzones)
    project.add_layer("parcels", parcels)
    return project


def time_it(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 zones / 100,000 parcels")
    parser.add_argument("--zones", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=None)
    args = parser.parse_args()
    n_zones = args.zones or (100 if args.quick else 1000)
    repeat = args.repeat or (3 if args.quick else 1)

    import geopandas as gpd

    from gis_app.rules.check import run_check, status_counts
    from gis_app.rules.ruleset import load_ruleset

    start = time.perf_counter()
    project = synthetic_project(n_zones)
    print(f"synthetic province: {len(project.zones):,} zones, {len(project.parcels):,} parcels, "
          f"{len(project.subzones):,} subzones (built in {time.perf_counter() - start:.1f} s)")
    ruleset = load_ruleset()
    result = {}

    def check():
        result["r"] = run_check(project, ruleset)

    def overlay():
        parcels = project.parcels
        industrial = parcels[parcels["landuse"] == "industrial"]
        result["o"] = gpd.overlay(industrial[["zone_id", "status", "geometry"]],
                                  project.subzones[["use", "geometry"]], how="intersection",
                                  keep_geom_type=True)

    t_overlay = time_it(overlay, repeat)
    t_check = time_it(check, repeat)
    counts = status_counts(result["r"])
    print(f"overlay baseline (gpd.overlay industrial parcels × subzones, {len(result['o']):,} pieces): "
          f"{t_overlay:.2f} s")
    print(f"full check ({len(result['r']['zones']):,} zones; findings {counts}): {t_check:.2f} s")
    print(f"ratio check / overlay = {t_check / t_overlay:.2f}  (target ≤ 2)")


if __name__ == "__main__":
    main()
