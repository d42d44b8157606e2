"""A site outline with tens of thousands of vertices is thinned below the engine's tolerance."""
from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import shapely


def dense_outline(side_m: float, per_edge: int, origin=(586_000.0, 2_316_000.0)):
    """A square site whose edges are digitised with ``per_edge`` vertices each, jittered by ±4 mm
    (a surveyed outline: many vertices, no shape the layout could use)."""
    rng = np.random.default_rng(5)
    t = np.linspace(0, 1, per_edge, endpoint=False)
    x0, y0 = origin
    edges = [np.column_stack([x0 + side_m * t, np.full_like(t, y0)]),
             np.column_stack([np.full_like(t, x0 + side_m), y0 + side_m * t]),
             np.column_stack([x0 + side_m * (1 - t), np.full_like(t, y0 + side_m)]),
             np.column_stack([np.full_like(t, x0), y0 + side_m * (1 - t)])]
    ring = np.concatenate(edges)
    ring[1:] += rng.uniform(-0.004, 0.004, ring[1:].shape) * (np.arange(1, len(ring))[:, None] % per_edge != 0)
    return shapely.Polygon(ring)


def test_dense_outline_is_thinned_and_gives_the_lots_of_the_plain_outline(tmp_path):
    from gis_app.core.processing import registry
    from gis_app.subdivision.outline import MAX_VERTICES

    dense = dense_outline(400.0, 6_000)  # 16 ha, 24,000 vertices
    assert shapely.get_num_coordinates(dense) > MAX_VERTICES
    plain = shapely.box(*dense.bounds)
    results = {}
    for name, polygon in (("dense", dense), ("plain", plain)):
        site = tmp_path / f"{name}.gpkg"
        gpd.GeoDataFrame(geometry=[polygon], crs=9209).to_file(site)
        out = registry().get("subdivide").run({"site": str(site), "out": str(tmp_path / f"{name}_lots.gpkg"),
                                               "json": str(tmp_path / f"{name}.json")})
        results[name] = (out, json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8")))
    (dense_out, dense_metrics), (_, plain_metrics) = results["dense"], results["plain"]
    note = dense_metrics["site_outline_simplified"]
    assert note["vertices_in"] == 24_001 and note["vertices_used"] < 100 and note["tolerance_m"] == 0.025
    assert "24,000" in dense_out["summary"] or "24.001" in dense_out["summary"] or "24,001" in dense_out["summary"]
    assert "site_outline_simplified" not in plain_metrics
    # The same layout as on the clean outline: same lots, areas within the 4 mm of jitter.
    assert dense_metrics["lots"] == plain_metrics["lots"] > 0
    lots_dense = gpd.read_file(tmp_path / "dense_lots.gpkg", layer="lots")
    lots_plain = gpd.read_file(tmp_path / "plain_lots.gpkg", layer="lots")
    assert np.allclose(np.sort(lots_dense.area), np.sort(lots_plain.area), atol=2.0)
