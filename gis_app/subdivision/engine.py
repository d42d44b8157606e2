"""The subdivision engine: site → lots, roads, reserve and remainder (see the package docstring).

Tries a few grid orientations and starts, keeps the one with the most valid lot land, absorbs
leftover pieces into their neighbours, repairs road connectivity and numbers the lots.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..core.processing import Feedback
from . import blocks, frontage, roads
from .clean import clean_site, merge_slivers, union_all
from .leftovers import absorb_leftovers
from .numbering import lot_numbers, order_along_roads
from .params import SubdivisionParams
from .reserve import carve_reserve
from .site import LocalFrame, candidate_angles


@dataclass
class Layout:
    """A finished layout in the site's CRS (plain arrays; ``output.to_frames`` makes layers)."""
    lots: np.ndarray
    lot_ids: list[str]
    lot_area: np.ndarray
    lot_frontage: np.ndarray
    lot_depth: np.ndarray
    lot_road: list[str]
    roads: np.ndarray
    road_ids: list[str]
    road_kinds: list[str]
    reserve: np.ndarray
    remainder: np.ndarray
    remainder_reason: list[str]
    site: object
    access_ids: list[str]
    access_parts: np.ndarray
    seconds: float = 0.0
    info: dict = field(default_factory=dict)


FULL_TRIALS = 4  # trials laid out in full after screening (the best always ranked ≤ 4th on the suite)


@dataclass
class _Trial:
    score: float
    lots: np.ndarray
    failed: np.ndarray
    failed_reason: np.ndarray
    roads: np.ndarray
    kinds: np.ndarray
    dropped: list
    frontage: np.ndarray
    depth: np.ndarray
    road_of_lot: np.ndarray
    side: np.ndarray


def _trial(site_local, buildable_local, access_local, params, classes, plan, cand, feedback) -> _Trial:
    road_geoms, kinds = roads.road_pieces(site_local, buildable_local, plan, classes, params)
    road_geoms, kinds, dropped = roads.connect_to_access(road_geoms, kinds, access_local, site_local, params)
    feedback.check_canceled()
    geoms, row, pos, side, whole, box = cand.geoms, cand.row, cand.pos, cand.front, cand.whole, cand.box
    connectors = road_geoms[kinds == "connector"]
    if len(connectors):  # connectors run through lot rows: cut them out of the lots
        net = shapely.union_all(connectors)
        shapely.prepare(net)
        cut = shapely.intersects(geoms, net) & ~shapely.touches(geoms, net)
        if cut.any():
            geoms = geoms.copy()
            geoms[cut] = shapely.difference(geoms[cut], net)
            parts, idx = shapely.get_parts(geoms, return_index=True)
            keep = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 1e-6)
            whole = whole & ~cut
            geoms, row, pos, side = parts[keep], row[idx[keep]], pos[idx[keep]], side[idx[keep]]
            whole, box = whole[idx[keep]], box[idx[keep]]
    priority = np.array([frontage.PRIORITY[k] for k in kinds] + [frontage.PRIORITY["access"]] * len(access_local))
    zones = frontage.front_zones(road_geoms, access_local, params.tolerance)
    front, depth, road = _measure_fast(geoms, side, whole, box, road_geoms, kinds, zones, priority, params)
    area = shapely.area(geoms)
    reason = frontage.rule_failures(area, front, depth, params)
    feedback.check_canceled()
    geoms, front, depth, road, reason = absorb_leftovers(geoms, row, pos, front, depth, road, reason,
                                                         zones, priority, params)
    ok = reason == ""
    if not ok.any() and len(road_geoms):  # no lot fits: new roads would serve nothing
        unused = [("unused_road", g) for g in road_geoms]
        road_geoms, kinds = road_geoms[:0], kinds[:0]
        dropped = dropped + unused
    return _Trial(float(shapely.area(geoms[ok]).sum()), geoms[ok], geoms[~ok & (reason != "absorbed")],
                  reason[~ok & (reason != "absorbed")], road_geoms, kinds, dropped, front[ok], depth[ok],
                  road[ok], side[ok])


def _measure_fast(geoms, side, whole, box, road_geoms, kinds, zones, priority, params):
    """Frontage of whole rectangles on a spine is their width (the spine runs the full length of
    their front edge, which lies inside the site); every other piece is measured geometrically."""
    n = len(geoms)
    front, depth, road = np.zeros(n), np.zeros(n), np.full(n, -1)
    fast = np.zeros(n, bool)
    if len(road_geoms) and whole.any():
        idx = np.flatnonzero(whole)
        b = box[idx]
        probe_y = np.where(side[idx] < 0, b[:, 1] - 1e-3, b[:, 3] + 1e-3)
        probes = shapely.points((b[:, 0] + b[:, 2]) / 2, probe_y)
        pi, ri = shapely.STRtree(road_geoms).query(probes, predicate="intersects")
        spine = np.asarray(kinds)[ri] == "spine"
        pi, ri = pi[spine], ri[spine]
        hit = idx[pi]
        fast[hit] = True
        front[hit] = box[hit, 2] - box[hit, 0]
        depth[hit] = box[hit, 3] - box[hit, 1]
        road[hit] = ri
    rest = np.flatnonzero(~fast)
    if len(rest):
        front[rest], depth[rest], road[rest] = frontage.measure(geoms[rest], zones, priority, params)
    return front, depth, road


