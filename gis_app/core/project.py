"""The project model: canonical layers (zones, subzones, parcels), extra layers, CRS, styles, view,
rule state and metadata, with events after every change and an undo stack (``core/model.py``,
``core/editing.py``). Views and the CLI observe or read it; every change goes through a command.

A project is saved as one GeoPackage: each layer a feature table, plus an attribute table
``kcn_project`` (key/value JSON) holding the project's name, CRS, provenance, layer order and
styles, and the last map view. Saves are atomic (temp file, then rename).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import geopandas as gpd
import numpy as np
import pandas as pd

from .crs import PROJECT_DEFAULT_EPSG, reproject, to_crs
from .errors import InputError
from .i18n import t
from .model import (FEATURES_ADDED, FEATURES_DELETED, LAYER_ADDED, LAYER_REMOVED, LAYER_RESTYLED,
                    LAYERS_REORDERED, RELOADED, CHECKED, Command, ProjectEvent, UndoStack)
from .schema import CANONICAL, empty_layer, validate_layer
from ..store.base import fingerprint

META_TABLE = "kcn_project"
BOOL_COLUMNS = ("general", "operating")
DATE_COLUMNS = ("established", "status_date", "leased_from")


@dataclass
class Project:
    crs: object = field(default_factory=lambda: to_crs(PROJECT_DEFAULT_EPSG))
    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)  # name, illustrative, sources, province, ...
    layer_state: list[dict] = field(default_factory=list)  # [{name, visible, opacity, style}], bottom first
    view: dict = field(default_factory=dict)  # {"extent": [xmin, ymin, xmax, ymax]}
    path: Path | None = None

    # -- canonical layers -------------------------------------------------------------------
    def layer(self, name: str) -> gpd.GeoDataFrame:
        """The named layer; canonical layers that the project lacks come back empty."""
        if name in self.layers:
            return self.layers[name]
        if name in CANONICAL:
            return empty_layer(CANONICAL[name], self.crs)
        raise KeyError(name)

    @property
    def zones(self) -> gpd.GeoDataFrame:
        return self.layer("zones")

    @property
    def subzones(self) -> gpd.GeoDataFrame:
        return self.layer("subzones")

    @property
    def parcels(self) -> gpd.GeoDataFrame:
        return self.layer("parcels")

    @property
    def name(self) -> str:
        return self.meta.get("name", self.path.stem if self.path else "")

    def add_layer(self, name: str, frame: gpd.GeoDataFrame, *, label: tuple | None = None) -> None:
        """Add or replace a layer (one undo step), reprojected to the project CRS; canonical layers
        are typed and checked against the data model (InputError, project unchanged)."""
        frame = self._prepared_layer(name, frame)
        kind = LAYER_ADDED
        self.replace_layers({name: frame}, [ProjectEvent(kind, name)],
                            label or ("Thêm lớp {name}", "Add layer {name}"), name=name)

    def _prepared_layer(self, name: str, frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        if frame.crs is None:
            raise InputError(t("lớp {name} không có hệ tọa độ", "layer {name} has no coordinate system",
                               name=name))
        if not to_crs(frame.crs).equals(self.crs):
            frame = reproject(frame, self.crs)
        if name in CANONICAL:
            frame = normalise_types(frame)
            validate_layer(frame, CANONICAL[name])
        return frame

    def remove_layer(self, name: str) -> None:
        """Remove a layer (one undo step)."""
        if name not in self.layers:
            raise InputError(t("không có lớp {name}", "no layer {name}", name=name))
        self.replace_layers({name: None}, [ProjectEvent(LAYER_REMOVED, name)],
                            ("Xóa lớp {name}", "Remove layer {name}"), name=name)

    def replace_layers(self, frames: dict, events: list, label: tuple, layer_state: list | None = None,
                       **values) -> None:
        """Swap whole layers (name → frame; None removes it) as one undo step: imports, accepted
        layouts, feature additions and deletions all go through here."""
        from .editing import ReplaceLayers

        vi, en = label
        self.push(ReplaceLayers(after=dict(frames), events=list(events), layer_state_after=layer_state,
                                label=(vi.format(**values), en.format(**values))))

    def set_layer_state(self, layer_state: list, kind: str = LAYER_RESTYLED, layer: str | None = None) -> None:
        """Layer order and display (visible, opacity, style), bottom first, as one undo step."""
        from .editing import SetLayerState

        if [dict(s) for s in layer_state] == self.layer_state:
            return
        label = ("Đổi thứ tự lớp", "Reorder layers") if kind == LAYERS_REORDERED else \
            ("Đổi cách hiển thị lớp {name}".format(name=layer or ""), "Restyle layer {name}".format(name=layer or ""))
        self.push(SetLayerState(layer_state=[dict(s) for s in layer_state], kind=kind, layer=layer, label=label))

    def show_layers(self, layer_state: list, kind: str = LAYER_RESTYLED, layer: str | None = None) -> None:
        """Record how the map shows the layers (order, visible, opacity, style) and emit ``kind``;
        not an undo step (as in QGIS, display is not an edit), but saved with the project."""
        layer_state = [dict(s) for s in layer_state]
        if layer_state != self.layer_state:
            self.layer_state = layer_state
            self._emit([ProjectEvent(kind, layer)])

    def set_meta(self, key: str, value) -> None:
        """Set a metadata key (name, province, ``rules``...) as one undo step."""
        from .editing import SetMeta

        if self.meta.get(key) == value:
            return
        label = ("Đổi quy tắc", "Change rules") if key == "rules" else \
            (f"Đổi {key}", f"Change {key}")
        self.push(SetMeta(key=key, value=value, label=label))

    def set_rules(self, **changes) -> None:
        """Change the rule state kept in ``meta["rules"]`` (``path`` or rule set ids, ``as_of``
        YYYY-MM-DD, ``proximity`` travel times file); None removes a key. One undo step."""
        rules = dict(self.meta.get("rules") or {})
        for key, value in changes.items():
            if value is None:
                rules.pop(key, None)
            else:
                rules[key] = value.isoformat() if hasattr(value, "isoformat") else value
        self.set_meta("rules", rules)

    # -- the project model API (../shared/CONTRACTS.md "Project model API") --------------------
    def __post_init__(self) -> None:
        self.crs = to_crs(self.crs)
        self._stack = UndoStack(self)
        self._subscribers: list[Callable] = []
        self._cache: dict = {}
        self._id_cache: dict = {}
        self._figure_state = None  # rules.figures.FigureState: the zone figures, kept edit by edit
        self._pending: dict = {}  # edits not yet applied to it (see _data_changed)
        self.check_result: dict | None = None  # the last published rule check (publish_check)

    @classmethod
    def open(cls, path: str | Path) -> "Project":
        """Read a project (GeoPackage or PostGIS address); InputError when unreadable or geographic
        (the message offers the province's VN-2000 TM-3 CRS)."""
        project = cls.load(path)
        from .project_crs import require_projected_project

        require_projected_project(project, str(path))
        return project

    @classmethod
    def of(cls, value) -> "Project":
        """``value`` itself when it is a Project (the desktop passes its model, so unsaved edits
        count), else the project read from that path."""
        return value if isinstance(value, Project) else cls.load(value)

    def snapshot(self) -> "Project":
        """A copy of the data, display state and metadata (no history, no subscribers), for work
        on another thread while the model keeps changing."""
        return Project(crs=self.crs, layers={n: f.copy() for n, f in self.layers.items()},
                       meta=copy.deepcopy(self.meta), layer_state=copy.deepcopy(self.layer_state),
                       view=dict(self.view), path=self.path)

    @classmethod
    def new(cls, crs=PROJECT_DEFAULT_EPSG, name: str = "", province: str | None = None) -> "Project":
        """An empty project in a projected CRS (a geographic one: InputError offering the TM-3 CRS)."""
        from .project_crs import require_projected

        crs = to_crs(crs)
        require_projected(crs, province=province)
        meta = {"name": name} if name else {}
        if province:
            meta["province"] = province
        return cls(crs=crs, meta=meta)

    @property
    def layer_names(self) -> list[str]:
        """Layer names, bottom of the map first."""
        order = [s["name"] for s in self.layer_state if s["name"] in self.layers]
        return order + [n for n in self.layers if n not in order]

    def frame(self, name: str) -> gpd.GeoDataFrame:
        """A copy of a layer (canonical layers the project lacks come back empty), in ``crs``."""
        return self.layer(name).copy()

    def add_features(self, layer: str, gdf: gpd.GeoDataFrame) -> list:
        """Add features (any CRS: reprojected; none: taken as the project's); missing ids are made up.
        Returns the new ids. One undo step; InputError and no change if the data model refuses them."""
        from .editing import concat_features, feature_ids, prepare_new_features

        new = prepare_new_features(self, layer, gdf)
        existing = self.layers.get(layer)
        if existing is None and layer in CANONICAL:
            existing = empty_layer(CANONICAL[layer], self.crs)
        merged = concat_features(existing, new)
        ids = tuple(feature_ids(merged, layer)[len(merged) - len(new):])
        events = [] if layer in self.layers else [ProjectEvent(LAYER_ADDED, layer)]
        events.append(ProjectEvent(FEATURES_ADDED, layer, ids))
        self.replace_layers({layer: merged}, events, ("Thêm {n} đối tượng vào {layer}",
                                                      "Add {n} features to {layer}"), n=len(ids), layer=layer)
        return list(ids)

    def set_attributes(self, layer: str, ids, values: dict) -> None:
        """Set ``values`` (field → value) on the features ``ids``: one undo step."""
        from .editing import SetAttributes

        ids = (ids,) if isinstance(ids, str) else tuple(ids)
        if not values:
            return
        self.push(SetAttributes(layer=layer, ids=ids, values=dict(values),
                                label=("Sửa thuộc tính ({n} đối tượng, {layer})".format(n=len(ids), layer=layer),
                                       "Edit attributes ({n} features, {layer})".format(n=len(ids), layer=layer))))

    def set_geometry(self, layer: str, feature_id, geometry) -> None:
        """Replace one feature's geometry (shapely, in ``crs``): one undo step."""
        from .editing import SetGeometry

        self.push(SetGeometry(layer=layer, feature_id=feature_id, geometry=geometry,
                              label=(f"Sửa hình {feature_id}", f"Edit shape of {feature_id}")))

    def delete_features(self, layer: str, ids) -> None:
        """Delete the features ``ids``: one undo step."""
        from .editing import rows_of

        ids = (ids,) if isinstance(ids, str) else tuple(ids)
        rows = rows_of(self, layer, ids)
        frame = self.layers[layer]
        keep = np.ones(len(frame), dtype=bool)
        keep[rows] = False
        after = frame.iloc[keep]
        after = after.reset_index(drop=True) if layer in CANONICAL else after
        self.replace_layers({layer: after}, [ProjectEvent(FEATURES_DELETED, layer, tuple(str(i) for i in ids))],
                            ("Xóa {n} đối tượng của {layer}", "Delete {n} features of {layer}"),
                            n=len(ids), layer=layer)

    def push(self, command: Command) -> None:
        """Apply ``command`` and record it for undo (InputError: nothing applied, nothing recorded)."""
        self._stack.push(command)

    def undo(self) -> None:
        self._stack.undo()

    def redo(self) -> None:
        self._stack.redo()

    @property
    def can_undo(self) -> bool:
        return self._stack.can_undo

    @property
    def can_redo(self) -> bool:
        return self._stack.can_redo

    @property
    def undo_stack(self) -> UndoStack:
        return self._stack

    @property
    def modified(self) -> bool:
        """True when the project differs from its last save (or load)."""
        return not self._stack.is_clean

    def subscribe(self, callback: Callable[[ProjectEvent], None]) -> Callable[[], None]:
        """Call ``callback(event)`` after every change; returns a function that unsubscribes."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def publish_check(self, result: dict | None) -> None:
        """Make ``result`` (``rules.check.run_check``'s dict for the current data, or None) the
        project's check result and tell every view (a CHECKED event). A result is derived from the
        data, so publishing it is no edit: no undo step, not saved, ``modified`` unchanged."""
        self.check_result = result
        self._emit([ProjectEvent(CHECKED)])

    def unsubscribe(self, callback) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    def zone_figures(self) -> pd.DataFrame:
        """Per zone (index zone_id) the figures of ``check --json`` (gross_m2 ... cnht_share and the
        rule inputs), from the current data and rule set; cached until the next change."""
        return self._figures().copy()

    def _figures(self) -> pd.DataFrame:
        """Cached zone figures (``rules.figures.FigureState``); after edits that kept the layers'
        rows in place only the edited features' measures and their zones' figures are recomputed."""
        from ..rules.figures import FigureState

        state = self._figure_state
        if state is not None and self._pending:
            pending, self._pending = self._pending, {}
            state.update(self, parcel_rows=sorted(pending.get("rows", ())), shapes=pending.get("shapes", False),
                         subzone_zones=pending.get("subzones", set()), zone_ids=pending.get("zones", set()))
        if state is None:
            self.rulesets()  # a broken stored rule set is an InputError here, as for the check
            self._pending = {}
            state = self._figure_state = FigureState(self)
        return state.table

    def fill_rates(self) -> pd.DataFrame:
        """Per zone land fund, leased, vacant and fill rate (``core/fill_rates.py``), cached."""
        from .fill_rates import COLUMNS

        from .fill_rates import zone_fill_rates

        if not len(self.zones):
            return zone_fill_rates(self)
        try:
            return self._figures()[[c for c in COLUMNS if c != "zone_id"]]
        except InputError:  # the stored rule set is gone or broken: fill rates do not need it
            if "fill_rates" not in self._cache:
                self._cache["fill_rates"] = zone_fill_rates(self)
            return self._cache["fill_rates"]

    def rulesets(self) -> list:
        """The rule sets in use, as ``check`` resolves them without ``--rules``: those stored in the
        project (with their overrides), else the defaults (``rules.ruleset.resolve_rulesets``).
        Raises InputError when a stored set no longer validates."""
        if "rulesets" not in self._cache:
            from ..rules.ruleset import resolve_rulesets

            self._cache["rulesets"] = resolve_rulesets(None, self.meta)
        return self._cache["rulesets"]

    def ruleset(self):
        """The first rule set in use (older callers); ``rulesets()`` has them all."""
        return self.rulesets()[0]

    def set_rulesets(self, rulesets: list) -> None:
        """Keep ``rulesets`` (validated ``RuleSet`` objects with their overrides) in the project, as
        one undoable step; ``check`` and every output then use them."""
        from ..rules.ruleset import META_KEY, OVERRIDES_KEY, store_rulesets
        from .editing import SetMetaKeys

        stored = store_rulesets({}, rulesets)
        self.push(SetMetaKeys(values={META_KEY: stored[META_KEY], OVERRIDES_KEY: stored[OVERRIDES_KEY]},
                              label=("Đổi bộ quy tắc", "Change rule sets")))

    def check(self) -> dict:
        """The dict ``check --json`` writes, with the project's rule state; cached until a change."""
        if "check" not in self._cache:
            import datetime as dt

            from ..rules.check import run_check
            from ..rules.travel import load_travel_times

            rules = self.meta.get("rules") or {}
            as_of = dt.date.fromisoformat(rules["as_of"]) if rules.get("as_of") else None
            travel = load_travel_times(rules["proximity"]) if rules.get("proximity") else None
            self._cache["check"] = run_check(self, self.rulesets(), as_of, travel=travel)
        return copy.deepcopy(self._cache["check"])

    # -- internals the commands use ------------------------------------------------------------
    def _emit(self, events: list[ProjectEvent], replay: bool = False) -> None:
        for event in events:
            if replay and not event.replay:
                event = ProjectEvent(event.kind, event.layer, event.ids, event.columns, True)
            if event.kind == RELOADED:
                self._data_changed(None)
            for callback in list(self._subscribers):
                callback(event)

    def _data_changed(self, layer: str | None, key_changed: bool = False, zones: set | None = None,
                      rows=None, columns: tuple = ()) -> None:
        """Drop what derives from the data. Figures survive an edit that kept the layer's rows in
        place (``rows`` of parcels with their ``columns``, or the ``zones`` whose subzones or own
        fields changed): it is noted and applied on the next read. Anything else (``layer`` None:
        rules or metadata; whole frames swapped) drops them."""
        rulesets = self._cache.get("rulesets")
        self._cache.clear()
        if layer is not None and rulesets is not None:  # a data edit keeps the rule sets (meta holds them)
            self._cache["rulesets"] = rulesets
        if key_changed:
            self._id_cache.pop(layer, None)
        if layer is not None and layer not in ("zones", "subzones", "parcels"):
            return  # the figures read those three layers only
        incremental = self._figure_state is not None and self._figure_state.valid and (
            (layer == "parcels" and rows is not None)
            or (layer == "subzones" and zones is not None)
            or (layer == "zones" and zones is not None and not key_changed))
        if not incremental:
            self._figure_state, self._pending = None, {}
            return
        if layer == "parcels":
            self._pending.setdefault("rows", set()).update(int(r) for r in np.atleast_1d(rows))
            if {"geometry", "landuse", "zone_id"} & set(columns):
                self._pending["shapes"] = True
        else:
            self._pending.setdefault(layer, set()).update(zones)

    def _frame_for_edit(self, name: str) -> gpd.GeoDataFrame:
        if name not in self.layers:
            raise InputError(t("không có lớp {name}", "no layer {name}", name=name))
        return self.layers[name]

    def _id_index(self, name: str) -> pd.Index:
        from .editing import feature_ids

        frame = self._frame_for_edit(name)
        cached = self._id_cache.get(name)
        if cached is None or cached[0] is not frame:
            cached = self._id_cache[name] = (frame, feature_ids(frame, name))
        return cached[1]

    # -- persistence ------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> "Project":
        """Read a project as one consistent snapshot from a GeoPackage path or a PostGIS address.

        The store (``gis_app.store``) does the reading; this builds the project from what it read.
        Raises InputError for a missing or unreadable project.
        """
        from ..store import is_database_address, open_store
        from ..store.base import STATE_ATTRIBUTE

        address = path if is_database_address(str(path)) else Path(path)
        data = open_store(address).read()
        values = data.values
        crs = to_crs(values.get("crs", PROJECT_DEFAULT_EPSG))
        project = cls(crs=crs, meta=values.get("meta", {}), layer_state=values.get("layer_state", []),
                      view=values.get("view", {}), path=address if isinstance(address, Path) else None)
        where = str(address)
        for layer_name, frame in data.layers.items():
            if frame.crs is None:
                frame = frame.set_crs(crs)
            if crs.is_projected and not to_crs(frame.crs).equals(crs):
                frame = reproject(frame, crs)  # canonical layers too: a project has one CRS
            if layer_name in CANONICAL:
                frame = normalise_types(frame)
                validate_layer(frame, CANONICAL[layer_name], f"{where}:{layer_name}")
            project.layers[layer_name] = frame
        known = {s["name"] for s in project.layer_state}
        for name in project.layers:
            if name not in known:
                project.layer_state.append({"name": name, "visible": True, "opacity": 1.0, "style": {}})
        project.layer_state = [s for s in project.layer_state if s["name"] in project.layers]
        if project.path is None:
            project.address = where
        data.state.fingerprints = {name: fingerprint(frame) for name, frame in project.layers.items()}
        setattr(project, STATE_ATTRIBUTE, data.state)
        return project

    def save(self, path: str | Path | None = None) -> Path:
        """Save to ``path`` (default: where the project came from), atomically, through its store;
        marks the project unmodified (the undo history stays).

        Raises InputError (ChangedSinceOpened, RowConflicts, NotAllowed...) when the store refuses, or
        when a new project is saved without a path.
        """
        from ..store import is_database_address, open_store

        target = path or self.path or getattr(self, "address", None)
        if target is None:
            raise InputError(t("dự án chưa có tệp: cần đường dẫn để lưu", "the project has no file yet: give a path"))
        if is_database_address(str(target)):
            open_store(str(target)).write(self)
            self.address = str(target)
            self._stack.set_clean()
            return target
        path = Path(target)
        open_store(path).write(self)
        self.path = path
        self._stack.set_clean()
        return path


def normalise_types(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Bring a canonical layer's columns to their in-memory types (dates, nullable booleans)."""
    frame = frame.copy()
    for column in DATE_COLUMNS:
        if column in frame.columns:
            frame[column] = to_dates(frame[column]).dt.normalize()
    for column in BOOL_COLUMNS:
        if column in frame.columns:
            frame[column] = _to_boolean(frame[column])
    for column in ("industrial_m2", "leased_m2", "capacity_m3_day"):
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


def to_dates(series: pd.Series) -> pd.Series:
    """Dates of a canonical date field: datetimes as they are; text as ISO (2003-08-05) or, as
    Vietnamese documents write them, day first (05/08/2003, 5-8-2003, 05.08.2003 = 5 August 2003:
    never month first). Text that is no date stays NaT (the import report lists such values)."""
    if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
        return pd.to_datetime(series, errors="coerce")
    text = series.astype("string").str.strip()
    out = pd.to_datetime(text, errors="coerce", format="ISO8601")
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        todo = out.isna() & text.notna()
        if not todo.any():
            break
        out[todo] = pd.to_datetime(text[todo], errors="coerce", format=pattern)
    return out


def _to_boolean(series: pd.Series) -> pd.Series:
    mapping = {"true": True, "1": True, "yes": True, "có": True,
               "false": False, "0": False, "no": False, "không": False}
    def one(v):
        if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
            return pd.NA
        if isinstance(v, str):
            return mapping.get(v.strip().lower(), pd.NA)
        return bool(v)
    return pd.array([one(v) for v in series], dtype="boolean")


def _for_writing(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = frame.copy()
    for column in DATE_COLUMNS:
        if column in out.columns:
            out[column] = pd.to_datetime(out[column], errors="coerce").astype("datetime64[ms]")
    return out


def _short(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
