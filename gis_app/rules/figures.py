"""Per-zone figures the rules need, on top of core/fill_rates.py (fund, leased, vacant, fill rate).

High-tech (CNHT) land is the industrial land fund inside `hightech` (`cnht`) subzones
(../shared/CONTRACTS.md): industrial parcels are intersected with subzones in one vectorised pass
(STRtree query + shapely.intersection on the pair arrays + per-zone sums). Zones without parcels take their
subzones' areas as reserved land (their only record of a reservation).
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..core.fill_rates import fill_rate_columns, measures_of, parcel_measures, zone_codes, zone_sum
from ..core.project import Project

ZONE_ATTRS = ("name", "kind", "established", "general", "operating", "status", "status_date", "district")
LOT_INSIDE_SHARE = 0.5  # a parcel is a lot of a subzone when at least half of it lies inside
FIGURE_COLUMNS = (
    "gross_m2", "industrial_m2", "leased_m2", "vacant_m2", "fill_rate", "figures_from",
    "hightech_m2", "hightech_share", "cnht_m2", "cnht_share", "cnht_vacant_m2",
    "cnht_lots", "cnht_lot_mean_m2",
)


def zone_figures(project: Project, ruleset=None, cache: dict | None = None) -> pd.DataFrame:
    """One row per zone (index zone_id): zone attributes plus FIGURE_COLUMNS (areas in m², shares
    as fractions). ``cache`` (a dict) receives the intermediate frames the rule measures reuse:
    ``industrial`` parcels, dissolved ``subzones`` of every use and their overlap ``pairs``.
    ``ruleset`` is accepted for symmetry with the measures; the figures do not depend on it."""
    return FigureState(project, cache).table


class FigureState:
    """The zone figures together with what they are made of, so that an edit updates them in place.

    Per parcel (row order of the parcels layer): zone position, area, industrial / leased / vacant,
    and the m² inside its zone's dissolved ``hightech`` and ``cnht`` subzones; per zone the area of
    those dissolved subzones. A zone's figures depend on its own zone, subzones and parcels only:
    after an edit ``update`` recomputes the measures of the edited rows and the figures of the
    touched zones. Sums run over the parcels in row order (``np.bincount``) both ways, so a zone's
    figures are bit for bit the same whether the whole table or only that zone was computed.
    """

    RESERVED = ("hightech", "cnht")

    def __init__(self, project: Project, cache: dict | None = None) -> None:
        zones = project.zones
        self.index = pd.Index(zones["zone_id"].astype(str), name="zone_id")
        self._groups = None  # zone position → its parcel rows, built on the first update
        if not self.index.is_unique:  # not a valid zones layer, but never a crash: duplicates share figures
            first = ~self.index.duplicated()
            layers = dict(project.layers, zones=zones[first])
            unique = FigureState(Project(crs=project.crs, layers=layers, meta=project.meta), cache)
            self._table, self.valid = unique.table.reindex(self.index), False
            return
        self.valid = True
        parcels = project.parcels
        self.measures = parcel_measures(parcels, zone_codes(self.index, parcels))
        self.inside = {use: np.zeros(len(parcels)) for use in self.RESERVED}  # m² in the use's subzones
        self.paired = {use: np.zeros(len(parcels), dtype=bool) for use in self.RESERVED}
        self.dissolved = _dissolved(project.subzones)
        self._index_dissolved()
        self.reserved_m2 = {use: np.zeros(len(self.index)) for use in self.RESERVED}
        self._reserved_areas(np.arange(len(self.index)))
        industrial_rows = np.flatnonzero(self.measures["industrial"])
        industrial = parcels.iloc[industrial_rows]
        pairs = _parcel_subzone_pairs(industrial, self.dissolved)
        if cache is not None:
            cache.update(industrial=industrial, subzones=self.dissolved, pairs=pairs)
        self._scatter(industrial_rows, pairs)
        self.columns = self._figure_rows(zones, np.arange(len(self.index)), None)
        self._table = None

    # -- incremental update ----------------------------------------------------------------------
    def update(self, project: Project, parcel_rows=(), shapes: bool = False, subzone_zones=(),
               zone_ids=()) -> None:
        """Bring the figures up to date after an edit that kept every layer's rows in place:
        ``parcel_rows`` edited (``shapes``: their geometry, landuse or zone_id changed), the zones
        ``subzone_zones`` had subzones edited, ``zone_ids`` had their own fields or shape edited.
        Cost: the edited rows and the touched zones' parcels, not the layer."""
        parcels = project.parcels
        rows = np.unique(np.asarray(parcel_rows, dtype=np.int64))
        touched = set(zone_ids) | set(subzone_zones)
        if rows.size:
            old_codes = self.measures["code"][rows]
            edited = _parcel_columns(parcels, rows)
            codes = np.asarray(self.index.get_indexer(edited["zone_id"].astype(str)), dtype=np.int64)
            new = measures_of(edited["landuse"], edited["status"], edited["geometry"], codes)
            for key, values in new.items():
                self.measures[key][rows] = values
            if not np.array_equal(old_codes, codes):
                self._groups = None
            touched |= {self.index[c] for c in np.concatenate([old_codes, codes]) if c >= 0}
        positions = np.sort(self.index.get_indexer([z for z in touched if z in self.index]))
        positions = positions[positions >= 0]
        reshaped = np.sort(self.index.get_indexer([z for z in set(subzone_zones) if z in self.index]))
        reshaped = reshaped[reshaped >= 0]
        if len(subzone_zones):
            self._redissolve(project, set(map(str, subzone_zones)))
            self._reserved_areas(reshaped)
        redo = rows if shapes else np.zeros(0, dtype=np.int64)
        if reshaped.size:
            redo = np.union1d(redo, self._rows_of(reshaped))
        if redo.size:
            for use in self.RESERVED:
                self.inside[use][redo] = 0.0
                self.paired[use][redo] = False
            industrial_rows = redo[self.measures["industrial"][redo]]
            codes = self.measures["code"][industrial_rows]
            wanted = np.unique(codes[codes >= 0])
            own = np.concatenate([self._dissolved_rows.get(int(c), np.zeros(0, np.int64)) for c in wanted]) \
                if wanted.size else np.zeros(0, np.int64)
            if own.size and industrial_rows.size:
                columns = _parcel_columns(parcels, industrial_rows)
                d = self.dissolved
                pairs = _pairs(columns["geometry"], columns["zone_id"].astype(str), columns["status"],
                               np.asarray(d.geometry.values, dtype=object)[own],
                               d["zone_id"].to_numpy(dtype=object)[own].astype(str), d["use"].to_numpy(dtype=object)[own])
                self._scatter(industrial_rows, pairs)
        if positions.size:
            part = self._figure_rows(project.zones, positions, self._rows_of(positions))
            for column, values in part.items():
                self.columns[column] = _patched(self.columns[column], positions, values)
            self._table = None

    def _rows_of(self, positions: np.ndarray) -> np.ndarray:
        """The parcel rows (sorted) of the zones at ``positions``."""
        if self._groups is None:
            code = self.measures["code"]
            order = np.argsort(code, kind="stable")
            bounds = np.searchsorted(code[order], np.arange(len(self.index) + 1))
            self._groups = (order, bounds)
        order, bounds = self._groups
        parts = [order[bounds[p]:bounds[p + 1]] for p in positions]  # per touched zone
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    def _redissolve(self, project: Project, zone_ids: set) -> None:
        subzones = project.subzones
        mine = subzones["zone_id"].astype(str).isin(zone_ids).to_numpy() if len(subzones) else np.zeros(0, bool)
        fresh = _dissolved(subzones[mine])
        kept = self.dissolved[~self.dissolved["zone_id"].isin(zone_ids)] if len(self.dissolved) else self.dissolved
        merged = pd.concat([frame for frame in (kept, fresh) if len(frame)], ignore_index=True) \
            if len(kept) or len(fresh) else _dissolved(subzones.iloc[0:0])
        if len(merged):
            merged = merged.sort_values(["zone_id", "use"], kind="stable", ignore_index=True)
        self.dissolved = gpd.GeoDataFrame(merged, geometry="geometry", crs=subzones.crs) if len(merged) else merged
        self._index_dissolved()

    def _index_dissolved(self) -> None:
        """zone position → rows of ``dissolved`` (its subzones, one per use)."""
        code = zone_codes(self.index, self.dissolved)
        self._dissolved_rows = pd.Series(np.arange(len(code))).groupby(code).indices if len(code) else {}

    def _reserved_areas(self, positions: np.ndarray) -> None:
        """m² of each zone's dissolved hightech / cnht subzones (declared zones' reservation)."""
        for use in self.RESERVED:
            self.reserved_m2[use][positions] = 0.0
        if not len(self.dissolved) or not len(positions):
            return
        wanted = set(self.index[positions])
        own = self.dissolved[self.dissolved["zone_id"].isin(wanted)]
        code = zone_codes(self.index, own)
        area = shapely.area(np.asarray(own.geometry.values, dtype=object))
        uses = own["use"].to_numpy(dtype=object)
        for use in self.RESERVED:
            keep = (uses == use) & (code >= 0)
            self.reserved_m2[use][code[keep]] = area[keep]  # one dissolved geometry per zone and use

    def _scatter(self, industrial_rows: np.ndarray, pairs: pd.DataFrame) -> None:
        rows = industrial_rows[pairs["parcel"].to_numpy(dtype=np.int64)]
        uses = pairs["use"].to_numpy(dtype=object)
        area = pairs["area"].to_numpy(dtype=float)
        for use in self.RESERVED:
            keep = uses == use
            self.inside[use][rows[keep]] = area[keep]
            self.paired[use][rows[keep]] = True

    # -- the table ---------------------------------------------------------------------------------
    @property
    def table(self) -> pd.DataFrame:
        """One row per zone (index zone_id): ZONE_ATTRS then FIGURE_COLUMNS."""
        if self._table is None:
            self._table = pd.DataFrame(self.columns, index=self.index)
        return self._table

    def _figure_rows(self, zones, positions: np.ndarray, rows: np.ndarray | None) -> dict:
        """The figures (column → array) of the zones at ``positions`` from their parcels ``rows``
        (None: all), in plain numpy so that one zone costs what its parcels cost."""
        local = np.full(len(self.index) + 1, -1, dtype=np.int64)  # zone position → rank among positions
        local[positions] = np.arange(len(positions))

        def take(values):
            return values if rows is None else values[rows]

        measures = {key: take(values) for key, values in self.measures.items()}
        code = measures["code"] = local[measures["code"]]  # −1 (no zone) maps to local[-1] = −1
        n = len(positions)
        out = {column: (zones[column].to_numpy()[positions] if column in zones else np.full(n, pd.NA, dtype=object))
               for column in ZONE_ATTRS}
        out.update(fill_rate_columns(zones, positions, measures))
        from_parcels = out["figures_from"] == "parcels"
        industrial, area = measures["industrial"], measures["area"]
        cnht_inside = take(self.inside["cnht"])
        ht_parcels = zone_sum(code, n, take(self.inside["hightech"]), industrial)
        cnht_parcels = zone_sum(code, n, cnht_inside, industrial)
        cnht_vacant_parcels = zone_sum(code, n, cnht_inside, measures["vacant"])
        hightech = out["hightech_m2"] = np.where(from_parcels, ht_parcels, self.reserved_m2["hightech"][positions])
        cnht = out["cnht_m2"] = np.where(from_parcels, cnht_parcels, self.reserved_m2["cnht"][positions])
        fund = out["industrial_m2"]
        with np.errstate(divide="ignore", invalid="ignore"):
            out["hightech_share"] = np.where(fund > 0, hightech / fund, np.nan)
            out["cnht_share"] = np.where(fund > 0, cnht / fund, np.nan)
        out["cnht_vacant_m2"] = np.where(from_parcels, cnht_vacant_parcels, np.fmin(cnht, out["vacant_m2"]))
        # Lots of CNHT subzones (R4): industrial parcels lying mostly inside a CNHT subzone.
        lot = industrial & take(self.paired["cnht"]) & (cnht_inside >= LOT_INSIDE_SHARE * area)
        lots = zone_sum(code, n, np.ones(len(code)), lot)
        lot_m2 = zone_sum(code, n, area, lot)
        out["cnht_lots"] = lots.astype(int)
        with np.errstate(divide="ignore", invalid="ignore"):
            out["cnht_lot_mean_m2"] = np.where(lots > 0, lot_m2 / np.where(lots > 0, lots, 1.0), np.nan)
        return out


