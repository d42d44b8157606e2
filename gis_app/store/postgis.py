"""PostGIS project store: a project is one schema of a shared province database.

Address: ``postgresql://USER@HOST:PORT/DATABASE?project=SCHEMA`` (libpq URI; ``sslmode`` etc. may be
added; TLS is used when the server offers it, libpq's ``prefer``). The password never appears in the
address: it comes from the OS keyring (:mod:`gis_app.store.credentials`) or libpq's own means
(``PGPASSWORD``, ``.pgpass``).

Schema layout (all names quoted identifiers through psycopg's ``sql`` module, all values parameters):

- one table per layer: ``kcn_fid`` (identity), ``kcn_version`` (row version, raised by a trigger on
  every update), the attribute columns, ``geom`` (geometry in the layer's SRID, GiST index);
- ``kcn_project`` (key, value jsonb): CRS, meta, layer order and styles, view;
- ``kcn_layers``: per layer its key column, column types and position;
- ``kcn_edit_log``: who, when, layer, row, operation, before and after (jsonb), written by a trigger
  (SECURITY DEFINER), so every edit is logged whoever makes it and editors cannot rewrite the log.

Concurrency: canonical layers (zones, subzones, parcels, facilities) are saved row by row: a changed or
deleted row is written only ``WHERE kcn_version = <the version read>``; any row that another planner
changed meanwhile makes the whole save roll back with :class:`RowConflicts` (both versions), never a
lost update. Extra layers are saved whole with a layer version checked the same way.

Roles (cluster-wide, made by :func:`ensure_roles`): ``kcn_viewer`` may read, ``kcn_editor`` may also
edit rows; the database enforces both (GRANTs), the application only explains a refusal.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..core.crs import to_crs
from ..core.errors import InputError
from ..core.i18n import t
from .base import (ChangedSinceOpened, NotAllowed, ProjectData, ProjectStore, ReadState, RowConflict,
                   RowConflicts, fingerprint, read_state)

log = logging.getLogger(__name__)

DEFAULT_PROJECT = "kcn"
VIEWER_ROLE, EDITOR_ROLE = "kcn_viewer", "kcn_editor"
SYSTEM_COLUMNS = ("kcn_fid", "kcn_version", "geom")
ID_FIELDS = {"zones": "zone_id", "subzones": "subzone_id", "parcels": "parcel_id", "facilities": "facility_id"}
DATE_FIELDS = ("established", "status_date", "leased_from")


# -- addresses -------------------------------------------------------------------------------------
def split_address(address: str) -> tuple[str, str]:
    """(libpq URI without our ``project`` parameter, schema name). InputError for a bad address."""
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("postgresql", "postgres"):
        raise InputError(t("địa chỉ cơ sở dữ liệu phải bắt đầu bằng postgresql://",
                           "a database address starts with postgresql://"), address)
    query = parse_qsl(parts.query, keep_blank_values=True)
    project = next((v for k, v in query if k == "project"), DEFAULT_PROJECT) or DEFAULT_PROJECT
    rest = urlencode([(k, v) for k, v in query if k != "project"])
    if parts.password:
        raise InputError(t("không ghi mật khẩu trong địa chỉ; ứng dụng lấy nó từ kho khóa của hệ điều hành",
                           "do not put the password in the address; it is kept in the OS keyring"),
                         redact(address))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, "")), project


def make_address(host: str, port: int | str, database: str, user: str, project: str = DEFAULT_PROJECT,
                 sslmode: str | None = None) -> str:
    """``postgresql://user@host:port/database?project=...`` with every part percent-encoded."""
    from urllib.parse import quote

    query = {"project": project}
    if sslmode:
        query["sslmode"] = sslmode
    return (f"postgresql://{quote(user, safe='')}@{quote(host, safe='')}:{int(port)}/{quote(database, safe='')}"
            f"?{urlencode(query)}")


def address_from_dsn(dsn: str, project: str = DEFAULT_PROJECT) -> str:
    """A project address from a libpq key=value string (``KCN_PG_DSN``)."""
    from psycopg.conninfo import conninfo_to_dict

    values = conninfo_to_dict(dsn)
    return make_address(values.get("host", "localhost"), values.get("port", 5432), values.get("dbname", ""),
                        values.get("user", ""), project, values.get("sslmode"))


