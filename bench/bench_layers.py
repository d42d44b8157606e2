"""Costs that grow with the number of layers: check, export-web, save and load of a project with
N extra layers (issue 16, item 5: linear, not once per layer per layer).

    .venv/bin/python bench/bench_layers.py [--quick] [--json OUT]

The baseline is the same project without extra layers, measured in the same run: the synthetic
province (``layers.synthetic.synthetic_project``, 400 parcels in 4 zones) plus N one-feature
polygon layers. For each N it prints the time of each operation and the cost per extra layer,
``(t(N) - t(0)) / N``. Linear means that cost stays flat as N grows (the largest N's cost per
layer at most 2x the smallest's, or than 2 ms when that is smaller); a cost once per layer per
layer would grow with N.
Sizes: N = 100, 200, 1000 (``--quick``: 20, 50, 100).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOISE_MS = 2.0


def project_with(extra: int):
    """The synthetic province with ``extra`` one-feature polygon layers (EPSG:9209)."""
    import geopandas as gpd
    import shapely

    from layers.synthetic import synthetic_project

    project = synthetic_project(400)
    for i in range(extra):
        x = 586_000 + 12 * i
        project.add_layer(f"extra_{i}", gpd.GeoDataFrame(
            {"v": [i], "name": [f"Lớp {i}"]}, geometry=[shapely.box(x, 2_316_000, x + 10, 2_316_010)], crs=9209))
    return project


def measure(extra: int, tmp: Path) -> dict:
    """Seconds of check, export-web, save and load for the project with ``extra`` layers."""
    from gis_app.core.processing import registry
    from gis_app.core.project import Project

    project = project_with(extra)
    out: dict = {"extra_layers": extra, "layers": len(project.layers)}
    start = time.perf_counter()
    registry().get("check").run({"project": project, "json": str(tmp / f"check_{extra}.json")})
    out["check_s"] = time.perf_counter() - start
    start = time.perf_counter()
    registry().get("export-web").run({"project": project, "out": str(tmp / f"web_{extra}.html")})
    out["export_web_s"] = time.perf_counter() - start
    path = tmp / f"project_{extra}.gpkg"
    start = time.perf_counter()
    project.save(path)
    out["save_s"] = time.perf_counter() - start
    start = time.perf_counter()
    loaded = Project.load(path)
    out["load_s"] = time.perf_counter() - start
    if len(loaded.layers) != len(project.layers):
        raise SystemExit(f"load lost layers: {len(loaded.layers)} of {len(project.layers)}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 20, 50, 100")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="numbers of extra layers")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("KCN_CONFIG_DIR", tempfile.mkdtemp(prefix="kcn-bench-config-"))
    sizes = args.sizes or ([20, 50, 100] if args.quick else [100, 200, 1000])
    with tempfile.TemporaryDirectory(prefix="kcn-bench-layers-") as tmp:
        base = measure(0, Path(tmp))
        rows = []
        for n in sizes:  # each size as it is measured (a long run still shows what it has)
            rows.append(measure(n, Path(tmp)))
            print(json.dumps(rows[-1]), flush=True)
    ops = ("check_s", "export_web_s", "save_s", "load_s")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; baseline: the same project "
          f"without extra layers ({base['layers']} layers)")
    print(f"{'extra layers':14s}" + "".join(f"{op[:-2]:>22s}" for op in ops))
    print(f"{0:<14d}" + "".join(f"{base[op]:>20.2f} s" for op in ops))
    for row in rows:
        row["per_layer_ms"] = {op: (row[op] - base[op]) / row["extra_layers"] * 1000 for op in ops}
        print(f"{row['extra_layers']:<14d}" + "".join(
            f"{row[op]:>9.2f} s ({row['per_layer_ms'][op]:5.1f} ms/l)" for op in ops))
    # below a couple of ms per layer the smallest N's cost is within the noise of a shared machine
    growth = {op: rows[-1]["per_layer_ms"][op] / max(rows[0]["per_layer_ms"][op], NOISE_MS) for op in ops}
    print(f"cost per extra layer, largest N ÷ smallest N (floor {NOISE_MS:.0f} ms; ≤ 2: linear): "
          + ", ".join(f"{op[:-2]} {g:.2f}× {'OK' if g <= 2 else 'OVER'}" for op, g in growth.items()))
    if args.json:
        payload = {"baseline": base, "sizes": rows, "growth": growth, "load_average": os.getloadavg()[0]}
        tmp_json = args.json.with_suffix(args.json.suffix + ".tmp")
        tmp_json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
        tmp_json.replace(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
