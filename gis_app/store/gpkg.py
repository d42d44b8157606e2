"""GeoPackage project store (the default; no server needed).

Reading: one SQLite connection and one read transaction for the whole project, so a save landing in
between can never give a mixed project, and the cost is linear in the number of layers (no open per
layer). Geometries come out of the GeoPackage blobs in SQL (header stripped) and are parsed by
shapely in one vectorised call.

Writing (copy-on-write): a consistent copy of the file as it is now (SQLite backup API) keeps every
table the application does not know (a user's ``contracts``, QGIS's ``layer_styles``...) and every
unchanged layer byte for byte; only layers whose content changed are rewritten (in their stored CRS);
the project table gets a new revision; the copy is checked and renamed over the file. A file that
another program (QGIS in WAL mode) holds open is never replaced underneath it: the save is refused
with a message. A file saved by someone else since it was read raises ChangedSinceOpened.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..core.atomic import WriteCheckFailed, atomic_path, clean_leftovers, write_error
from ..core.crs import to_crs
from ..core.errors import InputError
from ..core.i18n import t
from .base import ChangedSinceOpened, NotAllowed, ProjectData, ProjectStore, ReadState, fingerprint, read_state

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

META_TABLE = "kcn_project"
# GeoPackage blob header: 8 bytes + an envelope whose size the flags byte (4th) encodes (GPKG 1.3, 2.1.3).
_WKB_SQL = ("substr({g}, 9 + CASE substr(hex(substr({g}, 4, 1)), 2, 1) "
            "WHEN '2' THEN 32 WHEN '3' THEN 32 WHEN '4' THEN 48 WHEN '5' THEN 48 "
            "WHEN '6' THEN 48 WHEN '7' THEN 48 WHEN '8' THEN 64 WHEN '9' THEN 64 ELSE 0 END)")
_INT_TYPES = ("INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT")
_FLOAT_TYPES = ("REAL", "FLOAT", "DOUBLE")


def _qi(name: str) -> str:
    """An SQLite quoted identifier (any name, quotes doubled)."""
    return '"' + name.replace('"', '""') + '"'


def _short(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


class GeoPackageStore(ProjectStore):
    """A project in one GeoPackage file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.address = str(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    # -- reading ---------------------------------------------------------------------------------
    def read(self, progress=None) -> ProjectData:
        path = self.path
        if not path.exists():
            raise InputError(t("không tìm thấy tệp dự án", "project file not found"), path)
        clean_leftovers(path)
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise InputError(t("không phải GeoPackage hợp lệ ({err})", "not a valid GeoPackage ({err})",
                               err=_short(exc)), path) from exc
        try:
            db.execute("BEGIN")  # one read transaction: one snapshot of the whole file
            token = _token(db, path)
            listed = _feature_tables(db, path)
            values = _read_meta(db)
            state = ReadState(address=self.address, token=token)
            layers = {}
            for i, (table, geometry_column, srs_id) in enumerate(listed):
                layers[table] = _read_layer(db, path, table, geometry_column, srs_id)
                state.layer_crs[table] = layers[table].crs
                if progress:
                    progress(100.0 * (i + 1) / len(listed))
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise InputError(t("không phải GeoPackage hợp lệ ({err})", "not a valid GeoPackage ({err})",
                               err=_short(exc)), path) from exc
        finally:
            db.close()
        return ProjectData(layers=layers, values=values, state=state)

    # -- writing ---------------------------------------------------------------------------------
    def write(self, project, force: bool = False, progress=None) -> None:
        from ..core.project import CANONICAL, _for_writing

        path = self.path
        previous = read_state(project)
        same_file = previous is not None and Path(previous.address) == path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # e.g. a file where the folder should be: a message naming it, exit 2
            raise write_error(exc, path) from None
        with _save_lock(path):
            if path.exists():
                clean_leftovers(path)
                if _held_by_another_client(path):
                    raise NotAllowed(t(
                        "tệp đang được mở trong một chương trình khác (ví dụ QGIS); hãy đóng nó ở đó rồi lưu "
                        "lại, hoặc lưu thành tệp khác", "the file is open in another program (e.g. QGIS); "
                        "close it there and save again, or save as another file"), path)
                if same_file and not force and _current_token(path) != previous.token:
                    raise ChangedSinceOpened(t(
                        "tệp đã được lưu bởi người/chương trình khác sau khi anh/chị mở nó",
                        "the file was saved by someone or something else after you opened it"), path)
            # The base to copy unknown tables and unchanged layers from: the target itself when this
            # project came from it (or is forced over it), else the file it was read from (save as).
            if path.exists() and (same_file or force):
                base = path
            elif previous is not None and Path(previous.address).exists() \
                    and str(previous.address).lower().endswith(".gpkg"):
                base = Path(previous.address)
            else:
                base = None
            unchanged_ok = base is not None and previous is not None and (
                base == Path(previous.address)) and (not force or _current_token(base) == previous.token)
            revision = uuid.uuid4().hex
            with atomic_path(path, suffix=".gpkg", verify=_verify_gpkg) as tmp:
                stored = set()
                if base is not None:
                    _copy_consistent(base, tmp)
                    stored = {name for name, _, _ in _feature_tables_of(tmp)}
                names = list(project.layers)
                for i, name in enumerate(names):
                    frame = project.layers[name]
                    if unchanged_ok and name in stored and previous.fingerprints.get(name) is not None \
                            and previous.fingerprints[name] == fingerprint(frame):
                        continue  # byte-for-byte as stored: column types and CRS untouched
                    out = frame if name not in CANONICAL else _for_writing(frame)
                    stored_crs = previous.layer_crs.get(name) if previous else None
                    if name not in CANONICAL and stored_crs is not None and out.crs is not None \
                            and not to_crs(stored_crs).equals(out.crs):
                        from ..core.crs import reproject
                        out = reproject(out, stored_crs)
                    _write_layer(tmp, name, out)
                    if progress:
                        progress(90.0 * (i + 1) / max(len(names), 1))
                for gone in stored - set(names):
                    if previous is not None and gone in previous.layer_crs:  # removed in the app
                        _drop_layer(tmp, gone)
                if not Path(tmp).exists() or Path(tmp).stat().st_size == 0:
                    _create_empty_gpkg(tmp)  # a new project with no layer yet is still a GeoPackage
                _write_meta(tmp, {"crs": project.crs.to_epsg() or project.crs.to_wkt(), "meta": project.meta,
                                  "layer_state": project.layer_state, "view": project.view,
                                  "revision": revision})
            token = _current_token(path)
        state = ReadState(address=self.address, token=token)
        for name, frame in project.layers.items():
            state.fingerprints[name] = fingerprint(frame)
            stored_crs = previous.layer_crs.get(name) if previous else None
            state.layer_crs[name] = stored_crs if (stored_crs is not None and name not in CANONICAL) \
                else frame.crs
        if progress:
            progress(100.0)
        setattr(project, "_store_state", state)


# -- helpers: reading ------------------------------------------------------------------------------
def _feature_tables(db: sqlite3.Connection, path: Path) -> list[tuple[str, str, int]]:
    try:
        return db.execute(
            "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
            "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
            "WHERE c.data_type = 'features' ORDER BY c.rowid").fetchall()
    except sqlite3.DatabaseError as exc:
        raise InputError(t("không phải GeoPackage hợp lệ ({err})", "not a valid GeoPackage ({err})",
                           err=_short(exc)), path) from exc


def _feature_tables_of(path: Path) -> list[tuple[str, str, int]]:
    db = sqlite3.connect(path)
    try:
        return _feature_tables(db, path)
    finally:
        db.close()


def _crs_of(db: sqlite3.Connection, srs_id: int):
    row = db.execute("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
                     "WHERE srs_id = ?", (srs_id,)).fetchone()
    if row is None or srs_id in (0, -1):
        return None
    organization, code, definition = row
    if organization and organization.upper() == "EPSG" and code:
        with contextlib.suppress(Exception):
            return to_crs(int(code))
    if definition and definition != "undefined":
        return to_crs(definition)
    return None


def _read_layer(db: sqlite3.Connection, path: Path, table: str, geometry_column: str, srs_id: int):
    info = db.execute(f"PRAGMA table_info({_qi(table)})").fetchall()
    columns = [(name, (decl or "").upper()) for _, name, decl, _, _, pk in info
               if not pk and name != geometry_column]
    select = ", ".join([_qi(c) for c, _ in columns] + [_WKB_SQL.format(g=_qi(geometry_column))])
    try:
        rows = db.execute(f"SELECT {select} FROM {_qi(table)}").fetchall()
    except sqlite3.DatabaseError as exc:
        raise InputError(t("không đọc được lớp {layer} ({err})", "cannot read layer {layer} ({err})",
                           layer=table, err=_short(exc)), path) from exc
    names = [c for c, _ in columns]
    raw = pd.DataFrame.from_records(rows, columns=names + ["__wkb__"]) if rows else \
        pd.DataFrame({c: [] for c in names + ["__wkb__"]})
    data = {name: _typed(raw[name], decl) for name, decl in columns}
    wkb = raw["__wkb__"].to_numpy(dtype=object)
    geometry = shapely.from_wkb(wkb, on_invalid="ignore") if len(wkb) else np.array([], dtype=object)
    frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geometry, crs=_crs_of(db, srs_id)),
                             crs=_crs_of(db, srs_id))
    return frame.rename_geometry("geometry") if frame.geometry.name != "geometry" else frame


