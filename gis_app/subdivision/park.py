"""Whole-park layouts (presets ``kcn`` and ``ccn``): a road hierarchy from the entrances, the
boundary green strip, parks, a wastewater plant with its green belt, services by the entrance, a
high-tech reserve, a CNHT subzone of SME lots and factory lots by a lot mix.

Figures and their sources (see also ``docs/guide/subdivision.md``):
- QCVN 01:2021/BXD §2.5 (DOMAIN.md): roads ≥ 10 %, green ≥ 10 %, technical ≥ 1 % of the park; a green
  isolation strip ≥ 10 m along the boundary; water ≥ 20 m³/ha/day, wastewater ≥ 80 % of it; a
  wastewater plant ≤ 0.2 ha per 1,000 m³/day with a ≥ 10 m green belt.
- Decree 35/2022/NĐ-CP: services and utilities ≤ 10 % of a KCN.
- Approved plans (DOMAIN.md, five recent KCN/CCN): factory 60–70 %, roads 10–14 % (KCN) / 16–18 %
  (small CCN), green 10.5–12 %, technical 1–2.5 %, services 2–4 %; main roads 32–38 m, secondary
  24 m, internal 15–17 m; factory lots 0.5–4 ha and more.
- Seed 003 Part II, II.3 (R1, R4): a new general KCN reserves 20 % of its industrial land for
  high tech; CNHT SME lots from 500 m².

Everything is laid out in a local frame whose x axis runs along the site edge at the first
entrance and whose y axis points into the site; the main road runs from the entrance along y.
Blocks between roads are cut across their length (bisection on area) for services, technical land,
parks and the reserve, so each piece keeps its road frontage.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace

import numpy as np
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from ..core.processing import Feedback
from . import frontage
from .clean import clean_site, merge_slivers, polygon_parts, union_all
from .leftovers import absorb_leftovers
from .numbering import lot_numbers
from .params import SubdivisionParams
from .roads import components
from .site import LocalFrame

PRESETS = ("kcn", "ccn", "cnht")
FACTORY_SHARE_GUESS = 0.66  # factory land / site in approved plans (60–70 %), to size the reserve and plant


@dataclass(frozen=True)
class ParkParams:
    """The parameters of a whole-park layout; ``preset_params`` gives the defaults of each preset.

    Widths and lengths in metres, shares are fractions of the site, the lot mix is
    ((low m², high m², share of factory land), …).
    """
    preset: str = "kcn"
    main_road_width: float = 34.0  # approved plans: 32–38 m
    secondary_road_width: float = 24.0  # about 24 m
    internal_road_width: float = 16.0  # 15–17 m
    block_length: float = 250.0  # blocks 150–250 m between cross roads
    road_target: float = 0.11  # approved KCN plans 10–14 % (small CCN 16–18 %)
    lot_depth: float = 140.0  # depth of a factory lot row (two rows back to back per band)
    min_lot_depth: float = 60.0
    corner_radius: float = 12.0  # kerb radius at intersections
    green_strip: float = 10.0  # QCVN 01:2021 §2.5: isolation strip ≥ 10 m
    green_target: float = 0.113  # planted green, approved plans 10.5–12 %
    water_target: float = 0.03  # water surface (regulating ponds), approved plans 2–4.5 %
    technical_target: float = 0.013  # carved: ≥ 1 %, approved 1–2.5 %
    technical_max: float = 0.023  # odd pieces on a road become technical land up to this share
    services_target: float = 0.038  # ≤ 10 % (Decree 35/2022), approved 2–4 %
    water_m3_ha_day: float = 20.0  # QCVN 01:2021: ≥ 20 m³/ha/day of industrial land
    wastewater_share: float = 0.8  # ≥ 80 % of the water supply
    wwtp_ha_per_1000_m3: float = 0.2  # ≤ 0.2 ha per 1,000 m³/day
    wwtp_belt: float = 10.0  # green belt ≥ 10 m around the plant
    hightech_share: float = 0.2  # of the industrial land (seed 003 R1, new general KCN)
    cnht_share: float = 0.1  # of the industrial land, in SME lots
    sme_lot: float = 500.0  # seed 003 R4
    sme_mix: tuple = ((500.0, 1000.0, 0.4), (1000.0, 3000.0, 0.6))  # SME lots "from 500 m²" upward
    min_lot: float = 5000.0  # factory lots from about 0.5 ha
    lot_mix: tuple = ((20000.0, 40000.0, 0.35), (8000.0, 20000.0, 0.65))
    frontage_large: float = 20.0
    max_depth_ratio: float = 3.0
    wwtp_at: tuple | None = None  # (x, y) in the site CRS; default the edge farthest from the entrance
    tolerance: float = 0.05

    def lot_params(self) -> SubdivisionParams:
        return SubdivisionParams(min_lot=self.min_lot, frontage=self.frontage_large,
                                 frontage_large=self.frontage_large, max_depth_ratio=self.max_depth_ratio,
                                 road_width=self.internal_road_width, tolerance=self.tolerance)

    def sme_params(self) -> SubdivisionParams:
        return SubdivisionParams(min_lot=self.sme_lot, lot_mix=self.sme_mix, road_width=self.internal_road_width,
                                 tolerance=self.tolerance)


def preset_params(preset: str, **overrides) -> ParkParams:
    """Defaults of ``kcn`` (industrial park) or ``ccn`` (small industrial cluster, Decree 32/2024:
    10–75 ha; smaller lots, so roads take 16–18 % in approved plans). None values are ignored."""
    if preset not in ("kcn", "ccn"):
        raise InputError(t("mẫu bố cục phải là kcn, ccn hoặc cnht", "the preset must be kcn, ccn or cnht"),
                         "--preset")
    base = ParkParams(preset=preset)
    if preset == "ccn":
        base = replace(base, road_target=0.17, main_road_width=32.0, secondary_road_width=24.0, internal_road_width=16.0,
                       lot_depth=75.0, min_lot_depth=40.0, hightech_share=0.0, cnht_share=0.2,
                       min_lot=1000.0, lot_mix=((5000.0, 10000.0, 0.4), (2000.0, 5000.0, 0.6)))
    return replace(base, **{k: v for k, v in overrides.items() if v is not None})


def wwtp_plot_m2(industrial_m2: float, p: ParkParams) -> float:
    """Land of the central wastewater plant (m², without its belt) for ``industrial_m2`` of factory
    land: water 20 m³/ha/day, wastewater 80 % of it, 0.2 ha per 1,000 m³/day (QCVN 01:2021 §2.5)."""
    wastewater = industrial_m2 / 1e4 * p.water_m3_ha_day * p.wastewater_share
    return wastewater / 1000.0 * p.wwtp_ha_per_1000_m3 * 1e4


@dataclass
class ParkLayout:
    """A whole-park layout in the site's CRS. ``groups``: name → (geoms, attribute columns)."""
    site: object
    lots: np.ndarray
    lot_ids: list
    lot_use: list
    lot_frontage: np.ndarray
    lot_depth: np.ndarray
    lot_road: list
    roads: np.ndarray
    road_ids: list
    road_kinds: list
    road_widths: list
    reserve: np.ndarray
    green: np.ndarray
    green_kinds: list
    technical: np.ndarray
    technical_kinds: list
    services: np.ndarray
    remainder: np.ndarray
    remainder_reason: list
    access_ids: list
    access_parts: np.ndarray
    entrances: np.ndarray
    seconds: float = 0.0
    info: dict = field(default_factory=dict)

    @property
    def lot_area(self):
        return shapely.area(self.lots) if len(self.lots) else np.zeros(0)


