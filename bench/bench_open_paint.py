"""Open, first paint, redraw and memory of a cadastral shapefile: raw read, QGIS and this application.

    .venv/bin/python bench/bench_open_paint.py [--quick] [--parcels N] [--repeats R] [--json OUT]

Writes a synthetic parcel grid (EPSG:9209 shapefile, ``layers.synthetic.parcel_grid``) per size
(default 100,000 and 1,000,000 parcels; ``--quick`` 20,000) and measures, in the same run, each
in a fresh process so that memory peaks are its own:

- raw read: ``pyogrio.read_dataframe`` (best of R), and the memory the GeoDataFrame holds;
- QGIS (``/usr/bin/python3`` with python3-qgis, offscreen; skipped with a note when missing):
  open (``QgsVectorLayer``) + first paint of the full extent at 1600×1000 (best of R);
- this application: File → Add layer's reader, geometry first
  (``exchange.geometry_first``): first paint of the real map canvas (1600×1000, offscreen), then
  the full open with attributes, encoding detection and geometry check (best of R); redraws after
  pans and zooms (median of 5 per case; the largest is reported, wall clock, and beside it the
  CPU time of the map thread, which load on a shared machine does not inflate); the peak memory
  of the open layer (peak RSS less the RSS before opening).

Targets (issue 16): first paint ≤ 0.5 × QGIS open + first paint; full open ≤ 1.1 × raw read;
redraw ≤ 50 ms; peak memory of the layer ≤ 1.5 × its GeoDataFrame. Times are wall-clock on a
shared machine: run interleaved so that other load hits both sides alike, and read the ratios.

``--json OUT`` writes the figures of the largest size at the top level (``raw_read_s``,
``first_paint_s``, ``open_s``, ``redraw_ms_max``, ``peak_rss_mb`` [the layer's peak, MB],
``qgis_open_paint_s``, ``gdf_mb``, ``redraw_cpu_ms_max`` ...) and every size under ``"sizes"``.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QGIS_PYTHON = "/usr/bin/python3"
CANVAS = (1600, 1000)


# -- child processes -------------------------------------------------------------------------
def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_up_file(shp: str) -> str:
    """A 100-parcel shapefile of the same schema beside ``shp``: every side reads it once before
    the clock starts (drivers, CRS database, lazy imports), as QGIS initialises before its clock."""
    return str(Path(shp).with_name("warm_up.shp"))


def child_raw(shp: str) -> dict:
    import gc

    import pyogrio

    pyogrio.read_dataframe(_warm_up_file(shp))
    gc.collect()
    before = _rss_mb()
    start = time.perf_counter()
    frame = pyogrio.read_dataframe(shp)
    seconds = time.perf_counter() - start
    gc.collect()
    return {"raw_read_s": seconds, "gdf_mb": _rss_mb() - before, "rows": len(frame)}


def child_app(shp: str) -> dict:
    import gc
    import statistics

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    import geopandas as gpd

    from gis_app.exchange.geometry_first import read_dataset_geometry_first
    from gis_app.shell.app import application
    from layers import LayerList, VectorLayer

    app = application(offscreen=True)
    from gis_app.shell.canvas import MapCanvas

    read_dataset_geometry_first(_warm_up_file(shp), on_geometry=lambda shapes: None)
    layers = LayerList()
    canvas = MapCanvas(layers)
    canvas.resize(*CANVAS)
    gc.collect()
    baseline = _rss_mb()
    times: dict = {}
    start = time.perf_counter()

    def first_paint(shapes: gpd.GeoSeries) -> None:
        layers.append(VectorLayer("parcels", gpd.GeoDataFrame(geometry=shapes)))
        canvas.zoom_to(canvas.full_extent())  # renders synchronously
        times["first_paint_s"] = time.perf_counter() - start

    dataset = read_dataset_geometry_first(shp, on_geometry=first_paint)
    layer = layers["parcels"]
    same = len(dataset.frame) == len(layer) and not dataset.report.repaired
    layer.set_frame(dataset.frame, geometry_changed=not same)
    canvas.refresh()  # the attributes may recolour (categorized by land use)
    times["open_s"] = time.perf_counter() - start
    times["features"] = len(layer)

    cpu: dict = {}

    def redraw(name, move, count=5):
        samples, cpu_samples = [], []
        for _ in range(count):
            canvas.zoom_to(canvas.full_extent())
            move(canvas.view)
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            canvas.refresh()
            samples.append(time.perf_counter() - begin)
            cpu_samples.append(time.thread_time() - begin_cpu)
        cpu[name] = statistics.median(cpu_samples) * 1000
        return statistics.median(samples) * 1000

    cases = {
        "pan at full extent": lambda v: v.pan_pixels(300, 150),
        "zoom in ×1.25 (wheel step)": lambda v: v.zoom(1.25, 400, 300),
        "zoom in ×2": lambda v: v.zoom(2.0),
        "zoom in ×4": lambda v: v.zoom(4.0),
        "zoom in ×8, then pan": lambda v: (v.zoom(8.0), v.pan_pixels(-250, 120)),
        "zoom in ×16, then pan": lambda v: (v.zoom(16.0), v.pan_pixels(200, 100)),
        "zoom in ×64": lambda v: v.zoom(64.0, 900, 500),
        "zoom out ×2": lambda v: v.zoom(0.5),
    }
    times["redraw_ms"] = {name: redraw(name, move) for name, move in cases.items()}
    times["redraw_cpu_ms"] = cpu  # the map thread's CPU time: what a redraw costs on an idle core
    times["peak_rss_mb"] = _peak_mb() - baseline
    times["process_peak_rss_mb"] = _peak_mb()
    del canvas, app
    return times


def child_qgis(shp: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    app = QgsApplication([], False)
    app.initQgis()
    QgsVectorLayer(_warm_up_file(shp), "warm_up", "ogr").featureCount()
    start = time.perf_counter()
    layer = QgsVectorLayer(shp, "parcels", "ogr")
    if not layer.isValid():
        raise SystemExit(f"QGIS cannot open {shp}")
    opened = time.perf_counter() - start
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(*CANVAS))
    settings.setExtent(layer.extent())
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    total = time.perf_counter() - start
    return {"qgis_open_s": opened, "qgis_open_paint_s": total, "qgis_version": app.version()
            if hasattr(app, "version") else ""}


# -- orchestration ---------------------------------------------------------------------------
def run_child(mode: str, shp: Path) -> dict:
    python = QGIS_PYTHON if mode == "qgis" else sys.executable
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH="" if mode == "qgis" else str(ROOT))
    out = subprocess.run([python, str(Path(__file__).resolve()), "--child", mode, "--shp", str(shp)],
                         capture_output=True, text=True, env=env, timeout=3600)
    if out.returncode != 0:
        raise RuntimeError(f"{mode} child failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def qgis_available() -> str | None:
    """None when QGIS's Python bindings can be used, else why not."""
    if not Path(QGIS_PYTHON).exists():
        return f"{QGIS_PYTHON} not found"
    probe = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=""))
    return None if probe.returncode == 0 else "python3-qgis is not installed"


