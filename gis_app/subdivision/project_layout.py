"""Where an accepted subdivision lives in a project (Qt-free; the GUI's Accept and lot edits).

A layout belongs to a *layout id*: the zone's ``zone_id`` when it subdivides the zone's vacant
land, ``DRAWN`` for a polygon drawn on the map (a sketch not tied to parcels). Accepting gives:

- ``lots`` (lot_id, layout_id, area_m2, frontage_m, depth_m, use, road_id): the lots;
- ``lot_roads`` (road_id, layout_id, kind, area_m2) and ``lot_access`` (access_id, layout_id, lines):
  the new roads and the access edges, kept so that later edits measure frontage as the engine did;
- for a zone layout, ``parcels`` too: the zone's vacant industrial parcels (and any earlier layout of
  that zone) are replaced by new parcels ``ZONE:CN-01`` (industrial, vacant), ``ZONE:R-01`` (road),
  ``ZONE:HT-01`` (industrial, vacant, the high-tech reserve, also a ``hightech`` subzone) and
  ``ZONE:RM-01`` (green for a green buffer, otherwise other), so fill rates and rules see the lots;
  a whole-park layout adds ``ZONE:CX-01`` (green; its ponds ``water``), ``ZONE:HTKT-01``
  (infrastructure) and ``ZONE:DV-01`` (service) parcels;
- a ``cnht`` subzone ``ZONE:CN`` over the CNHT lots and their roads, so R2/R3 count the layout;
- for a drawn polygon, which has no parcels, the whole-park land as layers ``lot_green``,
  ``lot_water``, ``lot_technical``, ``lot_services`` and ``lot_reserve``.

Every function returns new frames (name → GeoDataFrame) and never changes the project; the
shell swaps them in as one undoable step.
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import site

LOTS, ROADS, ACCESS = "lots", "lot_roads", "lot_access"
# a drawn polygon's whole-park land that a zone layout keeps as parcels: layer ← (frame, id column)
GREEN, WATER, TECHNICAL, SERVICES, RESERVE = "lot_green", "lot_water", "lot_technical", "lot_services", "lot_reserve"
DRAWN_LAYERS = {GREEN: ("green", "green_id"), WATER: ("green", "green_id"), TECHNICAL: ("technical", "technical_id"),
                SERVICES: ("services", "service_id"), RESERVE: ("reserve", "reserve_id")}
DRAWN = "DRAWN"
LOT_COLUMNS = ["lot_id", "layout_id", "area_m2", "frontage_m", "depth_m", "use", "road_id"]


def layout_parcel_prefix(layout_id: str) -> str:
    return f"{layout_id}:"


def _empty_frames(crs) -> dict:
    return {"reserve": gpd.GeoDataFrame({"reserve_id": []}, geometry=[], crs=crs),
            "remainder": gpd.GeoDataFrame({"reason": []}, geometry=[], crs=crs)}


def _layout_rows(parcels, zone_id):
    ids = parcels["parcel_id"].astype(str)
    return ids.str.startswith(layout_parcel_prefix(zone_id)).to_numpy() & (parcels["zone_id"] == zone_id).to_numpy()


def zone_site(project, zone_id: str, tolerance: float = 0.05):
    """(polygon, access_ids, access_parts) of ``project``'s zone ``zone_id``: see :func:`zone_land`."""
    return zone_land(project.parcels, zone_id, tolerance)


def zone_land(parcels, zone_id: str, tolerance: float = 0.05):
    """(polygon, access_ids, access_parts): the zone's vacant industrial land plus an earlier layout
    of the zone (so a second run re-plans the same land); the zone's other road parcels give access.

    The one definition of "the land a zone layout takes", used by the desktop's Subdivide zone and by
    ``subdivide --zone`` alike (``parcels``: the project's parcels layer, projected CRS, metres).
    Raises InputError (``--zone``) for an unknown zone or one without vacant industrial land."""
    ours = _layout_rows(parcels, zone_id)
    if ours.any():
        parcels = parcels.copy()
        parcels.loc[ours, "landuse"] = "industrial"
        parcels.loc[ours, "status"] = "vacant"
    return site.vacant_land_from_parcels(parcels, zone_id, tolerance)