# -- cutting a piece of a given area off a polygon ------------------------------------------------
def _cut(poly, axis: int, from_low: bool, pos: float):
    xmin, ymin, xmax, ymax = poly.bounds
    if axis == 0:
        box = shapely.box(xmin - 1, ymin - 1, pos, ymax + 1) if from_low else shapely.box(pos, ymin - 1, xmax + 1,
                                                                                         ymax + 1)
    else:
        box = shapely.box(xmin - 1, ymin - 1, xmax + 1, pos) if from_low else shapely.box(xmin - 1, pos, xmax + 1,
                                                                                         ymax + 1)
    return shapely.intersection(poly, box)


def carve(poly, target_m2: float, from_low: bool, measure=None, axis: int = 0):
    """(piece, rest): cut ``poly`` across ``axis`` from one end so that ``measure(piece)`` (default
    its area) reaches ``target_m2``; the whole polygon when it is not enough. Bisection, 40 steps."""
    measure = measure or (lambda g: g.area)
    if measure(poly) <= target_m2:
        return poly, shapely.Polygon()
    lo, hi = poly.bounds[axis], poly.bounds[axis + 2]
    for _ in range(40):
        mid = (lo + hi) / 2
        if (measure(_cut(poly, axis, from_low, mid)) < target_m2) == from_low:
            lo = mid
        else:
            hi = mid
    pos = hi if from_low else lo
    # the rest is cut with the complementary box: a difference would leave round-off spikes
    return _cut(poly, axis, from_low, pos), _cut(poly, axis, not from_low, pos)


def _take(block, need: float, from_low: bool, p: ParkParams):
    """``carve`` that takes the whole block rather than leave a rest too small for two factory
    lots (such a rest would end up as leftover green)."""
    piece, rest = carve(block, need, from_low)
    if 0 < rest.area < 2 * p.min_lot:
        return block, shapely.Polygon()
    return piece, rest


# -- the road grid --------------------------------------------------------------------------------
def _band_plan(y0: float, y1: float, p: ParkParams, top_road: bool = False, cross_target_m: float | None = None):
    """(roads [(ya, yb, kind, width)], bands [(ya, yb, has_road_below, has_road_above)]).

    Roads across the main road alternate secondary and internal, the first one either. Their number
    n keeps the row depth between ``min_lot_depth`` and 2 × ``lot_depth``; among those, the total
    width of the cross roads comes nearest ``cross_target_m`` (what the road share target leaves
    them), else the row depth nearest ``lot_depth``."""
    H = y1 - y0 - (p.secondary_road_width if top_road else 0.0)
    best = None
    for n in range(0, 60):
        deepest = 0.0
        for start in (0, 1):  # the first cross road secondary, or internal (a finer step of road land)
            kinds = ["secondary" if (k + start) % 2 == 0 else "internal" for k in range(n)]
            widths = [p.secondary_road_width if k == "secondary" else p.internal_road_width for k in kinds]
            rows = 2 * n + (1 if top_road else 0) if n else (2 if top_road else 1)
            D = (H - sum(widths)) / rows
            deepest = max(deepest, D)
            if D < p.min_lot_depth and n:
                continue
            score = abs(D - p.lot_depth)
            if cross_target_m is not None:
                score = abs(sum(widths) - cross_target_m) + (1e6 if D > 2.0 * p.lot_depth else 0.0)
            if best is None or score < best[0]:
                best = (score, n, kinds, widths, D)
        if deepest < p.min_lot_depth and n:
            break
    _, n, kinds, widths, D = best
    roads, bands, y = [], [], y0
    for k in range(n):
        top = y + (D if k == 0 else 2 * D)
        bands.append((y, top, k > 0, True))
        roads.append((top, top + widths[k], kinds[k], widths[k]))
        y = top + widths[k]
    if top_road:
        top = y1 - p.secondary_road_width
        bands.append((y, top, n > 0, True))
        roads.append((top, y1, "secondary", p.secondary_road_width))
    else:
        bands.append((y, y1, n > 0, False))
    return roads, bands


def _cross_positions(x_from: float, x_to: float, p: ParkParams):
    """x ranges of the internal roads between x_from and x_to (blocks ≤ block_length)."""
    span = abs(x_to - x_from)
    W = p.internal_road_width
    nb = max(1, math.ceil((span + W) / (p.block_length + W)))
    L = (span - (nb - 1) * W) / nb
    sign = 1 if x_to >= x_from else -1
    out = []
    for k in range(1, nb):
        a = x_from + sign * (k * L + (k - 1) * W)
        out.append((min(a, a + sign * W), max(a, a + sign * W)))
    return out


def _entrance_frame(piece, entrance):
    """LocalFrame with x along the site edge at ``entrance`` and y into the site; the entrance's
    point on the edge."""
    ring = shapely.get_exterior_ring(piece)
    d = ring.project(entrance)
    at = ring.interpolate(d)
    a, b = ring.interpolate(max(0.0, d - 1.0)), ring.interpolate(min(ring.length, d + 1.0))
    angle = math.atan2(b.y - a.y, b.x - a.x)
    frame = LocalFrame(angle, (at.x, at.y))
    probe = frame.to_local(shapely.Point(at.x, at.y).buffer(5.0).intersection(piece))
    if probe.is_empty or probe.centroid.y < 0:
        frame = LocalFrame(angle + math.pi, (at.x, at.y))
    return frame, at