def redact(address: str) -> str:
    """The address with any password removed, fit for a log line or a message."""
    parts = urlsplit(address)
    if parts.password is None:
        return address
    netloc = parts.netloc.replace(f":{parts.password}@", "@")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def connect(address: str, autocommit: bool = False):
    """A psycopg connection for ``address``; the password from the keyring when one is stored there."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    from .credentials import get_password

    uri, _ = split_address(address)
    values = conninfo_to_dict(uri)
    values.setdefault("sslmode", "prefer")
    values.setdefault("connect_timeout", "10")
    values.setdefault("application_name", "KCN Planner")
    password = get_password(values.get("host", ""), values.get("port", 5432), values.get("dbname", ""),
                            values.get("user", ""))
    if password:
        values["password"] = password
    try:
        return psycopg.connect(autocommit=autocommit, **values)
    except psycopg.OperationalError as exc:
        raise InputError(t("không kết nối được cơ sở dữ liệu ({err})", "cannot connect to the database ({err})",
                           err=" ".join(str(exc).split())[-200:] or "?"),
                         redact(address)) from exc


# -- the store -------------------------------------------------------------------------------------
class PostgisStore(ProjectStore):
    """A project in one schema of a PostGIS database."""

    def __init__(self, address: str):
        self.address = address
        self.uri, self.schema = split_address(address)

    def _q(self, *names):
        from psycopg import sql
        return sql.Identifier(self.schema, *names)

    def exists(self) -> bool:
        with connect(self.address) as conn:
            return _schema_exists(conn, self.schema)

    # -- reading ---------------------------------------------------------------------------------
    def read(self, progress=None) -> ProjectData:
        from psycopg import sql

        with connect(self.address) as conn:
            ensure_vn2000_srids(conn)
            conn.commit()
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")  # one snapshot
            if not _schema_exists(conn, self.schema):
                raise InputError(t("cơ sở dữ liệu không có dự án {p}", "the database has no project {p}",
                                   p=self.schema), redact(self.address))
            values = {k: v for k, v in conn.execute(
                sql.SQL("SELECT key, value FROM {}").format(self._q("kcn_project"))).fetchall()}
            layers_info = conn.execute(sql.SQL(
                "SELECT name, key_column, columns, srid, version FROM {} ORDER BY position, name").format(
                    self._q("kcn_layers"))).fetchall()
            state = ReadState(address=self.address, token=values.get("revision"))
            layers = {}
            for i, (name, key_column, columns, srid, version) in enumerate(layers_info):
                frame, versions = self._read_layer(conn, name, key_column, dict(columns), srid)
                layers[name] = frame
                state.layer_crs[name] = frame.crs
                state.rows[name] = versions
                state.extra.setdefault("layer_versions", {})[name] = version
                if progress:
                    progress(100.0 * (i + 1) / max(len(layers_info), 1))
            conn.rollback()
        return ProjectData(layers=layers, values=values, state=state)

    def _read_layer(self, conn, name, key_column, columns, srid):
        from psycopg import sql

        names = list(columns)
        query = sql.SQL("SELECT {cols}, kcn_version, ST_AsBinary(geom) FROM {t} ORDER BY kcn_fid").format(
            cols=sql.SQL(", ").join([sql.Identifier(c) for c in names]) if names else sql.SQL("kcn_fid"),
            t=self._q(name))
        rows = conn.execute(query).fetchall()
        head = names if names else ["kcn_fid"]
        raw = pd.DataFrame.from_records(rows, columns=head + ["kcn_version", "geom"]) if rows else \
            pd.DataFrame({c: [] for c in head + ["kcn_version", "geom"]})
        data = {c: _from_pg(raw[c], columns[c]) for c in names}
        wkb = raw["geom"].map(lambda b: bytes(b) if b is not None else None).to_numpy(dtype=object) \
            if len(raw) else np.array([], dtype=object)
        crs = to_crs(srid) if srid else None
        frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(shapely.from_wkb(wkb), crs=crs), crs=crs)
        versions = pd.DataFrame({"version": raw["kcn_version"].astype("int64").to_numpy()})
        if key_column:
            versions.index = pd.Index(raw[key_column].astype(str).to_numpy(), name=key_column)
            versions["hash"] = _row_hashes(frame, key_column).reindex(versions.index).to_numpy()
        return frame, versions

    # -- writing ---------------------------------------------------------------------------------
    def write(self, project, force: bool = False, progress=None) -> None:
        import psycopg
        from psycopg import sql

        previous = read_state(project)
        same = previous is not None and previous.address == self.address
        try:
            with connect(self.address) as conn:
                ensure_vn2000_srids(conn)
                conn.commit()
                with conn.transaction():
                    fresh = not _schema_exists(conn, self.schema)
                    if fresh:
                        self._create_schema(conn)
                    elif not same and not force:
                        raise ChangedSinceOpened(t(
                            "cơ sở dữ liệu đã có dự án {p}; chọn ghi đè để thay nó",
                            "the database already has a project {p}; choose to replace it", p=self.schema),
                            redact(self.address))
                    # One save of this project at a time (editors may lock rows they may update).
                    conn.execute(sql.SQL("SELECT name FROM {} FOR UPDATE").format(self._q("kcn_layers")))
                    stored = {r[0]: (r[0], r[1], dict(r[2]), r[3], r[4]) for r in conn.execute(sql.SQL(
                        "SELECT name, key_column, columns, srid, version FROM {}").format(
                            self._q("kcn_layers"))).fetchall()}
                    conflicts: list[RowConflict] = []
                    names = list(project.layers)
                    prints = {name: fingerprint(project.layers[name]) for name in names}
                    touched = set()
                    for position, name in enumerate(names):
                        if same and not force and name in stored and prints[name] is not None \
                                and previous.fingerprints.get(name) == prints[name] \
                                and stored[name][4] == previous.extra.get("layer_versions", {}).get(name):
                            continue  # unchanged here: nothing to write, nothing to check
                        touched.add(name)
                        frame = _for_database(name, project.layers[name], project.crs)
                        key = ID_FIELDS.get(name)
                        rows_read = previous.rows.get(name) if (same and previous) else None
                        if name not in stored or not same or force and rows_read is None:
                            self._replace_layer(conn, name, frame, key, position, exists=name in stored)
                        elif key and rows_read is not None and key in frame.columns:
                            if stored[name][2] != _column_types(frame):
                                self._replace_layer(conn, name, frame, key, position, exists=True)
                            else:
                                conflicts += self._save_rows(conn, name, frame, key, rows_read, force)
                        else:
                            read_version = previous.extra.get("layer_versions", {}).get(name)
                            if read_version != stored[name][4] and not force:
                                conflicts.append(RowConflict(name, "*", None, None, stored[name][4]))
                                continue
                            self._replace_layer(conn, name, frame, key, position, exists=True)
                        conn.execute(sql.SQL("UPDATE {} SET position = %s WHERE name = %s").format(
                            self._q("kcn_layers")), (position, name))
                        if progress:
                            progress(90.0 * (position + 1) / max(len(names), 1))
                    if conflicts:
                        raise _Rollback(conflicts)
                    for gone in set(stored) - set(names):
                        if same and previous and gone in previous.layer_crs:
                            conn.execute(sql.SQL("DROP TABLE {}").format(self._q(gone)))
                            conn.execute(sql.SQL("DELETE FROM {} WHERE name = %s").format(
                                self._q("kcn_layers")), (gone,))
                    revision = uuid.uuid4().hex
                    meta = {"crs": project.crs.to_epsg() or project.crs.to_wkt(), "meta": project.meta,
                            "layer_state": project.layer_state, "view": project.view, "revision": revision}
                    from psycopg.types.json import Jsonb
                    with conn.cursor() as cur:
                        cur.executemany(sql.SQL(
                            "INSERT INTO {} (key, value) VALUES (%s, %s) "
                            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value").format(
                                self._q("kcn_project")), [(k, Jsonb(v)) for k, v in meta.items()])
                # Committed: what this copy now knows.
                self._remember(conn, project, revision, previous if same else None, touched, prints)
        except _Rollback as rolled:
            raise RowConflicts(self._with_theirs(rolled.conflicts, project), redact(self.address)) from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise NotAllowed(t("tài khoản này chỉ được xem, không được sửa dự án ({err})",
                               "this account may only view, not change, the project ({err})",
                               err=str(exc).strip().splitlines()[0][:120]), redact(self.address)) from exc
        if progress:
            progress(100.0)

    def _remember(self, conn, project, revision, previous, touched, prints) -> None:
        """What this copy knows after a committed save: new versions of the layers it wrote."""
        from psycopg import sql

        state = ReadState(address=self.address, token=revision)
        for name, version in conn.execute(sql.SQL("SELECT name, version FROM {}").format(
                self._q("kcn_layers"))).fetchall():
            state.extra.setdefault("layer_versions", {})[name] = version
        for name, frame in project.layers.items():
            state.fingerprints[name] = prints[name]
            state.layer_crs[name] = frame.crs
            key = ID_FIELDS.get(name)
            if previous is not None and name not in touched and name in previous.rows:
                state.rows[name] = previous.rows[name]
            elif key and key in frame.columns:
                rows = conn.execute(sql.SQL("SELECT {k}, kcn_version FROM {t}").format(
                    k=sql.Identifier(key), t=self._q(name))).fetchall()
                versions = pd.DataFrame(rows, columns=[key, "version"]).set_index(key)
                versions.index = versions.index.astype(str)
                versions["hash"] = _row_hashes(_for_database(name, frame, project.crs), key) \
                    .reindex(versions.index).to_numpy()
                state.rows[name] = versions
        setattr(project, "_store_state", state)

    # -- schema ----------------------------------------------------------------------------------
    def _create_schema(self, conn) -> None:
        from psycopg import sql

        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(self.schema)))
        conn.execute(sql.SQL("CREATE TABLE {} (key text PRIMARY KEY, value jsonb NOT NULL)").format(
            self._q("kcn_project")))
        conn.execute(sql.SQL(
            "CREATE TABLE {} (name text PRIMARY KEY, key_column text, columns jsonb NOT NULL, "
            "srid integer, position integer NOT NULL DEFAULT 0, version integer NOT NULL DEFAULT 1)").format(
                self._q("kcn_layers")))
        conn.execute(sql.SQL(
            "CREATE TABLE {} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            "at timestamptz NOT NULL DEFAULT now(), who text NOT NULL DEFAULT session_user, "
            "layer text NOT NULL, row_key text, operation text NOT NULL, before jsonb, after jsonb)").format(
                self._q("kcn_edit_log")))
        conn.execute(sql.SQL("CREATE INDEX ON {} (layer, row_key)").format(self._q("kcn_edit_log")))
        # Row versions and the edit log are kept by the database itself, whoever edits.
        conn.execute(sql.SQL(
            "CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "NEW.kcn_version := OLD.kcn_version + 1; RETURN NEW; END $$").format(self._q("kcn_bump_version")))
        conn.execute(sql.SQL(
            "CREATE FUNCTION {f}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
            "SET search_path = pg_catalog, pg_temp AS $$ "
            "DECLARE b jsonb; a jsonb; k text; BEGIN "
            "IF TG_OP <> 'INSERT' THEN b := to_jsonb(OLD) - 'geom'; END IF; "
            "IF TG_OP <> 'DELETE' THEN a := to_jsonb(NEW) - 'geom'; END IF; "
            "IF TG_OP = 'UPDATE' AND OLD.geom::text IS DISTINCT FROM NEW.geom::text THEN "
            "a := a || jsonb_build_object('geometry_changed', true); END IF; "
            "k := COALESCE(a, b) ->> TG_ARGV[0]; "
            "INSERT INTO {log} (layer, row_key, operation, before, after) "
            "VALUES (TG_TABLE_NAME, k, TG_OP, b, a); RETURN NULL; END $$").format(
                f=self._q("kcn_log_edit"), log=self._q("kcn_edit_log")))
        grant_roles(conn, self.schema)

    def _replace_layer(self, conn, name, frame, key, position, exists) -> None:
        """(Re)create a layer's table and fill it with COPY (one pass, no per-row statements)."""
        from psycopg import sql

        columns = _column_types(frame)
        srid = frame.crs.to_epsg() if frame.crs is not None else None
        version = 1
        if exists:
            version = conn.execute(sql.SQL("SELECT version FROM {} WHERE name = %s").format(
                self._q("kcn_layers")), (name,)).fetchone()[0] + 1
            conn.execute(sql.SQL("DROP TABLE {}").format(self._q(name)))
        definition = [sql.SQL("kcn_fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
                      sql.SQL("kcn_version integer NOT NULL DEFAULT 1")]
        definition += [sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(pg_type))
                       for c, pg_type in columns.items()]
        definition.append(sql.SQL("geom geometry(Geometry, {})").format(sql.Literal(srid or 0)))
        if key:
            definition.append(sql.SQL("UNIQUE ({})").format(sql.Identifier(key)))
        conn.execute(sql.SQL("CREATE TABLE {} ({})").format(self._q(name), sql.SQL(", ").join(definition)))
        self._copy_rows(conn, self._q(name), frame, columns, srid)
        conn.execute(sql.SQL("CREATE INDEX ON {} USING gist (geom)").format(self._q(name)))
        conn.execute(sql.SQL("CREATE TRIGGER kcn_version BEFORE UPDATE ON {} FOR EACH ROW "
                             "EXECUTE FUNCTION {}()").format(self._q(name), self._q("kcn_bump_version")))
        conn.execute(sql.SQL("CREATE TRIGGER kcn_log AFTER INSERT OR UPDATE OR DELETE ON {} FOR EACH ROW "
                             "EXECUTE FUNCTION {}({})").format(self._q(name), self._q("kcn_log_edit"),
                                                               sql.Literal(key or "kcn_fid")))
        from psycopg.types.json import Jsonb
        conn.execute(sql.SQL(
            "INSERT INTO {} (name, key_column, columns, srid, position, version) VALUES (%s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (name) DO UPDATE SET key_column = EXCLUDED.key_column, columns = EXCLUDED.columns, "
            "srid = EXCLUDED.srid, position = EXCLUDED.position, version = EXCLUDED.version").format(
                self._q("kcn_layers")), (name, key, Jsonb([[c, pg_type] for c, pg_type in columns.items()]), srid, position, version))
        grant_roles(conn, self.schema)

    def _copy_rows(self, conn, table, frame, columns, srid) -> None:
        """COPY a frame's rows into ``table`` as CSV built by pandas (vectorised), geometry as hex EWKB."""
        from psycopg import sql

        if not len(frame):
            return
        data = frame[list(columns)].copy()
        geoms = shapely.set_srid(frame.geometry.to_numpy(), srid or 0)
        data["geom"] = shapely.to_wkb(geoms, hex=True, include_srid=True)
        for column, pg_type in columns.items():
            if pg_type == "boolean":
                data[column] = data[column].astype(object).where(data[column].notna(), None)
            elif pg_type == "date":
                data[column] = pd.to_datetime(data[column], errors="coerce").dt.strftime("%Y-%m-%d")
        buffer = io.StringIO()
        data.to_csv(buffer, index=False, header=False, na_rep="\\N", quoting=csv.QUOTE_MINIMAL)
        target = sql.SQL("COPY {t} ({cols}) FROM STDIN WITH (FORMAT csv, NULL '\\N')").format(
            t=table, cols=sql.SQL(", ").join([sql.Identifier(c) for c in [*columns, "geom"]]))
        with conn.cursor().copy(target) as copy:
            copy.write(buffer.getvalue())

    def _save_rows(self, conn, name, frame, key, rows_read, force) -> list[RowConflict]:
        """Insert, update and delete the rows that changed here, each only if nobody changed it since."""
        from psycopg import sql

        hashes = _row_hashes(frame, key)
        keys = frame[key].astype(str)
        read_keys = rows_read.index
        added = keys[~keys.isin(read_keys)]
        deleted = read_keys[~read_keys.isin(keys)]
        common = keys[keys.isin(read_keys)]
        changed = common[hashes.reindex(common.to_numpy()).to_numpy() !=
                         rows_read["hash"].reindex(common.to_numpy()).to_numpy()]
        conflicts: list[RowConflict] = []
        if len(deleted):
            versions = rows_read["version"].reindex(deleted)
            done = conn.execute(sql.SQL(
                "DELETE FROM {t} AS x USING unnest(%s::text[], %s::int[]) AS u(k, v) "
                "WHERE x.{k}::text = u.k AND (x.kcn_version = u.v OR %s) RETURNING x.{k}::text").format(
                    t=self._q(name), k=sql.Identifier(key)),
                (list(deleted), [int(v) for v in versions], force)).fetchall()
            gone = set(deleted) - {r[0] for r in done}
            conflicts += [RowConflict(name, k, None, None, None) for k in sorted(gone)]
        if len(changed) or len(added):
            columns = _column_types(frame)
            temp = sql.Identifier("kcn_incoming")
            conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(temp))
            conn.execute(sql.SQL("CREATE TEMP TABLE {t} ON COMMIT DROP AS SELECT * FROM {src} WITH NO DATA").format(
                t=temp, src=self._q(name)))
            rows = frame[keys.isin(set(changed) | set(added)).to_numpy()]
            self._copy_rows(conn, temp, rows, columns, _srid(frame))
            assign = sql.SQL(", ").join([sql.SQL("{c} = i.{c}").format(c=sql.Identifier(c))
                                         for c in [*columns, "geom"]])
            if len(changed):
                conn.execute(sql.SQL("UPDATE {} AS i SET kcn_version = v.v FROM unnest(%s::text[], %s::int[]) "
                                     "AS v(k, v) WHERE i.{}::text = v.k").format(temp, sql.Identifier(key)),
                             (list(changed), [int(v) for v in rows_read["version"].reindex(changed)]))
                done = conn.execute(sql.SQL(
                    "UPDATE {t} AS x SET {assign} FROM {i} AS i WHERE x.{k} = i.{k} "
                    "AND (x.kcn_version = i.kcn_version OR %s) AND i.{k}::text = ANY(%s) "
                    "RETURNING x.{k}::text").format(t=self._q(name), assign=assign, i=temp, k=sql.Identifier(key)),
                    (force, list(changed))).fetchall()
                lost = set(changed) - {r[0] for r in done}
                conflicts += [RowConflict(name, k, None, None, None) for k in sorted(lost)]
            if len(added):
                cols = sql.SQL(", ").join([sql.Identifier(c) for c in [*columns, "geom"]])
                done = conn.execute(sql.SQL(
                    "INSERT INTO {t} ({cols}) SELECT {cols} FROM {i} WHERE {k}::text = ANY(%s) "
                    "ON CONFLICT ({k}) DO NOTHING RETURNING {k}::text").format(
                        t=self._q(name), cols=cols, i=temp, k=sql.Identifier(key)), (list(added),)).fetchall()
                clash = set(added) - {r[0] for r in done}
                conflicts += [RowConflict(name, k, None, None, None) for k in sorted(clash)]
        return conflicts

    def _with_theirs(self, conflicts: list[RowConflict], project) -> list[RowConflict]:
        """Fill both versions of each conflicting row (mine from the project, theirs from the database)."""
        from psycopg import sql

        out = []
        with connect(self.address) as conn:
            for c in conflicts:
                mine = theirs = None
                version = c.their_version
                key = ID_FIELDS.get(c.layer)
                if key and c.key != "*":
                    frame = project.layers.get(c.layer)
                    if frame is not None:
                        hit = frame[frame[key].astype(str) == c.key]
                        if len(hit):
                            mine = _plain_row(hit.iloc[0])
                    row = conn.execute(sql.SQL(
                        "SELECT to_jsonb(x) - 'geom' - 'kcn_fid', ST_AsText(geom) FROM {t} AS x "
                        "WHERE {k}::text = %s").format(t=self._q(c.layer), k=sql.Identifier(key)), (c.key,)).fetchone()
                    if row is not None:
                        theirs = dict(row[0])
                        version = theirs.pop("kcn_version", None)
                        theirs["geometry"] = row[1]
                out.append(RowConflict(c.layer, c.key, mine, theirs, version))
        return out

    # -- conflict resolution ---------------------------------------------------------------------
    def resolve(self, project, conflicts: list[RowConflict], choice: str) -> None:
        """Settle conflicts on ``project``: ``"mine"`` keeps my rows (the next save overwrites theirs),
        ``"theirs"`` replaces my rows by the database's. Either way the rows count as read now."""
        from psycopg import sql

        state = read_state(project)
        with connect(self.address) as conn:
            for c in conflicts:
                key = ID_FIELDS.get(c.layer)
                if not key or c.key == "*":
                    state.extra.setdefault("layer_versions", {})[c.layer] = c.their_version
                    continue
                rows = state.rows[c.layer]
                frame = project.layers[c.layer]
                if choice == "theirs":
                    theirs = conn.execute(sql.SQL(
                        "SELECT {cols}, kcn_version, ST_AsBinary(geom) FROM {t} WHERE {k}::text = %s").format(
                            cols=sql.SQL(", ").join([sql.Identifier(col) for col in _column_types(frame)]),
                            t=self._q(c.layer), k=sql.Identifier(key)), (c.key,)).fetchone()
                    mask = (frame[key].astype(str) == c.key).to_numpy()
                    if theirs is None:  # they deleted it
                        project.layers[c.layer] = frame[~mask]
                        rows.drop(index=[c.key], inplace=True, errors="ignore")
                        continue
                    values = dict(zip(_column_types(frame), theirs[:-2]))
                    row = {col: values[col] for col in values}
                    if mask.any():
                        at = frame.index[mask][0]
                        for col, value in row.items():
                            frame.loc[at, col] = _cell(frame[col], value)
                        frame.loc[at, frame.geometry.name] = shapely.from_wkb(bytes(theirs[-1]))
                    else:
                        add = gpd.GeoDataFrame([row], geometry=[shapely.from_wkb(bytes(theirs[-1]))], crs=frame.crs)
                        project.layers[c.layer] = pd.concat([frame, add], ignore_index=True)
                        frame = project.layers[c.layer]
                    rows.loc[c.key, "version"] = theirs[-2]
                    rows.loc[c.key, "hash"] = _row_hashes(_for_database(c.layer, frame, project.crs), key)[c.key]
                else:
                    if c.their_version is None:  # gone there: my save inserts it again
                        rows.drop(index=[c.key], inplace=True, errors="ignore")
                    else:
                        rows.loc[c.key, "version"] = c.their_version
                        rows.loc[c.key, "hash"] = ""  # differs from mine: it is saved