def zone_roads(parcels, zone_id: str) -> np.ndarray:
    """The zone's existing road parcels, without the roads of an earlier layout (re-planned land)."""
    keep = (parcels["zone_id"] == zone_id).to_numpy() & (parcels["landuse"] == "road").to_numpy() \
        & ~_layout_rows(parcels, zone_id)
    return np.asarray(parcels.geometry.values[keep], dtype=object)


def _replace_rows(existing, layout_id, new, crs):
    """``existing`` without the rows of ``layout_id``, with ``new`` appended."""
    if existing is None or existing.empty:
        return gpd.GeoDataFrame(new.reset_index(drop=True), geometry="geometry", crs=crs)
    kept = existing[existing["layout_id"] != layout_id]
    return gpd.GeoDataFrame(pd.concat([kept, new], ignore_index=True), geometry="geometry", crs=crs)


def _tagged(frame, layout_id, columns):
    out = frame.copy()
    out["layout_id"] = layout_id
    out = out[[c for c in columns if c in out.columns] + ["geometry"]]
    return gpd.GeoDataFrame(out.reset_index(drop=True), geometry="geometry", crs=frame.crs)


def _like(geoms, template):
    """Geometries promoted to MultiPolygon when the target layer holds only MultiPolygons."""
    geoms = list(geoms)
    if len(template) and (template.geom_type == "MultiPolygon").all():
        return [shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in geoms]
    return geoms


def _parcel_rows(prefix, zone_id, ids, landuse, status, notes, geoms, parcels):
    n = len(ids)
    data = {"parcel_id": [prefix + str(i) for i in ids], "zone_id": [zone_id] * n, "landuse": [landuse] * n,
            "status": [status] * n, "tenant": [None] * n, "sector": [None] * n}
    if "note" in parcels.columns:
        data["note"] = list(notes)
    return gpd.GeoDataFrame(data, geometry=_like(geoms, parcels), crs=parcels.crs)


def _lot_parcels(prefix, zone_id, lots, parcels):
    return _parcel_rows(prefix, zone_id, lots["lot_id"], "industrial", "vacant", ["subdivision lot"] * len(lots),
                        lots.geometry.values, parcels)