def _road_grid(site, core, p: ParkParams, extra_entrances, reserve=None):
    """Road pieces (local frame) and their kinds/widths: the main road from the entrance at x = 0,
    cross roads across it, internal roads along it, one more main road per extra entrance."""
    reserved = reserve is not None and not reserve.is_empty
    if reserved:  # the reserve lies beyond the last cross road, which gives it its frontage
        core = _cut(core, 1, True, reserve.bounds[1])  # the reserve was cut off the top (see carve)
    cx0, cy0, cx1, cy1 = core.bounds
    sx0, sy0, sx1, sy1 = site.bounds
    Wm = p.main_road_width
    # the main road crosses the strip from the entrance up to where the core begins above it
    above = shapely.intersection(core, shapely.box(-Wm / 2, sy0 - 1, Wm / 2, sy1 + 1))
    reach_y = above.bounds[1] + 1 if not above.is_empty else p.green_strip + 2
    gate = shapely.box(-Wm / 2, sy0 - 1, Wm / 2, max(p.green_strip + 2, reach_y))
    mains = [shapely.box(-Wm / 2, sy0 - 1, Wm / 2, cy1 + 1)]
    main_land = shapely.union(core, shapely.intersection(gate, site))
    for e in extra_entrances:  # a straight main road inward from each further entrance
        ex, ey = e.x, e.y
        dx, dy = min(ex - sx0, sx1 - ex), min(ey - sy0, sy1 - ey)
        if dy <= dx:  # on a bottom/top edge: road along y
            mains.append(shapely.box(ex - Wm / 2, sy0 - 1, ex + Wm / 2, sy1 + 1))
        else:
            mains.append(shapely.box(sx0 - 1, ey - Wm / 2, sx1 + 1, ey + Wm / 2))
        main_land = shapely.union(main_land, shapely.intersection(shapely.buffer(e, Wm + p.green_strip), site))
    main = shapely.intersection(shapely.union_all(mains), main_land)
    # what the road share target leaves to the cross roads, in metres of total width
    spans = _cross_positions(-Wm / 2, cx0, p) + _cross_positions(Wm / 2, cx1, p)
    along_m2 = (Wm + p.internal_road_width * len(spans)) * (cy1 - cy0)
    cross_target = (p.road_target * site.area - along_m2) / max(cx1 - cx0, 1.0)
    # a road along the reserve only when the share needs it (the main road reaches the reserve anyway)
    plans = [_band_plan(cy0, cy1, p, top_road=top, cross_target_m=cross_target)
             for top in ((False, True) if reserved else (False,))]
    roads_y, bands = min(plans, key=lambda plan: abs(sum(r[3] for r in plan[0]) - cross_target))
    cross = [shapely.box(cx0 - 1, ya, cx1 + 1, yb) for ya, yb, _, _ in roads_y]
    cross_kind = [k for _, _, k, _ in roads_y]
    cross_w = [w for _, _, _, w in roads_y]
    along = [shapely.box(a, cy0 - 1, b, cy1 + 1) for a, b in
             _cross_positions(-Wm / 2, cx0, p) + _cross_positions(Wm / 2, cx1, p)]
    geoms, kinds, widths = [], [], []
    taken = main
    parts, _ = polygon_parts([main], 1e-6)
    geoms += list(parts); kinds += ["main"] * len(parts); widths += [Wm] * len(parts)  # noqa: E702
    if cross:
        c = shapely.difference(shapely.intersection(np.asarray(cross, dtype=object), core), taken)
        parts, idx = polygon_parts(c, 1e-6)
        geoms += list(parts)
        kinds += [cross_kind[i] for i in idx]
        widths += [cross_w[i] for i in idx]
        taken = union_all([taken, *parts])
    if along:
        a = shapely.difference(shapely.intersection(np.asarray(along, dtype=object), core), taken)
        parts, _ = polygon_parts(a, 1e-6)
        geoms += list(parts)
        kinds += ["internal"] * len(parts)
        widths += [p.internal_road_width] * len(parts)
        taken = union_all([taken, *parts])
    # kerb radii: a morphological closing of the network fills the block corners at intersections
    if p.corner_radius > 0 and len(geoms):
        r = p.corner_radius
        closed = shapely.buffer(shapely.buffer(taken, r, quad_segs=4), -r, quad_segs=4)
        fillets = shapely.difference(shapely.intersection(closed, main_land), taken)
        if reserved:
            fillets = shapely.difference(fillets, reserve)
        parts, _ = polygon_parts([fillets], 1.0)
        if len(parts):
            geoms_arr = np.asarray(geoms, dtype=object)
            fi, ri = shapely.STRtree(geoms_arr).query(parts, predicate="dwithin", distance=1e-6)
            first = np.unique(fi, return_index=True)[1]
            for f, r_ in zip(fi[first], ri[first]):
                geoms.append(parts[f]); kinds.append(kinds[r_]); widths.append(widths[r_])  # noqa: E702
    return np.asarray(geoms, dtype=object), np.asarray(kinds, dtype=object), np.asarray(widths, float), bands


# -- the layout -----------------------------------------------------------------------------------
def default_entrance(site_polygon, roads=None):
    """The entrance when none is given: the point of the site's edge nearest an existing road of
    the project (``roads``: geometries in the site's CRS), else the middle of the longest edge."""
    site_polygon = clean_site(site_polygon)
    ring = shapely.get_exterior_ring(max(shapely.get_parts(site_polygon), key=lambda g: g.area))
    roads = np.asarray([] if roads is None else roads, dtype=object)
    roads = roads[~shapely.is_missing(roads)] if len(roads) else roads
    if len(roads):
        near = union_all(roads)
        if not near.is_empty:
            return shapely.shortest_line(ring, near).interpolate(0.0)
    xy = shapely.get_coordinates(ring)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    k = int(np.argmax(seg))
    return shapely.Point((xy[k] + xy[k + 1]) / 2)


ROAD_BAND = {"kcn": (0.10, 0.14), "ccn": (0.16, 0.18)}  # approved plans (DOMAIN.md)
# the rest of the band of approved plans (DOMAIN.md): green without water, water, green with water
FACTORY_BAND, PLANTED_BAND, WATER_BAND = (0.60, 0.70), (0.105, 0.12), (0.02, 0.045)
TRIES = 4
SME_WASTE = 0.12  # the most of a CNHT block its SME layout may leave to green (odd ends)


def layout_shares(layout: ParkLayout) -> dict:
    """Shares of the site (fractions): factory (lots + reserve), roads, planted green (strip, parks,
    buffers), water, technical, services; vectorised areas of the layout's pieces."""
    area = float(layout.site.area) or 1.0
    total = lambda g: float(shapely.area(np.asarray(g, dtype=object)).sum()) / area if len(g) else 0.0  # noqa: E731
    water = np.asarray(layout.green_kinds, dtype=object) == "water"
    green = np.asarray(layout.green, dtype=object)
    return {"factory": total(layout.lots) + total(layout.reserve), "roads": total(layout.roads),
            "planted": total(green[~water]), "water": total(green[water]), "technical": total(layout.technical),
            "services": total(layout.services)}


def band_miss(shares: dict, preset: str) -> float:
    """How far (sum of fractions of the site) the shares lie outside the band of approved plans
    (``ROAD_BAND``, ``FACTORY_BAND``, ``PLANTED_BAND``, ``WATER_BAND``; DOMAIN.md), a QCVN 01:2021
    §2.5 minimum missed weighing ten times."""
    out = lambda v, band: max(0.0, band[0] - v, v - band[1])  # noqa: E731
    # a miss of a QCVN 01:2021 minimum (roads, green without water, technical ≥ 10/10/1 %) weighs 10×
    below = lambda v, floor: 10.0 * max(0.0, floor - v)  # noqa: E731
    return (out(shares["roads"], ROAD_BAND.get(preset, ROAD_BAND["kcn"])) + out(shares["factory"], FACTORY_BAND)
            + out(shares["planted"], PLANTED_BAND) + out(shares["water"], WATER_BAND)
            + below(shares["roads"], 0.10) + below(shares["planted"], 0.10) + below(shares["technical"], 0.01))


