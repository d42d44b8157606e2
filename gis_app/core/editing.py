"""The project's edit commands: attributes, geometry, features in and out, layers, metadata.

Each command checks the edit against the data model (../shared/CONTRACTS.md, ``core/schema.py``)
before touching anything, so a refused edit raises ``InputError`` and leaves the project unchanged.
Attribute and geometry edits change the affected rows in place and remember the old values (cheap
on a 100,000-parcel layer); adding or deleting features swaps whole frames, keeping the old frame
object for undo.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .errors import InputError
from .i18n import t
from .model import (FEATURES_ADDED, FEATURES_CHANGED, FEATURES_DELETED, LAYER_ADDED, LAYER_REMOVED,
                    LAYER_RESTYLED, LAYERS_REORDERED, META_CHANGED, RULES_CHANGED, Command, ProjectEvent)
from .schema import CANONICAL

POLYGONAL = ("Polygon", "MultiPolygon")
GEOMETRY_TYPES = {"zones": POLYGONAL, "subzones": POLYGONAL, "parcels": POLYGONAL,
                  "facilities": ("Point",) + POLYGONAL}
TYPE_IDS = {"Point": 0, "Polygon": 3, "MultiPolygon": 6}  # shapely.get_type_id
ID_PREFIX = {"zones": "Z-", "subzones": "SZ-", "parcels": "P-", "facilities": "F-"}


def enum_values(layer: str, column: str) -> tuple:
    """The values the data model allows in ``column`` of ``layer`` (empty: not an enumeration)."""
    from . import schema

    table = {("zones", "kind"): "ZONE_KINDS", ("subzones", "use"): "SUBZONE_USES",
             ("parcels", "landuse"): "LANDUSES", ("parcels", "status"): "PARCEL_STATUSES",
             ("zones", "status"): "ZONE_STATUSES", ("facilities", "kind"): "FACILITY_KINDS",
             ("facilities", "status"): "FACILITY_STATUSES"}
    return tuple(getattr(schema, table.get((layer, column), ""), ()) or ())


def layer_key(name: str) -> str | None:
    """The id field of a canonical layer; None for other layers (their features go by row label)."""
    schema = CANONICAL.get(name)
    return schema.key if schema is not None else None


def feature_ids(frame: gpd.GeoDataFrame, name: str) -> pd.Index:
    key = layer_key(name)
    if key is None:
        return pd.Index(frame.index)
    return pd.Index(frame[key].astype(str).to_numpy() if key in frame else [], dtype=object)


def rows_of(project, name: str, ids) -> np.ndarray:
    """Row positions of ``ids`` in layer ``name``; InputError naming the unknown ids."""
    frame = project._frame_for_edit(name)
    ids = [ids] if isinstance(ids, (str, int, np.integer)) else list(ids)
    index = project._id_index(name)
    key = layer_key(name)
    wanted = [str(i) for i in ids] if key is not None else ids
    rows = index.get_indexer(wanted) if len(index) else np.full(len(wanted), -1)
    if (rows < 0).any():
        missing = [str(w) for w, r in zip(wanted, rows) if r < 0]
        raise InputError(t("lớp {layer}: không có đối tượng {ids}", "layer {layer}: no feature {ids}",
                           layer=name, ids=", ".join(missing[:5])))
    if len(set(rows.tolist())) != len(rows):
        raise InputError(t("lớp {layer}: mã lặp lại trong yêu cầu", "layer {layer}: an id is repeated in the request",
                           layer=name))
    del frame
    return np.asarray(rows, dtype=int)


def check_geometries(name: str, geoms, where: str | None = None) -> None:
    """InputError unless every geometry is present, non-empty, valid and of a type the layer takes."""
    values = np.asarray(geoms, dtype=object)
    bad_missing = np.array([g is None or not isinstance(g, shapely.Geometry) for g in values], dtype=bool) \
        if values.size else np.zeros(0, bool)
    if bad_missing.any():
        raise InputError(t("lớp {layer}: thiếu hình học", "layer {layer}: geometry missing", layer=name), where)
    if shapely.is_empty(values).any():
        raise InputError(t("lớp {layer}: hình học rỗng", "layer {layer}: empty geometry", layer=name), where)
    allowed = GEOMETRY_TYPES.get(name)
    if allowed:
        kinds = shapely.get_type_id(values)
        ok_ids = [TYPE_IDS[k] for k in allowed]
        if not np.isin(kinds, ok_ids).all():
            raise InputError(t("lớp {layer} chỉ nhận hình học {types}", "layer {layer} takes only {types} geometry",
                               layer=name, types=", ".join(allowed)), where)
    invalid = ~shapely.is_valid(values)
    if invalid.any():
        reason = shapely.is_valid_reason(values[np.flatnonzero(invalid)[0]])
        raise InputError(t("lớp {layer}: hình học không hợp lệ ({why})", "layer {layer}: invalid geometry ({why})",
                           layer=name, why=reason), where)


def checked_rows(name: str, frame: gpd.GeoDataFrame, rows: np.ndarray, values: dict) -> pd.DataFrame:
    """The rows with ``values`` set, in the model's types; InputError if the data model refuses them.

    Types follow ``normalise_types`` (dates, nullable booleans, reals); a value it cannot convert is
    refused rather than turned into a null.
    """
    from .project import normalise_types

    schema = CANONICAL.get(name)
    # Only the columns the checks read (plus the edited ones): the cost follows the rows edited.
    wanted = list(frame.columns) if schema is None else \
        [*schema.required, schema.key, *(schema.enums or {}), *values]
    wanted = [c for c in dict.fromkeys(wanted) if c in frame.columns and c != frame.geometry.name]
    candidate = pd.DataFrame({c: frame[c].iloc[rows] for c in wanted}, index=frame.index[rows])
    for column, value in values.items():
        if column == frame.geometry.name:
            raise InputError(t("dùng set_geometry để đổi hình học", "use set_geometry to change a geometry"))
        if column not in candidate.columns:
            if schema is not None and column not in schema.columns:
                raise InputError(t("lớp {layer} không có trường {col}", "layer {layer} has no field {col}",
                                   layer=name, col=column))
            candidate[column] = pd.Series([None] * len(candidate), index=candidate.index, dtype=object)
        candidate[column] = pd.Series([value] * len(candidate), index=candidate.index, dtype=object)
    if schema is None:
        return candidate[list(values)]
    typed = normalise_types(candidate)
    for column, value in values.items():
        if _present(value) and typed[column].isna().any():
            raise InputError(t("lớp {layer}: {col} không nhận giá trị {value!r}",
                               "layer {layer}: {col} does not take the value {value!r}",
                               layer=name, col=column, value=value))
        kind = schema.columns.get(column)
        if kind == "str" and _present(value) and not isinstance(value, str):
            typed[column] = typed[column].astype(object).map(lambda v: v if not _present(v) else str(v))
    _validated(typed, schema)
    if schema.key in values:
        others = np.ones(len(frame), dtype=bool)
        others[rows] = False
        taken = set(frame[schema.key].astype(str).to_numpy()[others])
        if str(values[schema.key]) in taken or len(rows) > 1:
            raise InputError(t("lớp {layer}: {key} trùng lặp: {ids}", "layer {layer}: duplicate {key}: {ids}",
                               layer=name, key=schema.key, ids=values[schema.key]))
    return typed[list(values)]


def _validated(frame, schema) -> None:
    """``validate_layer`` without its "layer:" prefix (the message already names the layer)."""
    from .schema import validate_layer

    try:
        validate_layer(frame, schema)
    except InputError as exc:
        raise InputError(exc.problem) from None


def _present(value) -> bool:
    return value is not None and not (pd.api.types.is_scalar(value) and pd.isna(value))


@dataclass
class SetAttributes(Command):
    """Set ``values`` (column → value) on features ``ids`` of ``layer`` as one step."""
    layer: str
    ids: tuple
    values: dict
    _rows: np.ndarray | None = field(default=None, repr=False)
    _old: pd.DataFrame | None = field(default=None, repr=False)
    _added_columns: tuple = ()
    _new: pd.DataFrame | None = field(default=None, repr=False)

    def apply(self, project):
        frame = project._frame_for_edit(self.layer)
        if self._new is None:
            self._rows = rows_of(project, self.layer, self.ids)
            self._new = checked_rows(self.layer, frame, self._rows, self.values)
            self._added_columns = tuple(c for c in self.values if c not in frame.columns)
            self._old = pd.DataFrame({c: frame[c].iloc[self._rows] for c in self.values if c in frame.columns})
        for column in self._added_columns:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype=self._new[column].dtype)
        zones = _zones_of(project, self.layer, self._rows)
        _write(frame, self._rows, self._new)
        project._data_changed(self.layer, key_changed=layer_key(self.layer) in self.values,
                              zones=_joined(zones, _zones_of(project, self.layer, self._rows)), rows=self._rows,
                              columns=tuple(self.values))
        return [ProjectEvent(FEATURES_CHANGED, self.layer, _ids_after(project, self.layer, self._rows),
                             tuple(self.values))]

    def revert(self, project):
        frame = project._frame_for_edit(self.layer)
        zones = _zones_of(project, self.layer, self._rows)
        _write(frame, self._rows, self._old)
        for column in self._added_columns:
            del frame[column]
        project._data_changed(self.layer, key_changed=layer_key(self.layer) in self.values,
                              zones=_joined(zones, _zones_of(project, self.layer, self._rows)), rows=self._rows,
                              columns=tuple(self.values))
        return [ProjectEvent(FEATURES_CHANGED, self.layer, _ids_after(project, self.layer, self._rows),
                             tuple(self.values))]


def _zones_of(project, layer: str, rows) -> set | None:
    """The zone ids whose figures rows of ``layer`` feed (None: any zone, recompute all)."""
    if layer not in ("zones", "parcels", "subzones", "facilities"):
        return set() if layer not in ("lots",) else None
    frame = project.layers[layer]
    if "zone_id" not in frame.columns:
        return None
    values = frame["zone_id"].iloc[np.asarray(rows, dtype=int)].to_numpy(dtype=object)  # the rows only
    return {str(v) for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))}


def _joined(before: set | None, after: set | None) -> set | None:
    return None if before is None or after is None else before | after


def _write(frame: pd.DataFrame, rows: np.ndarray, values: pd.DataFrame) -> None:
    for column in values.columns:
        position = frame.columns.get_loc(column)
        column_values = values[column].to_numpy()
        if str(frame[column].dtype) != str(values[column].dtype) and frame[column].dtype == object:
            column_values = values[column].astype(object).to_numpy()
        if _write_in_place(frame, position, rows, column_values):
            continue
        try:
            frame.iloc[rows, position] = column_values
        except (TypeError, ValueError):  # e.g. a text into a float column of an extra layer
            frame[column] = frame[column].astype(object)
            frame.iloc[rows, position] = values[column].astype(object).to_numpy()


def _write_in_place(frame: pd.DataFrame, position: int, rows: np.ndarray, values: np.ndarray) -> bool:
    """Write ``values`` into the rows of column ``position`` in place, at a cost that follows the rows
    (pandas' ``iloc`` assignment rebuilds a whole text column: 20 ms on 1,000,000 parcels). Only when
    no other frame shares the column (pandas' copy-on-write references), so nothing else sees the
    change; False (the caller assigns the usual way) otherwise or when the array refuses the values."""
    unshared = getattr(frame._mgr, "_has_no_reference", None)
    if unshared is None or len(frame.columns) != len(set(frame.columns)) or not unshared(position):
        return False
    array = frame.iloc[:, position].array
    if array.dtype != values.dtype and not (array.dtype == object or isinstance(array.dtype, pd.StringDtype)):
        return False  # a conversion (e.g. text into numbers): let pandas decide or refuse
    try:
        array[rows] = values
    except (TypeError, ValueError):
        return False
    return True


def _ids_after(project, layer: str, rows: np.ndarray) -> tuple:
    return tuple(project._id_index(layer)[rows].tolist())


@dataclass
class SetGeometry(Command):
    """Replace one feature's geometry (a shapely geometry in the project CRS)."""
    layer: str
    feature_id: object
    geometry: object
    _row: int | None = None
    _old: object = None

    def apply(self, project):
        frame = project._frame_for_edit(self.layer)
        if self._row is None:
            check_geometries(self.layer, [self.geometry])
            self._row = int(rows_of(project, self.layer, [self.feature_id])[0])
            self._old = frame.geometry.iloc[self._row]
        _set_geometry(frame, self._row, self.geometry)
        project._data_changed(self.layer, zones=_zones_of(project, self.layer, [self._row]), rows=[self._row],
                              columns=("geometry",))
        return [ProjectEvent(FEATURES_CHANGED, self.layer, _ids_after(project, self.layer, [self._row]),
                             ("geometry",))]

    def revert(self, project):
        _set_geometry(project._frame_for_edit(self.layer), self._row, self._old)
        project._data_changed(self.layer, zones=_zones_of(project, self.layer, [self._row]), rows=[self._row],
                              columns=("geometry",))
        return [ProjectEvent(FEATURES_CHANGED, self.layer, _ids_after(project, self.layer, [self._row]),
                             ("geometry",))]


def _set_geometry(frame, row: int, geometry) -> None:
    frame.iloc[row, frame.columns.get_loc(frame.geometry.name)] = geometry


@dataclass
class ReplaceLayers(Command):
    """Swap whole layers (name → frame; None = no such layer) and the layer list, as one step.

    Serves adding and deleting features, adding, replacing and removing layers, imports and accepted
    layouts: the frames before and after are kept as objects, so undo restores them exactly.
    """
    after: dict
    events: list  # events of apply; revert emits their mirror
    layer_state_after: list | None = None
    before: dict | None = None
    layer_state_before: list | None = None

    def apply(self, project):
        if self.before is None:
            self.before = {name: project.layers.get(name) for name in self.after}
            self.layer_state_before = copy.deepcopy(project.layer_state)
            if self.layer_state_after is None:
                self.layer_state_after = _state_for(project.layer_state, self.after)
        _put(project, self.after, self.layer_state_after)
        return list(self.events)

    def revert(self, project):
        _put(project, self.before, self.layer_state_before)
        return [_mirror(e) for e in reversed(self.events)]


_MIRROR = {FEATURES_ADDED: FEATURES_DELETED, FEATURES_DELETED: FEATURES_ADDED,
           LAYER_ADDED: LAYER_REMOVED, LAYER_REMOVED: LAYER_ADDED}


def _mirror(event: ProjectEvent) -> ProjectEvent:
    return ProjectEvent(_MIRROR.get(event.kind, event.kind), event.layer, event.ids, event.columns)


def _state_for(layer_state: list, frames: dict) -> list:
    state = [dict(s) for s in layer_state if frames.get(s["name"], True) is not None]
    known = {s["name"] for s in state}
    for name, frame in frames.items():
        if frame is not None and name not in known:
            state.append({"name": name, "visible": True, "opacity": 1.0, "style": {}})
    return state


def _put(project, frames: dict, layer_state: list) -> None:
    for name, frame in frames.items():
        if frame is None:
            project.layers.pop(name, None)
        else:
            project.layers[name] = frame
        project._data_changed(name, key_changed=True)
    project.layer_state = copy.deepcopy(layer_state)


@dataclass
class SetLayerState(Command):
    """Change the layer list's order or a layer's display (visible, opacity, style)."""
    layer_state: list
    kind: str = LAYER_RESTYLED
    layer: str | None = None
    _old: list | None = None

    def apply(self, project):
        if self._old is None:
            self._old = copy.deepcopy(project.layer_state)
        project.layer_state = copy.deepcopy(self.layer_state)
        return [ProjectEvent(self.kind, self.layer)]

    def revert(self, project):
        project.layer_state = copy.deepcopy(self._old)
        return [ProjectEvent(self.kind, self.layer)]


_MISSING = object()


@dataclass
class SetMeta(Command):
    """Set one metadata key (``rules`` holds the rule state: rule sets, as-of date, travel times)."""
    key: str
    value: object
    _old: object = _MISSING

    def apply(self, project):
        self._old = copy.deepcopy(project.meta[self.key]) if self.key in project.meta else _MISSING
        project.meta[self.key] = copy.deepcopy(self.value)
        return [self._event(project)]

    def revert(self, project):
        if self._old is _MISSING:
            project.meta.pop(self.key, None)
        else:
            project.meta[self.key] = copy.deepcopy(self._old)
        return [self._event(project)]

    def _event(self, project) -> ProjectEvent:
        project._data_changed(None)
        return ProjectEvent(RULES_CHANGED if self.key == "rules" else META_CHANGED, columns=(self.key,))


@dataclass
class SetMetaKeys(Command):
    """Set several metadata keys as one step (the rule sets and their overrides go together)."""
    values: dict
    _old: dict = field(default_factory=dict)

    def apply(self, project):
        self._old = {k: copy.deepcopy(project.meta[k]) if k in project.meta else _MISSING for k in self.values}
        for key, value in self.values.items():
            project.meta[key] = copy.deepcopy(value)
        return [self._event(project)]

    def revert(self, project):
        for key, old in self._old.items():
            if old is _MISSING:
                project.meta.pop(key, None)
            else:
                project.meta[key] = copy.deepcopy(old)
        return [self._event(project)]

    def _event(self, project) -> ProjectEvent:
        project._data_changed(None)
        return ProjectEvent(RULES_CHANGED, columns=tuple(self.values))


def prepare_new_features(project, name: str, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``gdf`` reprojected to the project CRS (none given: taken as the project CRS), with ids filled
    in where missing, typed and checked against the data model and the layer's existing ids."""
    from .crs import reproject, to_crs
    from .project import normalise_types

    if not isinstance(gdf, gpd.GeoDataFrame):
        raise InputError(t("cần một GeoDataFrame", "a GeoDataFrame is needed"))
    gdf = gdf.copy()
    if gdf.crs is None:
        gdf = gdf.set_crs(project.crs)
    elif not to_crs(gdf.crs).equals(project.crs):
        gdf = reproject(gdf, project.crs)
    if gdf.geometry.name != "geometry":
        gdf = gdf.rename_geometry("geometry")
    check_geometries(name, gdf.geometry.values)
    existing = project.layers.get(name)
    key = layer_key(name)
    if key is not None:
        if key not in gdf.columns:
            gdf[key] = None
        missing = gdf[key].isna().to_numpy()
        if missing.any():
            taken = set(feature_ids(existing, name)) if existing is not None else set()
            taken |= set(gdf.loc[~missing, key].astype(str))
            gdf.loc[missing, key] = _fresh_ids(ID_PREFIX.get(name, "F-"), int(missing.sum()), taken)
        gdf[key] = gdf[key].astype(str)
        gdf = normalise_types(gdf)
        _validated(gdf, CANONICAL[name])
        if existing is not None and len(existing):
            clash = sorted(set(gdf[key]) & set(feature_ids(existing, name)))
            if clash:
                raise InputError(t("lớp {layer}: {key} trùng lặp: {ids}", "layer {layer}: duplicate {key}: {ids}",
                                   layer=name, key=key, ids=", ".join(clash[:5])))
    return gdf


def _fresh_ids(prefix: str, n: int, taken: set) -> list[str]:
    out, k = [], len(taken) + 1
    while len(out) < n:
        candidate = f"{prefix}{k:04d}"
        if candidate not in taken:
            out.append(candidate)
        k += 1
    return out


def concat_features(existing: gpd.GeoDataFrame | None, new: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Existing rows then the new ones, existing columns first, a fresh 0..n-1 index."""
    if existing is None or not len(existing):
        base = existing if existing is not None else None
        if base is None:
            return new.reset_index(drop=True)
        new = new.reindex(columns=list(dict.fromkeys([*base.columns, *new.columns])))
        return gpd.GeoDataFrame(new.reset_index(drop=True), geometry="geometry", crs=base.crs)
    new = new.rename_geometry(existing.geometry.name) if new.geometry.name != existing.geometry.name else new
    columns = list(dict.fromkeys([*existing.columns, *new.columns]))
    out = pd.concat([existing.reindex(columns=columns), new.reindex(columns=columns)], ignore_index=True)
    return gpd.GeoDataFrame(out, geometry=existing.geometry.name, crs=existing.crs)
