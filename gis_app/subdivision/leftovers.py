"""Leftover pieces (clipped lots that break a rule) go to a neighbour in the same row when the
widened lot still keeps every rule and stays nearly rectangular; otherwise they stay remainder."""
from __future__ import annotations

import numpy as np
import shapely

from . import frontage

MIN_MERGED_RECTANGULARITY = 0.9


def absorb_leftovers(geoms, row, pos, front, depth, road, reason, zones, priority, params):
    geoms, front, depth, road = geoms.copy(), front.copy(), depth.copy(), road.copy()
    reason = reason.copy()
    order = np.lexsort((pos, row))
    for step in (1, -1):  # a lot takes the failed piece on its right, then on its left
        # pairs (receiver, piece) adjacent in the sorted order and in the same row
        if step == 1:
            recv, piece = order[:-1], order[1:]
        else:
            recv, piece = order[1:], order[:-1]
        sel = (row[recv] == row[piece]) & (reason[recv] == "") & \
            (reason[piece] != "") & (reason[piece] != "absorbed")
        recv, piece = recv[sel], piece[sel]
        if not len(recv):
            continue
        # a receiver takes at most one piece per pass
        _, first = np.unique(recv, return_index=True)
        recv, piece = recv[first], piece[first]
        touch = shapely.dwithin(geoms[recv], geoms[piece], 1e-6)
        recv, piece = recv[touch], piece[touch]
        merged = shapely.union(geoms[recv], geoms[piece])
        single = shapely.get_type_id(merged) == 3
        f, d, r = frontage.measure(merged, zones, priority, params)
        why = frontage.rule_failures(shapely.area(merged), f, d, params)
        ok = single & (why == "") & (frontage.rectangularity(merged) >= MIN_MERGED_RECTANGULARITY)
        recv, piece, merged = recv[ok], piece[ok], merged[ok]
        geoms[recv] = merged
        front[recv], depth[recv], road[recv] = f[ok], d[ok], r[ok]
        reason[piece] = "absorbed"
    return geoms, front, depth, road, reason