def _next_try(p: ParkParams, shares: dict) -> ParkParams:
    """Targets of the next try from what the last one measured: roads outside their band first aim
    at its middle (road target and block length, kept within 150–250 m; at that limit the internal
    road width, kept within 15–17 m); once inside, planted green and water aim at the middle of
    their bands, and when the factory land that would leave lies outside its band, the planted green
    and then the water take up (or give back) the difference within their bands."""
    mid = lambda band: (band[0] + band[1]) / 2  # noqa: E731
    road_band = ROAD_BAND.get(p.preset, ROAD_BAND["kcn"])
    # a road grid inside its band is kept (a new grid moves every block, so the green would not settle)
    inside = road_band[0] + 0.002 <= shares["roads"] <= road_band[1] - 0.002
    road_err = 0.0 if inside else shares["roads"] - mid(road_band)
    planted, water = mid(PLANTED_BAND), mid(WATER_BAND)
    factory = shares["factory"] + road_err + (shares["planted"] - planted) + (shares["water"] - water)
    extra = max(0.0, factory - (FACTORY_BAND[1] - 0.008)) - max(0.0, (FACTORY_BAND[0] + 0.008) - factory)
    clamp = lambda v, band: min(max(v, band[0] + 0.002), band[1] - 0.002)  # noqa: E731
    moved = clamp(planted + extra, PLANTED_BAND) - planted  # planted green first, then water
    planted, water = planted + moved, clamp(water + extra - moved, WATER_BAND)
    if road_err:  # a new road grid moves every block end: settle the roads first, the green after
        block = min(250.0, max(150.0, p.block_length + (40.0 if road_err > 0 else -40.0)))
        # the block length at its limit: the internal roads' width within 15–17 m (approved plans)
        internal = p.internal_road_width
        if block == p.block_length:
            internal = min(17.0, max(15.0, internal + (-1.0 if road_err > 0 else 1.0)))
        return replace(p, road_target=max(0.0, p.road_target - road_err), block_length=block,
                       internal_road_width=internal)
    return replace(p, green_target=max(0.0, p.green_target + planted - shares["planted"]), water_target=water)


def layout_park(site_polygon, entrances, p: ParkParams, feedback: Feedback | None = None) -> ParkLayout:
    """Lay out a whole park on ``site_polygon`` (projected, metres) from ``entrances`` (Points in the
    site's CRS, snapped to the edge). A site in several pieces gets one layout per piece, each from
    the entrance nearest it. Raises InputError when the site is too small for a park.

    Road widths come in steps and the lot rows leave odd ends (green buffer), so a first try can
    miss the band of approved plans (DOMAIN.md: factory 60–70 %, roads 10–14 % KCN / 16–18 % CCN,
    green 10.5–12 % + 2–4.5 % water): up to ``TRIES`` tries, each with targets corrected by what
    the last one measured (``_next_try``); the layout nearest the band is kept (deterministic)."""
    feedback = feedback or Feedback()
    best, tries, last = None, 0, None
    for tries in range(1, TRIES + 1):
        feedback.check_canceled()
        layout = _layout_once(site_polygon, entrances, p, feedback)
        shares = layout_shares(layout)
        miss = band_miss(shares, p.preset)
        if best is None or miss < best[0] - 1e-9:
            best = (miss, layout)
        if miss == 0.0:
            break
        nxt = _next_try(p, shares)
        if last is not None and nxt.road_target == p.road_target == last[0].road_target:
            # same road grid, the planted green jumped past its aim: secant between the two tries
            (g0, s0), g1, aim = (last[0].green_target, last[1]["planted"]), p.green_target, sum(PLANTED_BAND) / 2
            if (s0 - aim) * (shares["planted"] - aim) < 0 and abs(shares["planted"] - s0) > 1e-6:
                nxt = replace(nxt, green_target=g0 + (aim - s0) * (g1 - g0) / (shares["planted"] - s0))
        last, p = (p, shares), nxt
    best[1].info["tries"] = tries
    best[1].info["band_miss"] = best[0]
    return best[1]


def _layout_once(site_polygon, entrances, p: ParkParams, feedback: Feedback | None = None) -> ParkLayout:
    feedback = feedback or Feedback()
    started = time.perf_counter()
    site = clean_site(site_polygon)
    if site.is_empty:
        raise InputError(t("vùng đất rỗng", "the site is empty"), "SITE")
    entrances = [shapely.Point(e) if not isinstance(e, shapely.Point) else e for e in entrances] or \
        [default_entrance(site)]
    pieces = sorted(shapely.get_parts(site), key=lambda g: -g.area)
    out = []
    for k, piece in enumerate(pieces):
        mine = [e for e in entrances if shapely.distance(e, piece) < p.main_road_width] or \
            [min(entrances, key=lambda e: shapely.distance(e, piece))]
        try:
            out.append(_layout_piece(piece, mine, p, feedback))
        except InputError:
            if len(pieces) == 1:
                raise
            out.append(_green_piece(piece, mine[0]))  # a scrap of a scattered site: green, not a park
        feedback.progress(100.0 * (k + 1) / len(pieces))
    layout = _combine(site, out, entrances, p, time.perf_counter() - started)
    # a lot whose frontage the final road pieces no longer carry (a road split by a merged sliver)
    # becomes green rather than an invalid lot
    bad = lot_reasons(layout, p) != ""
    if bad.any():
        keep = ~bad
        layout.green = np.concatenate([layout.green, layout.lots[bad]])
        layout.green_kinds = list(layout.green_kinds) + ["buffer"] * int(bad.sum())
        layout.lots = layout.lots[keep]
        layout.lot_use = [u for u, k in zip(layout.lot_use, keep) if k]
        layout.lot_frontage, layout.lot_depth = layout.lot_frontage[keep], layout.lot_depth[keep]
        layout.lot_road = [r for r, k in zip(layout.lot_road, keep) if k]
        layout.lot_ids = lot_numbers(len(layout.lots))
    return layout


