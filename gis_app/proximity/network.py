"""Minutes to the nearest plant over a road network (multi-source Dijkstra).

The road lines are noded (split where they cross), every vertex becomes a graph node, every segment
an edge timed at the network speed. Sites and plants join the network at their nearest vertex,
timed at the (slower) access speed. One Dijkstra run from all plants at once gives every node its
nearest plant.
"""
from __future__ import annotations

import heapq

import numpy as np
import shapely

SNAP_DECIMALS = 2  # vertices closer than 1 cm are the same node


def build_graph(lines):
    """Nodes (N×2 array) and a CSR-like adjacency (offsets, targets, lengths) from line geometries."""
    noded = shapely.union_all(np.asarray(lines, dtype=object))
    parts = shapely.get_parts(shapely.line_merge(noded) if noded.geom_type != "LineString" else noded)
    coords, part_index = shapely.get_coordinates(parts, return_index=True)
    coords = np.round(coords, SNAP_DECIMALS)
    nodes, node_of = np.unique(coords, axis=0, return_inverse=True)
    node_of = node_of.ravel()
    same_part = part_index[1:] == part_index[:-1]
    a, b = node_of[:-1][same_part], node_of[1:][same_part]
    keep = a != b
    a, b = a[keep], b[keep]
    length = np.hypot(*(nodes[a] - nodes[b]).T)
    src = np.concatenate([a, b])
    dst = np.concatenate([b, a])
    w = np.concatenate([length, length])
    order = np.argsort(src, kind="stable")
    src, dst, w = src[order], dst[order], w[order]
    offsets = np.searchsorted(src, np.arange(len(nodes) + 1))
    return nodes, offsets, dst, w


def _nearest_vertex(nodes, geometries):
    """Index of the graph node nearest to each geometry, and the distance to it."""
    tree = shapely.STRtree(shapely.points(nodes))
    (geom_idx, node_idx), dist = tree.query_nearest(geometries, return_distance=True, all_matches=False)
    nearest = np.full(len(geometries), -1)
    distance = np.full(len(geometries), np.inf)
    nearest[geom_idx], distance[geom_idx] = node_idx, dist
    return nearest, distance


def network_minutes(sites, plants, roads, speed_kmh: float, access_speed_kmh: float):
    """For each site: (minutes, index of the nearest plant) over the network."""
    nodes, offsets, targets, lengths = build_graph(roads)
    m_per_min = speed_kmh * 1000.0 / 60.0
    access_m_per_min = access_speed_kmh * 1000.0 / 60.0
    plant_node, plant_gap = _nearest_vertex(nodes, plants)
    best = np.full(len(nodes), np.inf)
    label = np.full(len(nodes), -1)
    heap = []
    for p, (node, gap) in enumerate(zip(plant_node, plant_gap)):
        cost = gap / access_m_per_min
        if cost < best[node]:
            best[node], label[node] = cost, p
            heapq.heappush(heap, (cost, node))
    while heap:
        cost, node = heapq.heappop(heap)
        if cost > best[node]:
            continue
        for k in range(offsets[node], offsets[node + 1]):
            nxt = targets[k]
            new = cost + lengths[k] / m_per_min
            if new < best[nxt]:
                best[nxt], label[nxt] = new, label[node]
                heapq.heappush(heap, (new, nxt))
    site_node, site_gap = _nearest_vertex(nodes, sites)
    minutes = best[site_node] + site_gap / access_m_per_min
    nearest = label[site_node]
    # A plant right next to the site is reached directly, not via the network.
    direct_tree = shapely.STRtree(plants)
    (si, pi), direct = direct_tree.query_nearest(sites, return_distance=True, all_matches=False)
    direct_minutes = direct / access_m_per_min
    shorter = direct_minutes < minutes[si]
    minutes[si[shorter]] = direct_minutes[shorter]
    nearest[si[shorter]] = pi[shorter]
    return minutes, nearest