def accepted_layers(project, frames: dict, layout_id: str) -> dict:
    """The layers that change when the layout ``frames`` (``SubdivisionResult.frames``) is accepted."""
    crs = project.crs
    out = {
        LOTS: _replace_rows(project.layers.get(LOTS), layout_id, _tagged(frames["lots"], layout_id, LOT_COLUMNS), crs),
        ROADS: _replace_rows(project.layers.get(ROADS), layout_id,
                             _tagged(frames["roads"], layout_id, ["road_id", "layout_id", "kind", "area_m2"]), crs),
        ACCESS: _replace_rows(project.layers.get(ACCESS), layout_id,
                              _tagged(frames["access"], layout_id, ["access_id", "layout_id"]), crs),
    }
    if layout_id == DRAWN:
        out.update(_drawn_land(project, frames))
        return out
    parcels, prefix = project.parcels, layout_parcel_prefix(layout_id)
    mine = (parcels["zone_id"] == layout_id).to_numpy()
    vacant = mine & (parcels["landuse"] == "industrial").to_numpy() & (parcels["status"] == "vacant").to_numpy()
    kept = parcels[~(vacant | _layout_rows(parcels, layout_id))]
    roads, reserve, remainder = frames["roads"], frames["reserve"], frames["remainder"]
    reasons = list(remainder["reason"]) if len(remainder) else []
    new = [
        _lot_parcels(prefix, layout_id, frames["lots"], parcels),
        _parcel_rows(prefix, layout_id, roads["road_id"], "road", None, ["subdivision road"] * len(roads),
                     roads.geometry.values, parcels),
        _parcel_rows(prefix, layout_id, [f"HT-{i + 1:02d}" for i in range(len(reserve))], "industrial", "vacant",
                     ["high-tech reserve"] * len(reserve), reserve.geometry.values, parcels),
    ]
    for landuse, pick in (("green", lambda r: r == "green_buffer"), ("other", lambda r: r != "green_buffer")):
        rows = [i for i, r in enumerate(reasons) if pick(r)]
        new.append(_parcel_rows(prefix, layout_id, [f"RM-{i + 1:02d}" for i in rows], landuse, None,
                                [f"subdivision remainder: {reasons[i]}" for i in rows],
                                remainder.geometry.values[rows] if rows else [], parcels))
    # whole-park layouts (presets kcn, ccn): green, technical and services land become parcels too
    for name, landuse, tag in (("green", "green", "CX"), ("technical", "infrastructure", "HTKT"),
                               ("services", "service", "DV")):
        frame = frames.get(name)
        if frame is not None and len(frame):
            kinds = np.asarray(list(frame["kind"]) if "kind" in frame else [name] * len(frame), dtype=object)
            ids = np.asarray([f"{tag}-{i + 1:02d}" for i in range(len(frame))], dtype=object)
            water = kinds == "water"  # a pond of the green land is a water surface parcel
            for use, rows in ((landuse, ~water), ("water", water)):
                if rows.any():
                    new.append(_parcel_rows(prefix, layout_id, ids[rows], use, None,
                                            [f"subdivision {name}: {k}" for k in kinds[rows]],
                                            frame.geometry.values[rows], parcels))
    new = [frame for frame in new if len(frame)]
    out["parcels"] = gpd.GeoDataFrame(pd.concat([kept, *new], ignore_index=True), geometry="geometry", crs=parcels.crs)
    subzones = project.subzones
    sub_kept = subzones[~subzones["subzone_id"].astype(str).str.startswith(prefix).to_numpy()]
    cnht = _cnht_area(frames)
    if len(reserve) or cnht is not None or len(sub_kept) != len(subzones):
        ht = gpd.GeoDataFrame({"subzone_id": [f"{prefix}HT-{i + 1:02d}" for i in range(len(reserve))],
                               "zone_id": [layout_id] * len(reserve), "use": ["hightech"] * len(reserve)},
                              geometry=_like(reserve.geometry.values, subzones), crs=subzones.crs)
        cn = gpd.GeoDataFrame({"subzone_id": [f"{prefix}CN"] if cnht is not None else [],
                               "zone_id": [layout_id] if cnht is not None else [],
                               "use": ["cnht"] if cnht is not None else []},
                              geometry=_like([cnht] if cnht is not None else [], subzones), crs=subzones.crs)
        out["subzones"] = gpd.GeoDataFrame(pd.concat([sub_kept, ht, cn], ignore_index=True), geometry="geometry",
                                           crs=subzones.crs)
    return out


def _drawn_land(project, frames: dict) -> dict:
    """A drawn polygon has no parcels: its green, technical, services and reserve pieces become
    the layers ``lot_green`` (its ponds ``lot_water``), ``lot_technical``, ``lot_services``,
    ``lot_reserve`` (id, layout_id, kind, area_m2), replacing an earlier drawn layout's; a layer
    that neither has stays absent."""
    out = {}
    for layer, (name, id_col) in DRAWN_LAYERS.items():
        frame, existing = frames.get(name), project.layers.get(layer)
        if frame is not None and len(frame) and name == "green" and "kind" in frame:  # ponds apart
            frame = frame[(frame["kind"] == "water").to_numpy() == (layer == WATER)]
        has_new = frame is not None and len(frame)
        if not has_new and (existing is None or existing.empty):
            continue
        new = frame if has_new else gpd.GeoDataFrame({id_col: []}, geometry=[], crs=project.crs)
        if "area_m2" not in new.columns:
            new = new.assign(area_m2=shapely.area(np.asarray(new.geometry.values, dtype=object)))
        out[layer] = _replace_rows(existing, DRAWN, _tagged(new, DRAWN, [id_col, "layout_id", "kind", "use",
                                                                         "area_m2"]), project.crs)
    return out


