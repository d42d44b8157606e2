"""Benchmark: one attribute edit and one vertex move on a 100,000-parcel project, through the model.

    .venv/bin/python bench/bench_edit.py            # 100 zones, 100,000 parcels
    .venv/bin/python bench/bench_edit.py --quick    # 20 zones, 20,000 parcels

Each edit is timed end to end as the desktop does it: the model's command (checks, undo record,
event), the zone figures (``Project.zone_figures``: only the touched zone is recomputed), and the
map (the layer models refreshed as ``gis_app/shell/model_bridge.py`` does, then one offscreen render
of a 1366×768 view on the edited zone). The baseline, measured in the same run, is a full
recomputation of the zone figures (``rules.figures.zone_figures`` on the whole project). Target:
each edit ≤ 50 ms, i.e. a small fraction of the full recomputation.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zones", type=int, default=100, help="zones of 1,000 parcels each (default 100)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="20 zones / 20,000 parcels")
    args = parser.parse_args()
    if args.quick:
        args.zones = min(args.zones, 20)

    import numpy as np
    import shapely
    from PySide6.QtGui import QGuiApplication

    from bench_check import synthetic_project
    from gis_app.rules.figures import zone_figures
    from gis_app.shell.renderer import Renderer
    from layers.project_layers import display_frame, layers_from_project
    from layers.viewport import Viewport

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QImage/QPainter need it)
    start = time.perf_counter()
    project = synthetic_project(args.zones)
    project.undo_stack.clear()
    print(f"project: {len(project.zones):,} zones, {len(project.parcels):,} parcels "
          f"(built in {time.perf_counter() - start:.1f} s)")
    layers = layers_from_project(project)
    renderer = Renderer()
    zone_id = str(project.zones["zone_id"].iloc[len(project.zones) // 2])
    zone_geom = project.zones.set_index("zone_id").loc[zone_id, "geometry"]
    view = Viewport(width=1366, height=768)
    view.fit(zone_geom.bounds)
    renderer.render(layers, view)  # warm caches as an open window has them
    project.zone_figures()

    def refresh_map(layer_name: str, geometry_changed: bool):
        """What the shell's model bridge does after an event, then one repaint."""
        layers[layer_name].set_frame(display_frame(project, layer_name), geometry_changed=geometry_changed)
        layers["zones"].set_frame(display_frame(project, "zones"), geometry_changed=False)
        renderer.render(layers, view)

    baseline = best_of(lambda: zone_figures(project, project.ruleset()), max(1, args.repeat // 2))

    parcels = project.frame("parcels")
    in_zone = parcels[(parcels["zone_id"] == zone_id) & (parcels["landuse"] == "industrial")]
    parcel_id = str(in_zone["parcel_id"].iloc[0])
    statuses = iter(["leased", "vacant"] * args.repeat)

    def attribute_edit():
        project.set_attributes("parcels", [parcel_id], {"status": next(statuses)})
        project.zone_figures()
        refresh_map("parcels", geometry_changed=False)

    shape = in_zone.geometry.iloc[0]
    coords = np.asarray(shape.exterior.coords)
    offsets = iter([1.0, -1.0] * args.repeat)

    def vertex_move():
        moved = coords.copy()
        moved[[0, -1]] += next(offsets)  # the first (= closing) vertex, one metre
        project.set_geometry("parcels", parcel_id, shapely.Polygon(moved))
        project.zone_figures()
        refresh_map("parcels", geometry_changed=True)

    t_attr = best_of(attribute_edit, args.repeat)
    t_vertex = best_of(vertex_move, args.repeat)
    full = zone_figures(project, project.ruleset())
    assert np.allclose(project.zone_figures()["fill_rate"].to_numpy(dtype=float),
                       full["fill_rate"].to_numpy(dtype=float), equal_nan=True), "incremental figures drifted"
    print(f"baseline: full recomputation of the zone figures: {baseline * 1000:.0f} ms")
    print(f"attribute edit (model + zone figures + map): {t_attr * 1000:.0f} ms  "
          f"ratio {t_attr / baseline:.3f}  target ≤ 50 ms: {'ok' if t_attr <= 0.05 else 'MISSED'}")
    print(f"vertex move    (model + zone figures + map): {t_vertex * 1000:.0f} ms  "
          f"ratio {t_vertex / baseline:.3f}  target ≤ 50 ms: {'ok' if t_vertex <= 0.05 else 'MISSED'}")


if __name__ == "__main__":
    main()