def _typed(series: pd.Series, decl: str) -> pd.Series:
    """A column as GDAL would give it, from its declared GeoPackage type (GPKG 1.3, table 1)."""
    base = decl.split("(")[0].strip()
    if base in _INT_TYPES:
        numbers = pd.to_numeric(series, errors="coerce")
        if numbers.isna().any():
            return numbers.astype("float64")
        return numbers.astype("int64")
    if base in _FLOAT_TYPES:
        return pd.to_numeric(series, errors="coerce").astype("float64")
    if base == "BOOLEAN":
        if series.isna().any():
            return series.map(lambda v: None if v is None or pd.isna(v) else bool(v)).astype(object)
        return series.astype(bool)
    if base == "DATE":
        return pd.to_datetime(series, errors="coerce").astype("datetime64[ms]")
    if base == "DATETIME":  # GDAL: naive unless the stored text carries a zone (Z or ±hh:mm)
        text = series.dropna().astype(str)
        zoned = bool(len(text)) and bool(text.str.contains(r"(?:Z|[+-]\d\d:?\d\d)$").all())
        parsed = pd.to_datetime(series, errors="coerce", format="ISO8601", utc=zoned)
        return parsed.astype("datetime64[ms, UTC]" if zoned else "datetime64[ms]")
    if base == "BLOB":
        return series.astype(object)
    return series.astype("str").where(series.notna(), None) if len(series) else series.astype("str")