class _Rollback(Exception):
    def __init__(self, conflicts):
        super().__init__("conflicts")
        self.conflicts = conflicts


# -- helpers ---------------------------------------------------------------------------------------
def _schema_exists(conn, schema: str) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM information_schema.tables "
                        "WHERE table_schema = %s AND table_name = 'kcn_layers')", (schema,)).fetchone()[0]


def _srid(frame) -> int | None:
    return frame.crs.to_epsg() if frame.crs is not None else None


def _for_database(name: str, frame, crs):
    """A layer as it is stored: canonical dates as dates, in the project CRS when it has none."""
    if frame.crs is None:
        frame = frame.set_crs(crs)
    return frame


def _column_types(frame) -> dict[str, str]:
    """PostgreSQL types for a frame's attribute columns (by dtype; canonical dates as ``date``)."""
    out = {}
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        dtype = frame[column].dtype
        kind = getattr(dtype, "kind", "O")
        if str(dtype) in ("bool", "boolean"):
            out[column] = "boolean"
        elif kind in "iu":
            out[column] = "bigint"
        elif kind == "f":
            out[column] = "double precision"
        elif kind == "M":
            if getattr(dtype, "tz", None) is not None:
                out[column] = "timestamptz"
            else:
                values = frame[column].dropna()
                dates_only = column in DATE_FIELDS or (len(values) and (values == values.dt.normalize()).all())
                out[column] = "date" if dates_only else "timestamp"
        else:
            out[column] = "text"
    return out