def _layout_piece(piece, entrances, p: ParkParams, feedback):
    frame, at = _entrance_frame(piece, entrances[0])
    site = frame.to_local(piece)
    extra = [frame.to_local(shapely.get_exterior_ring(piece).interpolate(
        shapely.get_exterior_ring(piece).project(e))) for e in entrances[1:]]
    core = shapely.buffer(site, -p.green_strip, join_style="mitre")
    core = max(polygon_parts([core], 1.0)[0], key=lambda g: g.area, default=None)
    if core is None or core.area < 4 * p.min_lot:
        raise InputError(t("vùng đất quá nhỏ cho một khu/cụm công nghiệp", "the site is too small for a park"),
                         "SITE")
    core = shapely.intersection(core, site)
    # the high-tech reserve first, as one piece at the far end of the core (seed 003 R1)
    reserve = []
    if p.hightech_share > 0:
        need = p.hightech_share * FACTORY_SHARE_GUESS * site.area
        piece, _ = carve(core, need, from_low=False, axis=1)
        if shapely.get_type_id(piece) == 3 and piece.area < 0.5 * core.area:
            reserve = [piece]
    roads, kinds, widths, bands = _road_grid(site, core, p, extra, reserve[0] if reserve else None)
    feedback.check_canceled()
    # keep the road network connected to the entrance; cut-off pieces become parks
    label = components(roads, p.tolerance / 2) if len(roads) else np.zeros(0, int)
    reach = shapely.dwithin(roads, shapely.Point(0, 0), 0.05)
    ok_labels = set(label[reach].tolist())
    connected = np.isin(label, list(ok_labels))
    # the isolation strip is what is left along the edge at the end (see _combine)
    green, green_kind = list(roads[~connected]), ["park"] * int((~connected).sum())
    roads, kinds, widths = roads[connected], kinds[connected], widths[connected]
    blocks = polygon_parts([shapely.difference(core, union_all([*roads, *green, *reserve]))], 1.0)[0]
    area = site.area
    block_info = _block_info(blocks, roads, kinds, bands)
    services, technical, tech_kind = [], [], []
    # services by the entrance: blocks along the main road, nearest first, cut from the main road side
    order = np.lexsort((block_info["dist"], ~block_info["on_main"]))
    need = p.services_target * area
    for i in order:
        if need <= 1.0:
            break
        piece, rest = carve(blocks[i], need, from_low=block_info["cx"][i] > 0)
        services.append(piece); blocks[i] = rest; need -= piece.area  # noqa: E702
    # the wastewater plant and its belt at the given point or farthest from the entrance, then other
    # technical land next to it
    industrial_guess = 0.72 * area  # sized for the most factory land the band allows, never short
    plot = wwtp_plot_m2(industrial_guess, p)
    if p.wwtp_at is not None:
        target = frame.to_local(shapely.Point(p.wwtp_at))
        far = np.argsort(shapely.distance(blocks, target))
    else:
        far = np.argsort(-block_info["dist"])
    belt_measure = lambda g: shapely.buffer(g, -p.wwtp_belt, join_style="mitre").area  # noqa: E731
    for i in far:
        b = blocks[i]
        if b.is_empty or belt_measure(b) < plot:
            continue
        outer = block_info["cx"][i] > 0  # cut from the block's end away from the main road
        piece, rest = carve(b, plot, from_low=not outer, measure=belt_measure)
        inner = shapely.intersection(shapely.buffer(piece, -p.wwtp_belt, join_style="mitre"), piece)
        technical.append(inner); tech_kind.append("wwtp")  # noqa: E702
        green.append(shapely.difference(piece, inner)); green_kind.append("buffer")  # noqa: E702
        blocks[i] = rest
        need = p.technical_target * area - inner.area
        for j in [i] + [j for j in far if j != i]:
            if need <= 1.0:
                break
            if blocks[j].is_empty:
                continue
            piece, rest = _take(blocks[j], need, not (block_info["cx"][j] > 0), p)
            technical.append(piece); tech_kind.append("other"); blocks[j] = rest  # noqa: E702
            need -= piece.area
        break
    # water (regulating ponds), then parks: what the strip and belts leave short of the green
    # target; both from blocks near the middle, cut across so each keeps its road frontage
    strip = shapely.difference(site, union_all([core, *roads])).area
    mid = shapely.centroid(core)
    near_mid = np.argsort(shapely.distance(blocks, mid))
    for kind, need in (("water", p.water_target * area),
                       ("park", p.green_target * area - strip - sum(g.area for g in green))):
        for i in near_mid:
            if need <= 1.0:
                break
            if blocks[i].is_empty:
                continue
            want = min(need, 0.5 * blocks[i].area)
            piece, rest = _take(blocks[i], want, block_info["cx"][i] <= 0, p)
            if piece.area > want + p.min_lot:  # a whole block would overshoot: a cut, its rest stays
                piece, rest = carve(blocks[i], want, block_info["cx"][i] <= 0)
            green.append(piece); green_kind.append(kind); blocks[i] = rest  # noqa: E702
            need -= piece.area
    blocks = np.asarray(blocks, dtype=object)
    factory = float(shapely.area(blocks).sum())
    feedback.check_canceled()
    # the CNHT subzone of SME lots: laid out by the SME engine in a block near the entrance
    sme = {"lots": [], "roads": [], "remainder": []}
    if p.cnht_share > 0:
        need = p.cnht_share * factory
        cand = [i for i in np.lexsort((block_info["dist"], block_info["on_main"]))
                if not blocks[i].is_empty and blocks[i].area > 4 * p.sme_lot]
        for i in cand:
            if need <= 4 * p.sme_lot:
                break
            piece, rest = _take(blocks[i], need, block_info["cx"][i] <= 0, p)
            got = _sme(piece, roads, p)
            # a block whose SME layout would leave much land without frontage: try the next one
            if got is None or sum(g.area for g in got["remainder"]) > SME_WASTE * piece.area:
                continue
            for key in sme:
                sme[key] += got[key]
            blocks[i] = rest
            need -= piece.area
    # factory lots by the lot mix, large ones on the main road
    lots, lot_front, lot_depth, lot_road, leftovers = _factory_lots(blocks, block_info, roads, kinds, bands, p)
    sme_lots = np.asarray(sme["lots"], dtype=object)
    if len(sme["roads"]):
        roads = np.concatenate([roads, np.asarray(sme["roads"], dtype=object)])
        kinds = np.concatenate([kinds, np.full(len(sme["roads"]), "internal", dtype=object)])
        widths = np.concatenate([widths, np.full(len(sme["roads"]), p.internal_road_width)])
    uses = ["general"] * len(lots)
    if len(sme_lots):
        zones = frontage.front_zones(roads, np.zeros(0, object), p.tolerance)
        prio = np.array([frontage.PRIORITY.get(k, 3) for k in kinds])
        f, d, sme_road = frontage.measure(sme_lots, zones, prio, p.sme_params())
        lots = np.concatenate([lots, sme_lots])
        lot_front = np.concatenate([lot_front, f]); lot_depth = np.concatenate([lot_depth, d])  # noqa: E702
        lot_road = np.concatenate([lot_road, sme_road])
        uses += ["cnht"] * len(sme_lots)
    # odd pieces the lot rows and the SME subzone leave: those on a road serve as technical land
    # (substations, pumping stations, waste collection) up to ``technical_max``, the rest is green
    odd = np.asarray(list(leftovers) + list(sme["remainder"]), dtype=object)
    if len(odd):
        room = p.technical_max * area - float(shapely.area(np.asarray(technical, dtype=object)).sum())
        touching = np.unique(shapely.STRtree(np.asarray(roads, dtype=object)).query(odd, "dwithin", 0.1)[0])
        on_road = np.isin(np.arange(len(odd)), touching) & (shapely.area(odd) >= p.sme_lot)
        order = np.argsort(-shapely.area(odd), kind="stable")
        fits = np.zeros(len(odd), bool)
        for i in order[on_road[order]]:  # a few pieces: at most one per block end
            if odd[i].area <= room:
                fits[i], room = True, room - odd[i].area
        technical += list(odd[fits]); tech_kind += ["other"] * int(fits.sum())
        green += list(odd[~fits]); green_kind += ["buffer"] * int((~fits).sum())
    # last check of reach: a road cut off from the entrance becomes a park, a lot left without a
    # valid frontage on a reachable road becomes green buffer
    label = components(roads, p.tolerance / 2) if len(roads) else np.zeros(0, int)
    reach = shapely.dwithin(roads, shapely.Point(0, 0), 0.05) if len(roads) else np.zeros(0, bool)
    connected = np.isin(label, list(set(label[reach].tolist())))
    if not connected.all():
        green += list(roads[~connected]); green_kind += ["park"] * int((~connected).sum())  # noqa: E702
        roads, kinds, widths = roads[connected], kinds[connected], widths[connected]
        lots, use_arr = np.asarray(lots, dtype=object), np.asarray(uses)
        lot_front, lot_depth, lot_road, why = measure_lots(lots, use_arr, roads, kinds, p)
        ok = why == ""
        green += list(lots[~ok]); green_kind += ["buffer"] * int((~ok).sum())  # noqa: E702
        lots, lot_front, lot_depth, lot_road = lots[ok], lot_front[ok], lot_depth[ok], lot_road[ok]
        uses = list(use_arr[ok])
    to_world = frame.to_world
    arr = lambda g: np.asarray(g, dtype=object)  # noqa: E731
    res = {
        "lots": to_world(arr(lots)), "lot_front": lot_front, "lot_depth": lot_depth, "lot_road": lot_road,
        "lot_use": uses, "roads": to_world(arr(roads)), "kinds": list(kinds), "widths": list(widths),
        "reserve": to_world(arr(reserve)), "green": to_world(arr(green)), "green_kind": green_kind,
        "technical": to_world(arr(technical)), "tech_kind": tech_kind, "services": to_world(arr(services)),
        "entrance": shapely.Point(at.x, at.y), "angle_deg": math.degrees(frame.angle), "site": piece,
    }
    return res