def _read_meta(db: sqlite3.Connection) -> dict:
    try:
        rows = db.execute(f"SELECT key, value FROM {_qi(META_TABLE)}").fetchall()
    except sqlite3.Error:
        return {}
    out = {}
    for key, value in rows:
        with contextlib.suppress(json.JSONDecodeError, TypeError):
            out[key] = json.loads(value)
    return out


def _token(db: sqlite3.Connection, path: Path):
    """Identity of the stored revision: the project table's revision plus the file's size and mtime."""
    try:
        row = db.execute(f"SELECT value FROM {_qi(META_TABLE)} WHERE key = 'revision'").fetchone()
    except sqlite3.Error:
        row = None
    stat = path.stat()
    return (row[0] if row else None, stat.st_size, stat.st_mtime_ns)


def _current_token(path: Path):
    if not path.exists():
        return None
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _token(db, path)
    finally:
        db.close()


# -- helpers: writing ------------------------------------------------------------------------------
@contextlib.contextmanager
def _save_lock(path: Path):
    """Serialise our own processes' saves of one file (check-then-replace must not interleave)."""
    if fcntl is None or not path.exists():
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # BSD lock: independent of SQLite's POSIX locks
        yield
    finally:
        os.close(fd)


def _held_by_another_client(path: Path, patience: float = 2.0) -> bool:
    """True when another process keeps the GeoPackage open in WAL mode, or keeps it locked.

    A WAL client holds a shared lock on the dead-man-switch byte (offset 128) of the ``-shm`` file for
    as long as its connection is open (SQLite os_unix.c, UNIX_SHM_DMS); replacing the file under it
    corrupts its next commit. Short-lived readers (another load) are waited for up to ``patience`` s.
    """
    import time

    shm = Path(f"{path}-shm")
    deadline = time.monotonic() + patience
    while fcntl is not None and shm.exists():
        try:
            fd = os.open(shm, os.O_RDWR)
        except OSError:
            break
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
            break
        except OSError:
            if time.monotonic() > deadline:
                return True
        finally:
            os.close(fd)
        time.sleep(0.05)
    try:
        db = sqlite3.connect(path, timeout=patience)
        try:
            db.execute("BEGIN EXCLUSIVE")
            db.execute("ROLLBACK")
        finally:
            db.close()
    except sqlite3.OperationalError:
        return True
    return False