def subdivide(site_polygon, access_ids, access_parts, params: SubdivisionParams,
              feedback: Feedback | None = None) -> Layout:
    """Lay out lots and roads on ``site_polygon`` (projected, metres).

    A site in several pieces (e.g. a zone's scattered vacant parcels) is laid out piece by piece,
    each with its own grid; the reserve goes into the largest piece.
    """
    feedback = feedback or Feedback()
    started = time.perf_counter()
    site_polygon = clean_site(site_polygon)
    access_parts = np.asarray(access_parts, dtype=object)
    pieces = [g for g in shapely.get_parts(site_polygon) if shapely.get_type_id(g) == 3]
    xy = shapely.get_coordinates(shapely.centroid(np.asarray(pieces, dtype=object)))
    pieces = [pieces[i] for i in np.lexsort((np.round(xy[:, 0], 3), -np.round(xy[:, 1], 3)))]  # north first
    largest = int(np.argmax([g.area for g in pieces]))
    reserve_m2 = params.hightech_share * site_polygon.area
    if reserve_m2 > 0 and len(pieces) > 1 and reserve_m2 >= pieces[largest].area:
        from ..core.errors import InputError
        from ..core.i18n import t

        raise InputError(t("không mảnh đất nào đủ lớn cho khối dự trữ liền mạch",
                           "no piece of the site is large enough for one contiguous reserve block"),
                         "--hightech-share")
    done = []
    for k, piece in enumerate(pieces):
        span = (100.0 * k / len(pieces), 100.0 * (k + 1) / len(pieces))
        done.append(_layout_piece(piece, access_parts, params, reserve_m2 if k == largest else 0.0,
                                  feedback, span))
    road_ids, road_kinds, lot_road = [], [], []
    for part in done:
        offset = len(road_ids)
        n = len(part["roads"])
        road_ids.extend(f"R-{offset + i + 1:02d}" for i in range(n))
        road_kinds.extend(part["kinds"].tolist())
        lot_road.extend(road_ids[offset + r] if r < n else access_ids[r - n] for r in part["road_of_lot"])
    cat = lambda key: np.concatenate([np.asarray(p[key], dtype=object) for p in done])  # noqa: E731
    # no degenerate piece: slivers (clipping leftovers of under 1 m²) join their neighbour
    pieces, kept = merge_slivers({"lots": cat("lots"), "roads": cat("roads"), "reserve": cat("reserve"),
                                  "remainder": cat("remainder")}, prefer=("remainder", "roads", "lots"))
    lots, keep_lot, keep_road = pieces["lots"], kept["lots"], kept["roads"]
    feedback.progress(100.0)
    return Layout(
        lots=lots, lot_ids=lot_numbers(len(lots)), lot_area=shapely.area(lots),
        lot_frontage=np.concatenate([p["frontage"] for p in done])[keep_lot],
        lot_depth=np.concatenate([p["depth"] for p in done])[keep_lot],
        lot_road=[r for r, k in zip(lot_road, keep_lot) if k],
        roads=pieces["roads"], road_ids=[r for r, k in zip(road_ids, keep_road) if k],
        road_kinds=[r for r, k in zip(road_kinds, keep_road) if k], reserve=pieces["reserve"],
        remainder=pieces["remainder"],
        remainder_reason=[r for r, k in zip([r for p in done for r in p["reasons"]], kept["remainder"]) if k],
        site=site_polygon,
        access_ids=list(access_ids), access_parts=access_parts, seconds=time.perf_counter() - started,
        info={"angle_deg": done[largest]["angle_deg"], "pieces": len(pieces),
              "trials": sum(p["trials"] for p in done)})