def _from_pg(series: pd.Series, pg_type: str) -> pd.Series:
    if pg_type in ("date", "timestamp"):
        return pd.to_datetime(series, errors="coerce").astype("datetime64[ms]")
    if pg_type == "timestamptz":
        return pd.to_datetime(series, errors="coerce", utc=True)
    if pg_type == "double precision":
        return pd.to_numeric(series, errors="coerce").astype("float64")
    if pg_type == "bigint":
        numbers = pd.to_numeric(series, errors="coerce")
        return numbers.astype("float64") if numbers.isna().any() else numbers.astype("int64")
    if pg_type == "boolean":
        return series.astype(object) if series.isna().any() else series.astype(bool)
    return series.astype("str").where(series.notna(), None) if len(series) else series.astype("str")


def _row_hashes(frame, key: str) -> pd.Series:
    """One hash per row (attributes and geometry), indexed by the row's key as text."""
    attrs = frame.drop(columns=[frame.geometry.name])
    for column in attrs.columns:  # stable across dtypes that read back differently (dates, booleans)
        if attrs[column].dtype.kind == "M":
            attrs[column] = pd.to_datetime(attrs[column]).dt.strftime("%Y-%m-%d %H:%M:%S")
        attrs[column] = attrs[column].astype(object).where(attrs[column].notna(), None).astype(str)
    row_hash = pd.util.hash_pandas_object(attrs, index=False).to_numpy()
    geom = pd.util.hash_array(shapely.to_wkb(frame.geometry.to_numpy(), hex=True).astype(object))
    return pd.Series((row_hash ^ geom).astype(str), index=frame[key].astype(str).to_numpy())


