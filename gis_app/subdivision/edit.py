"""Lot edits for the GUI, Qt-free: merge two lots, split a lot by a line, renumber.

Each takes the layout's layers (``{"lots", "roads", "reserve", "remainder", "access"}``
GeoDataFrames, as ``output.to_frames`` makes them) and returns new ones; the input is never
changed. A result that would break a lot rule or the area balance is refused with an InputError.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..core.errors import InputError
from ..core.i18n import t
from . import frontage
from .numbering import lot_numbers
from .params import SubdivisionParams

AREA_TOLERANCE_M2 = 0.01


def _zones(frames, params):
    roads = frames["roads"]
    access = frames.get("access")
    access_geoms = np.asarray(access.geometry.values if access is not None else [], dtype=object)
    kinds = list(roads["kind"]) if "kind" in roads else ["spine"] * len(roads)
    priority = np.array([frontage.PRIORITY.get(k, 3) for k in kinds] +
                        [frontage.PRIORITY["access"]] * len(access_geoms))
    ids = list(roads["road_id"]) + (list(access["access_id"]) if access is not None and len(access) else [])
    return frontage.front_zones(roads.geometry.values, access_geoms, params.tolerance), priority, ids


def _measured(geoms, frames, params):
    """(area, frontage, depth, road_id, failure reason) of new lot geometries."""
    geoms = np.asarray(geoms, dtype=object)
    zones, priority, ids = _zones(frames, params)
    f, d, r = frontage.measure(geoms, zones, priority, params)
    area = shapely.area(geoms)
    why = frontage.rule_failures(area, f, d, params)
    return area, f, d, [ids[i] if i >= 0 else None for i in r], why


def _reason_text(reason: str) -> str:
    return {"too_small": t("nhỏ hơn diện tích tối thiểu", "smaller than the minimum area"),
            "no_frontage": t("không đủ mặt tiền ra đường", "not enough frontage on a road"),
            "depth_ratio": t("quá sâu so với mặt tiền", "too deep for its frontage")}.get(reason, reason)


def _row(frames, lot_id):
    lots = frames["lots"]
    hit = np.flatnonzero(lots["lot_id"].to_numpy() == lot_id)
    if not len(hit):
        raise InputError(t("không có lô {id}", "there is no lot {id}", id=lot_id), "lot_id")
    return int(hit[0])


def _single(geom):
    """A one-part MultiPolygon (as read back from a GeoPackage) as its Polygon."""
    parts = shapely.get_parts(geom)
    return parts[0] if len(parts) == 1 else geom


def _with_lots(frames, lots):
    out = {k: v.copy() for k, v in frames.items()}
    out["lots"] = lots.reset_index(drop=True)
    return out


def merge_lots(frames: dict, lot_a: str, lot_b: str, params: SubdivisionParams | None = None) -> dict:
    """One lot from two lots sharing an edge; it keeps ``lot_a``'s number."""
    params = params or SubdivisionParams()
    if lot_a == lot_b:
        raise InputError(t("hãy chọn hai lô khác nhau", "choose two different lots"), "lot_id")
    lots = frames["lots"]
    ia, ib = _row(frames, lot_a), _row(frames, lot_b)
    ga, gb = _single(lots.geometry.iloc[ia]), _single(lots.geometry.iloc[ib])
    shared = shapely.length(shapely.intersection(shapely.boundary(ga), shapely.buffer(gb, params.tolerance)))
    merged = shapely.union(ga, gb)
    if shared < params.tolerance * 4 or shapely.get_type_id(merged) != 3:
        raise InputError(t("lô {a} và {b} không chung cạnh", "lots {a} and {b} do not share an edge",
                           a=lot_a, b=lot_b), "lot_id")
    if abs(merged.area - ga.area - gb.area) > AREA_TOLERANCE_M2:
        raise InputError(t("lô {a} và {b} chồng lên nhau", "lots {a} and {b} overlap", a=lot_a, b=lot_b), "lot_id")
    area, f, d, road, why = _measured([merged], frames, params)
    if why[0]:
        raise InputError(t("lô gộp vi phạm quy tắc: {r}", "the merged lot breaks a rule: {r}",
                           r=_reason_text(why[0])), "lot_id")
    new = lots.copy()
    new.loc[new.index[ia], ["area_m2", "frontage_m", "depth_m", "road_id"]] = \
        [round(float(area[0]), 3), round(float(f[0]), 3), round(float(d[0]), 3), road[0]]
    new = new.set_geometry(new.geometry.values.copy())
    geoms = new.geometry.values.copy()
    geoms[ia] = merged
    new = new.set_geometry(list(geoms), crs=lots.crs)
    return _with_lots(frames, new.drop(index=new.index[ib]))