def _layout_piece(piece, access_parts, params, reserve_m2, feedback, span) -> dict:
    """The best of the trial layouts of one polygon, back in world coordinates."""
    classes = params.lot_classes()
    angles = candidate_angles(piece, access_parts[shapely.dwithin(access_parts, piece, 1.0)]
                              if len(access_parts) else access_parts)
    origin = shapely.centroid(piece).coords[0]
    trials = [(a, s) for a in angles for s in roads.STARTS]
    # screen every trial by the land of its candidate lots big enough to be lots (cheap), then
    # lay out roads and measure frontage for the most promising few only
    screened = []
    for i, (angle, start) in enumerate(trials):
        feedback.check_canceled()
        frame = LocalFrame(angle, origin)
        site_local = frame.to_local(piece)
        green = shapely.buffer(site_local, -params.green_buffer) if params.green_buffer > 0 else site_local
        # a millimetre² over the target so that rounding in the turn back never leaves it short
        reserve_local, rest = carve_reserve(green, reserve_m2 + 1e-3 if reserve_m2 > 0 else 0.0)
        rest = shapely.make_valid(rest)
        road_land = shapely.difference(site_local, reserve_local) if not reserve_local.is_empty else site_local
        plan = roads.plan_bands(rest, params, classes, start)
        cand = blocks.lot_candidates(rest, rest.bounds, plan, classes, params)
        area = shapely.area(cand.geoms)
        screened.append((float(area[area >= params.min_lot - 1e-9].sum()), i, frame, road_land, rest,
                         reserve_local, plan, cand))
        feedback.progress(span[0] + (span[1] - span[0]) * 0.4 * (i + 1) / len(trials))
    finalists = sorted(screened, key=lambda c: (-round(c[0], 3), c[1]))[:FULL_TRIALS]
    best = None
    for j, (_, i, frame, road_land, rest, reserve_local, plan, cand) in enumerate(sorted(finalists,
                                                                                       key=lambda c: c[1])):
        access_local = frame.to_local(access_parts)
        trial = _trial(road_land, rest, access_local, params, classes, plan, cand, feedback)
        if best is None or trial.score > best[0].score + 1e-6:
            best = (trial, frame, reserve_local)
        feedback.progress(span[0] + (span[1] - span[0]) * (0.4 + 0.5 * (j + 1) / len(finalists)))
    trial, frame, reserve_local = best
    # number along roads: road rank, side, position along the local x (or y for cross roads)
    centroids = shapely.get_coordinates(shapely.centroid(trial.lots)) if len(trial.lots) else np.zeros((0, 2))
    kinds_all = np.concatenate([trial.kinds, np.array(["access"] * len(access_parts))])
    along = np.where(np.isin(kinds_all[trial.road_of_lot], ["cross"]), centroids[:, 1], centroids[:, 0]) \
        if len(trial.lots) else np.zeros(0)
    order = order_along_roads(trial.road_of_lot, trial.side, along)
    lots_world = frame.to_world(trial.lots[order])
    roads_world = frame.to_world(trial.roads)
    reserve_world = frame.to_world(np.asarray([reserve_local], dtype=object)) if not reserve_local.is_empty \
        else np.zeros(0, dtype=object)
    remainder, reasons = _remainder(piece, lots_world, roads_world, reserve_world, frame, trial, params)
    feedback.progress(span[1])
    return {"lots": lots_world, "frontage": trial.frontage[order], "depth": trial.depth[order],
            "road_of_lot": trial.road_of_lot[order].tolist(), "roads": roads_world, "kinds": np.asarray(trial.kinds),
            "reserve": reserve_world, "remainder": remainder, "reasons": reasons,
            "angle_deg": float(np.degrees(frame.angle)), "trials": len(trials)}


def _remainder(site, lots, road_geoms, reserve, frame, trial, params):
    """Site minus everything placed, in pieces, each with the reason it is not a lot."""
    placed = union_all(np.concatenate([lots, road_geoms, reserve]))
    rest = shapely.difference(site, placed)
    parts = shapely.get_parts(rest)
    parts = parts[shapely.get_type_id(parts) == 3]
    parts = parts[shapely.area(parts) > 1e-7]
    if not len(parts):
        return np.zeros(0, dtype=object), []
    tagged, labels = [], []
    if params.green_buffer > 0:
        inner = shapely.buffer(site, -params.green_buffer)
        tagged.append(shapely.difference(site, inner))
        labels.append("green_buffer")
    if trial.dropped:
        pairs = [d if isinstance(d, tuple) else ("no_access", d) for d in trial.dropped]
        tagged.extend(frame.to_world(np.asarray([g for _, g in pairs], dtype=object)).tolist())
        labels.extend(label for label, _ in pairs)
    if len(trial.failed):
        tagged.extend(frame.to_world(trial.failed).tolist())
        labels.extend(trial.failed_reason.tolist())
    reasons = np.full(len(parts), "leftover", dtype=object)
    if tagged:
        tree = shapely.STRtree(np.asarray(tagged, dtype=object))
        pi, ti = tree.query(shapely.point_on_surface(parts), predicate="intersects")
        first = np.unique(pi, return_index=True)[1]
        reasons[pi[first]] = np.asarray(labels, dtype=object)[ti[first]]
    return parts, reasons.tolist()