def measure(n: int, repeats: int, with_qgis: bool, tmp: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from layers.synthetic import parcel_grid

    shp = tmp / f"parcels_{n}.shp"
    parcel_grid(n).to_file(shp)
    parcel_grid(100).to_file(_warm_up_file(str(shp)))
    raws, apps, qgis = [], [], []
    for _ in range(repeats):  # interleaved: other load on the machine hits all sides alike
        raws.append(run_child("raw", shp))
        apps.append(run_child("app", shp))
        if with_qgis:
            qgis.append(run_child("qgis", shp))
    result = {"parcels": n,
              "raw_read_s": min(r["raw_read_s"] for r in raws),
              "gdf_mb": statistics_median([r["gdf_mb"] for r in raws]),
              "first_paint_s": min(a["first_paint_s"] for a in apps),
              "open_s": min(a["open_s"] for a in apps),
              "peak_rss_mb": min(a["peak_rss_mb"] for a in apps),
              "process_peak_rss_mb": min(a["process_peak_rss_mb"] for a in apps)}
    best = min(apps, key=lambda a: max(a["redraw_ms"].values()))
    result["redraw_ms"] = best["redraw_ms"]
    result["redraw_ms_max"] = max(best["redraw_ms"].values())
    result["redraw_cpu_ms"] = best["redraw_cpu_ms"]
    result["redraw_cpu_ms_max"] = max(best["redraw_cpu_ms"].values())
    if qgis:
        result["qgis_open_s"] = min(q["qgis_open_s"] for q in qgis)
        result["qgis_open_paint_s"] = min(q["qgis_open_paint_s"] for q in qgis)
    result["open_vs_raw"] = result["open_s"] / result["raw_read_s"]
    result["memory_vs_gdf"] = result["peak_rss_mb"] / result["gdf_mb"]
    if qgis:
        result["first_paint_vs_qgis"] = result["first_paint_s"] / result["qgis_open_paint_s"]
    shp.unlink()
    return result


def statistics_median(values):
    import statistics

    return statistics.median(values)


def report(results: list[dict], qgis_note: str | None, repeats: int) -> None:
    def ok(flag):
        return "OK" if flag else "OVER"

    load = os.getloadavg()
    print(f"canvas {CANVAS[0]}×{CANVAS[1]} offscreen; best of {repeats} interleaved runs; "
          f"load average {load[0]:.1f} on {os.cpu_count()} cores (shared machine: read the ratios)")
    if qgis_note:
        print(f"QGIS skipped: {qgis_note}")
    head = f"{'':38s}" + "".join(f"{r['parcels']:>16,}" for r in results)
    print(head)

    def row(label, key, fmt):
        print(f"{label:38s}" + "".join(f"{fmt(r[key]) if key in r else '—':>16s}" for r in results))

    row("raw pyogrio.read_dataframe (s)", "raw_read_s", lambda v: f"{v:.2f}")
    row("QGIS open + first paint (s)", "qgis_open_paint_s", lambda v: f"{v:.2f}")
    row("app first paint (s)", "first_paint_s", lambda v: f"{v:.2f}")
    row("  ÷ QGIS open + paint (≤ 0.5)", "first_paint_vs_qgis", lambda v: f"{v:.2f}× {ok(v <= 0.5)}")
    row("app full open, attributes (s)", "open_s", lambda v: f"{v:.2f}")
    row("  ÷ raw read (≤ 1.1)", "open_vs_raw", lambda v: f"{v:.2f}× {ok(v <= 1.1)}")
    row("redraw, worst case (ms, ≤ 50)", "redraw_ms_max", lambda v: f"{v:.1f} {ok(v <= 50)}")
    row("  its CPU time, worst case (ms)", "redraw_cpu_ms_max", lambda v: f"{v:.1f}")
    row("GeoDataFrame alone (MB)", "gdf_mb", lambda v: f"{v:.0f}")
    row("app layer peak memory (MB)", "peak_rss_mb", lambda v: f"{v:.0f}")
    row("  ÷ GeoDataFrame (≤ 1.5)", "memory_vs_gdf", lambda v: f"{v:.2f}× {ok(v <= 1.5)}")
    print("redraw cases (ms, median of 5; wall clock / CPU time of the map thread):")
    for name in results[0]["redraw_ms"]:
        print(f"  {name:36s}" + "".join(f"{r['redraw_ms'][name]:>9.1f} / {r['redraw_cpu_ms'][name]:4.0f}"
                                        for r in results))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 parcels only")
    parser.add_argument("--parcels", type=int, default=None, help="one size only")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    parser.add_argument("--no-qgis", action="store_true", help="skip the QGIS baseline")
    parser.add_argument("--child", choices=("raw", "app", "qgis"), help=argparse.SUPPRESS)
    parser.add_argument("--shp", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps({"raw": child_raw, "app": child_app, "qgis": child_qgis}[args.child](args.shp)))
        return 0
    sizes = [args.parcels] if args.parcels else ([20_000] if args.quick else [100_000, 1_000_000])
    qgis_note = "--no-qgis" if args.no_qgis else qgis_available()
    with tempfile.TemporaryDirectory(prefix="kcn-bench-open-") as tmp:
        results = [measure(n, args.repeats, qgis_note is None, Path(tmp)) for n in sizes]
    report(results, qgis_note, args.repeats)
    if args.json:
        top = dict(results[-1])
        top["sizes"] = {str(r["parcels"]): r for r in results}
        top["qgis_note"] = qgis_note
        top["load_average"] = os.getloadavg()[0]
        args.json.parent.mkdir(parents=True, exist_ok=True)
        tmp_json = args.json.with_suffix(args.json.suffix + ".tmp")
        tmp_json.write_text(json.dumps(top, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp_json.replace(args.json)
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