def _copy_consistent(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # the copy must be one self-contained file
    finally:
        dst.close()
        src.close()


def _write_layer(path: Path, name: str, frame) -> None:
    """One layer into the GeoPackage. A column named like GDAL's default row id ("fid", any case)
    would silently become the row id and vanish (issue 12): then the row id gets another name."""
    import pyogrio

    options = {}
    lowered = {str(c).lower() for c in frame.columns}
    if "fid" in lowered:
        fid = "kcn_fid"
        while fid in lowered:
            fid += "_"
        options["FID"] = fid
    pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG", promote_to_multi=False, layer_options=options)
    _restore_nul_text(path, name, frame)


def _gpkg_geometry(blob):
    """The shapely geometry of a GeoPackage geometry blob (GeoPackage 1.3 §2.1.3: "GP", version,
    flags whose bits 1–3 give the envelope size), None for NULL or an empty geometry."""
    if blob is None or len(blob) < 8 or (blob[3] >> 4) & 1:
        return None
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((blob[3] >> 1) & 7, 0)
    return shapely.from_wkb(bytes(blob[8 + envelope:]))


def _gpkg_trigger_functions(db: sqlite3.Connection) -> None:
    """The SQL functions GDAL's R-tree triggers call (ST_IsEmpty, ST_MinX...), for updates made with
    Python's sqlite3 where GDAL is not there to provide them."""
    db.create_function("ST_IsEmpty", 1, lambda b: int(_gpkg_geometry(b) is None or _gpkg_geometry(b).is_empty))
    for i, fn in enumerate(("ST_MinX", "ST_MinY", "ST_MaxX", "ST_MaxY")):
        db.create_function(fn, 1, lambda b, i=i: None if _gpkg_geometry(b) is None else
                           float(shapely.bounds(_gpkg_geometry(b))[i]))


def _restore_nul_text(path: Path, name: str, frame) -> None:
    """Write again, through SQLite, the text values holding a NUL character: GDAL ends C strings at
    NUL and would silently save "a\\x00b" as "a". Rows are matched by position to the new table's
    rowids (the layer was just written in frame order)."""
    hits = {}
    for column in frame.columns:
        series = frame[column]
        if column == getattr(frame, "_geometry_column_name", None) or not (
                series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        text = series.where(series.map(type) == str)
        hit = np.flatnonzero(text.str.contains("\x00", regex=False, na=False).to_numpy())
        if len(hit):
            hits[column] = (hit, text.to_numpy(dtype=object)[hit])
    if not hits:
        return
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        _gpkg_trigger_functions(db)
        rowids = [r[0] for r in db.execute(f"SELECT rowid FROM {_qi(name)} ORDER BY rowid")]
        for column, (rows, values) in hits.items():
            db.executemany(f"UPDATE {_qi(name)} SET {_qi(column)} = ? WHERE rowid = ?",
                           [(v, rowids[i]) for i, v in zip(rows, values)])


def _drop_layer(path: Path, name: str) -> None:
    import fiona

    fiona.remove(str(path), driver="GPKG", layer=name)


def _create_empty_gpkg(path: Path) -> None:
    """A GeoPackage with its system tables and no layer: GDAL writes a one-row layer, which is dropped."""
    import geopandas as gpd
    import pyogrio

    pyogrio.write_dataframe(gpd.GeoDataFrame({"x": [0]}, geometry=[shapely.Point(0, 0)], crs=4326),
                            path, layer="kcn_empty", driver="GPKG")
    _drop_layer(path, "kcn_empty")


def _write_meta(path: Path, values: dict) -> None:
    db = sqlite3.connect(path)
    try:
        db.execute(f"CREATE TABLE IF NOT EXISTS {_qi(META_TABLE)} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.executemany(f"INSERT OR REPLACE INTO {_qi(META_TABLE)} VALUES (?, ?)",
                       [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])
        # Register it as a GeoPackage attributes table so GDAL/QGIS list it cleanly.
        db.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier) "
                   "VALUES (?, 'attributes', ?)", (META_TABLE, META_TABLE))
        db.commit()
    finally:
        db.close()


def _verify_gpkg(path: Path) -> None:
    """The copy must be a sound SQLite file with its project table before it replaces anything."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = db.execute("PRAGMA quick_check").fetchone()[0]
            db.execute(f"SELECT count(*) FROM {_qi(META_TABLE)}").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise WriteCheckFailed(f"{path}: {exc}") from exc
    if ok != "ok":
        raise WriteCheckFailed(f"{path}: {ok}")