def _plain_row(row: pd.Series) -> dict:
    out = {}
    for column, value in row.items():
        if isinstance(value, shapely.Geometry):
            out["geometry"] = value.wkt
        elif value is None or (not isinstance(value, str) and pd.isna(value)):
            out[column] = None
        elif isinstance(value, pd.Timestamp):
            out[column] = value.date().isoformat()
        else:
            out[column] = value.item() if hasattr(value, "item") else value
    return out


def _cell(series: pd.Series, value):
    if value is None:
        return None
    if series.dtype.kind == "M":
        return pd.Timestamp(value)
    return value


def grant_roles(conn, schema: str) -> None:
    """Viewer reads, editor reads and edits rows; both only through the grants on this schema."""
    from psycopg import sql

    ensure_roles(conn)
    s = sql.Identifier(schema)
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}, {}").format(
        s, sql.Identifier(VIEWER_ROLE), sql.Identifier(EDITOR_ROLE)))
    conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(s, sql.Identifier(VIEWER_ROLE)))
    conn.execute(sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}").format(
        s, sql.Identifier(EDITOR_ROLE)))
    conn.execute(sql.SQL("REVOKE INSERT, UPDATE, DELETE ON {}.kcn_edit_log FROM {}").format(
        s, sql.Identifier(EDITOR_ROLE)))
    conn.execute(sql.SQL("REVOKE INSERT, UPDATE, DELETE ON {}.kcn_layers FROM {}").format(
        s, sql.Identifier(EDITOR_ROLE)))
    conn.execute(sql.SQL("GRANT UPDATE (position, version) ON {}.kcn_layers TO {}").format(
        s, sql.Identifier(EDITOR_ROLE)))
    conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(s, sql.Identifier(EDITOR_ROLE)))