def _green_piece(piece, entrance) -> dict:
    """The result of a piece too small for a park: all of it green (a park)."""
    empty = np.zeros(0, dtype=object)
    at = shapely.get_exterior_ring(piece).interpolate(shapely.get_exterior_ring(piece).project(entrance))
    return {"lots": empty, "lot_front": np.zeros(0), "lot_depth": np.zeros(0), "lot_road": np.zeros(0, int),
            "lot_use": [], "roads": empty, "kinds": [], "widths": [], "reserve": empty,
            "green": np.asarray([piece], dtype=object), "green_kind": ["park"], "technical": empty, "tech_kind": [],
            "services": empty, "entrance": at, "angle_deg": 0.0, "site": piece}


def _block_info(blocks, roads, kinds, bands):
    c = shapely.get_coordinates(shapely.centroid(blocks)) if len(blocks) else np.zeros((0, 2))
    mains = roads[np.asarray(kinds) == "main"]
    main = union_all(mains) if len(mains) else shapely.Polygon()
    on_main = shapely.dwithin(blocks, main, 0.5) if len(blocks) else np.zeros(0, bool)
    return {"cx": c[:, 0], "cy": c[:, 1], "dist": np.hypot(c[:, 0], c[:, 1]), "on_main": on_main}


def _sme(piece, roads, p: ParkParams):
    """The SME engine (preset ``cnht``) on one piece; access = its edges along the park's roads."""
    from .engine import subdivide

    edge = shapely.boundary(piece)
    near = roads[shapely.dwithin(roads, piece, p.tolerance * 2)]  # only the roads along the piece
    if not len(near):
        return None
    access = shapely.line_merge(shapely.intersection(edge, union_all(shapely.buffer(near, p.tolerance * 2))))
    parts = shapely.get_parts(access)
    parts = parts[shapely.length(parts) > 1.0]
    if not len(parts):
        return None
    lay = subdivide(piece, [f"A-{k}" for k in range(len(parts))], parts, p.sme_params())
    if not len(lay.lots):
        return None
    return {"lots": list(lay.lots), "roads": list(lay.roads),
            "remainder": list(lay.remainder) + list(lay.reserve)}


def _factory_lots(blocks, info, roads, kinds, bands, p: ParkParams):
    """Rows of lots in each block (two back to back between cross roads, one by the strip), lot
    widths from the mix: the largest class on blocks along the main road first."""
    lp = p.lot_params()
    mix = sorted(p.lot_mix, key=lambda m: -m[0])
    total = float(sum(b.area for b in blocks if not b.is_empty))
    order = [i for i in np.lexsort((info["dist"][:len(blocks)], ~info["on_main"][:len(blocks)]))
             if not blocks[i].is_empty]
    cls_of, placed, k = {}, 0.0, 0
    for i in order:
        while k < len(mix) - 1 and placed >= sum(m[2] for m in mix[:k + 1]) * total:
            k += 1
        cls_of[i] = k
        placed += blocks[i].area
    x0s, x1s, y0s, y1s, rows, poss, fronts, src = [], [], [], [], [], [], [], []
    row_id = 0
    for i in order:
        b = blocks[i]
        bx0, by0, bx1, by1 = b.bounds
        band = next((bd for bd in bands if bd[0] - 1 <= (by0 + by1) / 2 <= bd[1] + 1), None)
        below, above = (band[2], band[3]) if band else (True, True)
        if below and above:
            ym = (band[0] + band[1]) / 2 if band else (by0 + by1) / 2
            row_spans = [(by0, ym, -1), (ym, by1, 1)]
        else:
            row_spans = [(by0, by1, -1 if below else 1)]
        low, high, _ = mix[cls_of[i]]
        target = (low + high) / 2
        for ya, yb, face in row_spans:
            strip = shapely.intersection(b, shapely.box(bx0 - 1, ya, bx1 + 1, yb))
            if strip.is_empty:
                continue
            sx0, _, sx1, _ = strip.bounds
            depth = max(yb - ya, 1.0)
            # the narrowest lot that keeps every rule, then as many whole lots as fit
            width = max(target / depth, lp.frontage_large, depth / lp.max_depth_ratio, 1.02 * lp.min_lot / depth)
            n = max(1, int(math.floor((sx1 - sx0) / width + 1e-9)))
            xs = sx0 + (sx1 - sx0) * np.arange(n + 1) / n
            x0s.append(xs[:-1]); x1s.append(xs[1:])  # noqa: E702
            y0s.append(np.full(n, ya)); y1s.append(np.full(n, yb))  # noqa: E702
            rows.append(np.full(n, row_id)); poss.append(np.arange(n))  # noqa: E702
            fronts.append(np.full(n, face)); src.append(np.full(n, i))  # noqa: E702
            row_id += 1
    if not x0s:
        return np.zeros(0, object), np.zeros(0), np.zeros(0), np.zeros(0, int), []
    boxes = shapely.box(np.concatenate(x0s), np.concatenate(y0s), np.concatenate(x1s), np.concatenate(y1s))
    src = np.concatenate(src)
    clipped = shapely.intersection(boxes, np.asarray(blocks, dtype=object)[src])
    geoms, idx = polygon_parts(clipped, 1e-6)
    row, pos = np.concatenate(rows)[idx], np.concatenate(poss)[idx]
    prio = np.array([frontage.PRIORITY.get(k, 3) for k in kinds])
    zones = frontage.front_zones(roads, np.zeros(0, object), p.tolerance)
    f, d, r = frontage.measure(geoms, zones, prio, lp)
    why = frontage.rule_failures(shapely.area(geoms), f, d, lp)
    geoms, f, d, r, why = absorb_leftovers(geoms, row, pos, f, d, r, why, zones, prio, lp)
    ok = why == ""
    # what is neither a lot nor absorbed: green buffer (a block's odd end on a curved edge)
    left = list(geoms[~ok & (why != "absorbed")])
    covered = union_all(list(geoms[why != "absorbed"]))
    gaps = polygon_parts([shapely.difference(union_all([b for b in blocks if not b.is_empty]), covered)], 1e-6)[0]
    return geoms[ok], f[ok], d[ok], r[ok], left + list(gaps)