def split_lot(frames: dict, lot_id: str, line, params: SubdivisionParams | None = None) -> dict:
    """Two lots from one, cut by ``line`` (a LineString crossing the lot).

    The piece first in the lot's road order keeps the number; the other takes the next free one.
    """
    params = params or SubdivisionParams()
    from shapely.ops import split

    lots = frames["lots"]
    i = _row(frames, lot_id)
    geom = _single(lots.geometry.iloc[i])
    line = shapely.LineString(line) if not isinstance(line, shapely.geometry.base.BaseGeometry) else line
    pieces = [g for g in shapely.get_parts(split(geom, line)) if g.area > 1e-6]
    if len(pieces) != 2:
        raise InputError(t("đường cắt phải chia lô {id} thành đúng hai phần (được {n})",
                           "the line must cut lot {id} into exactly two pieces (got {n})", id=lot_id,
                           n=len(pieces)), "line")
    if abs(sum(p.area for p in pieces) - geom.area) > AREA_TOLERANCE_M2:
        raise InputError(t("cắt lô {id} làm mất diện tích", "cutting lot {id} loses area", id=lot_id), "line")
    area, f, d, road, why = _measured(pieces, frames, params)
    bad = [w for w in why if w]
    if bad:
        from ..core.numbers import fmt_m2

        raise InputError(t("một phần sau khi cắt vi phạm quy tắc: {r} (hai phần {a} và {b}, tối thiểu {m})",
                           "a piece after the cut breaks a rule: {r} (pieces of {a} and {b}, minimum {m})",
                           r=_reason_text(bad[0]), a=fmt_m2(area[0]), b=fmt_m2(area[1]),
                           m=fmt_m2(params.min_lot)), "line")
    numbers = [int(s.rsplit("-", 1)[1]) for s in lots["lot_id"] if s.rsplit("-", 1)[-1].isdigit()]
    prefix = lot_id.rsplit("-", 1)[0] if "-" in lot_id else "CN"
    new_id = f"{prefix}-{max(numbers + [0]) + 1:02d}"
    head = lots.iloc[[i]].copy()
    tail = lots.iloc[[i]].copy()
    for frame, k, ident in ((head, 0, lot_id), (tail, 1, new_id)):
        frame["lot_id"] = ident
        frame["area_m2"], frame["frontage_m"] = round(float(area[k]), 3), round(float(f[k]), 3)
        frame["depth_m"], frame["road_id"] = round(float(d[k]), 3), road[k]
    import pandas as pd

    head = head.set_geometry([pieces[0]], crs=lots.crs)
    tail = tail.set_geometry([pieces[1]], crs=lots.crs)
    new = pd.concat([lots.iloc[:i], head, tail, lots.iloc[i + 1:]])
    return _with_lots(frames, new)


def road_order(frames: dict) -> np.ndarray:
    """Row order of the layout's lots along the roads: roads in layer order, then access edges; on each
    road one side then the other, each from one end to the other."""
    lots = frames["lots"]
    roads = frames["roads"]
    access = frames.get("access")
    ids = list(roads["road_id"]) + (list(access["access_id"]) if access is not None and len(access) else [])
    geoms = list(roads.geometry.values) + (list(access.geometry.values) if access is not None and len(access) else [])
    rank = {r: k for k, r in enumerate(ids)}
    c = shapely.get_coordinates(shapely.centroid(lots.geometry.values))
    road_rank = np.array([rank.get(r, len(ids)) for r in lots["road_id"]])
    along, side = np.zeros(len(lots)), np.zeros(len(lots))
    for k in np.unique(road_rank):
        if k >= len(ids):
            continue
        g = geoms[k]
        rect = np.asarray(shapely.get_coordinates(shapely.minimum_rotated_rectangle(g)))
        sides = np.diff(rect, axis=0)
        u = sides[np.argmax(np.hypot(sides[:, 0], sides[:, 1]))]
        u = u / np.hypot(*u)
        u = u if (u[0] > 1e-9 or (abs(u[0]) <= 1e-9 and u[1] > 0)) else -u  # west→east, south→north
        o = np.asarray(shapely.centroid(g).coords[0])
        sel = road_rank == k
        along[sel] = (c[sel] - o) @ u
        side[sel] = np.sign((c[sel] - o) @ np.array([-u[1], u[0]]))
    return np.lexsort((np.round(along, 3), side, road_rank))


def _number_key(lot_id: str):
    tail = str(lot_id).rsplit("-", 1)[-1]
    return (0, int(tail), str(lot_id)) if tail.isdigit() else (1, 0, str(lot_id))


def renumber_plan(frames: dict, prefix: str = "CN", only=None) -> dict[str, str]:
    """Old → new number of every lot whose number would change (lots keeping theirs are left out).

    Without ``only`` the whole layout is numbered CN-01, CN-02, … in road order (``road_order``).
    With ``only`` (lot numbers) just those lots are renumbered, among themselves: they take their own
    numbers again, sorted, in road order; no other lot changes."""
    lots = frames["lots"]
    if lots.empty:
        return {}
    ordered = lots["lot_id"].astype(str).to_numpy()[road_order(frames)]
    if only is None:
        new = lot_numbers(len(ordered), prefix)
    else:
        wanted = set(map(str, only))
        missing = wanted - set(ordered)
        if missing:
            raise InputError(t("không có lô {id}", "there is no lot {id}", id=", ".join(sorted(missing))), "lot_id")
        ordered = np.array([lot for lot in ordered if lot in wanted])
        new = sorted(ordered, key=_number_key)
    return {old: nw for old, nw in zip(ordered, new) if old != nw}


def renumber(frames: dict, prefix: str = "CN", only=None) -> dict:
    """The layout with the numbers of ``renumber_plan`` (whole layout, or only the lots in ``only``)."""
    lots = frames["lots"]
    if lots.empty:
        return _with_lots(frames, lots)
    plan = renumber_plan(frames, prefix, only)
    new = lots.copy()
    new["lot_id"] = new["lot_id"].astype(str).map(lambda lot: plan.get(lot, lot))
    if only is None:
        new = new.iloc[road_order(frames)]
    return _with_lots(frames, new)