def ensure_roles(conn) -> None:
    """Create the cluster-wide roles ``kcn_viewer`` and ``kcn_editor`` when missing (needs CREATEROLE)."""
    for role in (VIEWER_ROLE, EDITOR_ROLE):
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            from psycopg import sql
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))


_SRIDS_CHECKED: set = set()


def ensure_vn2000_srids(conn) -> list[int]:
    """Add (or correct) the VN-2000 TM-3 CRSs in ``spatial_ref_sys`` with their EPSG:6960 datum shift.

    EPSG:5896–5899 and 9205–9218 (gis_app.core.crs.VN2000_TM3_EPSG); srtext and proj4text carry the
    TOWGS84 of EPSG:6960 as pyproj gives it, so ``ST_Transform`` to WGS 84 agrees with the application
    (tests/test_store_postgis.py checks it to the millimetre). Returns the SRIDs written; a role
    without the right to change ``spatial_ref_sys`` changes nothing (logged).
    """
    from ..core.crs import VN2000_TM3_EPSG

    from .srids import vn2000_definitions

    server = (conn.info.host, conn.info.port, conn.info.dbname)
    if server in _SRIDS_CHECKED:  # once per server and process: "on first connection"
        return []
    _SRIDS_CHECKED.add(server)
    wanted = vn2000_definitions()
    have = {row[0]: (row[1], row[2]) for row in conn.execute(
        "SELECT srid, srtext, proj4text FROM spatial_ref_sys WHERE srid = ANY(%s)", (list(VN2000_TM3_EPSG),))}
    todo = [(code, srtext, proj4) for code, (srtext, proj4) in wanted.items() if have.get(code) != (srtext, proj4)]
    if not todo:
        return []
    import psycopg
    try:
        with conn.transaction():
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) "
                    "VALUES (%s, NULL, NULL, %s, %s) ON CONFLICT (srid) DO UPDATE SET auth_name = NULL, "
                    "auth_srid = NULL, srtext = EXCLUDED.srtext, proj4text = EXCLUDED.proj4text",
                    todo)
    except psycopg.errors.InsufficientPrivilege:
        log.warning("no right to add VN-2000 SRIDs to spatial_ref_sys; ask the database owner")
        return []
    return [code for code, _, _ in todo]


def publish_summary(address: str) -> dict:
    """Layer names and row counts of a stored project (for messages)."""
    from psycopg import sql

    store = PostgisStore(address)
    with connect(address) as conn:
        names = [r[0] for r in conn.execute(sql.SQL("SELECT name FROM {} ORDER BY position").format(
            store._q("kcn_layers")))]
        return {n: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(store._q(n))).fetchone()[0]
                for n in names}


def json_default(value):  # pragma: no cover - used by log rendering
    return str(value)


__all__ = ["PostgisStore", "address_from_dsn", "connect", "ensure_vn2000_srids", "make_address", "redact",
           "split_address", "json"]