def _patched(values: np.ndarray, positions: np.ndarray, new: np.ndarray) -> np.ndarray:
    """A copy of ``values`` with ``new`` at ``positions`` (a wider dtype when ``new`` needs one);
    a copy, so a table handed out before stays as it was."""
    if values.dtype != new.dtype and values.dtype != object:
        numeric = values.dtype.kind in "biuf" and new.dtype.kind in "biuf"
        values = values.astype(np.result_type(values.dtype, new.dtype) if numeric else object)
    else:
        values = values.copy()
    values[positions] = new
    return values


def _dissolved(subzones):
    """One (multi)polygon per zone and use (sorted by both), so overlapping subzones of a use count
    their land once. Grouped with numpy and united per group: the same union for a zone whether the
    whole layer or only that zone's subzones are dissolved."""
    if not len(subzones):
        return subzones
    zone = subzones["zone_id"].astype(str).to_numpy()
    use = subzones["use"].to_numpy(dtype=object)
    known = pd.notna(use)
    groups = pd.DataFrame({"zone_id": zone[known], "use": use[known]}).groupby(["zone_id", "use"], sort=True).indices
    geoms = np.asarray(subzones.geometry.values, dtype=object)[known]
    keys = list(groups)
    try:
        united = [shapely.union_all(geoms[groups[k]]) for k in keys]  # per zone and use, not per feature
    except shapely.errors.GEOSException:
        united = [shapely.union_all(shapely.make_valid(geoms[groups[k]])) for k in keys]
    return gpd.GeoDataFrame({"zone_id": [k[0] for k in keys], "use": [k[1] for k in keys]},
                            geometry=np.asarray(united, dtype=object) if keys else [], crs=subzones.crs)


