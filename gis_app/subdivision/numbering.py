"""Lot numbers CN-01, CN-02, … in order along each road (roads in layout order, then the access)."""
from __future__ import annotations

import numpy as np


def lot_numbers(count: int, prefix: str = "CN") -> list[str]:
    # CN-01 … CN-99, CN-100 …: at least two digits, as planners write them
    return [f"{prefix}-{i + 1:02d}" for i in range(count)]


def order_along_roads(road_rank, side, along) -> np.ndarray:
    """Order lots by their road's rank, then side of the road, then position along it."""
    return np.lexsort((np.round(np.asarray(along, float), 3), np.asarray(side), np.asarray(road_rank)))