def _cnht_area(frames):
    """The land of a CNHT layout (its ``cnht`` lots and the roads serving them) as one polygon, so
    that an accepted layout creates the zone's ``cnht`` subzone and R2/R3 count it; None without such lots."""
    lots = frames["lots"]
    cnht = lots[lots["use"] == "cnht"] if "use" in lots.columns else lots.iloc[0:0]
    if not len(cnht):
        return None
    parts = np.concatenate([cnht.geometry.values, frames["roads"].geometry.values])
    area = shapely.make_valid(shapely.union_all(parts)).buffer(0)
    return area if not area.is_empty and area.geom_type in ("Polygon", "MultiPolygon") else None


def layout_frames(project, layout_id: str) -> dict:
    """The engine's frames of an accepted layout (lots, roads, access) for ``edit`` operations."""
    def rows(name):
        frame = project.layers.get(name)
        if frame is None:
            return gpd.GeoDataFrame({"layout_id": []}, geometry=[], crs=project.crs)
        return frame[frame["layout_id"] == layout_id].drop(columns="layout_id").reset_index(drop=True)

    return {"lots": rows(LOTS), "roads": rows(ROADS), "access": rows(ACCESS), **_empty_frames(project.crs)}


def edited_layers(project, layout_id: str, frames: dict) -> dict:
    """The layers that change when the lots of ``layout_id`` become ``frames["lots"]`` (merge, split,
    renumber): the ``lots`` layer, and for a zone layout its lot parcels."""
    lots = _tagged(frames["lots"], layout_id, LOT_COLUMNS)
    out = {LOTS: _replace_rows(project.layers.get(LOTS), layout_id, lots, project.crs)}
    if layout_id == DRAWN:
        return out
    parcels, prefix = project.parcels, layout_parcel_prefix(layout_id)
    old = project.layers[LOTS]
    old_ids = {prefix + str(i) for i in old.loc[old["layout_id"] == layout_id, "lot_id"]}
    is_lot = parcels["parcel_id"].astype(str).isin(old_ids).to_numpy() & (parcels["zone_id"] == layout_id).to_numpy()
    if not is_lot.any():
        return out
    # the lots take the place of the old lot parcels, so the parcel table keeps its order
    first = int(np.flatnonzero(is_lot)[0])
    before, after = parcels.iloc[:first], parcels.iloc[first:][~is_lot[first:]]
    out["parcels"] = gpd.GeoDataFrame(pd.concat([before, _lot_parcels(prefix, layout_id, lots, parcels), after],
                                                ignore_index=True), geometry="geometry", crs=parcels.crs)
    return out


def new_project_from_layout(site_polygon, crs, frames: dict, zone_id: str = "KCN-NEW", kind: str = "KCN",
                            name: str = ""):
    """A new project holding one zone (``site_polygon``) laid out as ``frames``: the zone, its
    parcels (lots, roads, reserve, green, technical, services) and the lot layers, as Accept would
    leave them. For printing or checking a layout of a site that is not yet in a project."""
    from ..core.project import Project

    project = Project(crs=crs, meta={"name": name or zone_id})
    zone = gpd.GeoDataFrame({"zone_id": [zone_id], "name": [name or zone_id], "kind": [kind], "established": [None],
                             "general": [True], "operating": [False], "province": [None],
                             "industrial_m2": [None], "leased_m2": [None]}, geometry=[site_polygon], crs=crs)
    project.add_layer("zones", zone)
    project.add_layer("subzones", gpd.GeoDataFrame({"subzone_id": [], "zone_id": [], "use": []}, geometry=[],
                                                   crs=crs))
    project.add_layer("parcels", gpd.GeoDataFrame({"parcel_id": [f"{zone_id}-VACANT"], "zone_id": [zone_id],
                                                   "landuse": ["industrial"], "status": ["vacant"],
                                                   "tenant": [None], "sector": [None]},
                                                  geometry=[site_polygon], crs=crs))
    for layer, frame in accepted_layers(project, frames, zone_id).items():
        project.layers[layer] = frame
        if not any(s["name"] == layer for s in project.layer_state):
            project.layer_state.append({"name": layer, "visible": True, "opacity": 1.0, "style": {}})
    return project