def _combine(site, parts, entrances, p: ParkParams, seconds: float) -> ParkLayout:
    cat = lambda key: np.concatenate([np.asarray(r[key], dtype=object) for r in parts])  # noqa: E731
    lst = lambda key: [v for r in parts for v in r[key]]  # noqa: E731
    road_offsets = np.cumsum([0] + [len(r["roads"]) for r in parts])[:-1]
    lot_road_idx = np.concatenate([np.asarray(r["lot_road"], int) + off for r, off in zip(parts, road_offsets)]) \
        if parts else np.zeros(0, int)
    groups = {"lots": cat("lots"), "roads": cat("roads"), "reserve": cat("reserve"), "green": cat("green"),
              "technical": cat("technical"), "services": cat("services")}
    # split multi-part pieces, drop empties (carving can leave both)
    attrs = {"lots": None, "roads": (lst("kinds"), lst("widths")), "green": (lst("green_kind"),),
             "technical": (lst("tech_kind"),)}
    lot_extra = (np.concatenate([r["lot_front"] for r in parts]), np.concatenate([r["lot_depth"] for r in parts]),
                 lot_road_idx, lst("lot_use"))
    # turning back to world coordinates can leave a ring touching itself by round-off: repair,
    # keep each lot's largest part (the rest, if any, is green), split the other groups into parts
    groups = {k: shapely.make_valid(v, method="structure") if len(v) else v for k, v in groups.items()}
    if len(groups["lots"]):
        lparts, idx = polygon_parts(groups["lots"], 0.0)
        area = shapely.area(lparts)
        order = np.lexsort((-area, idx))
        first = np.zeros(len(lparts), bool)
        first[order[np.r_[True, idx[order][1:] != idx[order][:-1]]]] = True
        lots_kept = np.zeros(len(groups["lots"]), bool)
        lots_kept[idx[first]] = True
        new_lots = groups["lots"].copy()
        new_lots[idx[first]] = lparts[first]
        groups["lots"] = new_lots[lots_kept]
        lot_extra = tuple(np.asarray(a, dtype=object)[lots_kept] if k > 2 else np.asarray(a)[lots_kept]
                          for k, a in enumerate(lot_extra))
        groups["green"] = np.concatenate([groups["green"], lparts[~first]])
        attrs["green"] = (list(attrs["green"][0]) + ["buffer"] * int((~first).sum()),)
    for name in ("roads", "reserve", "green", "technical", "services"):
        geoms, idx = polygon_parts(groups[name], 0.0)
        groups[name] = geoms
        if name in attrs:
            attrs[name] = tuple([a[i] for i in idx] for a in attrs[name])
    placed = union_all(np.concatenate(list(groups.values())))
    rest, _ = polygon_parts([shapely.difference(site, placed)], 0.0)
    # the isolation strip is what the layout leaves along the site's edge
    edge = shapely.dwithin(rest, shapely.boundary(site), 1e-6) & (shapely.area(rest) >= 1.0)
    groups["green"] = np.concatenate([groups["green"], rest[edge]])
    attrs["green"] = (list(attrs["green"][0]) + ["isolation"] * int(edge.sum()),)
    groups["remainder"] = rest[~edge]
    cleaned, kept = merge_slivers(groups, prefer=("green", "roads", "remainder", "lots"))
    roads = cleaned["roads"]
    keep_r = kept["roads"]
    road_map = np.cumsum(keep_r) - 1
    road_ids = [f"R-{k + 1:02d}" for k in range(len(roads))]
    kl = kept["lots"]
    lot_road = [road_ids[road_map[r]] if r >= 0 and keep_r[r] else None for r in lot_extra[2][kl]]
    use = [u for u, k in zip(lot_extra[3], kl) if k]
    lots = cleaned["lots"]
    return ParkLayout(
        site=site, lots=lots, lot_ids=lot_numbers(len(lots)), lot_use=use,
        lot_frontage=lot_extra[0][kl], lot_depth=lot_extra[1][kl], lot_road=lot_road,
        roads=roads, road_ids=road_ids, road_kinds=[k for k, m in zip(attrs["roads"][0], keep_r) if m],
        road_widths=[w for w, m in zip(attrs["roads"][1], keep_r) if m], reserve=cleaned["reserve"],
        green=cleaned["green"], green_kinds=[k for k, m in zip(attrs["green"][0], kept["green"]) if m],
        technical=cleaned["technical"],
        technical_kinds=[k for k, m in zip(attrs["technical"][0], kept["technical"]) if m],
        services=cleaned["services"], remainder=cleaned["remainder"],
        remainder_reason=["leftover"] * len(cleaned["remainder"]),
        access_ids=[f"E-{k + 1:02d}" for k in range(len(parts))],
        access_parts=shapely.boundary(shapely.buffer(np.asarray([r["entrance"] for r in parts], dtype=object), 0.5)),
        entrances=np.asarray([r["entrance"] for r in parts], dtype=object), seconds=seconds,
        info={"angle_deg": parts[0]["angle_deg"], "pieces": len(parts)})


# -- checks, layers and metrics -------------------------------------------------------------------
def measure_lots(lots, uses, roads, kinds, p: ParkParams):
    """(frontage m, depth m, road index, rule broken or '') per lot: factory lots by the factory
    rules, CNHT lots by the SME rules, frontage on the new roads only (a valid lot is reachable)."""
    n = len(lots)
    front, depth, road, why = np.zeros(n), np.zeros(n), np.full(n, -1), np.full(n, "", dtype=object)
    if not n:
        return front, depth, road, why
    prio = np.array([frontage.PRIORITY.get(k, 3) for k in kinds])
    zones = frontage.front_zones(roads, np.zeros(0, object), p.tolerance)
    for name, lp in (("general", p.lot_params()), ("cnht", p.sme_params())):
        sel = np.flatnonzero(np.asarray(uses) == name)
        if len(sel):
            front[sel], depth[sel], road[sel] = frontage.measure(lots[sel], zones, prio, lp)
            why[sel] = frontage.rule_failures(shapely.area(lots[sel]), front[sel], depth[sel], lp)
    return front, depth, road, why


