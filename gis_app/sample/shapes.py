"""Irregular zone outlines: smooth random star-convex polygons scaled to an exact area.

The radius is 1 plus a few random low-frequency harmonics, so the outline is smooth and, as the
radius stays positive, star-convex (always a valid simple polygon). Scaling by sqrt(target/area)
hits the target area exactly (area is quadratic in scale).
"""
from __future__ import annotations

import numpy as np
import shapely

VERTICES = 72


def irregular_outline(rng: np.random.Generator, area_m2: float, cx: float, cy: float,
                      wiggle: float = 0.18, elongation: tuple[float, float] = (1.0, 1.6)) -> shapely.Polygon:
    """A smooth irregular polygon of ``area_m2`` centred on (cx, cy)."""
    theta = np.linspace(0.0, 2.0 * np.pi, VERTICES, endpoint=False)
    radius = np.ones(VERTICES)
    for harmonic in (2, 3, 4, 5):
        amplitude = rng.uniform(0.0, wiggle) / (harmonic - 1)
        radius += amplitude * np.cos(harmonic * theta + rng.uniform(0.0, 2.0 * np.pi))
    radius = np.maximum(radius, 0.35)
    stretch = rng.uniform(*elongation)
    x, y = radius * np.cos(theta) * stretch, radius * np.sin(theta) / stretch
    turn = rng.uniform(0.0, np.pi)
    xr = x * np.cos(turn) - y * np.sin(turn)
    yr = x * np.sin(turn) + y * np.cos(turn)
    unit = shapely.Polygon(np.column_stack([xr, yr]))
    scale = np.sqrt(area_m2 / unit.area)
    coords = np.column_stack([xr * scale + cx, yr * scale + cy])
    return shapely.Polygon(coords)


def equivalent_radius(area_m2: float) -> float:
    return float(np.sqrt(area_m2 / np.pi))
