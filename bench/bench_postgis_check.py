"""Benchmark: a province's fill rates and reservation figures computed by PostGIS in one query vs the
same figures from a GeoPackage project (open + figures in memory), in the same run.

    .venv/bin/python bench/bench_postgis_check.py            # 1,000 zones, 1,000,000 parcels
    .venv/bin/python bench/bench_postgis_check.py --quick    # 20 zones, 20,000 parcels

Uses the server named by ``KCN_PG_DSN``; without it, starts a throw-away one with ``.ci/pg_server.sh``.
The province is bench_check.py's synthetic one (zones of 40 × 25 parcel boxes, high-tech and CNHT
subzones). Prints publish and save times, both check times and the ratio PostGIS / GeoPackage, and
checks that both give the same figures.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _server():
    """(dsn, stop) for KCN_PG_DSN or a throw-away server."""
    if os.environ.get("KCN_PG_DSN"):
        return os.environ["KCN_PG_DSN"], lambda: None
    folder = tempfile.mkdtemp(prefix="kcn-bench-pg.")
    script = HERE.parent / ".ci" / "pg_server.sh"
    out = subprocess.run(["bash", str(script), "start", folder], capture_output=True, text=True, check=True).stdout
    dsn = out.split("KCN_PG_DSN='", 1)[1].split("'", 1)[0]
    return dsn, lambda: subprocess.run(["bash", str(script), "stop", folder], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 zones / 20,000 parcels")
    parser.add_argument("--zones", type=int, default=None)
    args = parser.parse_args()
    n_zones = args.zones or (20 if args.quick else 1000)

    import psycopg
    from psycopg import sql

    from bench_check import synthetic_project
    from gis_app.core.project import Project
    from gis_app.rules.figures import zone_figures
    from gis_app.rules.ruleset import load_ruleset
    from gis_app.store.postgis import address_from_dsn
    from gis_app.store.sqlcheck import database_figures

    dsn, stop = _server()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    address = address_from_dsn(dsn, schema)
    try:
        start = time.perf_counter()
        project = synthetic_project(n_zones)
        print(f"synthetic province: {len(project.zones):,} zones, {len(project.parcels):,} parcels "
              f"(built in {time.perf_counter() - start:.1f} s)", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            gpkg = Path(tmp) / "province.gpkg"
            start = time.perf_counter()
            project.save(gpkg)
            t_save = time.perf_counter() - start
            start = time.perf_counter()
            project.save(address)
            t_publish = time.perf_counter() - start
            print(f"save to GeoPackage: {t_save:.1f} s; publish to PostGIS (COPY): {t_publish:.1f} s", flush=True)
            ruleset = load_ruleset()

            start = time.perf_counter()
            local = zone_figures(Project.load(gpkg), ruleset)
            t_gpkg = time.perf_counter() - start
            start = time.perf_counter()
            remote = database_figures(address)
            t_db = time.perf_counter() - start
        for column in ("industrial_m2", "leased_m2", "fill_rate", "hightech_m2", "cnht_m2"):
            assert np.allclose(remote[column].reindex(local.index).to_numpy(dtype=float),
                               local[column].to_numpy(dtype=float), rtol=1e-6, equal_nan=True), column
        print(f"GeoPackage: open + fill rates and reservation figures in memory: {t_gpkg:.2f} s")
        print(f"PostGIS: the same figures in one SQL query: {t_db:.2f} s (same figures: yes)")
        print(f"ratio PostGIS / GeoPackage = {t_db / t_gpkg:.2f}")
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        stop()


if __name__ == "__main__":
    main()