def lot_reasons(layout: ParkLayout, p: ParkParams) -> np.ndarray:
    """Per lot, the rule it breaks ('' if none), measured as :func:`measure_lots` does."""
    return measure_lots(layout.lots, layout.lot_use, layout.roads, layout.road_kinds, p)[3]


def layout_problems(layout: ParkLayout, p: ParkParams) -> list[str]:
    """The guarantees of issue 11: valid lots on connected roads, a partition of the site within
    0.01 m², no degenerate piece (invalid or under 1 m²)."""
    from . import validate

    why = lot_reasons(layout, p)
    bad = np.flatnonzero(why != "")
    problems = [f"lot {layout.lot_ids[i]}: {why[i]}" for i in bad[:20]]
    pieces = np.concatenate([layout.lots, layout.roads, layout.reserve, layout.green, layout.technical,
                             layout.services, layout.remainder])
    problems += validate.partition_problems(layout.site, pieces)
    problems += validate.network_problems(layout.roads, layout.access_parts, p.tolerance)
    if len(pieces):
        degenerate = (~shapely.is_valid(pieces)) | (shapely.area(pieces) < 1.0) | (shapely.get_type_id(pieces) != 3)
        if degenerate.any():
            problems.append(f"{int(degenerate.sum())} degenerate piece(s)")
    return problems


def to_frames(layout: ParkLayout, crs) -> dict:
    """The layers of the contract (``subdivide`` plus the second-round additions)."""
    import geopandas as gpd

    area = lambda g: np.round(shapely.area(np.asarray(g, dtype=object)), 3) if len(g) else np.zeros(0)  # noqa: E731
    lots = gpd.GeoDataFrame({
        "lot_id": list(layout.lot_ids), "area_m2": area(layout.lots),
        "frontage_m": np.round(np.asarray(layout.lot_frontage, float), 3),
        "depth_m": np.round(np.asarray(layout.lot_depth, float), 3), "use": list(layout.lot_use),
        "road_id": list(layout.lot_road)}, geometry=list(layout.lots), crs=crs)
    roads = gpd.GeoDataFrame({"road_id": list(layout.road_ids), "kind": list(layout.road_kinds),
                              "width_m": [float(w) for w in layout.road_widths], "area_m2": area(layout.roads)},
                             geometry=list(layout.roads), crs=crs)
    reserve = gpd.GeoDataFrame({"reserve_id": [f"HT-{i + 1:02d}" for i in range(len(layout.reserve))],
                                "use": ["hightech"] * len(layout.reserve), "area_m2": area(layout.reserve)},
                               geometry=list(layout.reserve), crs=crs)
    remainder = gpd.GeoDataFrame({"reason": list(layout.remainder_reason), "area_m2": area(layout.remainder)},
                                 geometry=list(layout.remainder), crs=crs)
    green = gpd.GeoDataFrame({"green_id": [f"CX-{i + 1:02d}" for i in range(len(layout.green))],
                              "kind": list(layout.green_kinds), "area_m2": area(layout.green)},
                             geometry=list(layout.green), crs=crs)
    technical = gpd.GeoDataFrame({"technical_id": [f"HTKT-{i + 1:02d}" for i in range(len(layout.technical))],
                                  "kind": list(layout.technical_kinds), "area_m2": area(layout.technical)},
                                 geometry=list(layout.technical), crs=crs)
    services = gpd.GeoDataFrame({"service_id": [f"DV-{i + 1:02d}" for i in range(len(layout.services))],
                                 "area_m2": area(layout.services)}, geometry=list(layout.services), crs=crs)
    access = gpd.GeoDataFrame({"access_id": list(layout.access_ids)}, geometry=list(layout.access_parts), crs=crs)
    entrances = gpd.GeoDataFrame({"entrance_id": list(layout.access_ids)}, geometry=list(layout.entrances), crs=crs)
    return {"lots": lots, "roads": roads, "reserve": reserve, "remainder": remainder, "green": green,
            "technical": technical, "services": services, "access": access, "entrances": entrances}


def layout_metrics(layout: ParkLayout, frames: dict, p: ParkParams, problems: list[str], rulesets=None) -> dict:
    """METRICS of the contract plus ``balance``, ``qcvn_ok``, ``qcvn`` findings (the land-use-balance
    rules of ``rulesets``, default vn-national: ``balance.qcvn_findings``) and the plant's sizing."""
    from . import balance as bal

    site_m2 = float(layout.site.area)
    areas = np.asarray(layout.lot_area, float)
    why = lot_reasons(layout, p)
    sum_of = lambda g: float(shapely.area(np.asarray(g, dtype=object)).sum()) if len(g) else 0.0  # noqa: E731
    ratio = np.asarray(layout.lot_depth, float) / np.maximum(np.asarray(layout.lot_frontage, float), 1e-12)
    b = bal.layout_balance(frames)
    qcvn = bal.qcvn_findings(b, p.preset, rulesets, frames=frames, site=layout.site)
    industrial = b["factory"]["m2"]
    out = {
        "site_m2": site_m2, "lots": int(len(areas)), "lot_m2": float(areas.sum()), "road_m2": sum_of(layout.roads),
        "reserve_m2": sum_of(layout.reserve), "remainder_m2": sum_of(layout.remainder),
        "lot_share": float(areas.sum()) / site_m2 if site_m2 else 0.0,
        "min_lot_m2": float(areas.min()) if len(areas) else 0.0,
        "mean_lot_m2": float(areas.mean()) if len(areas) else 0.0,
        "max_lot_m2": float(areas.max()) if len(areas) else 0.0, "valid_lots": int((why == "").sum()),
        "mean_rectangularity": float(frontage.rectangularity(layout.lots).mean()) if len(areas) else 0.0,
        "p95_depth_ratio": float(np.percentile(ratio, 95)) if len(areas) else 0.0,
        "seconds": float(layout.seconds), "preset": p.preset,
        "green_m2": sum_of(layout.green), "technical_m2": sum_of(layout.technical),
        "water_m2": sum_of([g for g, k in zip(layout.green, layout.green_kinds) if k == "water"]),
        "tries": int(layout.info.get("tries", 1)), "band_miss": float(layout.info.get("band_miss", 0.0)),
        "services_m2": sum_of(layout.services),
        "cnht_lots": int((np.asarray(layout.lot_use) == "cnht").sum()),
        "balance": b, "qcvn_ok": bal.findings_ok(qcvn), "qcvn": qcvn,
        "wastewater_m3_day": industrial / 1e4 * p.water_m3_ha_day * p.wastewater_share,
        "wwtp_required_m2": wwtp_plot_m2(industrial, p),
        "wwtp_m2": sum_of([g for g, k in zip(layout.technical, layout.technical_kinds) if k == "wwtp"]),
        "road_m2_by_kind": {k: sum_of([g for g, kk in zip(layout.roads, layout.road_kinds) if kk == k])
                            for k in ("main", "secondary", "internal", "connector")},
        "angle_deg": float(layout.info.get("angle_deg", 0.0)),
        "guarantees_ok": not problems, "problems": problems,
    }
    return out
