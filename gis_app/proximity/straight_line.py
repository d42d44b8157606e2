"""Minutes to the nearest plant along a straight line, inflated by a detour factor."""
from __future__ import annotations

import numpy as np
import shapely


def straight_line_minutes(sites, plants, speed_kmh: float, detour: float):
    """For each site geometry: (minutes, index of the nearest plant). Vectorised (STRtree)."""
    tree = shapely.STRtree(plants)
    (site_idx, plant_idx), distance = tree.query_nearest(sites, return_distance=True, all_matches=False)
    minutes = np.full(len(sites), np.nan)
    nearest = np.full(len(sites), -1)
    minutes[site_idx] = distance * detour / 1000.0 / speed_kmh * 60.0
    nearest[site_idx] = plant_idx
    return minutes, nearest
