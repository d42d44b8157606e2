"""Benchmark: the subdivision engine beside two baselines on the suite sites (issue 4).

    .venv/bin/python bench/bench_subdivide.py [--quick] [--sample PATH] [--json OUT]

For every site the engine lays out lots and roads; the baselines then divide the same land between
the same roads (site − roads − reserve) into lots of the engine's target area: (a) an equal-area
strip divider in the manner of QGIS Polygon Divider (Brent root-finding) run as the plugin runs,
on the net land as one feature, and again block by block ("strip_per_block"), (b) a recursive OBB
splitter in the manner of CityEngine (Vanegas et al. 2012). All lots are judged by the same rules
(area ≥ minimum, frontage on a road or the access, depth/frontage ≤ limit). Ratios are against the
strip divider measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.baselines import obb_splitter, strip_divider  # noqa: E402
from gis_app.subdivision import SubdivisionParams, subdivide  # noqa: E402
from gis_app.subdivision import frontage  # noqa: E402
from gis_app.subdivision.site import default_access  # noqa: E402
from gis_app.subdivision.suite_sites import sample_vacant_land, suite  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "hai_duong_minh_hoa.gpkg"
QUICK_SKIP = {"irregular_500ha"}


def judge(lots, layout, params, site_m2, seconds):
    lots = np.asarray([g for g in lots if g is not None and not g.is_empty], dtype=object)
    kinds = list(layout.road_kinds)
    priority = np.array([frontage.PRIORITY.get(k, 3) for k in kinds] +
                        [frontage.PRIORITY["access"]] * len(layout.access_parts))
    zones = frontage.front_zones(layout.roads, layout.access_parts, params.tolerance)
    f, d, _ = frontage.measure(lots, zones, priority, params)
    area = shapely.area(lots)
    ok = frontage.rule_failures(area, f, d, params) == ""
    return {"lots": int(len(lots)), "seconds": seconds, "lots_per_s": len(lots) / max(seconds, 1e-9),
            "valid_share": float(ok.mean()) if len(lots) else 0.0,
            "lot_share": float(area[ok].sum() / site_m2),
            "mean_rectangularity": float(frontage.rectangularity(lots).mean()) if len(lots) else 0.0}


def timed(fn, repeat: int):
    """(result, best seconds): up to ``repeat`` runs, no new run once 5 s have been spent (the
    machine is shared: the best run is the least disturbed one)."""
    best, result, spent = float("inf"), None, 0.0
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        best, spent = min(best, dt), spent + dt
        if spent > 5.0:
            break
    return result, best


def bench_site(name, site, access_ids, access_parts, params, repeat=3):
    layout, engine_s = timed(lambda: subdivide(site, access_ids, access_parts, params), repeat)
    site_m2 = site.area
    taken = shapely.union_all(np.concatenate([layout.roads, layout.reserve]))
    blocks = [g for g in shapely.get_parts(shapely.difference(site, taken)) if g.area > 1.0]
    target = params.lot_classes()[0].target_m2
    rows = {"engine": judge(layout.lots, layout, params, site_m2, engine_s)}
    land = shapely.union_all(blocks)  # the plugin's way: the net land as one feature
    (strips, _), dt = timed(lambda: strip_divider.divide_polygon(land, target), repeat)
    rows["strip_divider"] = judge(strips, layout, params, site_m2, dt)
    # generous: every block handed over on its own
    strips, dt = timed(lambda: strip_divider.divide(blocks, target), repeat)
    rows["strip_per_block"] = judge(strips, layout, params, site_m2, dt)
    street = shapely.union_all(frontage.front_zones(layout.roads, layout.access_parts, params.tolerance).zones)
    obb, dt = timed(lambda: obb_splitter.divide(blocks, target, street), repeat)
    rows["obb_splitter"] = judge(obb, layout, params, site_m2, dt)
    base = rows["strip_divider"]["lots_per_s"]
    per_block = rows["strip_per_block"]["lots_per_s"]
    for r in rows.values():
        r["speed_vs_strip"] = r["lots_per_s"] / base if base else float("nan")
        r["speed_vs_strip_per_block"] = r["lots_per_s"] / per_block if per_block else float("nan")
    return {"site": name, "site_ha": site_m2 / 1e4, "methods": rows}


def bench_park(name, site, repeat=3):
    """The ``kcn`` preset (whole park) beside the strip divider doing the comparable job (issue 11):
    the same site and roads, lots of the same sizes. The divider gets the land the preset turned
    into lots, as one feature per use the way the plugin runs (factory land with the mean factory
    lot, the CNHT subzone's land with the mean SME lot); it draws no roads, no green, no balance,
    so it does less than the preset. Lots per second as a ratio, and the preset's own seconds
    (targets: ≥ 10× and under 5 s). Imports are warmed first, best of ``repeat`` runs each."""
    from pyproj import CRS

    from gis_app.subdivision import api, park

    crs = CRS.from_epsg(9209)
    api.run_park(suite()["L_51ha"], crs, park.preset_params("kcn"))  # warm imports and caches
    result, park_s = timed(lambda: api.run_park(site, crs, park.preset_params("kcn")), repeat)
    lots = result.frames["lots"]
    jobs = []
    for use in ("general", "cnht"):
        mine = lots[lots["use"] == use]
        if len(mine):
            jobs.append((shapely.union_all(mine.geometry.values), float(mine.geometry.area.mean())))

    def strip_job():
        return [lot for land, target in jobs for lot in strip_divider.divide_polygon(land, target)[0]]

    strips, strip_s = timed(strip_job, repeat)
    park_rate, strip_rate = len(lots) / park_s, len(strips) / max(strip_s, 1e-9)
    row = {"site": name, "site_ha": site.area / 1e4, "lots": len(lots), "seconds": park_s,
           "lots_per_s": park_rate, "strip_lots": len(strips), "strip_seconds": strip_s,
           "speed_vs_strip": park_rate / strip_rate if strip_rate else float("nan"),
           "tries": result.metrics["tries"], "guarantees_ok": result.metrics["guarantees_ok"],
           "qcvn_ok": result.metrics["qcvn_ok"]}
    print(f"\nkcn preset on {name} ({row['site_ha']:.0f} ha): {row['lots']} lots in {park_s:.2f} s "
          f"({park_rate:.0f} lots/s, {row['tries']} tries); strip divider, same land and lot sizes: "
          f"{len(strips)} lots in {strip_s:.2f} s ({strip_rate:.0f} lots/s); ratio {row['speed_vs_strip']:.2f}× "
          f"(target ≥ 10×: {'met' if row['speed_vs_strip'] >= 10 else 'NOT met'}), "
          f"under 5 s: {'yes' if park_s < 5 else 'NO'}", flush=True)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the 500 ha site (< 30 s)")
    ap.add_argument("--park-only", action="store_true", help="only the kcn preset on the 500 ha site")
    ap.add_argument("--sample", default=str(SAMPLE), help="sample project (vacant land of KCN-DAIAN)")
    ap.add_argument("--json", help="write the results here too")
    ap.add_argument("--repeat", type=int, help="best of up to N runs per method (default 3; 1 with --quick)")
    args = ap.parse_args(argv)
    if args.repeat is None:
        args.repeat = 1 if args.quick else 3
    params = SubdivisionParams()
    results = []
    if args.park_only:
        row = bench_park("irregular_500ha", suite()["irregular_500ha"], args.repeat)
        if args.json:
            Path(args.json).write_text(json.dumps([{"park": row}], indent=2))
        return 0
    for name, site in suite().items():
        if args.quick and name in QUICK_SKIP:
            continue
        ids, parts = default_access(site)
        results.append(bench_site(name, site, ids, parts, params, args.repeat))
        _print(results[-1])
    park_site = "irregular_86ha" if args.quick else "irregular_500ha"
    results.append({"park": bench_park(park_site, suite()[park_site], args.repeat)})
    sample = sample_vacant_land(args.sample)
    if sample is None:
        print(f"(sample project not found at {args.sample}: its vacant land is skipped)")
    else:
        site, roads, _ = sample
        from gis_app.subdivision.site import load_access_geoms

        ids, parts = load_access_geoms(roads, site, params.tolerance)
        results.append(bench_site("sample_KCN-DAIAN_vacant", site, ids, parts, params, args.repeat))
        _print(results[-1])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


def _print(result):
    print(f"\n{result['site']} ({result['site_ha']:.1f} ha)")
    print(f"  {'method':16s} {'lots':>6s} {'s':>7s} {'lots/s':>9s} {'× strip':>8s} {'× s/blk':>8s} {'valid':>6s} "
          f"{'lot share':>9s} {'rect':>5s}")
    for method, r in result["methods"].items():
        print(f"  {method:16s} {r['lots']:6d} {r['seconds']:7.2f} {r['lots_per_s']:9.0f} "
              f"{r['speed_vs_strip']:8.2f} {r['speed_vs_strip_per_block']:8.2f} {r['valid_share']:6.1%} "
              f"{r['lot_share']:9.1%} "
              f"{r['mean_rectangularity']:5.3f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
