"""Run every benchmark in bench/ (bench_*.py) one after the other and print their reports.

    .venv/bin/python bench/run_all.py [--quick]

Each benchmark measures its own baseline in the same run and prints ratios against it, so the
figures compare across machines. Exit status is non-zero if any benchmark failed to run.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (each benchmark's --quick)")
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. bench_check)")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.names:
        scripts = [s for s in scripts if s.stem in args.names]
    failed = []
    for script in scripts:
        print(f"\n=== {script.stem} {'(quick)' if args.quick else ''}", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(script), *(["--quick"] if args.quick else [])],
                              cwd=HERE.parent)
        print(f"=== {script.stem}: exit {done.returncode}, {time.perf_counter() - started:.0f} s", flush=True)
        if done.returncode != 0:
            failed.append(script.stem)
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