def _parcel_subzone_pairs(industrial, reserved) -> pd.DataFrame:
    """Every (industrial parcel, subzone of the same zone) overlap with its area; ``parcel`` is the
    row in ``industrial``."""
    if not len(industrial) or not len(reserved):
        return pd.DataFrame(columns=PAIR_COLUMNS)
    status = industrial["status"].to_numpy(dtype=object) if "status" in industrial \
        else np.full(len(industrial), None, dtype=object)
    return _pairs(np.asarray(industrial.geometry.values, dtype=object),  # plain arrays: no pandas ufunc layer
                  industrial["zone_id"].astype(str).to_numpy(), status,
                  np.asarray(reserved.geometry.values, dtype=object), reserved["zone_id"].astype(str).to_numpy(),
                  reserved["use"].to_numpy(dtype=object))


PAIR_COLUMNS = ["parcel", "zone_id", "use", "status", "area", "parcel_area"]


def _pairs(p_geom, p_zone, status, s_geom, s_zone, s_use) -> pd.DataFrame:
    """``_parcel_subzone_pairs`` on column arrays (the parcels' geometry, zone_id, status; the
    dissolved subzones' geometry, zone_id, use)."""
    if not len(p_geom) or not len(s_geom):
        return pd.DataFrame(columns=PAIR_COLUMNS)
    tree = shapely.STRtree(s_geom)
    p_idx, s_idx = tree.query(p_geom, predicate="intersects")
    same = p_zone[p_idx] == s_zone[s_idx]
    p_idx, s_idx = p_idx[same], s_idx[same]
    try:
        area = shapely.area(shapely.intersection(p_geom[p_idx], s_geom[s_idx]))
    except shapely.errors.GEOSException:
        # Self-intersecting input (common in digitised cadastre): repair only when needed, it is costly.
        area = shapely.area(shapely.intersection(shapely.make_valid(p_geom[p_idx]),
                                                 shapely.make_valid(s_geom[s_idx])))
    return pd.DataFrame({"parcel": p_idx, "zone_id": p_zone[p_idx], "use": s_use[s_idx],
                         "status": status[p_idx], "area": area, "parcel_area": shapely.area(p_geom[p_idx])})


def _parcel_columns(parcels, rows: np.ndarray) -> dict:
    """The columns the figures read, as arrays, for parcel ``rows`` only (cheaper than a frame)."""
    out = {c: (parcels[c].iloc[rows].to_numpy(dtype=object) if c in parcels else np.full(len(rows), None, dtype=object))
           for c in ("zone_id", "landuse", "status")}
    out["geometry"] = np.asarray(parcels.geometry.values[rows], dtype=object)
    return out
